# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models


class CrmLead(models.Model):
    """The lead import of crm_leads_ext writes leads in SQL, skipping
    create(): what crm_territory_security's create() does (the territory
    matched from the address, the territory's salesperson) is done here
    for the imported leads, set-based."""

    _inherit = 'crm.lead'

    @api.model
    def _prepare_import_rows(self, rows, fixed):
        """The territory of the rows, matched on their address before the
        INSERT, as create() does on its values. Territories with a domain
        need the leads in the database: then the import recomputes the
        territory after the INSERT (the stored compute)."""
        filled = super(CrmLead, self)._prepare_import_rows(rows, fixed)
        Territory = self.env['crm.territory'].sudo()
        if any(rule['domain'] for rule in Territory._matching_rules()):
            return filled
        partners = self.env['res.partner'].sudo().browse(list(
            {row['partner_id'] for row in rows if row.get('partner_id')}))
        categories = {partner.id: partner.category_id.ids
                      for partner in partners}
        matches = Territory._match_addresses({
            index: {
                'company_id': fixed['company_id'],
                'country_id': row.get('country_id') or False,
                'state_id': row.get('state_id') or False,
                'zip': row.get('zip') or False,
                'city': row.get('city') or False,
                'category_ids': categories.get(row.get('partner_id'), []),
            } for index, row in enumerate(rows)})
        default = (self.env['res.company'].browse(fixed['company_id']) or
                   self.env.user.company_id).crm_default_territory_id
        for index, row in enumerate(rows):
            match = matches.get(index)
            row['territory_id'] = (match or default).id or None
            row['territory_unmatched'] = not match
        return filled | {'territory_id', 'territory_unmatched'}

    @api.multi
    def _post_import_create(self):
        """After the assignment rules (crm_leads_ext): the territory's
        salesperson for the leads still without one, as create() gives
        it."""
        result = super(CrmLead, self)._post_import_create()
        if self:
            self.sudo()._assign_territory_salespeople()
        return result
