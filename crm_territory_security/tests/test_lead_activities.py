# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Every employee may read every activity in Odoo 11: the activities of a
lead are read, searched, grouped and exported only by the users who may
read the lead, and an activity is not moved onto a lead its user may not
read."""
from odoo.exceptions import AccessError

from .common import TerritoryCase


class TestLeadActivities(TerritoryCase):

    @classmethod
    def setUpClass(cls):
        super(TestLeadActivities, cls).setUpClass()
        cls.activity_a = cls.env['mail.activity'].create({
            'res_model_id': cls.env.ref('crm.model_crm_lead').id,
            'res_id': cls.lead_a.id, 'summary': 'RT alpha call',
            'activity_type_id': cls.env.ref('mail.mail_activity_data_call').id,
            'user_id': cls.user_a.id})
        cls.activities = cls.activity_a | cls.activity_b

    def activities_as(self, user):
        return self.env['mail.activity'].sudo(user)

    def summaries(self, user):
        """The summaries of the two leads' activities the user finds."""
        return self.activities_as(user).search([
            ('res_model', '=', 'crm.lead'),
            ('res_id', 'in', self.leads.ids)]).mapped('summary')

    def grouped_summaries(self, user):
        groups = self.activities_as(user).read_group(
            [('res_model', '=', 'crm.lead'), ('res_id', 'in', self.leads.ids)],
            ['summary'], ['summary'])
        return sorted(group['summary'] for group in groups)

    def test_salesperson_searches_the_activities_of_own_territory(self):
        self.assertEqual(self.summaries(self.user_a), ['RT alpha call'])
        self.assertFalse(self.activities_as(self.user_a).search(
            [('summary', '=', 'RT bravo call')]))
        self.assertEqual(self.activities_as(self.user_a).search_count(
            [('res_id', '=', self.lead_b.id)]), 0)

    def test_salesperson_reads_the_activities_of_own_territory(self):
        Activity = self.activities_as(self.user_a)
        self.assertEqual(
            Activity.browse(self.activity_a.id).read(['summary'])[0]
            ['summary'], 'RT alpha call')
        with self.assertRaises(AccessError):
            Activity.browse(self.activity_b.id).read(['summary'])

    def test_salesperson_groups_the_activities_of_own_territory(self):
        self.assertEqual(self.grouped_summaries(self.user_a),
                         ['RT alpha call'])

    def test_salesperson_exports_the_activities_of_own_territory(self):
        Activity = self.activities_as(self.user_a)
        self.assertEqual(
            Activity.browse(self.activity_a.id).export_data(
                ['summary', 'res_name'])['datas'],
            [['RT alpha call', 'RT alpha opportunity']])
        with self.assertRaises(AccessError):
            Activity.browse(self.activity_b.id).export_data(
                ['summary', 'res_name'])

    def test_director_and_admin_see_every_activity(self):
        for user in (self.user_d, self.env.ref('base.user_root')):
            self.assertEqual(sorted(self.summaries(user)),
                             ['RT alpha call', 'RT bravo call'], user.login)
            self.assertEqual(self.grouped_summaries(user),
                             ['RT alpha call', 'RT bravo call'], user.login)

    def test_activity_not_moved_onto_a_lead_of_another_territory(self):
        """The salesperson's own activity (Odoo lets its user write it)
        does not move onto B's lead, and stays on A's."""
        activity = self.activities_as(self.user_a).browse(self.activity_a.id)
        with self.assertRaises(AccessError):
            activity.write({'res_id': self.lead_b.id})
        self.assertEqual(self.activity_a.res_id, self.lead_a.id)
        self.assertEqual(self.summaries(self.user_b), ['RT bravo call'])
