# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import html
import re
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.crm_safe_domain.safe_domain import SafeDomainError
from odoo.addons.link_tracker.models.link_tracker import URL_REGEX

# the header of the mails a workitem sends: its idempotence key
WORKITEM_HEADER = 'X-Crm-Campaign-Workitem'

# the fields each action type needs, and the message when one is missing
REQUIRED_FIELDS = {
    'mail': ('template_id',),
    'mailing_list': ('mailing_list_id',),
    'activity': ('activity_type_id',),
    'server_action': ('server_action_id',),
}


class CrmCampaignActivity(models.Model):
    """A step of a campaign: what is done to each record that reaches it,
    when its condition holds."""

    _name = 'crm.campaign.activity'
    _inherit = ['crm.safe.domain.mixin']
    _description = 'Campaign Activity'
    _order = 'sequence, id'

    name = fields.Char(string='Name', required=True, translate=True)
    sequence = fields.Integer(string='Sequence', default=10)
    campaign_id = fields.Many2one(
        'crm.campaign', string='Campaign', required=True,
        ondelete='cascade')
    model_name = fields.Char(
        related='campaign_id.model_name', string='Model Name',
        readonly=True)
    start = fields.Boolean(
        string='Start Activity',
        help="The records a segment picks enter the campaign here.")
    condition = fields.Char(
        string='Condition',
        help="A domain on the record, such as [('email', '!=', False)]. "
             "When the record does not match it, the workitem is skipped. "
             "Empty: always.")
    action_type = fields.Selection([
        ('mail', 'Send a mail template'),
        ('assign', 'Assign to a sales team or salesperson'),
        ('lead', 'Create or update a lead or opportunity'),
        ('stage_tags', 'Set the stage or tags of the lead'),
        ('mailing_list', 'Add to a mailing list'),
        ('activity', 'Schedule an activity'),
        ('server_action', 'Run a server action'),
    ], string='Action', required=True, default='mail')
    template_id = fields.Many2one(
        'mail.template', string='Mail Template', ondelete='restrict')
    team_id = fields.Many2one(
        'crm.team', string='Sales Team', ondelete='restrict')
    user_id = fields.Many2one(
        'res.users', string='Salesperson', ondelete='restrict')
    lead_type = fields.Selection([
        ('lead', 'Lead'),
        ('opportunity', 'Opportunity'),
    ], string='Lead Type', default='opportunity')
    lead_name = fields.Char(
        string='Lead Title', translate=True,
        help="The title of the leads created; empty: the record's name.")
    stage_id = fields.Many2one(
        'crm.stage', string='Stage', ondelete='restrict')
    tag_ids = fields.Many2many(
        'crm.lead.tag', 'crm_campaign_activity_tag_rel', 'activity_id',
        'tag_id', string='Tags')
    mailing_list_id = fields.Many2one(
        'mail.mass_mailing.list', string='Mailing List',
        ondelete='restrict')
    activity_type_id = fields.Many2one(
        'mail.activity.type', string='Activity Type', ondelete='restrict')
    activity_summary = fields.Char(string='Activity Summary',
                                   translate=True)
    activity_days = fields.Integer(
        string='Due in (days)', default=0,
        help="The scheduled activity is due this many days after it is "
             "scheduled.")
    activity_user_id = fields.Many2one(
        'res.users', string='Assigned to', ondelete='restrict',
        help="Empty: the record's salesperson, or the campaign's "
             "responsible.")
    server_action_id = fields.Many2one(
        'ir.actions.server', string='Server Action', ondelete='restrict')
    out_transition_ids = fields.One2many(
        'crm.campaign.transition', 'from_activity_id',
        string='Next Activities')

    @api.constrains('condition', 'campaign_id')
    def _check_condition(self):
        for activity in self.filtered('condition'):
            try:
                activity._safe_domain(activity.condition,
                                      activity.campaign_id.model_name)
            except SafeDomainError as error:
                raise ValidationError(_(
                    "The condition of the activity '%(activity)s' is not "
                    "valid: %(error)s") % {
                        'activity': activity.name,
                        'error': self._safe_domain_error_message(error)})

    @api.constrains('action_type', 'template_id', 'mailing_list_id',
                    'activity_type_id', 'server_action_id', 'team_id',
                    'user_id', 'stage_id', 'tag_ids')
    def _check_action(self):
        labels = dict(self._fields['action_type']._description_selection(
            self.env))
        for activity in self:
            missing = [name for name in REQUIRED_FIELDS.get(
                activity.action_type, ()) if not activity[name]]
            if activity.action_type == 'assign' and \
                    not (activity.team_id or activity.user_id):
                missing.append('team_id')
            if activity.action_type == 'stage_tags' and \
                    not (activity.stage_id or activity.tag_ids):
                missing.append('stage_id')
            if missing:
                raise ValidationError(_(
                    "The activity '%(activity)s' (%(action)s) needs: "
                    "%(fields)s.") % {
                        'activity': activity.name,
                        'action': labels[activity.action_type],
                        'fields': ', '.join(
                            activity._fields[name].get_description(
                                self.env)['string'] for name in missing)})
            template = activity.template_id
            if template and template.model != activity.model_name:
                raise ValidationError(_(
                    "The mail template of the activity '%s' must be of the "
                    "campaign's model.") % activity.name)

    @api.multi
    def _get_condition(self):
        """The condition as data, checked again: None when it is refused,
        [] when there is none."""
        self.ensure_one()
        if not self.condition:
            return []
        return self._safe_domain_or_none(self.condition, self.model_name)

    @api.multi
    def _execute(self, workitem, record):
        """Run the activity on ``record`` for ``workitem``; returns the
        values the workitem keeps (the mail sent, the lead created).
        Raises on failure: the caller puts the workitem in exception."""
        self.ensure_one()
        return getattr(self, '_execute_%s' % self.action_type)(
            workitem, record)

    def _utm_values(self, record):
        utm = self.campaign_id.utm_campaign_id
        if record._name == 'crm.lead' and utm:
            return {'campaign_id': utm.id}
        return {}

    @api.multi
    def _execute_mail(self, workitem, record):
        """Queue (live) or keep unsent (test) the template's mail. The
        mail carries the workitem's key, so a retried job finds the mail it
        already made instead of making another."""
        Mail = self.env['mail.mail']
        key = workitem.idempotence_key
        mail = Mail.search([('crm_campaign_key', '=', key)], limit=1)
        if not mail:
            live = self.campaign_id.mode == 'live'
            try:
                mail_id = self.template_id.send_mail(
                    record.id, email_values={
                        # test mode: the queue only sends outgoing mails
                        'state': 'outgoing' if live else 'cancel',
                        'auto_delete': False,
                        'headers': repr({WORKITEM_HEADER: key}),
                        'crm_campaign_key': key,
                        'statistics_ids': [(0, 0, {
                            'model': record._name, 'res_id': record.id})],
                    })
            except Exception as error:  # pylint: disable=broad-except
                raise UserError(_(
                    "The mail template '%(template)s' could not be "
                    "rendered: %(error)s") % {
                        'template': self.template_id.name,
                        'error': error_text(error)[:300]})
            mail = Mail.browse(mail_id)
            if mail.body_html and mail.statistics_ids:
                mail.body_html = self._track_links(
                    mail.body_html, mail.statistics_ids[:1])
        return {'mail_mail_id': mail.id,
                'mail_statistics_id': mail.statistics_ids[:1].id}

    @api.multi
    def _track_links(self, body, statistics):
        """``body`` with its web links through link_tracker, tagged with
        the campaign's utm campaign, and the mail's ``statistics`` in their
        address (mass_mailing's route /r/<code>/m/<statistics>): a click
        records the event that the transitions "clicked" wait for."""
        Link = self.env['link.tracker']
        base_url = self.env['ir.config_parameter'].sudo().get_param(
            'web.base.url')
        utm = self.campaign_id.utm_campaign_id
        for href, raw_url in set(re.findall(URL_REGEX, body)):
            url = html.unescape(raw_url)
            if not url.startswith(('http://', 'https://')) or \
                    url.startswith(base_url + '/r/') or \
                    '/unsubscribe_from_list' in url:
                continue
            # the title given: link_tracker would fetch the page for it
            link = Link.create({'url': url, 'title': url,
                                'campaign_id': utm.id})
            tracked = '%s/m/%d' % (link.short_url, statistics.id)
            body = body.replace(href, href.replace(raw_url, tracked))
        return body

    @api.multi
    def _execute_assign(self, workitem, record):
        values = {}
        if self.team_id and 'team_id' in record._fields:
            values['team_id'] = self.team_id.id
        if self.user_id and 'user_id' in record._fields:
            values['user_id'] = self.user_id.id
        if not values:
            raise UserError(_(
                "The records of this campaign have no sales team or "
                "salesperson to assign."))
        values.update(self._utm_values(record))
        record.write(values)
        return {}

    @api.multi
    def _execute_lead(self, workitem, record):
        """Update the record when it is a lead, else create a lead for its
        partner."""
        values = {'type': self.lead_type or 'opportunity'}
        if self.team_id:
            values['team_id'] = self.team_id.id
        if self.user_id:
            values['user_id'] = self.user_id.id
        utm = self.campaign_id.utm_campaign_id
        if utm:
            values['campaign_id'] = utm.id
        if record._name == 'crm.lead':
            record.write(values)
            return {'lead_id': record.id}
        Lead = self.env['crm.lead']
        partner = record if record._name == 'res.partner' else \
            record['partner_id'] if 'partner_id' in record._fields else \
            self.env['res.partner']
        if partner:
            values.update(Lead._onchange_partner_id_values(partner.id))
            values['partner_id'] = partner.id
        values['name'] = self.lead_name or record.display_name
        if self.team_id and not self.user_id:
            # not the job's user by default: the lead goes to the team
            values['user_id'] = False
        if self.team_id or self.user_id:
            # the activity chose the team: crm_leads_ext's assignment
            # rules, when installed, must not choose another
            Lead = Lead.with_context(crm_lead_skip_assignment=True)
        return {'lead_id': Lead.create(values).id}

    @api.multi
    def _execute_stage_tags(self, workitem, record):
        if record._name != 'crm.lead':
            raise UserError(_("Only leads have a stage and tags."))
        values = self._utm_values(record)
        if self.stage_id:
            values['stage_id'] = self.stage_id.id
        if self.tag_ids:
            values['tag_ids'] = [(4, tag.id) for tag in self.tag_ids]
        record.write(values)
        return {'lead_id': record.id}

    @api.multi
    def _execute_mailing_list(self, workitem, record):
        email = record['email'] if 'email' in record._fields else \
            record['email_from'] if 'email_from' in record._fields else False
        if not email:
            raise UserError(_(
                "The record has no email address to add to the mailing "
                "list."))
        Contact = self.env['mail.mass_mailing.contact']
        contact = Contact.search([('email', '=ilike', email)], limit=1)
        if contact:
            contact.write({'list_ids': [(4, self.mailing_list_id.id)]})
        else:
            Contact.create({'name': record.display_name, 'email': email,
                            'list_ids': [(4, self.mailing_list_id.id)]})
        return {}

    @api.multi
    def _execute_activity(self, workitem, record):
        if 'activity_ids' not in record._fields:
            raise UserError(_("The records of this campaign cannot have "
                              "activities."))
        user = self.activity_user_id or \
            ('user_id' in record._fields and record['user_id']) or \
            self.campaign_id.user_id
        deadline = fields.Date.from_string(fields.Date.today()) + \
            timedelta(days=self.activity_days)
        self.env['mail.activity'].create({
            'res_model_id': self.campaign_id.model_id.id,
            'res_id': record.id,
            'activity_type_id': self.activity_type_id.id,
            'summary': self.activity_summary or self.name,
            'date_deadline': fields.Date.to_string(deadline),
            'user_id': user.id,
        })
        return {}

    @api.multi
    def _execute_server_action(self, workitem, record):
        self.server_action_id.with_context(
            active_model=record._name, active_id=record.id,
            active_ids=record.ids).run()
        return {}


def error_text(error):
    """What an exception says, Odoo's own exceptions by their message."""
    return getattr(error, 'name', None) or '%s' % (error,) or \
        type(error).__name__
