# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models


class MailMessage(models.Model):
    """Messages of a lead follow the lead's territory rules, whoever wrote
    or received them (Odoo 11 lets authors, recipients and notified
    partners read a message whatever its document), in every path:
    ``search``, ``read``, and ``read_group``, which Odoo's own filter of
    messages (``_search``) does not cover. A reply names its parent (the
    ``parent_id`` label is read as superuser): the parent must be readable.
    """

    _name = 'mail.message'
    _inherit = ['crm.lead.document.mixin', 'mail.message']

    _crm_lead_model_field = 'model'
    _crm_lead_document_fields = ('model', 'res_id')
    _crm_lead_link_fields = ('parent_id',)

    @api.multi
    def check_access_rule(self, operation):
        """mail's check replaces the ORM's, which applies the record rules:
        apply them too."""
        super(MailMessage, self).check_access_rule(operation)
        models.BaseModel.check_access_rule(self, operation)

    @api.multi
    def _crm_lead_check_access(self, operation):
        # a message moved onto a document is posted there
        self.check_access_rule('create')
