# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models


class CrmLead(models.Model):
    """The lead import of crm_leads_ext writes leads in SQL, skipping
    create(): what crm_funnel_stages' create() does (the entry in the first
    stage: its history row and checklist; the fields the stage requires) is
    done here for the imported leads, set-based. The stage's probability
    is the import's own (crm_leads_ext's writer stamps it)."""

    _inherit = 'crm.lead'

    @api.multi
    def _post_import_create(self):
        result = super(CrmLead, self)._post_import_create()
        if not self:
            return result
        # the date each lead entered its stage, read in one query: the
        # leads of a batch share it, unless another hook moved some
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
