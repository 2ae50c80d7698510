# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Mark Won in two sessions at the same moment, each in a transaction of
its own: the second is told at once that the opportunity is being marked
won elsewhere instead of confirming a second time, and marking it won again
afterwards confirms nothing more. Real transactions, committed: a
SavepointCase would never see the other transaction. What the test made is
deleted at the end."""
import threading
import unittest
import uuid

import odoo
from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests.common import at_install, get_db_name, post_install


# Once installed: Odoo's own runner runs at_install tests inside the
# install's transaction, whose locks the sessions would wait for
@at_install(False)
@post_install(True)
class TestWonConcurrency(unittest.TestCase):

    def setUp(self):
        super(TestWonConcurrency, self).setUp()
        self.registry = odoo.registry(get_db_name())
        tag = uuid.uuid4().hex[:10]
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            partner = env['res.partner'].create({
                'name': 'QT race %s' % tag, 'email': 'race@example.com'})
            product = env['product.product'].create({
                'name': 'QT race desk %s' % tag, 'list_price': 700.0})
            lead = env['crm.lead'].create({
                'name': 'QT race %s' % tag, 'type': 'opportunity',
                'partner_id': partner.id})
            order = env['sale.order'].create(dict(
                lead._crm_quotation_values(), order_line=[(0, 0, {
                    'product_id': product.id, 'product_uom_qty': 1,
                    'price_unit': 700.0, 'tax_id': [(6, 0, [])]})]))
            self.ids = {'partner': partner.id, 'product': product.id,
                        'lead': lead.id, 'order': order.id}
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            orders = env['sale.order'].search(
                [('opportunity_id', '=', self.ids['lead'])])
            orders.action_cancel()
            orders.unlink()
            env['crm.lead'].with_context(active_test=False).browse(
                self.ids['lead']).unlink()
            env['product.product'].browse(self.ids['product']).unlink()
            env['res.partner'].browse(self.ids['partner']).unlink()

    def _mark_won(self, results, name, locked=None, release=None):
        """A session: Mark Won, then (the first one) hold its transaction
        open until told to commit."""
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            try:
                env['crm.lead'].browse(
                    self.ids['lead']).action_set_won_rainbowman()
                results[name] = 'won'
            except UserError as error:
                results[name] = error
                cr.rollback()
            if locked:
                locked.set()
                release.wait(120)

    def test_two_sessions_mark_won_at_once(self):
        results = {}
        locked, release = threading.Event(), threading.Event()
        first = threading.Thread(target=self._mark_won, args=(
            results, 'first', locked, release))
        first.start()
        try:
            self.assertTrue(locked.wait(60))
            # the first session has confirmed, not committed yet
            second = threading.Thread(target=self._mark_won, args=(
                results, 'second'))
            second.start()
            second.join(20)
            self.assertFalse(second.is_alive(),
                             "the second session waited for the first")
        finally:
            release.set()
            first.join(120)
        self.assertEqual(results['first'], 'won')
        self.assertIsInstance(results['second'], UserError)
        self.assertIn('another session', results['second'].name)
        # once the first one committed: won already, nothing more confirmed
        self._mark_won(results, 'third')
        self.assertEqual(results['third'], 'won')
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            lead = env['crm.lead'].browse(self.ids['lead'])
            self.assertEqual(lead.probability, 100)
            self.assertEqual(lead.planned_revenue, 700.0)
            self.assertEqual(lead.order_ids.mapped('state'), ['sale'])
            confirmations = env['mail.message'].search_count([
                ('model', '=', 'sale.order'),
                ('res_id', '=', self.ids['order']),
                ('subtype_id', '=', env.ref('sale.mt_order_confirmed').id)])
            self.assertEqual(confirmations, 1)
