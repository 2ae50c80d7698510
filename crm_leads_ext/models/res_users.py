# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError


class ResUsers(models.Model):
    """The teams a user leads, and their default team (Odoo's
    ``sale_team_id``, which is also their team membership) chosen in
    their Preferences among the teams they belong to."""

    _inherit = 'res.users'

    led_team_ids = fields.One2many(
        'crm.team', 'user_id', string='Led Sales Teams',
        help="Sales teams this user leads: they see the leads of these "
             "teams and of all their sub-teams.")
    sale_team_choice_ids = fields.Many2many(
        'crm.team', string='Sales Teams to Choose From',
        compute='_compute_sale_team_choice_ids',
        help="The teams this user may choose as default team in their "
             "preferences: the team they are a member of and the teams "
             "they lead.")

    def __init__(self, pool, cr):
        """Users set their own default team in their Preferences (Odoo's
        idiom to extend the fields a user may read and write on their own
        record)."""
        super(ResUsers, self).__init__(pool, cr)
        type(self).SELF_READABLE_FIELDS = list(self.SELF_READABLE_FIELDS) + [
            'sale_team_id', 'sale_team_choice_ids']
        type(self).SELF_WRITEABLE_FIELDS = list(
            self.SELF_WRITEABLE_FIELDS) + ['sale_team_id']

    # not on sale_team_id: the choices are those of the saved user, the
    # preferences form keeps them while the user changes the team
    @api.depends('led_team_ids')
    def _compute_sale_team_choice_ids(self):
        for user in self:
            user.sale_team_choice_ids = self.env['crm.team'].sudo().search(
                ['|', ('user_id', '=', user.id),
                 ('member_ids', 'in', user.ids)])

    @api.multi
    def write(self, vals):
        """A user without the right to modify users changes only their
        own default team (Odoo writes it as the superuser), and only to a
        team they belong to."""
        if vals.get('sale_team_id') and self == self.env.user and \
                not self.check_access_rights('write', raise_exception=False):
            team = self.env['crm.team'].sudo().browse(vals['sale_team_id'])
            if team not in self.sale_team_choice_ids:
                # a rights matter (the team is not theirs): an access
                # error, also over XML-RPC
                raise AccessError(_(
                    "You can choose as default sales team only a team you "
                    "are a member of or lead, not %s.") % team.display_name)
        return super(ResUsers, self).write(vals)
