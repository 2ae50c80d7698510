# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models

from odoo.addons.calendar.models.calendar import calendar_id2real_id


class CalendarEvent(models.Model):
    """A meeting follows its opportunity's territory: moving it to another
    opportunity is checked after the write."""

    _name = 'calendar.event'
    _inherit = ['crm.lead.linked.mixin', 'calendar.event']

    _crm_lead_link_fields = ('opportunity_id',)

    @api.multi
    def _crm_lead_check_access(self, operation):
        # the ids of a recurrence's occurrences are not the table's
        self.browse({calendar_id2real_id(event_id) for event_id in self.ids})\
            .check_access_rule(operation)
