# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""A campaign's workflow diagram in a real browser, as the demo sales
manager opens the campaign: its activities as boxes, its transitions as
arrows labelled with their trigger (crm_campaign_segments; the browser
harness is the suite's, hence here).

Headless Chromium (testing/browser_harness) on the in-process test server, in
the test's transaction: nothing the browser does is committed.
"""
import pytest

from odoo.addons.crm_leads_ext.tests.harness import ChromiumCase

# the boxes and arrows the diagram shows, and whether any overlap
READ_DIAGRAM_JS = r"""
var svg = document.querySelector('.o_crm_campaign_diagram svg');
if (!svg) { return null; }
var boxes = Array.prototype.map.call(
    svg.querySelectorAll('.o_crm_campaign_activity'), function (box) {
        var rect = box.querySelector('rect').getBoundingClientRect();
        return {name: box.querySelector('title').textContent,
                shown: box.querySelector('text').textContent,
                start: box.classList.contains('o_crm_campaign_activity_start'),
                left: rect.left, right: rect.right,
                top: rect.top, bottom: rect.bottom};
    });
var labels = Array.prototype.map.call(
    svg.querySelectorAll('.o_crm_campaign_transition text'),
    function (text) {
        var rect = text.getBoundingClientRect();
        return {text: text.textContent, left: rect.left, right: rect.right,
                top: rect.top, bottom: rect.bottom};
    });
return {boxes: boxes, labels: labels,
        width: svg.getBoundingClientRect().width,
        room: svg.parentNode.getBoundingClientRect().width};
"""


@pytest.mark.browser
class TestCampaignDiagramInBrowser(ChromiumCase):

    def setUp(self):
        super(TestCampaignDiagramInBrowser, self).setUp()
        self.manager = self.env.ref('crm_suite.user_demo_sales_manager')
        Campaign = self.env['crm.campaign'].sudo(self.manager)
        self.campaign = Campaign.create({'name': 'Shanghai customers'})
        Activity = self.env['crm.campaign.activity'].sudo(self.manager)
        template = self.env['mail.template'].create({
            'name': 'Recommendation', 'model_id': self.env.ref(
                'base.model_res_partner').id,
            'subject': 'Our recommendation', 'body_html': '<p>Hello</p>'})
        mail = Activity.create({
            'name': 'Product recommendation mail', 'start': True,
            'campaign_id': self.campaign.id, 'action_type': 'mail',
            'template_id': template.id})
        opportunity = Activity.create({
            'name': 'Create the opportunity for the Shanghai team',
            'campaign_id': self.campaign.id, 'action_type': 'lead',
            'lead_type': 'opportunity', 'lead_name': 'Recommendation'})
        reminder = Activity.create({
            'name': 'Reminder', 'campaign_id': self.campaign.id,
            'action_type': 'mail', 'template_id': template.id})
        Transition = self.env['crm.campaign.transition'].sudo(self.manager)
        for source, target, values in (
                (mail, opportunity, {'trigger': 'clicked',
                                     'interval_number': 3,
                                     'interval_unit': 'days'}),
                (mail, reminder, {'trigger': 'not_opened',
                                  'interval_number': 7}),
                (reminder, mail, {'trigger': 'delay', 'interval_number': 30,
                                  'interval_unit': 'days'})):
            values.update({'campaign_id': self.campaign.id,
                           'from_activity_id': source.id,
                           'to_activity_id': target.id})
            Transition.create(values)

    def test_manager_sees_the_workflow(self):
        self.browser.login('manager', 'manager')
        self.browser.open('/web#model=crm.campaign&view_type=form&id=%d'
                          % self.campaign.id)
        self.browser.wait_for('.o_crm_campaign_diagram svg')
        self.save_evidence('diagram')
        with self.browser_turn():
            diagram = self.driver.execute_script(READ_DIAGRAM_JS)
        boxes = {box['name']: box for box in diagram['boxes']}
        self.assertEqual(sorted(boxes), [
            'Create the opportunity for the Shanghai team',
            'Product recommendation mail', 'Reminder'])
        self.assertEqual([name for name, box in boxes.items()
                          if box['start']], ['Product recommendation mail'])
        # a long name on two lines, whole in its tooltip
        self.assertEqual(boxes['Create the opportunity for the Shanghai '
                               'team']['shown'],
                         'Create the opportunityfor the Shanghai team')
        self.assertEqual(sorted(label['text'] for label in diagram['labels']),
                         ['after 30 days', 'clicked, then 3 days',
                          'not opened in 7 days'])
        start = boxes['Product recommendation mail']
        for name in ('Reminder',
                     'Create the opportunity for the Shanghai team'):
            self.assertGreater(boxes[name]['left'], start['right'])
        # nothing drawn over anything else
        listed = list(boxes.values()) + diagram['labels']
        for index, first in enumerate(listed):
            for second in listed[index + 1:]:
                self.assertTrue(
                    first['right'] <= second['left'] or
                    second['right'] <= first['left'] or
                    first['bottom'] <= second['top'] or
                    second['bottom'] <= first['top'], (first, second))
        self.assertLessEqual(diagram['width'], diagram['room'])
        self.assert_no_js_errors()
