# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models


class MailFollowers(models.Model):
    """Every user may read mail.followers in Odoo 11: the record rule on
    ``crm_lead_user_ids`` hides who follows the leads the user may not read
    (and that those leads exist)."""

    _name = 'mail.followers'
    _inherit = ['crm.lead.document.mixin', 'mail.followers']

    @api.multi
    def _check_documents_readable(self):
        """Raise AccessError unless the user may read these followers and
        the documents they follow (``/mail/read_followers`` checks the
        documents under the model the client names)."""
        self.check_access_rights('read')
        self.check_access_rule('read')
        documents = {}
        for follower in self.sudo():
            documents.setdefault(follower.res_model, set()).add(
                follower.res_id)
        for model, res_ids in documents.items():
            records = self.env[model].browse(list(res_ids))
            records.check_access_rights('read')
            records.check_access_rule('read')

    @api.model
    def _crm_lead_unsubscribe(self, users, leads=None):
        """The territory users among ``users`` stop following the leads
        (of ``leads``, or all) they may no longer read, and their unread
        notifications of those leads are marked read: leaving a territory,
        or a lead leaving it, removes access at once, also to what mail
        would bring."""
        Followers = self.sudo()
        for user in users.filtered('territory_restricted'):
            domain = [('partner_id', '=', user.partner_id.id),
                      ('crm_lead_user_ids', 'not in', user.ids)]
            if leads is not None:
                domain.append(('res_id', 'in', leads.ids))
            followers = Followers.search(domain)
            if not followers:
                continue
            messages = self.env['mail.message'].sudo().search([
                ('model', '=', 'crm.lead'),
                ('res_id', 'in', followers.mapped('res_id'))])
            self.env['mail.notification'].sudo().search([
                ('res_partner_id', '=', user.partner_id.id),
                ('mail_message_id', 'in', messages.ids),
                ('is_read', '=', False)]).write({'is_read': True})
            followers.unlink()
        return True
