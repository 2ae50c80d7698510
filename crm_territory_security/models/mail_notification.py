# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class MailNotification(models.Model):
    """Which partner was notified of which message. A notification makes
    its message readable to its partner (Odoo 11): one may only be created
    for, or moved to, a message the user can already read (the mixin), and
    those of a lead's messages follow the lead's territory rules."""

    _name = 'mail.notification'
    _inherit = ['crm.lead.linked.mixin', 'mail.notification']

    _crm_lead_link_fields = ('mail_message_id',)

    crm_lead_user_ids = fields.Many2many(
        'res.users', string="Users of the Lead's Territory",
        compute='_compute_crm_lead_user_ids',
        search='_search_crm_lead_user_ids',
        help="The message is one of a lead of a territory of these users.")

    @api.multi
    def _compute_crm_lead_user_ids(self):
        for notification in self:
            notification.crm_lead_user_ids = \
                notification.sudo().mail_message_id.crm_lead_user_ids

    @api.model
    def _search_crm_lead_user_ids(self, operator, value):
        """The notifications of the messages that match, in one
        sub-select."""
        query = self.env['mail.message'].sudo()._where_calc(
            [('crm_lead_user_ids', operator, value)])
        from_clause, where_clause, params = query.get_sql()
        messages = 'SELECT "mail_message".id FROM %s WHERE %s' % (
            from_clause, where_clause)
        return [('mail_message_id', 'inselect', (messages, params))]
