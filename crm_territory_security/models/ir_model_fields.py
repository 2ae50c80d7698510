# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models


class IrModelFields(models.Model):
    """The territory rules of the models linked to leads follow their
    fields: reflected when a module that defines or extends the model is
    installed or updated (or a custom field is added), deleted when it is
    uninstalled (see ``ir.rule``)."""

    _inherit = 'ir.model.fields'

    def _reflect_model(self, model):
        super(IrModelFields, self)._reflect_model(model)
        self.env['ir.rule']._territory_sync_lead_linked_rules([model._name])

    @api.multi
    def unlink(self):
        # before the fields are read as superuser
        self.check_access_rights('unlink')
        models_linked = set(field.model for field in self.sudo()
                            if field.ttype == 'many2one' and
                            field.relation == 'crm.lead')
        result = super(IrModelFields, self).unlink()
        uninstalling = self.env['ir.module.module'].sudo().search_count([
            ('name', '=', 'crm_territory_security'),
            ('state', '=', 'to remove')])
        if models_linked and not uninstalling:
            self.env['ir.rule']._territory_sync_lead_linked_rules(
                sorted(models_linked))
        return result
