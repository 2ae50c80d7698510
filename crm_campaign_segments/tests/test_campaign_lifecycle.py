# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Starting, pausing, resuming and stopping a campaign: only sales
managers may; a campaign without a start activity, or whose transitions
without delay make a cycle, cannot start and the message says why."""
from lxml import etree

from odoo.exceptions import AccessError, UserError

from .common import CampaignCase


class TestCampaignRights(CampaignCase):

    def test_salesperson_cannot_start_stop_or_run(self):
        campaign = self.campaign.sudo(self.seller)
        for method in ('action_start', 'action_pause', 'action_resume',
                       'action_stop'):
            with self.assertRaises(AccessError):
                getattr(campaign, method)()
        with self.assertRaises(AccessError):
            self.segment.sudo(self.seller).action_run_now()
        self.assertEqual(self.campaign.state, 'draft')
        self.campaign.sudo(self.manager).action_start()
        with self.assertRaises(AccessError):
            self.segment.sudo(self.seller).action_run_now()
        self.assertFalse(self.workitems())

    def test_salesperson_reads_but_cannot_retry(self):
        self.template.body_html = '<p>${1 // 0}</p>'
        self.start_and_run()
        failed = self.workitems().sudo(self.seller)
        self.assertEqual(set(failed.mapped('state')), {'exception'})
        with self.assertRaises(AccessError):
            failed.action_retry()
        self.assertEqual(set(failed.mapped('state')), {'exception'})

    def test_employee_cannot_see_workitems_nor_preview(self):
        employee = self._user('employee', self.env.ref('base.group_user'))
        with self.assertRaises(AccessError):
            self.campaign.sudo(employee).action_view_workitems()
        with self.assertRaises(AccessError):
            self.segment.sudo(employee).action_preview()
        action = self.campaign.sudo(self.seller).action_view_workitems()
        self.assertEqual(action['domain'],
                         [('campaign_id', '=', self.campaign.id)])
        self.assertEqual(
            self.segment.sudo(self.seller).action_preview()['res_model'],
            'res.partner')

    def test_marketing_menu_for_sales_users(self):
        employee = self._user('menu_employee',
                              self.env.ref('base.group_user'))
        Menu = self.env['ir.ui.menu']
        menus = [self.env.ref('crm_campaign_segments.%s' % name).id
                 for name in ('crm_segment_menu', 'crm_campaign_menu',
                              'crm_campaign_workitem_menu')]
        seen = Menu.sudo(self.seller)._visible_menu_ids()
        self.assertTrue(all(menu in seen for menu in menus))
        hidden = Menu.sudo(employee)._visible_menu_ids()
        self.assertFalse(any(menu in hidden for menu in menus))
        # the forms open, their buttons for managers hidden
        for model, buttons in (
                ('crm.segment', ['action_run_now']),
                ('crm.campaign', ['action_start', 'action_pause',
                                  'action_resume', 'action_stop']),
                ('crm.campaign.workitem', ['action_retry']),
                ('crm.campaign.activity', [])):
            arch = etree.fromstring(self.env[model].sudo(
                self.seller).fields_view_get(view_type='form')['arch'])
            for name in buttons:
                button, = arch.xpath('//button[@name="%s"]' % name)
                self.assertEqual(button.get('invisible'), '1', name)

    def test_salesperson_cannot_edit_the_workflow(self):
        with self.assertRaises(AccessError):
            self.segment.sudo(self.seller).write({'domain': '[]'})
        with self.assertRaises(AccessError):
            self.mail_activity.sudo(self.seller).write({'start': False})


class TestCampaignLifecycle(CampaignCase):

    def test_start_refused_without_start_activity(self):
        self.mail_activity.sudo(self.manager).start = False
        with self.assertRaises(UserError) as refused:
            self.campaign.sudo(self.manager).action_start()
        self.assertIn('it has no start activity', refused.exception.name)
        self.assertEqual(self.campaign.state, 'draft')

    def test_start_refused_with_a_zero_delay_cycle(self):
        second = self._activity('CS Second')
        self._transition(self.mail_activity, second, number=0)
        self._transition(second, self.mail_activity, number=0)
        with self.assertRaises(UserError) as refused:
            self.campaign.sudo(self.manager).action_start()
        self.assertIn('make a cycle (CS Mail → CS Second → CS Mail)',
                      refused.exception.name)
        self.assertEqual(self.campaign.state, 'draft')

    def test_cycle_with_a_delay_may_start(self):
        second = self._activity('CS Second')
        self._transition(self.mail_activity, second, number=0)
        self._transition(second, self.mail_activity, number=1,
                         unit='hours')
        self.campaign.sudo(self.manager).action_start()
        self.assertEqual(self.campaign.state, 'running')

    def test_segment_of_a_draft_campaign_does_not_run(self):
        with self.assertRaises(UserError) as refused:
            self.segment.sudo(self.manager).action_run_now()
        self.assertIn('is not running', refused.exception.name)

    def test_pause_resume_stop(self):
        second = self._activity('CS Second')
        self._transition(self.mail_activity, second, number=0)
        self.start_and_run()
        pending = self.workitems(activity_id=second.id)
        self.assertEqual(set(pending.mapped('state')), {'todo'})

        campaign = self.campaign.sudo(self.manager)
        campaign.action_pause()
        self.assertEqual(campaign.state, 'paused')
        self.env['crm.campaign']._cron_run()
        pending.invalidate_cache()
        self.assertEqual(set(pending.mapped('state')), {'todo'},
                         "a paused campaign processes nothing")
        with self.assertRaises(UserError):
            self.segment.sudo(self.manager).action_run_now()

        campaign.action_resume()
        self.assertEqual(campaign.state, 'running')
        pending.invalidate_cache()
        self.assertEqual(set(pending.mapped('state')), {'done'},
                         "resumed where it stopped")

        third = self._activity('CS Third')
        self._transition(second, third, number=1, unit='hours')
        partner = self.env['res.partner'].create({
            'name': 'CS Late', 'city': self.partners[0].city})
        self.segment.sudo(self.manager).action_run_now()
        late = self.workitems(res_id=partner.id,
                              activity_id=second.id)
        self.assertEqual(late.state, 'todo')
        campaign.action_stop()
        self.assertEqual(campaign.state, 'done')
        self.assertTrue(campaign.date_stop)
        late.invalidate_cache()
        self.assertEqual(late.state, 'cancelled')
        self.assertIn('stopped', late.error)
        self.assertEqual(set(self.workitems(activity_id=second.id).filtered(
            lambda w: w.res_id != partner.id).mapped('state')), {'done'})
