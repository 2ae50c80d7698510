# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    criterion_check_ids = fields.One2many(
        'crm.lead.criterion.check', 'lead_id', string='Criteria Checklist')
    stage_history_ids = fields.One2many(
        'crm.lead.stage.history', 'lead_id', string='Stage History')
