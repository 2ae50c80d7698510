# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models


class MailActivity(models.Model):
    """Odoo 11 checks the document's access only when an activity is
    written: the lead link lets a record rule hide the activities of leads
    the user may not read."""

    _name = 'mail.activity'
    _inherit = ['mail.activity', 'crm.lead.linked.mixin']

    # an activity may name its document's model by its ir.model
    _crm_lead_document_fields = ('res_model', 'res_model_id', 'res_id')
