# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Activities and followers follow their lead's territory when created
and when moved to another document (crm.lead.linked.mixin)."""
from .common import TerritoryCase


class TestLeadLinkedMixin(TerritoryCase):

    def _follower_b(self):
        return self.env['mail.followers'].search([
            ('res_model', '=', 'crm.lead'), ('res_id', '=', self.lead_b.id),
            ('partner_id', '=', self.partner.id)])

    def test_activity_moved_to_a_lead_of_the_users_territory(self):
        Activity = self.env['mail.activity'].sudo(self.user_a)
        self.assertFalse(Activity.search([('id', '=', self.activity_b.id)]))
        self.activity_b.write({'res_id': self.lead_a.id})
        self.assertEqual(self.activity_b.crm_lead_id, self.lead_a)
        self.assertEqual(
            Activity.search([('id', '=', self.activity_b.id)]).summary,
            'RT bravo call')

    def test_follower_linked_then_moved_off_the_leads(self):
        follower = self._follower_b()
        self.assertEqual(follower.crm_lead_id, self.lead_b)
        Followers = self.env['mail.followers'].sudo(self.user_a)
        self.assertFalse(Followers.search([('id', '=', follower.id)]))
        follower.write({'res_model': 'res.partner',
                        'res_id': self.partner.id})
        self.assertFalse(follower.crm_lead_id)
        self.assertTrue(Followers.search([('id', '=', follower.id)]))
