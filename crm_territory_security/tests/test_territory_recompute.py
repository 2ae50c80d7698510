# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The recompute wizard, in chunks of queue jobs: its result is the ORM's
own recompute of the stored territory, chunk by chunk; the wizard shows
the progress; manual territories kept or reset; followers who lose access
unsubscribed; only the records that move are written."""
from odoo.addons.queue_job.job import Job
from odoo.exceptions import AccessError
from odoo.tests.common import SavepointCase

CHUNK_PARAM = 'crm_territory_security.recompute_chunk_size'


class TestTerritoryRecompute(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestTerritoryRecompute, cls).setUpClass()
        env = cls.env
        Users = env['res.users'].with_context(no_reset_password=True)
        cls.director = Users.create({
            'name': 'TRC Director', 'login': 'trc_director',
            'groups_id': [(6, 0, [env.ref('base.group_user').id, env.ref(
                'sales_team.group_sale_manager').id])]})
        cls.salesman = Users.create({
            'name': 'TRC Salesman', 'login': 'trc_salesman',
            'email': 'trc_salesman@example.com',
            'groups_id': [(6, 0, [env.ref('base.group_user').id, env.ref(
                'crm_territory_security.group_territory_salesman').id])]})
        cls.iceland = env.ref('base.is')
        cls.norway = env.ref('base.no')
        cls.tag = env['res.partner.category'].create({'name': 'TRC Key'})
        cls.team = env['crm.team'].create({'name': 'TRC Team'})
        Territory = env['crm.territory']
        cls.north = Territory.create({
            'name': 'TRC North', 'code': 'TRC-N', 'priority': 60,
            'country_ids': [(6, 0, (cls.iceland | cls.norway).ids)],
            'user_ids': [(6, 0, cls.salesman.ids)]})
        cls.oslo = Territory.create({
            'name': 'TRC Oslo', 'code': 'TRC-O', 'priority': 40,
            'country_ids': [(6, 0, cls.norway.ids)],
            'zip_range_ids': [(0, 0, {'zip_from': '0100',
                                      'zip_to': '0199'})]})
        cls.city = Territory.create({
            'name': 'TRC City', 'code': 'TRC-C', 'priority': 40,
            'city_names': 'Trc Akureyri'})
        cls.key = Territory.create({
            'name': 'TRC Key accounts', 'code': 'TRC-K', 'priority': 40,
            'category_ids': [(6, 0, cls.tag.ids)]})
        cls.direct = Territory.create({
            'name': 'TRC Direct', 'code': 'TRC-D', 'priority': 40,
            'country_ids': [(6, 0, cls.iceland.ids)],
            'domain': "[('team_id', '=', %d)]" % cls.team.id})
        tagged = env['res.partner'].create({
            'name': 'TRC Tagged', 'category_id': [(6, 0, cls.tag.ids)],
            'country_id': cls.norway.id})
        Lead = env['crm.lead'].with_context(mail_create_nolog=True)
        cls.leads = Lead.browse()
        addresses = [
            dict(country_id=cls.norway.id, zip='01%02d' % number)
            for number in range(12)] + [
            dict(country_id=cls.norway.id, zip='0300'),
            dict(country_id=cls.iceland.id, city='TRC Akureyri '),
            dict(country_id=cls.iceland.id, team_id=cls.team.id),
            dict(country_id=cls.iceland.id),
            dict(partner_id=tagged.id, country_id=cls.norway.id),
            dict(city='Nowhere at all'),
        ]
        for number, address in enumerate(addresses):
            cls.leads |= Lead.create(dict(
                address, name='TRC lead %d' % number, user_id=False))
        # archived: matched too
        cls.leads[-2].active = False
        cls.manual = Lead.create({
            'name': 'TRC chosen', 'country_id': cls.norway.id,
            'zip': '0105', 'territory_id': cls.city.id})
        cls.leads |= cls.manual
        cls.partners = env['res.partner'].browse()
        for number in range(5):
            cls.partners |= env['res.partner'].create({
                'name': 'TRC partner %d' % number, 'country_id':
                cls.norway.id, 'zip': '01%02d' % number})
        # before the rules change, North has every lead of both countries
        # (the higher priority)
        cls.before = cls.territories(cls.leads)

    @classmethod
    def territories(cls, records):
        records.invalidate_cache()
        return {record.id: (record.territory_id,
                            record.territory_unmatched
                            if record._name == 'crm.lead' else None)
                for record in records.with_context(active_test=False)}

    def change_rules(self):
        """North gives up Norway and its priority: most leads move."""
        self.north.write({'country_ids': [(6, 0, self.iceland.ids)],
                          'priority': 10})

    def orm_recompute(self, records):
        """What the ORM's own recompute of the stored field writes."""
        records = records.with_context(active_test=False)
        self.env.add_todo(records._fields['territory_id'], records)
        records.recompute()
        return self.territories(records)

    def start(self, chunk, target, reset_manual=False):
        """The wizard of a Sales Manager, started with chunks of ``chunk``
        records."""
        self.env['ir.config_parameter'].set_param(CHUNK_PARAM, str(chunk))
        wizard = self.env['crm.territory.recompute'].sudo(
            self.director).create({'target': target,
                                   'reset_manual': reset_manual})
        wizard.action_recompute()
        return wizard

    def run_jobs(self, wizard, count=None):
        """Perform the wizard's pending jobs (``count`` of them) as the
        job runner does."""
        jobs = wizard.sudo().job_ids.filtered(
            lambda job: job.state == 'pending').sorted('id')
        for record in jobs[:count]:
            job = Job.load(self.env, record.uuid)
            job.perform()
            job.set_done()
            job.store()
        wizard.invalidate_cache()

    def test_chunked_result_is_the_orms(self):
        self.change_rules()
        wizard = self.start(7, 'both')
        self.assertEqual(wizard.state, 'running')
        self.cr.execute("SELECT count(*) FROM crm_lead")
        leads = self.cr.fetchone()[0]
        self.cr.execute("SELECT count(*) FROM res_partner")
        partners = self.cr.fetchone()[0]
        self.assertEqual(wizard.lead_count, leads)
        self.assertEqual(wizard.partner_count, partners)
        self.assertEqual(wizard.job_count,
                         -(-leads // 7) + -(-partners // 7))
        self.assertEqual(wizard.progress, 0.0)
        # nothing moved yet: the jobs do it
        self.assertEqual(self.territories(self.leads), self.before)

        half = wizard.job_count // 2
        self.run_jobs(wizard, half)
        self.assertEqual(wizard.job_done_count, half)
        self.assertAlmostEqual(wizard.progress,
                               100.0 * half / wizard.job_count)
        wizard.action_refresh()
        self.assertEqual(wizard.state, 'running')
        self.run_jobs(wizard)
        wizard.action_refresh()
        self.assertEqual(wizard.state, 'done')
        self.assertEqual(wizard.progress, 100.0)

        chunked = self.territories(self.leads)
        self.assertEqual(chunked, self.orm_recompute(self.leads))
        partners = self.territories(self.partners)
        self.assertEqual(partners, self.orm_recompute(self.partners))
        # what moved, as the rules say
        self.assertEqual(chunked[self.leads[0].id][0], self.oslo)
        self.assertEqual(chunked[self.leads[12].id][0],
                         self.env['crm.territory'])
        self.assertEqual(chunked[self.leads[13].id][0], self.city)
        self.assertEqual(chunked[self.leads[14].id][0], self.direct)
        self.assertEqual(chunked[self.leads[15].id][0], self.north)
        self.assertEqual(chunked[self.leads[16].id][0], self.key)
        self.assertEqual(chunked[self.manual.id][0], self.city,
                         "a territory chosen by hand is kept")
        self.assertEqual(partners[self.partners[0].id][0], self.oslo)

    def test_reset_manual_territories(self):
        wizard = self.start(7, 'leads', reset_manual=True)
        self.run_jobs(wizard)
        self.manual.invalidate_cache()
        self.assertFalse(self.manual.territory_manual_id)
        self.assertEqual(self.manual.territory_id, self.north)

    def test_reset_territory_counted_as_moved(self):
        result = self.env['crm.lead']._territory_recompute_job(
            self.manual.id, self.manual.id, reset_manual=True)
        self.assertEqual(
            result, '1 of 1 records moved to another territory.')
        self.manual.invalidate_cache()
        self.assertFalse(self.manual.territory_manual_id)
        self.assertEqual(self.manual.territory_id, self.north)

    def test_followers_who_lose_access_unsubscribed(self):
        lead = self.leads[0]
        lead.sudo(self.salesman).message_subscribe_users()
        self.assertIn(self.salesman.partner_id, lead.message_partner_ids)
        self.change_rules()
        wizard = self.start(7, 'leads')
        self.run_jobs(wizard)
        lead.invalidate_cache()
        self.assertEqual(lead.territory_id, self.oslo)
        self.assertNotIn(self.salesman.partner_id, lead.message_partner_ids)

    def test_records_that_keep_their_territory_are_not_written(self):
        """A chunk whose records all keep their territory writes none of
        them: its job says so."""
        self.change_rules()
        first_id, last_id = min(self.leads.ids), max(self.leads.ids)
        Lead = self.env['crm.lead']
        result = Lead._territory_recompute_job(first_id, last_id)
        after = self.territories(self.leads)
        moved = [lead_id for lead_id in after
                 if after[lead_id] != self.before[lead_id]]
        self.assertTrue(moved)
        self.assertEqual(result, '%d of %d records moved to another '
                         'territory.' % (len(moved), len(self.leads)))
        again = Lead._territory_recompute_job(first_id, last_id)
        self.assertEqual(again, '0 of %d records moved to another '
                         'territory.' % len(self.leads))

    def test_small_database_at_once(self):
        """What fits in one chunk is done at once, without jobs."""
        self.change_rules()
        wizard = self.start(1000000, 'leads')
        self.assertEqual(wizard.state, 'done')
        self.assertEqual(wizard.job_count, 0)
        self.assertEqual(wizard.progress, 100.0)
        self.assertEqual(self.territories(self.leads)[self.leads[0].id][0],
                         self.oslo)

    def test_refresh_refused_to_salespeople(self):
        wizard = self.env['crm.territory.recompute'].sudo(
            self.salesman).create({'target': 'leads'})
        for method in (wizard.action_recompute, wizard.action_refresh):
            with self.assertRaises(AccessError):
                method()
