# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""crm_leads_ext's lead import writes leads in SQL: what the create() of
crm_territory_security does must happen to imported leads too (this
bridge's hooks). crm_leads_ext's test_lead_import_vs_create compares the
whole lead; here the territory's round robin over several leads and the
territories with a domain."""
import base64

from odoo.tests.common import SavepointCase


class TestImportedLeadsTerritory(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestImportedLeadsTerritory, cls).setUpClass()
        Users = cls.env['res.users'].with_context(
            no_reset_password=True, mail_create_nosubscribe=True)
        salesman = cls.env.ref(
            'crm_territory_security.group_territory_salesman')
        cls.sellers = Users.browse()
        for login in ('imp_seller_1', 'imp_seller_2'):
            cls.sellers |= Users.create({
                'name': login, 'login': login,
                'groups_id': [(6, 0, [cls.env.ref('base.group_user').id,
                                      salesman.id])]})
        cls.territory = cls.env['crm.territory'].create({
            'name': 'Import Delta', 'code': 'IMP-D', 'priority': 90,
            'country_ids': [(6, 0, cls.env.ref('base.vn').ids)],
            'city_names': 'Can Tho',
            'assign_user': 'round_robin',
            'user_ids': [(6, 0, cls.sellers.ids)]})
        cls.team = cls.env['crm.team'].create({'name': 'Import Suite Team'})
        cls.manager = Users.create({
            'name': 'Import Suite Manager', 'login': 'imp_suite_manager',
            'groups_id': [(6, 0, [
                cls.env.ref('base.group_user').id,
                cls.env.ref('sales_team.group_sale_manager').id,
                cls.env.ref(
                    'crm_territory_security.group_territory_manager').id])]})

    def _import(self, rows):
        data = ('Contact Name,Company,Email,City,Country\n' + ''.join(
            '%s\n' % ','.join(row) for row in rows)).encode()
        wizard = self.env['crm.lead.import'].sudo(self.manager).create({
            'file': base64.b64encode(data), 'file_name': 'delta.csv',
            'team_id': self.team.id, 'title_mode': 'company'})
        wizard.action_load_file()
        wizard.with_context(crm_lead_import_foreground=True).action_import()
        self.assertEqual(wizard.created_count, len(rows))
        return self.env['crm.lead'].search(
            [('email_from', 'like', '@delta.vn')], order='id')

    def test_imported_leads_get_territory_and_salesperson(self):
        leads = self._import([
            ('Lan', 'Mekong Rice', 'lan@delta.vn', 'Can Tho', 'VN'),
            ('Minh', 'Delta Fish', 'minh@delta.vn', 'Can Tho', 'VN'),
            ('Hoa', 'Lotus Tea', 'hoa@delta.vn', 'Can Tho', 'Vietnam')])
        self.assertEqual(len(leads), 3)
        for lead in leads:
            self.assertEqual(lead.territory_id, self.territory,
                             "matched from the address, as on create")
            self.assertFalse(lead.territory_unmatched)
            self.assertFalse(lead.territory_manual_id)
        self.assertEqual(
            leads.mapped('user_id').ids and
            [lead.user_id for lead in leads],
            [self.sellers[0], self.sellers[1], self.sellers[0]],
            "the territory's salespeople in turn")
        for lead in leads:
            self.assertIn(lead.user_id.partner_id,
                          lead.message_follower_ids.mapped('partner_id'))

    def test_territory_salespeople_read_the_followers(self):
        lead = self._import([('Tuan', 'Can Tho Tech', 'tuan@delta.vn',
                              'Can Tho', 'VN')])
        domain = [('res_model', '=', 'crm.lead'), ('res_id', '=', lead.id)]
        followers = self.env['mail.followers'].search(domain)
        self.assertTrue(followers)
        self.assertEqual(
            self.env['mail.followers'].sudo(self.sellers[0]).search(domain),
            followers, "the territory rules let its salespeople read the "
                       "followers the import inserted in SQL")

    def test_territory_with_a_domain_is_matched_after_the_insert(self):
        self.territory.domain = "[('partner_name', 'ilike', 'Rice')]"
        leads = self._import([
            ('Lan', 'Mekong Rice', 'lan@delta.vn', 'Can Tho', 'VN'),
            ('Minh', 'Delta Fish', 'minh@delta.vn', 'Can Tho', 'VN')])
        self.assertEqual(leads[0].territory_id, self.territory)
        self.assertNotEqual(leads[1].territory_id, self.territory)
