# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class CrmFunnelTemplateLoad(models.TransientModel):
    """Create the stages of a funnel template for one team, or shared by all
    teams, with their exit criteria and required fields."""
    _name = 'crm.funnel.template.load'
    _description = 'Load a funnel template'

    template_id = fields.Many2one(
        'crm.funnel.template', string='Funnel Template', required=True)
    team_id = fields.Many2one(
        'crm.team', string='Sales Team',
        help="Leave empty to create stages shared by all sales teams.")
    on_conflict = fields.Selection(
        [('error', 'Stop and show the stages that already exist'),
         ('skip', 'Keep the existing stages, create the others')],
        string='When a Stage Exists', required=True, default='error',
        help="A stage exists when the team (or the shared stages) already "
             "has a stage of the same name.")

    @api.multi
    def action_load(self):
        # anyone may open a transient record: loading is configuring the
        # stages, a Sales Manager's job, refused before anything is read
        if not self.env.user.has_group('sales_team.group_sale_manager'):
            raise AccessError(_(
                "Only a Sales Manager may load a funnel template."))
        self.ensure_one()
        template_stages = self.template_id.stage_ids
        if not template_stages:
            raise UserError(_("The funnel template \"%s\" has no stage.")
                            % self.template_id.name)
        existing = self.env['crm.stage'].search([
            ('team_id', '=', self.team_id.id),
            ('name', 'in', template_stages.mapped('name')),
        ])
        existing_names = set(existing.mapped('name'))
        if existing_names and self.on_conflict == 'error':
            raise UserError(_(
                "These stages already exist for %(team)s: %(stages)s. Remove "
                "or rename them, or choose to keep the existing stages.") % {
                    'team': self.team_id.name or _("all sales teams"),
                    'stages': ', '.join(sorted(existing_names))})
        to_create = template_stages.filtered(
            lambda s: s.name not in existing_names)
        stages = self._create_stages(to_create)
        if self.team_id:
            self.team_id.funnel_chart = self.template_id.funnel_chart
        action = self.env.ref('crm.crm_stage_action').read()[0]
        action['domain'] = [('id', 'in', stages.ids)]
        return action

    @api.multi
    def _create_stages(self, template_stages):
        # The source (English) values go into the columns; the template's
        # translations are copied below so that every language keeps its
        # names.
        template_stages = template_stages.with_context(lang='en_US')
        field_names = set()
        for tstage in template_stages:
            field_names.update(tstage._required_field_names())
        lead_fields = self.env['ir.model.fields'].search([
            ('model', '=', 'crm.lead'), ('name', 'in', list(field_names))])
        field_ids = {field.name: field.id for field in lead_fields}
        stage_model = self.env['crm.stage'].with_context(lang='en_US')
        stages = stage_model.browse()
        copies = []
        for tstage in template_stages:
            stage = stage_model.create({
                'name': tstage.name,
                'sequence': tstage.sequence,
                'probability': tstage.probability,
                'on_change': tstage.on_change,
                'fold': tstage.fold,
                'requirements': tstage.requirements,
                'team_id': self.team_id.id,
                'required_field_ids': [(6, 0, [
                    field_ids[name]
                    for name in tstage._required_field_names()])],
                'criterion_ids': [(0, 0, {
                    'name': criterion.name,
                    'description': criterion.description,
                    'required': criterion.required,
                    'sequence': criterion.sequence,
                }) for criterion in tstage.criterion_ids],
            })
            stages |= stage
            copies.append(('crm.funnel.template.stage', tstage.id,
                           'crm.stage', stage.id))
            copies.extend(
                ('crm.funnel.template.criterion', tcrit.id,
                 'crm.stage.criterion', crit.id)
                for tcrit, crit in zip(tstage.criterion_ids,
                                       stage.criterion_ids))
        self._copy_translations(copies)
        return stages

    @api.model
    def _copy_translations(self, copies):
        """Copy the translations of name and description from template
        records to the records made from them; copies is a list of
        (template model, template id, model, id)."""
        targets = {(tmodel, tid): (model, rid)
                   for tmodel, tid, model, rid in copies}
        translation = self.env['ir.translation']
        sources = translation.search([
            ('type', '=', 'model'),
            ('name', 'in', [
                '%s,%s' % (tmodel, fname)
                for tmodel in ('crm.funnel.template.stage',
                               'crm.funnel.template.criterion')
                for fname in ('name', 'description', 'requirements')]),
            ('res_id', 'in', list({tid for _tm, tid in targets})),
        ])
        for source in sources:
            tmodel, fname = source.name.split(',')
            target = targets.get((tmodel, source.res_id))
            if not target or not source.value:
                continue
            translation.create({
                'type': 'model',
                'name': '%s,%s' % (target[0], fname),
                'res_id': target[1],
                'lang': source.lang,
                'src': source.src,
                'value': source.value,
                'state': source.state,
            })
