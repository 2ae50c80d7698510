# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.crm_safe_domain.safe_domain import SafeDomainError
from odoo.addons.queue_job.job import identity_exact, job

from ..engine import entry
from .crm_campaign_activity import error_text

# how long after its last run an automatic segment runs again
INTERVALS = {
    'hourly': timedelta(hours=1),
    'daily': timedelta(days=1),
    'weekly': timedelta(weeks=1),
}


class CrmSegment(models.Model):
    """A domain on a model that picks records on a schedule and hands them
    to a campaign: each record enters the campaign's start activities once
    per segment, however often the segment runs."""

    _name = 'crm.segment'
    _inherit = ['crm.safe.domain.mixin']
    _description = 'Segment'
    _order = 'name, id'

    name = fields.Char(string='Name', required=True, translate=True)
    active = fields.Boolean(string='Active', default=True)
    campaign_id = fields.Many2one(
        'crm.campaign', string='Campaign', ondelete='cascade')
    model_id = fields.Many2one(
        'ir.model', string='Model', required=True, ondelete='cascade',
        domain=[('is_mail_thread', '=', True)],
        default=lambda self: self.env.ref('base.model_res_partner'),
        help="Partners, leads or any model with a mail thread.")
    model_name = fields.Char(
        related='model_id.model', string='Model Name', store=True,
        readonly=True)
    domain = fields.Char(
        string='Domain', required=True, default='[]',
        help="The records the segment picks, a domain such as "
             "[('city', '=', 'Shanghai')]. It is data: it may use uid, "
             "company_id, company_ids, context_today(), relativedelta() "
             "and the date functions of datetime and time, nothing else.")
    sync_mode = fields.Selection([
        ('all', 'Every matching record'),
        ('new_or_changed', 'Records created or changed since the last run'),
    ], string='Sync Mode', default='all', required=True)
    interval = fields.Selection([
        ('manual', 'Manual'),
        ('hourly', 'Hourly'),
        ('daily', 'Daily'),
        ('weekly', 'Weekly'),
    ], string='Interval', default='daily', required=True)
    last_run = fields.Datetime(string='Last Run', readonly=True, copy=False)
    last_run_count = fields.Integer(
        string='Entered at the Last Run', readonly=True, copy=False)
    last_error = fields.Text(
        string='Error of the Last Run', readonly=True, copy=False)
    record_count = fields.Integer(
        string='Records', compute='_compute_record_count',
        help="The records matching the domain that you may read.")

    @api.depends('model_name', 'domain')
    def _compute_record_count(self):
        for segment in self:
            domain = segment._get_domain(for_preview=True)
            if domain is None or not segment.model_name or not self.env[
                    segment.model_name].check_access_rights(
                        'read', raise_exception=False):
                segment.record_count = 0
                continue
            segment.record_count = self.env[segment.model_name].search_count(
                domain)

    @api.constrains('domain', 'model_id')
    def _check_domain(self):
        for segment in self:
            try:
                segment._safe_domain(segment.domain or '[]',
                                     segment.model_name)
            except SafeDomainError as error:
                raise ValidationError(_(
                    "The domain of the segment '%(segment)s' is not "
                    "valid: %(error)s") % {
                        'segment': segment.name,
                        'error': self._safe_domain_error_message(error)})

    @api.constrains('model_id', 'campaign_id')
    def _check_campaign_model(self):
        for segment in self.filtered('campaign_id'):
            if segment.campaign_id.model_id != segment.model_id:
                raise ValidationError(_(
                    "The segment '%(segment)s' must pick records of the "
                    "model of its campaign (%(model)s).") % {
                        'segment': segment.name,
                        'model': segment.campaign_id.model_id.name})

    @api.multi
    def _get_domain(self, for_preview=False):
        """The domain as data, checked again (None when it is refused),
        restricted to the records changed since the last run in the mode
        new_or_changed."""
        self.ensure_one()
        if not self.model_name:
            return None
        domain = self._safe_domain_or_none(self.domain or '[]',
                                           self.model_name)
        if domain is None:
            return None
        if self.sync_mode == 'new_or_changed' and self.last_run:
            domain = ['&', ('write_date', '>', self.last_run)] + \
                (domain or [(1, '=', 1)])
        return domain

    @api.multi
    def action_preview(self):
        """The records the segment would pick, among those the caller may
        read (the list is searched as the caller)."""
        self.ensure_one()
        self.check_access_rights('read')
        self.check_access_rule('read')
        Model = self.env[self.model_name]
        if not Model.check_access_rights('read', raise_exception=False):
            raise AccessError(_(
                "You may not read the records of this segment's model."))
        domain = self._get_domain(for_preview=True)
        if domain is None:
            raise UserError(_("The domain of the segment '%s' is "
                              "refused.") % self.name)
        return {
            'type': 'ir.actions.act_window',
            'name': _('Preview of %s') % self.name,
            'res_model': self.model_name,
            'view_mode': 'tree,form',
            'views': [(False, 'tree'), (False, 'form')],
            'domain': domain,
            'target': 'current',
        }

    @api.multi
    def action_run_now(self):
        """Runs the segment at once: its records enter the campaign."""
        self.check_access_rights('write')
        self.check_access_rule('write')
        for segment in self:
            if not segment.campaign_id:
                raise UserError(_(
                    "The segment '%s' has no campaign to hand its records "
                    "to.") % segment.name)
            if segment.campaign_id.state != 'running':
                raise UserError(_(
                    "The campaign of the segment '%s' is not running: start "
                    "it first.") % segment.name)
        self.sudo()._run()
        return True

    @api.multi
    def _run(self):
        """Insert the workitems of the start activities for the records
        the segment picks (one INSERT ... SELECT each), then queue the jobs
        processing them. A segment that cannot run says why in its form;
        the others run."""
        Workitem = self.env['crm.campaign.workitem']
        for segment in self:
            campaign = segment.campaign_id
            if campaign.state != 'running':
                continue
            now = fields.Datetime.now()
            try:
                count, error = segment._enter(campaign, now), False
            except (UserError, AccessError) as refusal:
                count, error = 0, error_text(refusal)
            segment.write({'last_run': now, 'last_run_count': count,
                           'last_error': error})
            Workitem._enqueue_due(campaign.ids)
        return True

    @api.multi
    def _enter(self, campaign, now):
        """The records of the segment enter ``campaign``: how many."""
        self.ensure_one()
        starts = campaign.activity_ids.filtered('start').ids
        if not starts:
            raise UserError(_("The campaign has no start activity."))
        responsible = campaign.user_id.id
        # evaluated for the responsible: uid in the domain is theirs
        domain = self.sudo(responsible)._get_domain()
        if domain is None:
            raise UserError(_("The domain of the segment is refused: "
                              "correct it."))
        # the records the responsible may read: a segment never hands a
        # campaign what its owner could not see
        Model = self.env[self.model_name].sudo(responsible)
        if not Model.check_access_rights('read', raise_exception=False):
            raise AccessError(_(
                "The responsible of the campaign may not read these "
                "records."))
        query = Model._where_calc(domain)
        Model._apply_ir_rules(query, 'read')
        from_clause, where_clause, params = query.get_sql()
        return entry.enter_segment(
            self.env.cr, entry.Entry(
                campaign_id=campaign.id, segment_id=self.id,
                activity_ids=starts, res_model=self.model_name,
                table=Model._table, uid=self.env.uid, now=now),
            from_clause, where_clause, params)

    @job(default_channel='root.campaign')
    @api.multi
    def _job_run(self):
        self._run()
        return _("%d segment(s) run") % len(self)

    @api.model
    def _due(self, now):
        segments = self.search([
            ('interval', '!=', 'manual'),
            ('campaign_id.state', '=', 'running')])
        now = fields.Datetime.from_string(now)
        return segments.filtered(
            lambda s: not s.last_run or
            fields.Datetime.from_string(s.last_run) + INTERVALS[s.interval]
            <= now)

    @api.model
    def _enqueue_due(self):
        for segment in self._due(fields.Datetime.now()):
            # a run still waiting in the queue is not queued twice
            segment.with_delay(
                description=_("Run the segment %s") % segment.name,
                identity_key=identity_exact)._job_run()
