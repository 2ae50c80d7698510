# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class MailActivity(models.Model):
    """Odoo 11 checks the document's access only when an activity is
    written: the lead link lets a record rule hide the activities of leads
    the user may not read."""

    _inherit = 'mail.activity'

    crm_lead_id = fields.Many2one(
        'crm.lead', string='Lead', index=True, ondelete='cascade',
        compute='_compute_crm_lead_id', store=True, compute_sudo=True)

    @api.depends('res_model', 'res_id')
    def _compute_crm_lead_id(self):
        lead_ids = set(self.env['crm.lead'].with_context(
            active_test=False).browse(
            [activity.res_id for activity in self
             if activity.res_model == 'crm.lead' and activity.res_id]
        ).exists().ids)
        for activity in self:
            if activity.res_model == 'crm.lead' and \
                    activity.res_id in lead_ids:
                activity.crm_lead_id = activity.res_id
            else:
                activity.crm_lead_id = False
