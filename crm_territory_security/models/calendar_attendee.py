# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models


class CalendarAttendee(models.Model):
    """An attendee follows its meeting: moving it to another meeting is
    checked after the write."""

    _name = 'calendar.attendee'
    _inherit = ['crm.lead.linked.mixin', 'calendar.attendee']

    _crm_lead_link_fields = ('event_id',)
