"""The browser harness itself (testing/browser_harness): does what it says.

Drag and drop really reorders kanban columns and list rows (jQuery UI
sortable, checked in the database), JavaScript errors are caught, and a
failing ChromiumCase leaves a screenshot behind.
"""
import os
import unittest

import pytest

from browser_harness import ARTIFACTS_DIR, ChromiumCase

COLUMN_IDS_JS = r"""
return Array.prototype.map.call(
    document.querySelectorAll('.o_kanban_view .o_kanban_group'),
    function (group) { return parseInt(group.getAttribute('data-id'), 10); });
"""


@pytest.mark.browser
class TestHarnessInChromium(ChromiumCase):

    def stage_ids_in_order(self):
        return self.env['crm.stage'].search([]).ids  # crm.stage is ordered by sequence

    def test_drag_kanban_column_resequences_stages(self):
        self.browser.login('admin', 'admin')
        self.browser.open_menu('crm.crm_menu_root')
        self.browser.wait_for('.o_kanban_view .o_kanban_group', count=3)
        columns = self.driver.execute_script(COLUMN_IDS_JS)
        first, last = columns[0], columns[-1]
        title = '.o_kanban_group[data-id="%d"] .o_kanban_header_title'
        handle = self.driver.find_element('css selector', title % first)
        target = self.driver.find_element('css selector', title % last)
        # drop it beyond the middle of the last column: it goes after it
        self.browser.drag_and_drop(handle, target, target_offset=(60, 0))

        self.assertEqual(self.driver.execute_script(COLUMN_IDS_JS),
                         columns[1:] + [first], 'the page shows the new order')
        ordered = [i for i in self.stage_ids_in_order() if i in columns]
        self.assertEqual(ordered, columns[1:] + [first], 'the stages were resequenced')

    def test_drag_list_row_handle_resequences_stages(self):
        before = self.stage_ids_in_order()
        self.assertGreaterEqual(len(before), 3)
        action = self.env.ref('crm.crm_stage_action')
        self.browser.login('admin', 'admin')
        self.browser.open('/web#action=%d&view_type=list' % action.id)
        rows = self.browser.wait_for('.o_list_view tr.o_data_row', count=len(before))
        handle = rows[0].find_element('css selector', '.o_row_handle')
        # drop the first row on the lower part of the third one: after it
        self.browser.drag_and_drop(handle, rows[2], target_offset=(0, 8))

        after = self.stage_ids_in_order()
        self.assertEqual(after, before[1:3] + before[:1] + before[3:])

    def test_javascript_errors_are_caught(self):
        self.browser.login('demo', 'demo')
        self.driver.execute_script(
            "setTimeout(function () { throw new Error('harness self-test'); }, 0);"
            "console.error('logged by the harness self-test');")
        self.browser.wait_idle()
        errors = self.js_errors()
        self.assertTrue(any('harness self-test' in e for e in errors), errors)
        self.assertTrue(any('logged by the harness self-test' in e for e in errors),
                        errors)
        # Odoo's crash manager shows the uncaught error to the user, too
        self.assertTrue(any(e.startswith('error dialog shown') for e in errors), errors)
        del self.browser.errors[:]  # expected: not a failure of this test


class _FailingCase(ChromiumCase):
    """Run by hand below; pytest must not collect it."""
    __test__ = False

    def test_fails(self):
        self.browser.login('demo', 'demo')
        self.assertEqual(1, 2, 'intended failure')


@pytest.mark.browser
class TestHarnessEvidence(unittest.TestCase):

    def test_a_failing_case_leaves_a_screenshot(self):
        case = _FailingCase('test_fails')
        base = os.path.join(ARTIFACTS_DIR, case.evidence_name('FAILED'))
        for suffix in ('.png', '.html'):
            if os.path.exists(base + suffix):
                os.remove(base + suffix)
        result = unittest.TestResult()
        case.run(result)
        self.assertEqual(len(result.failures), 1, result.errors)
        self.assertIn('intended failure', result.failures[0][1])
        with open(base + '.png', 'rb') as png:
            self.assertEqual(png.read(8), b'\x89PNG\r\n\x1a\n')
        with open(base + '.html') as html:
            self.assertIn('o_web_client', html.read())
        for suffix in ('.png', '.html'):
            os.remove(base + suffix)
