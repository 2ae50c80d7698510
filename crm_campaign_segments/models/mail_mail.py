# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class MailMail(models.Model):
    _inherit = 'mail.mail'

    # the idempotence key of the campaign workitem that made the mail (also
    # in its X-Crm-Campaign-Workitem header): a job retried after a crash
    # finds the mail instead of making a second one
    crm_campaign_key = fields.Char(
        string='Campaign Workitem Key', index=True, readonly=True,
        copy=False)
