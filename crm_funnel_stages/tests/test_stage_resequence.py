# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import threading
import time

import psycopg2
from psycopg2 import errorcodes

import odoo
from odoo.exceptions import AccessError
from odoo.tests.common import (BaseCase, SavepointCase, at_install,
                               get_db_name, post_install)
from odoo.tools import mute_logger


def stage_order(env):
    env.cr.execute('SELECT id, sequence FROM crm_stage ORDER BY sequence, id')
    return env.cr.fetchall()


class TestStageResequence(SavepointCase):
    """Dragging a stage (list handle or pipeline column) leaves every
    stage numbered 1..n, in the new order, in a constant number of
    statements."""

    @classmethod
    def setUpClass(cls):
        super(TestStageResequence, cls).setUpClass()
        Stage = cls.env['crm.stage']
        cls.stages = Stage.browse([
            Stage.create({'name': 'Reseq %d' % i, 'sequence': 10}).id
            for i in range(5)])

    def assertTotalAndGapFree(self):
        sequences = [seq for _id, seq in stage_order(self.env)]
        self.assertEqual(sequences, list(range(1, len(sequences) + 1)))

    def test_move_keeps_the_others_in_place(self):
        before = [stage_id for stage_id, _seq in stage_order(self.env)]
        a, b, c, d, e = self.stages.ids
        # the page shows a part of the stages: c dragged before a
        self.env['crm.stage'].resequence([c, a, b])
        after = [stage_id for stage_id, _seq in stage_order(self.env)]
        expected = [{a: c, b: a, c: b}.get(i, i) for i in before]
        self.assertEqual(after, expected)
        self.assertTotalAndGapFree()
        self.assertEqual(self.stages.sorted('sequence').ids,
                         [c, a, b, d, e], 'the ORM sees the new order')

    def test_constant_number_of_statements(self):
        Stage = self.env['crm.stage']
        few = list(reversed(self.stages.ids[:2]))
        many = list(reversed(Stage.search([]).ids))
        counts = []
        for ids in (few, many):
            start = self.env.cr.sql_log_count
            Stage.resequence(ids)
            counts.append(self.env.cr.sql_log_count - start)
        self.assertEqual(counts[0], counts[1])
        self.assertEqual([stage_id for stage_id, _seq in
                          stage_order(self.env)], many)
        self.assertTotalAndGapFree()

    def test_salesman_may_not_reorder(self):
        salesman = self.env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'Reseq Salesman', 'login': 'reseq_salesman',
                'groups_id': [(6, 0, [
                    self.env.ref('sales_team.group_sale_salesman').id])]})
        before = stage_order(self.env)
        with self.assertRaises(AccessError):
            self.env['crm.stage'].sudo(salesman).resequence(
                list(reversed(self.stages.ids)))
        self.assertEqual(stage_order(self.env), before)


# Once installed: Odoo's own runner runs at_install tests inside the
# install's transaction, whose locks the two requests here would wait for
@at_install(False)
@post_install(True)
class TestConcurrentResequence(BaseCase):
    """Two users reorder stages at the same time, each in a real
    transaction: both moves are kept and no two stages share a sequence.
    What the test commits it removes."""

    def setUp(self):
        super(TestConcurrentResequence, self).setUp()
        self.registry = odoo.registry(get_db_name())
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            self.original = dict(stage_order(env))
            self.ids = [env['crm.stage'].create({
                'name': 'Concurrent %d' % i, 'sequence': 1000 + i}).id
                for i in range(4)]
        self.addCleanup(self.remove_stages)

    def remove_stages(self):
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env['crm.stage'].browse(self.ids).unlink()
            cr.execute("""
                UPDATE crm_stage s SET sequence = v.sequence
                FROM unnest(%s::int[], %s::int[]) AS v(id, sequence)
                WHERE s.id = v.id
            """, (list(self.original), list(self.original.values())))

    def resequence_in_new_transaction(self, ids, before_commit=None):
        """What a request does: its own transaction, already reading when
        it reorders, retried on a serialization failure as Odoo retries
        requests."""
        with odoo.api.Environment.manage():
            self._resequence_with_retries(ids, before_commit)

    def _resequence_with_retries(self, ids, before_commit):
        for _attempt in range(5):
            with self.registry.cursor() as cr:
                env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
                stage_order(env)  # the request's snapshot starts here
                try:
                    # a serialization failure is retried, not reported
                    with mute_logger('odoo.sql_db'):
                        env['crm.stage'].resequence(ids)
                except psycopg2.OperationalError as error:
                    if error.pgcode != errorcodes.SERIALIZATION_FAILURE:
                        raise
                    cr.rollback()
                    continue
                if before_commit:
                    before_commit()
                return
        raise AssertionError('resequence never went through')

    def waiting_for_lock(self):
        with self.registry.cursor() as cr:
            cr.execute("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database()
                  AND wait_event_type = 'Lock'
                  AND query LIKE 'LOCK TABLE crm_stage%%'
            """)
            return cr.fetchone()[0]

    def test_two_users_reorder_at_once(self):
        a, b, c, d = self.ids
        first_holds_lock = threading.Event()
        second_waits = threading.Event()
        errors = []

        def hold_until_second_waits():
            first_holds_lock.set()
            deadline = time.time() + 10
            while not self.waiting_for_lock() and time.time() < deadline:
                time.sleep(0.05)
            if self.waiting_for_lock():
                second_waits.set()

        def first():
            try:
                # the first user swaps a and b
                self.resequence_in_new_transaction(
                    [b, a], before_commit=hold_until_second_waits)
            except Exception as error:  # reported by the main thread
                errors.append(error)

        def second():
            first_holds_lock.wait(10)
            try:
                # meanwhile the second user swaps c and d
                self.resequence_in_new_transaction([d, c])
            except Exception as error:  # reported by the main thread
                errors.append(error)

        threads = [threading.Thread(target=first),
                   threading.Thread(target=second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        self.assertFalse(errors)
        self.assertTrue(second_waits.is_set(),
                        'the second reordering ran while the first held the '
                        'table')

        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            order = stage_order(env)
        self.assertEqual([seq for _id, seq in order],
                         list(range(1, len(order) + 1)),
                         'every stage numbered once, without gaps')
        ours = [stage_id for stage_id, _seq in order if stage_id in self.ids]
        self.assertEqual(ours, [b, a, d, c], 'both moves are kept')
