# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models
from odoo.modules import get_module_resource


class MailThread(models.AbstractModel):
    _inherit = 'mail.thread'

    @api.model
    def _demo_receive_mails(self, filenames):
        """Demo data only: feed the RFC 822 files of ``demo/mail`` to the
        mail gateway in this order, as the fetchmail cron would, so that
        the demo leads come from the real gateway code (alias routing,
        signature parsing, appending to the sender's open lead) with the
        mails in their chatter. Returns the ids of the threads."""
        thread_ids = []
        for filename in filenames:
            path = get_module_resource('crm_suite', 'demo', 'mail', filename)
            with open(path, 'rb') as handle:
                thread_ids.append(self.message_process(False, handle.read()))
        return thread_ids
