# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models


class CrmLead(models.Model):
    """Glue between the lead import of crm_leads_ext, which writes leads in
    SQL, and what the create() of the other addons does: none of them
    depends on crm_leads_ext, the suite depends on all."""

    _inherit = 'crm.lead'

    @api.model
    def _prepare_import_rows(self, rows, fixed):
        """The territory of the rows (crm_territory_security), matched on
        their address before the INSERT, as create() does on its values.
        Territories with a domain need the leads in the database: then the
        import recomputes the territory after the INSERT."""
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
        salesperson for the leads still without one (crm_territory_security;
        the territory itself is matched before the INSERT, see
        _prepare_import_rows), then the entry in the first stage
        (crm_funnel_stages)."""
        result = super(CrmLead, self)._post_import_create()
        if not self:
            return result
        self.sudo()._assign_territory_salespeople()
        self.env.cr.execute("""
            SELECT id, stage_id, date_last_stage_update FROM crm_lead
             WHERE id IN %s ORDER BY id""", (tuple(self.ids),))
        entered = {}
        for lead_id, stage_id, date in self.env.cr.fetchall():
            if stage_id:
                entered.setdefault(date, []).append(lead_id)
        for date, ids in entered.items():
            self.browse(ids)._enter_stage({}, date)
        if self._all_stage_required_field_names():
            self._check_stage_required_fields()
        return result
