# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The salesperson a round-robin territory gives a new lead is written with
the rights the assignment needs, whoever creates the lead: an integration
user that may create leads, but neither write them nor read those of
others, gets its lead created and assigned, and can still read or write
nothing more."""
from odoo.exceptions import AccessError
from odoo.tests.common import SavepointCase


class TestAssignmentRights(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestAssignmentRights, cls).setUpClass()
        env = cls.env
        # Odoo 11's create reads the new lead as its creator (crm's
        # constraint on the salesperson, the chatter): the group may read
        # the leads it created, nothing else, and write none
        group = env['res.groups'].create({'name': 'TAR Lead creation'})
        env['ir.model.access'].create({
            'name': 'TAR create leads',
            'model_id': env.ref('crm.model_crm_lead').id,
            'group_id': group.id, 'perm_create': True, 'perm_read': True,
            'perm_write': False, 'perm_unlink': False})
        env['ir.rule'].create({
            'name': 'TAR own created leads',
            'model_id': env.ref('crm.model_crm_lead').id,
            'groups': [(6, 0, group.ids)],
            'domain_force': "[('create_uid', '=', user.id)]"})
        Users = env['res.users'].with_context(no_reset_password=True)
        cls.integration = Users.create({
            'name': 'TAR Web shop', 'login': 'tar_webshop',
            'email': 'tar_webshop@example.com',
            'groups_id': [(6, 0, [env.ref('base.group_user').id,
                                  group.id])]})
        cls.salespeople = Users.browse()
        for login in ('tar_rr1', 'tar_rr2'):
            cls.salespeople |= Users.create({
                'name': login, 'login': login,
                'email': '%s@example.com' % login})
        cls.territory = env['crm.territory'].create({
            'name': 'TAR Round robin', 'priority': 99,
            'city_names': 'Tar City', 'assign_user': 'round_robin',
            'user_ids': [(6, 0, cls.salespeople.ids)]})
        cls.other = env['crm.lead'].create({
            'name': 'TAR colleague', 'city': 'Tar City',
            'user_id': cls.salespeople[0].id})

    def create_lead(self, name):
        return self.env['crm.lead'].sudo(self.integration).create({
            'name': name, 'city': 'Tar City', 'user_id': False})

    def test_created_and_assigned_in_turn(self):
        first = self.create_lead('TAR first')
        second = self.create_lead('TAR second')
        self.assertEqual(first.env.uid, self.integration.id,
                         "the caller gets the lead in its own environment")
        self.assertEqual(
            (first | second).sudo().mapped('territory_id'), self.territory)
        self.assertEqual((first | second).sudo().mapped('user_id'),
                         self.salespeople)

    def test_nothing_more_readable_or_writable(self):
        lead = self.create_lead('TAR created')
        with self.assertRaises(AccessError):
            lead.write({'name': 'TAR renamed'})
        with self.assertRaises(AccessError):
            lead.write({'user_id': self.salespeople[1].id})
        Lead = self.env['crm.lead'].sudo(self.integration)
        self.assertEqual(Lead.search([('city', '=', 'Tar City')]), lead)
        with self.assertRaises(AccessError):
            self.other.sudo(self.integration).read(['name'])
