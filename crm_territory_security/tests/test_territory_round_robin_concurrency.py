# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Two leads of a round-robin territory created at the same instant, each
in a transaction of its own, both still open when the other creates its
lead: no error, and two different salespeople. Real transactions,
committed (a SavepointCase never sees another transaction); what they
made is deleted at the end."""
import threading
import unittest
import uuid

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tests.common import at_install, get_db_name, post_install

# how long a transaction waits for the other one to have created its lead
# (the old round-robin position, written on the territory, made the second
# wait for the first to commit, then fail)
WAIT = 15


# Once installed: Odoo's own runner runs at_install tests while it builds
# the registry, holding the lock that another thread's Environment waits for
@at_install(False)
@post_install(True)
class TestRoundRobinConcurrency(unittest.TestCase):

    def setUp(self):
        super(TestRoundRobinConcurrency, self).setUp()
        self.db = get_db_name()
        self.registry = odoo.registry(self.db)
        self.tag = uuid.uuid4().hex[:10]
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            Users = env['res.users'].with_context(no_reset_password=True)
            users = Users.browse()
            for number in (1, 2):
                users |= Users.create({
                    'name': 'RR race %s %d' % (self.tag, number),
                    'login': 'rr_race_%s_%d' % (self.tag, number)})
            self.user_ids = users.ids
            self.territory_id = env['crm.territory'].create({
                'name': 'RR race %s' % self.tag,
                'city_names': 'RR race city %s' % self.tag,
                'priority': 99, 'assign_user': 'round_robin',
                'user_ids': [(6, 0, users.ids)]}).id
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env['crm.lead'].with_context(active_test=False).search(
                [('territory_id', '=', self.territory_id)]).unlink()
            env['crm.territory'].browse(self.territory_id).unlink()
            env['res.users'].browse(self.user_ids).unlink()

    def _create(self, number, barrier, results):
        with api.Environment.manage():
            try:
                with self.registry.cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    lead = env['crm.lead'].create({
                        'name': 'RR race %s lead %d' % (self.tag, number),
                        'city': 'RR race city %s' % self.tag,
                        'user_id': False})
                    results[number] = lead.user_id.id
                    # both transactions have their lead before either
                    # commits
                    try:
                        barrier.wait()
                    except threading.BrokenBarrierError:
                        results['waited %d' % number] = (
                            'the other transaction never created its lead')
            except Exception as error:  # pylint: disable=broad-except
                results[number] = error

    def test_two_leads_at_once_get_two_salespeople(self):
        barrier = threading.Barrier(2, timeout=WAIT)
        results = {}
        threads = [threading.Thread(target=self._create,
                                    args=(number, barrier, results))
                   for number in (1, 2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(WAIT * 4)
            self.assertFalse(thread.is_alive())
        errors = {key: value for key, value in results.items()
                  if isinstance(value, Exception) or key not in (1, 2)}
        self.assertFalse(errors)
        self.assertEqual(sorted([results[1], results[2]]),
                         sorted(self.user_ids), results)
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            leads = env['crm.lead'].search(
                [('territory_id', '=', self.territory_id)])
            self.assertEqual(sorted(leads.mapped('user_id').ids),
                             sorted(self.user_ids))
