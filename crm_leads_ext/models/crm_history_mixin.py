# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import _, api, fields, models


def check_read_access(records):
    """The history buttons open what a record relates to: for a user who
    may read the record (before anything is read or opened)."""
    records.check_access_rights('read')
    records.check_access_rule('read')


class CrmHistoryMixin(models.AbstractModel):
    """The emails and done activities of a record's communication history,
    one click away and counted the same way on a lead and on a partner:
    each model says which messages are its own
    (``_history_message_domain``)."""

    _name = 'crm.history.mixin'
    _description = 'Communication History'

    history_email_count = fields.Integer(
        string='# Emails', compute='_compute_history_message_counts')
    history_done_activity_count = fields.Integer(
        string='# Done Activities',
        compute='_compute_history_message_counts')

    @api.model
    def _history_email_domain(self):
        """mail.message domain of the emails: the same definition as the
        lead analysis (crm.lead.analysis): mail in or out through the
        gateway, or a message sent from the chatter to the followers
        ("Discussions")."""
        return ['|', ('message_type', '=', 'email'),
                '&', ('message_type', '=', 'comment'),
                ('subtype_id', '=', self.env.ref('mail.mt_comment').id)]

    @api.model
    def _history_done_activity_domain(self):
        """mail.message domain of the done activities (logged calls,
        meetings, emails...): what mail.activity.action_feedback()
        posts."""
        return [('subtype_id', '=', self.env.ref('mail.mt_activities').id)]

    @api.multi
    def _history_message_domain(self, kind_domain):
        """The record's messages of a kind (``kind_domain``)."""
        raise NotImplementedError()

    @api.multi
    def _compute_history_message_counts(self):
        """What the user may read of what the buttons open, one count per
        record (shown on its form)."""
        Message = self.env['mail.message']
        for record in self:
            if not isinstance(record.id, int):
                record.history_email_count = 0
                record.history_done_activity_count = 0
                continue
            record.history_email_count = Message.search_count(
                record._history_message_domain(self._history_email_domain()))
            record.history_done_activity_count = Message.search_count(
                record._history_message_domain(
                    self._history_done_activity_domain()))

    @api.multi
    def _history_message_action(self, name, kind_domain):
        self.ensure_one()
        check_read_access(self)
        action = self.env.ref('mail.action_view_mail_message').read()[0]
        action.update({
            'name': name,
            'domain': self._history_message_domain(kind_domain),
            'context': {'create': False},
            'view_mode': 'tree,form',
            'views': [(self.env.ref('mail.view_message_tree').id, 'tree'),
                      (self.env.ref('mail.view_message_form').id, 'form')],
        })
        return action

    @api.multi
    def action_view_history_emails(self):
        return self._history_message_action(
            _('Emails'), self._history_email_domain())

    @api.multi
    def action_view_history_done_activities(self):
        return self._history_message_action(
            _('Done Activities'), self._history_done_activity_domain())
