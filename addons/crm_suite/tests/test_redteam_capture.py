# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The red-team path of crm_territory_security through crm_leads_ext's
public capture endpoint: with both installed, posting a lead never tells
whether a lead of another territory exists, and what it creates falls
under the territory rules like any lead."""

from odoo.exceptions import AccessError

from odoo.addons.crm_leads_ext.tests.test_lead_capture import CaptureCase


class TestCaptureRevealsNoForeignLead(CaptureCase):

    def setUp(self):
        super(TestCaptureRevealsNoForeignLead, self).setUp()
        env = self.env
        Users = env['res.users'].with_context(no_reset_password=True)
        salesman = env.ref('crm_territory_security.group_territory_salesman')

        def user(login):
            return Users.create({
                'name': 'RC %s' % login, 'login': login,
                'email': '%s@example.com' % login,
                'groups_id': [(6, 0, [env.ref('base.group_user').id,
                                      salesman.id])]})

        self.user_a, self.user_b = user('rc_salesman_a'), user('rc_salesman_b')
        Territory = env['crm.territory']
        Territory.create({
            'name': 'RC Vietnam', 'code': 'RC-A', 'priority': 90,
            'country_ids': [(6, 0, env.ref('base.vn').ids)],
            'user_ids': [(6, 0, self.user_a.ids)]})
        self.territory_b = Territory.create({
            'name': 'RC China', 'code': 'RC-B', 'priority': 90,
            'country_ids': [(6, 0, env.ref('base.cn').ids)],
            'user_ids': [(6, 0, self.user_b.ids)]})
        self.lead_b = env['crm.lead'].create({
            'name': 'RC Bravo Trading', 'partner_name': 'Bravo Trading',
            'contact_name': 'Bravo Buyer',
            'email_from': 'bravo.buyer@example.cn',
            'country_id': env.ref('base.cn').id, 'user_id': self.user_b.id})
        self.assertEqual(self.lead_b.territory_id, self.territory_b)

    def capture(self, email):
        return self.post({
            'name': 'Quotation request', 'contact_name': 'Bravo Buyer',
            'partner_name': 'Bravo Trading', 'email_from': email,
            'country_code': 'CN'})

    def test_same_answer_whether_a_foreign_lead_exists_or_not(self):
        messages = len(self.lead_b.message_ids)
        known = self.capture('bravo.buyer@example.cn')
        unknown = self.capture('someone.new@example.cn')
        # the same status, the same keys, the same headers: only the new
        # lead's own random reference differs
        self.assertEqual((known.status_code, unknown.status_code), (201, 201))
        self.assertEqual(set(known.json()), {'ref'})
        self.assertEqual(set(unknown.json()), {'ref'})
        self.assertEqual(set(known.headers) - {'Date'},
                         set(unknown.headers) - {'Date'})
        new_ids = [self.lead_of(known).id, self.lead_of(unknown).id]
        self.assertNotIn(self.lead_b.id, new_ids)
        # the foreign lead was neither merged into nor written to
        self.lead_b.invalidate_cache()
        self.assertEqual(len(self.lead_b.message_ids), messages)
        self.assertEqual(self.lead_b.name, 'RC Bravo Trading')

        # the captured leads are in territory B: hidden from A, seen by B
        captured = self.env['crm.lead'].browse(new_ids)
        self.assertEqual(captured.mapped('territory_id'), self.territory_b)
        Lead = self.env['crm.lead']
        self.assertFalse(Lead.sudo(self.user_a).search(
            [('id', 'in', new_ids)]))
        with self.assertRaises(AccessError):
            captured.sudo(self.user_a).read(['name', 'email_from'])
        self.assertEqual(
            Lead.sudo(self.user_b).search([('id', 'in', new_ids)]), captured)
