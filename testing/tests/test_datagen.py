"""datagen: reproducible rows, names of three locales, and COPY-loaded data
that the ORM reads, searches and groups like its own (built inside the test
transaction, 50 partners and 50 leads)."""

import datetime
import re

from odoo.tests.common import SavepointCase

from datagen import DataGenerator, vocab
from datagen.load import CopyLoader, OrmLoader
from datagen.reference import ensure_reference_data

CJK = re.compile(r'^[\u4e00-\u9fff]{2,4}$')
EMAIL = re.compile(r'^[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$')
VI_MARKS = re.compile(
    r'[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]', re.I
)


def _people(gen, count):
    return [gen.partner(i) for i in range(count) if not gen.partner(i)['is_company']]


def test_same_seed_same_rows():
    first, second = DataGenerator(seed=7), DataGenerator(seed=7)
    partners = [
        (p['name'], p['email'], p['phone'], p['street'], p['create_date'])
        for p in (first.partner(i) for i in range(50))
    ]
    assert partners == [
        (p['name'], p['email'], p['phone'], p['street'], p['create_date'])
        for p in (second.partner(i) for i in range(50))
    ]
    leads = [first.lead(i, 50) for i in range(50)]
    assert leads == [second.lead(i, 50) for i in range(50)]
    assert [first.messages(lead) for lead in leads] == [
        second.messages(lead) for lead in leads
    ]
    assert [first.activities(lead) for lead in leads] == [
        second.activities(lead) for lead in leads
    ]
    # another seed, another data set
    other = DataGenerator(seed=8)
    assert [other.partner(i)['name'] for i in range(50)] != [p[0] for p in partners]
    assert [other.partner(i)['email'] for i in range(50)] != [p[1] for p in partners]


def test_vietnamese_chinese_english_names():
    people = _people(DataGenerator(seed=7), 400)
    by_locale = {}
    for row in people:
        by_locale.setdefault(row['locale'], []).append(row)
    assert set(by_locale) == {vocab.VI, vocab.ZH, vocab.EN}
    for row in by_locale[vocab.VI]:
        # Family Middle Given, the family name first: "Nguyễn Văn An"
        parts = row['name'].split(' ')
        assert len(parts) >= 3 and parts[0] in vocab.VI_FAMILY.values, row['name']
    assert (
        sum(1 for r in by_locale[vocab.VI] if VI_MARKS.search(r['name']))
        > len(by_locale[vocab.VI]) / 2
    )
    for row in by_locale[vocab.ZH]:
        assert CJK.match(row['name']), row['name']
        assert (
            row['name'][0] in vocab.ZH_FAMILY.values
            or row['name'][:2] in vocab.ZH_FAMILY.values
        ), row['name']
    for row in by_locale[vocab.EN]:
        assert re.match(r"^[A-Z][A-Za-z'-]+ [A-Z][A-Za-z'-]+$", row['name']), row[
            'name'
        ]
    for row in people:
        assert EMAIL.match(row['email']), row['email']
    cities = {row['city'] for row in people}
    assert {
        'Hanoi',
        'Ho Chi Minh City',
        'Da Nang',
        'Shanghai',
        'Beijing',
        'Shenzhen',
    } <= cities


def test_smaller_data_set_is_a_prefix():
    gen = DataGenerator(seed=7)
    assert [gen.partner(i) for i in range(20)] == [
        DataGenerator(seed=7).partner(i) for i in range(20)
    ]


