# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class CrmTeam(models.Model):
    _inherit = 'crm.team'

    show_shared_stages = fields.Boolean(
        string='Show the Shared Stages Too',
        help="A team with stages of its own sees only those in its pipeline "
             "and its sales funnel; tick this to see the stages shared by "
             "all teams beside them. A team without stages of its own always "
             "works with the shared stages.")
    funnel_chart = fields.Selection(
        [('bars', 'Bars'), ('funnel', 'Funnel')],
        string='Sales Funnel Chart', required=True, default='bars',
        help="How the sales funnel of this team is drawn when it opens: "
             "bars per stage, or a funnel whose bands narrow stage after "
             "stage. Either can be chosen on the funnel itself.")

    @api.multi
    def _stage_domain(self):
        """The domain of the stages the pipelines and funnels of these teams
        show: their own stages, and the shared ones for a team that asks
        for them or has none of its own."""
        Stage = self.env['crm.stage']
        with_own = {
            group['team_id'][0] for group in Stage.read_group(
                [('team_id', 'in', self.ids)], ['team_id'], ['team_id'])}
        domain = [('team_id', 'in', self.ids)]
        if any(team.show_shared_stages or team.id not in with_own
               for team in self):
            domain = ['|', ('team_id', '=', False)] + domain
        return domain

    @api.model
    def _managed_team(self):
        """The team the pipeline and the sales funnel of a manager open on:
        their default team when they lead it, else the first team they
        lead, else the default team of a Sales Manager. Empty for a
        salesperson, who starts on their own opportunities."""
        user = self.env.user
        led = self.search([('user_id', '=', user.id)])
        if led:
            return user.sale_team_id if user.sale_team_id in led else led[0]
        if user.has_group('sales_team.group_sale_manager'):
            return user.sale_team_id
        return self.browse()

    @api.model
    def action_your_pipeline(self):
        """crm's "Pipeline" menu: a manager's opens on their team (a filter
        of the search bar they can remove) rather than on the opportunities
        assigned to them, which a manager seldom has."""
        self.check_access_rights('read')
        action = super(CrmTeam, self).action_your_pipeline()
        team = self._managed_team()
        if team:
            context = dict(action['context'])
            context.pop('search_default_assigned_to_me', None)
            context.update(default_team_id=team.id,
                           search_default_team_id=team.id)
            action['context'] = context
        return action
