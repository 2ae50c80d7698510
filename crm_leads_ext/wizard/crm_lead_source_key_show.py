# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class CrmLeadSourceKeyShow(models.TransientModel):
    """Shows a newly generated key once. The key comes in the context of
    the action as a default value: the dialog's record is never saved.

    Transient models have no access rights of their own (any user may
    create and read their own records): only those who may change the
    API keys may open or create this dialog."""

    _name = 'crm.lead.source.key.show'
    _description = 'New Lead Capture API Key'

    key_id = fields.Many2one('crm.lead.source.key', string='API Key Of',
                             readonly=True)
    key = fields.Char(string='API Key', readonly=True)

    @api.model
    def _check_key_manager(self):
        self.env['crm.lead.source.key'].check_access_rights('write')

    @api.model
    def default_get(self, fields_list):
        self._check_key_manager()
        return super(CrmLeadSourceKeyShow, self).default_get(fields_list)

    @api.model
    def create(self, vals):
        self._check_key_manager()
        dialog = super(CrmLeadSourceKeyShow, self).create(vals)
        # the key named, in the values or a default of the context: one the
        # caller may read (reading the dialog gives the key's name, read as
        # superuser by Odoo's many2one)
        dialog.key_id.check_access_rule('read')
        return dialog
