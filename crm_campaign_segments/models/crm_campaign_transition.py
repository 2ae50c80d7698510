# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# the triggers on an event of the previous activity's mail, at the time
# its statistics record
MAIL_EVENTS = ('opened', 'clicked', 'replied', 'bounced')


class CrmCampaignTransition(models.Model):
    """From an activity to the next: after a delay, or on an event of the
    mail the previous activity sent."""

    _name = 'crm.campaign.transition'
    _description = 'Campaign Transition'
    _order = 'campaign_id, from_activity_id, id'
    _rec_name = 'to_activity_id'

    campaign_id = fields.Many2one(
        'crm.campaign', string='Campaign', required=True,
        ondelete='cascade')
    from_activity_id = fields.Many2one(
        'crm.campaign.activity', string='From Activity', required=True,
        ondelete='cascade')
    to_activity_id = fields.Many2one(
        'crm.campaign.activity', string='To Activity', required=True,
        ondelete='cascade')
    trigger = fields.Selection([
        ('delay', 'After a delay'),
        ('opened', 'Mail opened'),
        ('clicked', 'Link in the mail clicked'),
        ('replied', 'Mail replied'),
        ('bounced', 'Mail bounced'),
        ('not_opened', 'Mail not opened within some days'),
    ], string='Trigger', required=True, default='delay')
    interval_number = fields.Integer(
        string='Delay', default=1,
        help="After a delay: how many units after the previous activity. "
             "On a mail event (opened, clicked, replied, bounced): how many "
             "units after the event, 0 for at once. Mail not opened: within "
             "how many days.")
    interval_unit = fields.Selection([
        ('minutes', 'Minutes'),
        ('hours', 'Hours'),
        ('days', 'Days'),
        ('months', 'Months'),
    ], string='Unit', required=True, default='days')

    _sql_constraints = [
        ('interval_number_positive', 'CHECK(interval_number >= 0)',
         'The delay of a transition cannot be negative.'),
    ]

    @api.onchange('trigger')
    def _onchange_trigger(self):
        # a mail event usually leads on at once: a delay of one day,
        # the default of the delay trigger, would surprise
        if self.trigger in MAIL_EVENTS:
            self.interval_number = 0

    @api.constrains('campaign_id', 'from_activity_id', 'to_activity_id')
    def _check_activities(self):
        for transition in self:
            activities = transition.from_activity_id | \
                transition.to_activity_id
            if activities.mapped('campaign_id') != transition.campaign_id:
                raise ValidationError(_(
                    "A transition links two activities of its own "
                    "campaign."))

    @api.multi
    def _diagram_label(self):
        """The trigger, as the diagram's arrow says it."""
        self.ensure_one()
        units = dict(self._fields['interval_unit']._description_selection(
            self.env))
        delay = {'number': self.interval_number,
                 'unit': units.get(self.interval_unit, '').lower()}
        if self.trigger == 'delay':
            return _('after %(number)s %(unit)s') % delay
        if self.trigger == 'not_opened':
            return _('not opened in %s days') % self.interval_number
        # short, to fit between two boxes
        event = {'opened': _('opened'), 'clicked': _('clicked'),
                 'replied': _('replied'),
                 'bounced': _('bounced')}.get(self.trigger, '')
        if not self.interval_number:
            return event
        delay['event'] = event
        return _('%(event)s, then %(number)s %(unit)s') % delay
