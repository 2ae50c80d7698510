# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models


class ResPartner(models.Model):
    """Partners get the territory of their address too
    (``crm.territory.address.mixin``; no default territory: a partner
    outside every territory has none). Partners stay readable by every
    user: the territory does not restrict them."""

    _name = 'res.partner'
    _inherit = ['res.partner', 'crm.territory.address.mixin']

    @api.model
    def get_needaction_count(self):
        """The Inbox lists the messages a territory user may read: its
        counter counts their notifications (Odoo 11 counts all of them in
        SQL, those of other territories' leads too)."""
        if not self.env.user.territory_restricted:
            return super(ResPartner, self).get_needaction_count()
        return self.env['mail.notification'].search_count([
            ('res_partner_id', '=', self.env.user.partner_id.id),
            ('is_read', '=', False)])
