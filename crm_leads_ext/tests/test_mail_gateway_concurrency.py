# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Two mails of the same new sender processed at the same instant, each in
a transaction of its own, as two odoo-mailgate deliveries are (XML-RPC
``execute``, with Odoo's retry on serialization failures): one lead, with
both mails. A mail arriving while a capture of the same sender for the
team is being recorded: appended to the captured lead. Real transactions,
committed: a SavepointCase would never see the other transaction's
commit. The team, its key, its leads and their messages are deleted at
the end."""
import threading
import time
import unittest
import uuid

import odoo
from odoo import SUPERUSER_ID, api
from odoo.service import model as service_model
from odoo.tests.common import at_install, get_db_name, post_install

from ..models.crm_lead_mail import sender_lock_key

MAIL = """From: Race Sender <{sender}>
To: <{alias}@yourcompany.example.com>
Subject: {subject}
Message-ID: <{message_id}@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Please call me back.

Best regards,
Race Sender
Purchasing Manager
Tel: +84 24 3936 1234
"""


# Once installed: Odoo's own runner runs at_install tests inside the
# install's transaction, whose locks the mails' own transactions would wait for
@at_install(False)
@post_install(True)
class TestMailGatewayConcurrency(unittest.TestCase):

    def setUp(self):
        super(TestMailGatewayConcurrency, self).setUp()
        self.db = get_db_name()
        self.registry = odoo.registry(self.db)
        tag = uuid.uuid4().hex[:10]
        self.tag = tag
        self.alias = 'gw-race-%s' % tag
        self.sender = 'race.%s@example.com' % tag
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            # the rules of the database would route these leads elsewhere
            # (or not): what matters here is the team whose alias got them
            self.team_id = env['crm.team'].create({
                'name': 'GW race %s' % tag, 'alias_name': self.alias,
                'use_leads': True}).id
            self.key_id = env['crm.lead.source.key'].create({
                'name': 'GW race %s' % tag, 'team_id': self.team_id}).id
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env['crm.lead'].with_context(active_test=False).search([
                '|', ('gateway_team_id', '=', self.team_id),
                ('capture_key_id', '=', self.key_id)]).unlink()
            env['crm.lead.source.key'].browse(self.key_id).unlink()
            env['crm.team'].browse(self.team_id).unlink()

    def _wait_for_waiters(self, key, count):
        """Until ``count`` transactions wait for the advisory lock."""
        with self.registry.cursor() as watcher:
            deadline = time.time() + 60
            while self._waiting(watcher, key) < count:
                self.assertLess(time.time(), deadline,
                                "the deliveries never waited for the "
                                "sender's lock")
                watcher.rollback()
                time.sleep(0.05)

    def _leads(self, env):
        return env['crm.lead'].with_context(active_test=False).search([
            '|', ('gateway_team_id', '=', self.team_id),
            ('capture_key_id', '=', self.key_id)])

    def _mail(self, number):
        return MAIL.format(sender=self.sender, alias=self.alias,
                           subject='Race %s mail %d' % (self.tag, number),
                           message_id='race-%s-%d' % (self.tag, number))

    def _waiting(self, cr, key):
        """How many transactions wait for the advisory lock ``key``."""
        unsigned = key & 0xFFFFFFFFFFFFFFFF
        cr.execute("""
            SELECT count(*) FROM pg_locks
             WHERE locktype = 'advisory' AND NOT granted AND objsubid = 1
               AND classid = %s AND objid = %s
               AND database = (SELECT oid FROM pg_database
                                WHERE datname = current_database())
        """, (unsigned >> 32, unsigned & 0xFFFFFFFF))
        return cr.fetchone()[0]

    def _deliver(self, number, results):
        with api.Environment.manage():
            try:
                results[number] = service_model.execute(
                    self.db, SUPERUSER_ID, 'mail.thread', 'message_process',
                    False, self._mail(number))
            except Exception as error:  # pylint: disable=broad-except
                results[number] = error

    def test_two_mails_of_a_new_sender_at_once_make_one_lead(self):
        key = sender_lock_key(self.team_id, self.sender)
        results = {}
        # A third transaction holds the sender's lock, as one creating the
        # sender's lead would: both deliveries take their snapshot, then
        # wait for it at the same time (the worst case, made certain).
        with self.registry.cursor() as blocker:
            blocker.execute('SELECT pg_advisory_xact_lock(%s)', (key,))
            threads = [threading.Thread(target=self._deliver,
                                        args=(number, results))
                       for number in (1, 2)]
            for thread in threads:
                thread.start()
            self._wait_for_waiters(key, 2)
            blocker.rollback()
        for thread in threads:
            thread.join(120)
            self.assertFalse(thread.is_alive())
        self.assertFalse([r for r in results.values()
                          if isinstance(r, Exception)], results)
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            leads = self._leads(env)
            self.assertEqual(len(leads), 1)
            self.assertEqual(results[1], leads.id)
            self.assertEqual(results[2], leads.id)
            mails = leads.message_ids.filtered(
                lambda m: m.message_type == 'email')
            self.assertEqual(sorted(mails.mapped('subject')), [
                'Race %s mail 1' % self.tag, 'Race %s mail 2' % self.tag])
            self.assertEqual(leads.function, 'Purchasing Manager')

    def test_mail_during_a_capture_of_the_sender_is_appended_to_it(self):
        key = sender_lock_key(self.team_id, self.sender)
        results = {}
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            capture = env['crm.lead.source.key'].browse(self.key_id)
            # the capture's transaction, not committed yet
            lead_id = capture._capture_create({
                'name': 'Race %s web form' % self.tag,
                'contact_name': 'Race Sender',
                'email_from': self.sender.upper()})
            thread = threading.Thread(target=self._deliver,
                                      args=(1, results))
            thread.start()
            self._wait_for_waiters(key, 1)
        thread.join(120)
        self.assertFalse(thread.is_alive())
        self.assertEqual(results[1], lead_id)
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            lead = self._leads(env)
            self.assertEqual(lead.id, lead_id)
            self.assertEqual(
                lead.message_ids.filtered(
                    lambda m: m.message_type == 'email').mapped('subject'),
                ['Race %s mail 1' % self.tag])
