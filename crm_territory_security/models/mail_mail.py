# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models


class MailMail(models.Model):
    """An outgoing email shows its message's body (read as superuser
    through ``_inherits``): it may only be moved to a message the user can
    read."""

    _name = 'mail.mail'
    _inherit = ['crm.lead.linked.mixin', 'mail.mail']

    _crm_lead_link_fields = ('mail_message_id',)
