# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class Lead2OpportunityPartner(models.TransientModel):
    """The conversion wizard proposes the existing partner the lead is
    (same email whatever its case, or same company and contact names), and
    shows the existing company a new contact will be created under."""

    _inherit = 'crm.lead2opportunity.partner'

    existing_company_id = fields.Many2one(
        'res.partner', string='Existing Company', readonly=True,
        help="A company of this name exists: the contact of the lead is "
             "created under it, no second company is created.")

    @api.model
    def _find_matching_partner(self):
        """Odoo matches the exact email, then any partner whose name
        contains the company's or the contact's name. Match instead the
        email whatever its case, then the company of the same name and
        its contact of the same name. The company alone is proposed only
        when the lead names no contact: otherwise 'Create a new customer'
        creates the contact under it. A person's name alone is not
        enough (namesakes)."""
        if self.env.context.get('active_model') != 'crm.lead' or \
                not self.env.context.get('active_id'):
            return False
        lead = self.env['crm.lead'].browse(self.env.context['active_id'])
        if lead.partner_id:
            return lead.partner_id.id
        partner = lead._find_existing_partner()
        if partner.is_company and lead._conversion_contact_name():
            return False
        return partner.id or False

    @api.model
    def default_get(self, fields_list):
        result = super(Lead2OpportunityPartner, self).default_get(fields_list)
        active_id = self.env.context.get('active_id')
        if 'existing_company_id' in fields_list and active_id and \
                self.env.context.get('active_model') == 'crm.lead' and \
                not result.get('partner_id'):
            lead = self.env['crm.lead'].browse(active_id)
            if not lead.partner_id:
                result['existing_company_id'] = \
                    lead._find_existing_company().id or False
        return result

    @api.onchange('action')
    def onchange_action(self):
        """'Link to an existing customer' proposes the existing company
        when no partner matches better. For those who may modify leads
        (an onchange is callable over RPC, and checks no rights)."""
        self.env['crm.lead'].check_access_rights('write')
        super(Lead2OpportunityPartner, self).onchange_action()
        if self.action == 'exist' and not self.partner_id:
            self.partner_id = self.existing_company_id
