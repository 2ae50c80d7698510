# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class MailFollowers(models.Model):
    """Every user may read mail.followers in Odoo 11: the lead link lets a
    record rule hide who follows the leads the user may not read (and that
    those leads exist)."""

    _inherit = 'mail.followers'

    crm_lead_id = fields.Many2one(
        'crm.lead', string='Lead', index=True, ondelete='cascade',
        compute='_compute_crm_lead_id', store=True, compute_sudo=True)

    @api.depends('res_model', 'res_id')
    def _compute_crm_lead_id(self):
        lead_ids = set(self.env['crm.lead'].with_context(
            active_test=False).browse(
            [follower.res_id for follower in self
             if follower.res_model == 'crm.lead' and follower.res_id]
        ).exists().ids)
        for follower in self:
            if follower.res_model == 'crm.lead' and \
                    follower.res_id in lead_ids:
                follower.crm_lead_id = follower.res_id
            else:
                follower.crm_lead_id = False
