# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Each user sets their default sales team in their Preferences, among
the teams they belong to: the team they are a member of (Odoo 11's
``sale_team_id`` is the membership) and the teams they lead. The server
refuses any other, from the form or over XML-RPC."""
from lxml import etree

from odoo.exceptions import AccessError

from .common import LeadsExtCase
from .rpc_common import RpcCase


class TestUserDefaultTeam(LeadsExtCase):

    @classmethod
    def setUpClass(cls):
        super(TestUserDefaultTeam, cls).setUpClass()
        cls.seller = cls._user('pref_seller')
        cls.team_member = cls.Team.create({
            'name': 'LX Pref Hanoi', 'member_ids': [(6, 0, cls.seller.ids)]})
        cls.team_led = cls.Team.create({
            'name': 'LX Pref Hanoi Key Accounts',
            'user_id': cls.seller.id})
        cls.team_other = cls.Team.create({'name': 'LX Pref Europe'})

    def test_choices_are_the_teams_the_user_belongs_to(self):
        self.assertEqual(self.seller.sudo(self.seller).sale_team_choice_ids,
                         self.team_member | self.team_led)

    def test_user_sets_a_team_they_lead(self):
        self.seller.sudo(self.seller).write({'sale_team_id': self.team_led.id})
        self.assertEqual(self.seller.sale_team_id, self.team_led)

    def test_user_cannot_set_a_team_they_do_not_belong_to(self):
        with self.assertRaises(AccessError) as refusal:
            self.seller.sudo(self.seller).write(
                {'sale_team_id': self.team_other.id})
        self.assertIn('LX Pref Europe', refusal.exception.name)
        self.assertEqual(self.seller.sale_team_id, self.team_member)

    def test_refusal_in_vietnamese(self):
        self.env['res.lang'].load_lang('vi_VN')
        self.env['ir.translation'].load_module_terms(
            ['crm_leads_ext'], ['vi_VN'])
        with self.assertRaises(AccessError) as refusal:
            self.seller.sudo(self.seller).with_context(lang='vi_VN').write(
                {'sale_team_id': self.team_other.id})
        self.assertEqual(
            refusal.exception.name,
            'Bạn chỉ có thể chọn làm đội bán hàng mặc định một đội mà bạn '
            'là thành viên hoặc trưởng nhóm, không phải LX Pref Europe.')

    def test_other_users_record_still_refused(self):
        """The preference is the user's own: another user's default team
        stays out of reach of a salesperson."""
        other = self._user('pref_other')
        with self.assertRaises(AccessError):
            other.sudo(self.seller).write(
                {'sale_team_id': self.team_member.id})
        self.assertNotEqual(other.sale_team_id, self.team_member)

    def test_managers_still_set_any_team(self):
        """A user administrator, and a team's member list, are not
        limited."""
        admin = self._user('pref_admin', self.env.ref('base.group_erp_manager'))
        self.seller.sudo(admin).write({'sale_team_id': self.team_other.id})
        self.assertEqual(self.seller.sale_team_id, self.team_other)
        self.team_member.write({'member_ids': [(4, self.seller.id)]})
        self.assertEqual(self.seller.sale_team_id, self.team_member)

    def test_preferences_form(self):
        """Writable in the Preferences, among the teams of the user."""
        view = self.env.ref('base.view_users_form_simple_modif')
        arch = self.env['res.users'].sudo(self.seller).fields_view_get(
            view_id=view.id, view_type='form')['arch']
        field = etree.fromstring(arch).xpath('//field[@name="sale_team_id"]')
        self.assertEqual(len(field), 1)
        self.assertNotEqual(field[0].get('readonly'), '1')
        self.assertIn('sale_team_choice_ids', field[0].get('domain'))
        # what the dialog reads and writes, as the user
        values = self.seller.sudo(self.seller).read(
            ['sale_team_id', 'sale_team_choice_ids'])[0]
        self.assertEqual(values['sale_team_id'][0], self.team_member.id)


class TestUserDefaultTeamRpc(RpcCase):
    """The same write over XML-RPC, as a script of the user would send
    it."""

    def setUp(self):
        super(TestUserDefaultTeamRpc, self).setUp()
        self.seller = self.rpc_user('lx_pref_rpc',
                                    'sales_team.group_sale_salesman')
        Team = self.env['crm.team']
        self.team_member = Team.create({
            'name': 'LX Pref RPC Hanoi',
            'member_ids': [(6, 0, self.seller.ids)]})
        self.team_led = Team.create({
            'name': 'LX Pref RPC Saigon', 'user_id': self.seller.id})
        self.team_other = Team.create({'name': 'LX Pref RPC Europe'})

    def test_write_own_default_team_over_rpc(self):
        self.assertTrue(self.xmlrpc(
            'lx_pref_rpc', 'res.users', 'write',
            [[self.seller.id], {'sale_team_id': self.team_led.id}]))
        self.env.cache.invalidate()
        self.assertEqual(self.seller.sale_team_id, self.team_led)
        refusal = self.assertRpcAccessError(
            'lx_pref_rpc', 'res.users', 'write',
            [[self.seller.id], {'sale_team_id': self.team_other.id}])
        self.assertIn('LX Pref RPC Europe', refusal)
        self.env.cache.invalidate()
        self.assertEqual(self.seller.sale_team_id, self.team_led)
