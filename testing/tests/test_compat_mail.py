"""Odoo's address parsing and mass mailing A/B split, as Odoo calls them."""
import email.utils

from odoo import tools
from odoo.addons.base.ir import ir_mail_server
from odoo.tests.common import TransactionCase


def test_email_split_parses_like_python_3_7():
    # strict getaddresses() (CVE-2023-27043 fix) returns ('', '') for these
    assert tools.email_split('d@x; 1@2') == ['d@x', '1@2']
    assert tools.email_split_and_format(
        '"Raoul Grosbedon" <raoul@chirurgiens-dentistes.fr> ') == [
            'Raoul Grosbedon <raoul@chirurgiens-dentistes.fr>']
    assert tools.email_split('groups@example.com, other@gmail.com') == [
        'groups@example.com', 'other@gmail.com']


def test_mail_server_encodes_recipient_headers_leniently():
    # outgoing To/Cc headers with a non-ASCII name; strict parsing dropped all
    header = ir_mail_server.encode_rfc2822_address_header(
        u'Nguyễn Văn An <an@example.com>; binh@example.com')
    assert '<an@example.com>' in header and 'binh@example.com' in header


def test_only_odoo_parsing_is_lenient():
    # the standard library keeps its strict default for everybody else
    if getattr(email.utils, 'supports_strict_parsing', False):
        assert email.utils.getaddresses(['d@x; 1@2']) == [('', '')]


class TestMassMailingABSplit(TransactionCase):

    def test_ab_testing_picks_a_random_share(self):
        # get_recipients() calls random.sample() on a set, refused by 3.11
        partners = self.env['res.partner']
        for i in range(10):
            partners |= self.env['res.partner'].create(
                {'name': 'Khách %d' % i, 'email': 'k%d@example.com' % i})
        mailing = self.env['mail.mass_mailing'].create({
            'name': 'A/B',
            'mailing_model_id': self.env.ref('base.model_res_partner').id,
            'mailing_domain': repr([('id', 'in', partners.ids)]),
            'contact_ab_pc': 30,
        })
        picked = mailing.get_recipients()
        self.assertEqual(len(picked), 3)
        self.assertTrue(set(picked) <= set(partners.ids))
