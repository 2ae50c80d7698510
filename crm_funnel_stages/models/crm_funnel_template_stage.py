# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmFunnelTemplateStage(models.Model):
    _name = 'crm.funnel.template.stage'
    _description = 'Stage of a funnel template'
    _order = 'template_id, sequence, id'

    template_id = fields.Many2one(
        'crm.funnel.template', string='Template', required=True,
        ondelete='cascade', index=True)
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=1)
    probability = fields.Float(default=10.0)
    on_change = fields.Boolean(
        string='Change Probability Automatically', default=True)
    fold = fields.Boolean(string='Folded in Pipeline')
    requirements = fields.Text(translate=True)
    required_fields = fields.Char(
        help="Technical names of the fields of the opportunity that must be "
             "set from this stage on, separated by commas, e.g. "
             "planned_revenue,date_deadline.")
    criterion_ids = fields.One2many(
        'crm.funnel.template.criterion', 'template_stage_id',
        string='Exit Criteria', copy=True)

    _sql_constraints = [
        ('probability_range', 'CHECK(probability >= 0 AND probability <= 100)',
         'The probability of a stage lies between 0 and 100.'),
    ]

    @api.multi
    def _required_field_names(self):
        self.ensure_one()
        return [name.strip() for name in (self.required_fields or '').split(',')
                if name.strip()]

    @api.constrains('required_fields')
    def _check_required_fields(self):
        # Stored fields only: the gate reads them on the lead's row.
        lead_fields = self.env['crm.lead']._fields
        for stage in self:
            unknown = [name for name in stage._required_field_names()
                       if name not in lead_fields
                       or not lead_fields[name].store]
            if unknown:
                raise ValidationError(_(
                    "Stage \"%(stage)s\" of the funnel template requires "
                    "fields that opportunities do not store: %(fields)s") % {
                        'stage': stage.name, 'fields': ', '.join(unknown)})
