# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class CrmFunnelTemplateCriterion(models.Model):
    _name = 'crm.funnel.template.criterion'
    _description = 'Exit criterion of a funnel template stage'
    _order = 'template_stage_id, sequence, id'

    template_stage_id = fields.Many2one(
        'crm.funnel.template.stage', string='Template Stage', required=True,
        ondelete='cascade', index=True)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    required = fields.Boolean(default=True)
