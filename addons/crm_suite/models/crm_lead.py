# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models


class CrmLead(models.Model):
    """Glue between the lead import of crm_leads_ext, which writes leads in
    SQL, and what the create() of the other addons does: none of them
    depends on crm_leads_ext, the suite depends on all."""

    _inherit = 'crm.lead'

    @api.multi
    def _post_import_create(self):
        """After the assignment rules (crm_leads_ext): the territory's
        salesperson for the leads still without one (crm_territory_security;
        the territory itself is a stored computed field, recomputed by the
        import from the written columns), the lead link of the followers
        the import inserted, then the entry in the first stage
        (crm_funnel_stages)."""
        result = super(CrmLead, self)._post_import_create()
        if not self:
            return result
        self.env.cr.execute("""
            UPDATE mail_followers SET crm_lead_id = res_id
             WHERE res_model = 'crm.lead' AND res_id IN %s
               AND crm_lead_id IS NULL""", (tuple(self.ids),))
        self.env['mail.followers'].invalidate_cache(['crm_lead_id'])
        self.sudo()._assign_territory_salespeople()
        staged = self.filtered('stage_id')
        for date, leads in _group_by(staged, 'date_last_stage_update'):
            leads._enter_stage({}, date)
        if self._all_stage_required_field_names():
            self._check_stage_required_fields()
        return result


def _group_by(records, field_name):
    groups = {}
    for record in records:
        groups.setdefault(record[field_name], []).append(record.id)
    return [(key, records.browse(ids)) for key, ids in groups.items()]
