# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models


class MailActivity(models.Model):
    """Odoo 11 checks the document's access only when an activity is
    written: the record rule on ``crm_lead_user_ids`` hides the activities
    of leads the user may not read."""

    _name = 'mail.activity'
    _inherit = ['crm.lead.document.mixin', 'mail.activity']

    # an activity may name its document's model by its ir.model
    _crm_lead_document_fields = ('res_model', 'res_model_id', 'res_id')

    @api.multi
    def _crm_lead_document_model(self, vals, row):
        if vals.get('res_model_id'):
            return self.env['ir.model'].sudo().browse(
                vals['res_model_id']).model
        return super(MailActivity, self)._crm_lead_document_model(vals, row)

    @api.multi
    def _crm_lead_check_access(self, operation):
        # the rule, or write access to the document (mail's own check)
        self._check_access(operation)
