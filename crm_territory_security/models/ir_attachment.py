# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models


class IrAttachment(models.Model):
    """Attachments of a lead follow the lead's territory rules in every
    path, ``read_group`` included (Odoo's own filter of attachments,
    ``_search``, does not cover it): file names and their indexed text. A
    write of ``res_id`` alone is checked on the new document (Odoo 11
    checks the values only when both res_model and res_id are written)."""

    _name = 'ir.attachment'
    _inherit = ['crm.lead.document.mixin', 'ir.attachment']
    _crm_lead_search_filters_documents = True

    @api.multi
    def _crm_lead_check_access(self, operation):
        self.check(operation)
