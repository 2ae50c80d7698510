# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models


class ResPartner(models.Model):
    _inherit = 'res.partner'

    @api.multi
    def _positions(self):
        """The positions (attached contacts) of these people, the oldest
        first. partner_contact_in_several_companies hides positions from
        the searches of a context whose search_show_all_positions says so
        (its partner actions): they are looked for whatever the caller's
        context."""
        positions = self.with_context(
            search_show_all_positions={'is_set': False}).search(
                [('contact_id', 'in', self.ids)], order='id')
        return self.browse(positions.ids)
