# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import json

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..engine import diagram, graph, scheduling


class CrmCampaign(models.Model):
    """A workflow of activities and transitions that the records picked by
    its segments walk through, one workitem per record and activity."""

    _name = 'crm.campaign'
    _description = 'Campaign'
    _order = 'id desc'

    name = fields.Char(string='Name', required=True, translate=True)
    model_id = fields.Many2one(
        'ir.model', string='Model', required=True, ondelete='cascade',
        domain=[('is_mail_thread', '=', True)],
        default=lambda self: self.env.ref('base.model_res_partner'),
        help="The records of this model walk through the campaign: "
             "partners, leads or any model with a mail thread.")
    model_name = fields.Char(
        related='model_id.model', string='Model Name', store=True,
        readonly=True)
    state = fields.Selection([
        ('draft', 'Draft'),
        ('running', 'Running'),
        ('paused', 'Paused'),
        ('done', 'Done'),
    ], string='Status', default='draft', required=True, readonly=True,
        copy=False)
    mode = fields.Selection([
        ('test', 'Test'),
        ('live', 'Live'),
    ], string='Mode', default='test', required=True,
        help="Test: everything runs, but no mail leaves; the mails are "
             "rendered and kept so that they can be read. Live: the mails "
             "are sent.")
    utm_campaign_id = fields.Many2one(
        'utm.campaign', string='UTM Campaign', ondelete='restrict',
        help="Set on every lead the campaign creates or updates, so that "
             "the campaign analyses of the leads count its work.")
    segment_ids = fields.One2many(
        'crm.segment', 'campaign_id', string='Segments')
    activity_ids = fields.One2many(
        'crm.campaign.activity', 'campaign_id', string='Activities')
    transition_ids = fields.One2many(
        'crm.campaign.transition', 'campaign_id', string='Transitions')
    user_id = fields.Many2one(
        'res.users', string='Responsible', required=True,
        default=lambda self: self.env.user,
        help="The segments pick the records this user may read.")
    date_start = fields.Datetime(string='Start Date', readonly=True,
                                 copy=False)
    date_stop = fields.Datetime(string='Stop Date', readonly=True,
                                copy=False)
    workitem_ids = fields.One2many(
        'crm.campaign.workitem', 'campaign_id', string='Workitems')
    diagram = fields.Text(
        string='Workflow', compute='_compute_diagram',
        help="The activities as boxes, the transitions as arrows labelled "
             "with their trigger.")
    workitem_count = fields.Integer(
        string='Workitem Count', compute='_compute_workitem_count')

    @api.multi
    def _compute_workitem_count(self):
        data = self.env['crm.campaign.workitem'].read_group(
            [('campaign_id', 'in', self.ids)], ['campaign_id'],
            ['campaign_id'])
        counts = {row['campaign_id'][0]: row['campaign_id_count']
                  for row in data}
        for campaign in self:
            campaign.workitem_count = counts.get(campaign.id, 0)

    @api.depends('activity_ids.name', 'activity_ids.start',
                 'transition_ids.from_activity_id',
                 'transition_ids.to_activity_id', 'transition_ids.trigger',
                 'transition_ids.interval_number',
                 'transition_ids.interval_unit')
    def _compute_diagram(self):
        """The workflow's picture (engine/diagram.py), for the form's
        widget. Activities not saved yet have no id: they are numbered by
        their place in the form."""
        for campaign in self:
            number = {activity: index for index, activity in
                      enumerate(campaign.activity_ids, 1)}
            campaign.diagram = json.dumps(diagram.layout(
                [{'id': number[activity], 'name': activity.name or '',
                  'start': activity.start}
                 for activity in campaign.activity_ids],
                [{'id': index, 'from': number.get(transition.from_activity_id),
                  'to': number.get(transition.to_activity_id),
                  'label': transition._diagram_label()}
                 for index, transition in enumerate(
                     campaign.transition_ids, 1)]))

    @api.constrains('model_id', 'segment_ids')
    def _check_segment_model(self):
        for campaign in self:
            others = campaign.segment_ids.filtered(
                lambda s, c=campaign: s.model_id != c.model_id)
            if others:
                raise ValidationError(_(
                    "The segments of the campaign '%(campaign)s' must pick "
                    "records of its model (%(model)s): %(segments)s") % {
                        'campaign': campaign.name,
                        'model': campaign.model_id.name,
                        'segments': ', '.join(others.mapped('name'))})

    @api.multi
    def _check_manager(self):
        """Starting, stopping and running a campaign is the sales
        managers' (the ones with write access); the work itself is done as
        the superuser, as it touches records of every salesperson."""
        self.check_access_rights('write')
        self.check_access_rule('write')

    @api.multi
    def _check_startable(self):
        for campaign in self:
            if not campaign.activity_ids.filtered('start'):
                raise UserError(_(
                    "The campaign '%s' cannot start: it has no start "
                    "activity. Mark at least one activity as a start "
                    "activity.") % campaign.name)
            edges = [(t.from_activity_id.id, t.to_activity_id.id)
                     for t in campaign.transition_ids
                     if t.trigger == 'delay' and not t.interval_number]
            cycle = graph.zero_delay_cycle(edges)
            if cycle:
                names = self.env['crm.campaign.activity'].browse(cycle)
                names = {a.id: a.name for a in names}
                raise UserError(_(
                    "The campaign '%(campaign)s' cannot start: its "
                    "transitions without delay make a cycle (%(cycle)s), "
                    "which would run for ever. Give one of them a "
                    "delay.") % {
                        'campaign': campaign.name,
                        'cycle': ' → '.join(
                            names[i] for i in cycle + cycle[:1])})

    @api.multi
    def action_start(self):
        self._check_manager()
        for campaign in self:
            if campaign.state != 'draft':
                raise UserError(_(
                    "Only a draft campaign can be started; '%s' is "
                    "not.") % campaign.name)
        self._check_startable()
        self.write({'state': 'running', 'date_start': fields.Datetime.now()})
        return True

    @api.multi
    def action_pause(self):
        """The workitems of a paused campaign stay as they are: the jobs
        already queued find it paused and leave them."""
        self._check_manager()
        self.filtered(lambda c: c.state == 'running').write(
            {'state': 'paused'})
        return True

    @api.multi
    def action_resume(self):
        self._check_manager()
        paused = self.filtered(lambda c: c.state == 'paused')
        paused._check_startable()
        paused.write({'state': 'running'})
        # the jobs queued before the pause found nothing to do: the due
        # workitems are queued again at once
        scheduling.forget_enqueued(self.env.cr, paused.ids)
        self.env['crm.campaign.workitem'].sudo()._enqueue_due(paused.ids)
        return True

    @api.multi
    def action_stop(self):
        """Ends the campaign: its pending workitems are cancelled."""
        self._check_manager()
        campaigns = self.filtered(lambda c: c.state != 'done')
        campaigns.write({'state': 'done',
                         'date_stop': fields.Datetime.now()})
        scheduling.cancel_pending(
            self.env.cr, campaigns.ids, _("The campaign was stopped."))
        self.env['crm.campaign.workitem'].invalidate_cache()
        return True

    @api.multi
    def action_view_workitems(self):
        self.ensure_one()
        self.check_access_rights('read')
        self.check_access_rule('read')
        action = self.env.ref(
            'crm_campaign_segments.crm_campaign_workitem_action').read()[0]
        action['domain'] = [('campaign_id', '=', self.id)]
        action['context'] = {'search_default_group_state': 1}
        return action

    @api.model
    def _cron_run(self):
        """The scheduled action only triggers: it queues a job per due
        segment, queues again the jobs that died, inserts the workitems of
        the mail events that happened, and queues jobs for the due
        workitems."""
        self.env['crm.segment']._enqueue_due()
        Workitem = self.env['crm.campaign.workitem']
        Workitem._requeue_dead_jobs()
        Workitem._schedule_mail_events()
        Workitem._enqueue_due()
        return True
