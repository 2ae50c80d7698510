# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The campaign analysis (crm.campaign.analysis): its figures per activity
and state, counted by hand from a small campaign whose mails were opened,
clicked, replied and bounced as mass_mailing records it, and whose UTM
campaign brought leads, one of them won."""
from odoo.exceptions import AccessError

from .common import CampaignCase

MEASURES = ['workitem_count', 'mail_count', 'sent_count', 'opened_count',
            'clicked_count', 'replied_count', 'bounced_count', 'lead_count',
            'opportunity_count', 'revenue_won']


class TestCampaignAnalysis(CampaignCase):

    @classmethod
    def setUpClass(cls):
        super(TestCampaignAnalysis, cls).setUpClass()
        cls.team = cls.env['crm.team'].create({'name': 'CS Analysis Team'})
        cls.lead_activity = cls._activity(
            'CS Opportunity', action_type='lead', team_id=cls.team.id)
        cls._transition(cls.mail_activity, cls.lead_activity,
                        trigger='clicked', number=0)

    def figures(self, groupby):
        data = self.env['crm.campaign.analysis'].sudo(
            self.manager).read_group(
                [('campaign_id', '=', self.campaign.id)],
                MEASURES + [groupby], [groupby], lazy=False)
        return {row[groupby][1] if isinstance(row[groupby], tuple)
                else row[groupby]: [row[name] for name in MEASURES]
                for row in data}

    def test_figures_per_activity_and_state(self):
        self.start_and_run()
        first, second, third = self.workitems()
        Stats = self.env['mail.mail.statistics']
        # the first customer opens and clicks; the second opens and
        # replies; the third's mail bounces
        (first | second).mapped('mail_statistics_id').set_opened()
        first.mail_statistics_id.set_clicked()
        second.mail_statistics_id.set_replied()
        third.mail_statistics_id.set_bounced()
        # one mail of the three went out (live before the test mode, say)
        Stats.browse(first.mail_statistics_id.id).sent = '2026-01-01'
        self.env['crm.campaign']._cron_run()
        opportunity = self.workitems(
            activity_id=self.lead_activity.id).lead_id
        opportunity.write({'planned_revenue': 5000.0})
        opportunity.action_set_won()
        # the UTM campaign's link brought a lead and an opportunity, lost
        Lead = self.env['crm.lead']
        Lead.create({'name': 'CS from the link', 'type': 'lead',
                     'campaign_id': self.utm.id})
        Lead.create({'name': 'CS lost', 'type': 'opportunity',
                     'planned_revenue': 900.0,
                     'campaign_id': self.utm.id}).action_set_lost()
        # a lead of another UTM campaign does not count
        Lead.create({'name': 'CS elsewhere', 'type': 'opportunity',
                     'campaign_id': self.env['utm.campaign'].create(
                         {'name': 'CS other'}).id})

        by_activity = self.figures('activity_id')
        self.assertEqual(by_activity, {
            #             items mails sent open click reply bounce
            #             leads opps revenue
            'CS Mail': [3, 3, 1, 2, 1, 1, 1, 0, 0, 0.0],
            'CS Opportunity': [1, 0, 0, 0, 0, 0, 0, 0, 1, 5000.0],
            # the leads no activity made
            False: [0, 0, 0, 0, 0, 0, 0, 1, 1, 0.0],
        })
        by_state = self.figures('state')
        self.assertEqual(by_state['done'][:2], [4, 3])
        # the leads' lines have no state: the three of the UTM campaign
        self.assertEqual(by_state[False][7:], [1, 2, 5000.0])

    def test_over_time_and_for_managers_only(self):
        self.start_and_run()
        Analysis = self.env['crm.campaign.analysis'].sudo(self.manager)
        data = Analysis.read_group(
            [('campaign_id', '=', self.campaign.id)],
            ['workitem_count', 'date', 'state'], ['date:day', 'state'],
            lazy=False)
        self.assertEqual([(row['state'], row['workitem_count'])
                          for row in data], [('done', 3)])
        with self.assertRaises(AccessError):
            self.env['crm.campaign.analysis'].sudo(self.seller).read_group(
                [], ['workitem_count', 'campaign_id'], ['campaign_id'])
