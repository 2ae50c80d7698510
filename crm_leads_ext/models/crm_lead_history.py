# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The communication history of a lead, one click away, and the
definitions of an email and of a done activity the partner's history
(res_partner.py) shares."""
from odoo import _, api, fields, models


def email_domain(env):
    """mail.message domain of the emails: the same definition as the lead
    analysis (crm.lead.analysis): mail in or out through the gateway, or a
    message sent from the chatter to the followers ("Discussions")."""
    return ['|', ('message_type', '=', 'email'),
            '&', ('message_type', '=', 'comment'),
            ('subtype_id', '=', env.ref('mail.mt_comment').id)]


def done_activity_domain(env):
    """mail.message domain of the done activities (logged calls, meetings,
    emails...): what mail.activity.action_feedback() posts."""
    return [('subtype_id', '=', env.ref('mail.mt_activities').id)]


def check_read_access(records):
    """The history buttons open what a record relates to: for a user who
    may read the record (before anything is read or opened)."""
    records.check_access_rights('read')
    records.check_access_rule('read')


def message_action(env, name, domain):
    action = env.ref('mail.action_view_mail_message').read()[0]
    action.update({
        'name': name,
        'domain': domain,
        'context': {'create': False},
        'view_mode': 'tree,form',
        'views': [(env.ref('mail.view_message_tree').id, 'tree'),
                  (env.ref('mail.view_message_form').id, 'form')],
    })
    return action


class CrmLead(models.Model):
    """Communication history of a lead, one click away: its emails, its
    planned activities and its done activities (logged calls...). crm
    already counts its meetings."""

    # crm.lead of crm_leads_ext in one file per purpose (the module's
    # docstring), here the communication history: see models/crm_lead.py
    # pylint: disable=consider-merging-classes-inherited
    _inherit = 'crm.lead'

    history_email_count = fields.Integer(
        string='# Emails', compute='_compute_history_counts')
    history_activity_count = fields.Integer(
        string='# Planned Activities', compute='_compute_history_counts')
    history_done_activity_count = fields.Integer(
        string='# Done Activities', compute='_compute_history_counts')
    history_customer_lead_count = fields.Integer(
        string='# Other Leads of the Customer',
        compute='_compute_history_customer_lead_count')

    @api.multi
    def _history_message_domain(self, kind_domain):
        """Messages of the lead of a kind (emails, done activities): what
        its history buttons open and count, as res.partner's."""
        self.ensure_one()
        return [('model', '=', 'crm.lead'),
                ('res_id', '=', self.id)] + kind_domain

    @api.multi
    def _history_activity_domain(self):
        self.ensure_one()
        return [('res_model', '=', 'crm.lead'), ('res_id', '=', self.id)]

    @api.multi
    def _compute_history_counts(self):
        """Counted as res.partner counts its history: what the user may
        read of what the buttons open (one count per lead, shown on the
        lead's form)."""
        Message = self.env['mail.message']
        for lead in self:
            if not isinstance(lead.id, int):
                lead.history_email_count = 0
                lead.history_done_activity_count = 0
                lead.history_activity_count = 0
                continue
            lead.history_email_count = Message.search_count(
                lead._history_message_domain(email_domain(self.env)))
            lead.history_done_activity_count = Message.search_count(
                lead._history_message_domain(done_activity_domain(self.env)))
            lead.history_activity_count = self.env[
                'mail.activity'].search_count(lead._history_activity_domain())

    @api.multi
    def _history_customer_lead_domain(self):
        """The other leads and opportunities of the lead's customer (its
        company and every contact of it), lost ones included."""
        self.ensure_one()
        if not self.partner_id:
            return [('id', 'in', [])]  # a lead without customer has none
        return self.partner_id.commercial_partner_id._history_lead_domain(
        ) + [('id', '!=', self.id)]

    @api.depends('partner_id')
    def _compute_history_customer_lead_count(self):
        for lead in self:
            lead.history_customer_lead_count = self.search_count(
                lead._history_customer_lead_domain()) \
                if lead.partner_id and isinstance(lead.id, int) else 0

    @api.multi
    def action_view_history_customer_leads(self):
        self.ensure_one()
        check_read_access(self)
        return {
            'type': 'ir.actions.act_window',
            'name': _('Leads and Opportunities of %s') %
            self.partner_id.commercial_partner_id.display_name,
            'res_model': 'crm.lead',
            'view_mode': 'tree,form',
            'views': [
                (self.env.ref('crm.crm_case_tree_view_oppor').id, 'tree'),
                (self.env.ref('crm.crm_case_form_view_oppor').id, 'form')],
            'domain': self._history_customer_lead_domain(),
            'context': {'default_partner_id': self.partner_id.id},
        }

    @api.multi
    def action_view_history_campaign(self):
        self.ensure_one()
        check_read_access(self)
        return {
            'type': 'ir.actions.act_window',
            'name': _('Campaign'),
            'res_model': 'utm.campaign',
            'view_mode': 'form',
            'res_id': self.campaign_id.id,
        }

    @api.multi
    def action_view_history_emails(self):
        self.ensure_one()
        check_read_access(self)
        return message_action(
            self.env, _('Emails'),
            self._history_message_domain(email_domain(self.env)))

    @api.multi
    def action_view_history_done_activities(self):
        self.ensure_one()
        check_read_access(self)
        return message_action(
            self.env, _('Done Activities'),
            self._history_message_domain(done_activity_domain(self.env)))

    @api.multi
    def action_view_history_activities(self):
        self.ensure_one()
        check_read_access(self)
        return {
            'type': 'ir.actions.act_window',
            'name': _('Planned Activities'),
            'res_model': 'mail.activity',
            'view_mode': 'tree,form',
            'views': [
                (self.env.ref('mail.mail_activity_view_tree').id, 'tree'),
                (False, 'form')],
            'domain': self._history_activity_domain(),
            'context': {'default_res_model_id': self.env.ref(
                'crm.model_crm_lead').id, 'default_res_id': self.id},
        }
