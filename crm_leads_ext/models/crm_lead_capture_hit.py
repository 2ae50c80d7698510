# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class CrmLeadCaptureHit(models.Model):
    """One request to the capture endpoint: the rate limits count these
    rows of the last minute, so they hold across workers and servers. A
    cron deletes the rows older than an hour."""

    _name = 'crm.lead.capture.hit'
    _description = 'Lead Capture Request'
    _log_access = False
    _order = 'hit_time desc, id desc'

    ip = fields.Char(string='IP Address', index=True)
    key_id = fields.Many2one('crm.lead.source.key', string='API Key',
                             index=True, ondelete='cascade')
    # the key's, set with it (crm.lead.source.key._capture_key_hit): a
    # request without a valid key belongs to no company
    company_id = fields.Many2one('res.company', string='Company',
                                 index=True, ondelete='cascade')
    hit_time = fields.Datetime(string='Time', index=True)

    @api.model
    def _gc_hits(self):
        self.env.cr.execute("""
            DELETE FROM crm_lead_capture_hit
             WHERE hit_time < now() at time zone 'UTC' - interval '1 hour'
        """)
        return True
