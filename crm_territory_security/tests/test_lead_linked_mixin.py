# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Activities and followers follow their document's territory when created
and when moved to another document (crm.lead.document.mixin)."""
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
        self.assertEqual(
            Activity.search([('id', '=', self.activity_b.id)]).summary,
            'RT bravo call')

    def test_follower_moved_off_the_leads(self):
        follower = self._follower_b()
        Followers = self.env['mail.followers'].sudo(self.user_a)
        self.assertFalse(Followers.search([('id', '=', follower.id)]))
        follower.write({'res_model': 'res.partner',
                        'res_id': self.partner.id})
        self.assertTrue(Followers.search([('id', '=', follower.id)]))

    def test_rows_of_a_missing_lead_are_hidden(self):
        """Rows naming a lead that does not exist (inserted in SQL, or left
        by a lead deleted in SQL) are not shown to territory users."""
        follower = self._follower_b()
        self.env.cr.execute(
            "UPDATE mail_followers SET res_id = %s WHERE id = %s",
            (self.lead_b.id + 100000, follower.id))
        self.assertFalse(self.env['mail.followers'].sudo(self.user_b).search(
            [('id', '=', follower.id)]))

    def test_users_of_the_leads_territory(self):
        notification = self.env['mail.notification'].create({
            'mail_message_id': self.message_b.id,
            'res_partner_id': self.user_b.partner_id.id})
        for row in (self._follower_b(), self.message_b, self.attachment_b,
                    self.activity_b, notification):
            self.assertEqual(row.sudo(self.user_b).crm_lead_user_ids,
                             self.user_b | self.user_m, row._name)