class TestCopyLoadedLeads(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestCopyLoadedLeads, cls).setUpClass()
        cls.refs = ensure_reference_data(cls.env)
        cls.gen = DataGenerator(seed=11)
        cls.partner_ids = []
        loader = CopyLoader(cls.env, cls.refs)
        loader.partner_chunk(cls.gen, 0, 50, cls.partner_ids)
        cls.rows = [cls.gen.lead(i, 50) for i in range(50)]
        cls.lead_ids, cls.counts = loader.lead_chunk(cls.gen, cls.rows, cls.partner_ids)
        cls.leads = (
            cls.env['crm.lead'].with_context(active_test=False).browse(cls.lead_ids)
        )
        cls.partners = cls.env['res.partner'].browse(cls.partner_ids)

    def test_name_get(self):
        self.assertEqual(
            self.leads.name_get(),
            [(lead.id, row['name']) for lead, row in zip(self.leads, self.rows)],
        )
        # the stored display_name is what the ORM computes
        for partner in self.partners:
            self.assertEqual(partner.display_name, dict(partner.name_get())[partner.id])
            expected = (
                partner.parent_id.commercial_partner_id
                if partner.parent_id
                else partner
            )
            self.assertEqual(partner.commercial_partner_id, expected)

    def test_search_by_partner_and_email(self):
        Lead = self.env['crm.lead'].with_context(active_test=False)
        with_partner = [
            (lead, row)
            for lead, row in zip(self.leads, self.rows)
            if row['partner'] is not None
        ]
        self.assertTrue(with_partner)
        for lead, row in with_partner[:10]:
            partner = self.partners[row['partner']]
            self.assertEqual(lead.partner_id, partner)
            self.assertIn(lead, Lead.search([('partner_id', '=', partner.id)]))
            self.assertIn(
                lead, Lead.search([('partner_id.name', 'ilike', partner.name)])
            )
            self.assertIn(lead, Lead.search([('email_from', '=', row['email_from'])]))
            self.assertEqual(lead.email_from, partner.email)
        found = self.env['res.partner'].search([('email', '=', self.partners[3].email)])
        self.assertIn(self.partners[3], found)

    def test_read_group_by_stage(self):
        groups = self.env['crm.lead'].read_group(
            [('id', 'in', self.lead_ids)], ['stage_id', 'planned_revenue'], ['stage_id']
        )
        counted = {group['stage_id'][0]: group['stage_id_count'] for group in groups}
        expected = {}
        for row in self.rows:
            if row['active']:  # lost leads are archived
                stage = self.refs.stage[row['stage']]
                expected[stage] = expected.get(stage, 0) + 1
        self.assertEqual(counted, expected)
        revenue = sum(group['planned_revenue'] for group in groups)
        self.assertAlmostEqual(
            revenue,
            sum(r['planned_revenue'] for r in self.rows if r['active']),
            places=2,
        )

    def test_orm_consistency(self):
        lead, row = self.leads[0], self.rows[0]
        self.assertEqual(
            lead.create_date, row['create_date'].strftime('%Y-%m-%d %H:%M:%S')
        )
        self.assertEqual(lead.create_uid.id, self.refs.creator(row['creator']))
        for lead, row in zip(self.leads, self.rows):
            if lead.date_open:
                opened = datetime.datetime.strptime(lead.date_open, '%Y-%m-%d %H:%M:%S')
                self.assertEqual(lead.day_open, abs((opened - row['create_date']).days))
            deadlines = lead.activity_ids.mapped('date_deadline')
            self.assertEqual(
                lead.activity_date_deadline or False,
                min(deadlines) if deadlines else False,
            )
            if row['user']:
                self.assertEqual(lead.message_partner_ids, lead.user_id.partner_id)
            self.assertEqual(
                len(lead.message_ids),
                len(
                    self.gen.messages(
                        row,
                        (
                            self.gen.partner(row['partner'])
                            if row['partner'] is not None
                            else None
                        ),
                    )
                ),
            )
        # the sequences went on: the ORM's next records come after the loaded ones
        new_lead = self.env['crm.lead'].create({'name': 'after the COPY'})
        self.assertGreater(new_lead.id, max(self.lead_ids))
        new_partner = self.env['res.partner'].create({'name': 'after the COPY'})
        self.assertGreater(new_partner.id, max(self.partner_ids))

    def test_orm_loader_writes_the_same_values(self):
        loader = OrmLoader(self.env, self.refs)
        partner_ids = []
        loader.partner_chunk(self.gen, 0, 10, partner_ids)
        rows = [
            self.gen.lead(i, 50)
            for i in range(10)
            if self.gen.lead(i, 50)['partner'] in (None,) + tuple(range(10))
        ]
        ids, _counts = loader.lead_chunk(self.gen, rows, partner_ids)
        fields = [
            'name',
            'display_name',
            'email',
            'phone',
            'street',
            'city',
            'country_id',
            'parent_id',
            'commercial_company_name',
            'create_date',
            'vat',
        ]
        copied = self.partners[:10].read(fields)
        created = self.env['res.partner'].browse(partner_ids).read(fields)
        for a, b in zip(copied, created):
            if a['parent_id']:
                self.assertEqual(a['parent_id'][1], b['parent_id'][1])
            for field in fields:
                if field != 'parent_id':
                    self.assertEqual(a[field], b[field], field)
        lead_fields = [
            'name',
            'email_from',
            'stage_id',
            'user_id',
            'team_id',
            'create_date',
            'date_open',
            'day_open',
            'probability',
            'activity_date_deadline',
        ]
        Lead = self.env['crm.lead'].with_context(active_test=False)
        by_index = dict(zip((r['index'] for r in self.rows), self.lead_ids))
        copied = Lead.browse([by_index[r['index']] for r in rows]).read(lead_fields)
        created = Lead.browse(ids).read(lead_fields)
        for a, b in zip(copied, created):
            for field in lead_fields:
                self.assertEqual(a[field], b[field], field)
