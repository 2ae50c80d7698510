# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Quotations filed per customer and per opportunity: the smart buttons'
counts and totals (what the user may read only), and the Quotations
search's filters."""
from lxml import etree

from odoo.tools.safe_eval import safe_eval

from .common import QuotationCase


class TestFiledQuotations(QuotationCase):

    @classmethod
    def setUpClass(cls):
        super(TestFiledQuotations, cls).setUpClass()
        cls.first = cls.quotation(lines=[(cls.desk_vi, 1, 1000.0)])
        cls.second = cls.quotation(lines=[(cls.desk_zh, 2, 250.0)])
        cls.cancelled = cls.quotation(lines=[(cls.desk_zh, 1, 50.0)])
        cls.cancelled.action_cancel()
        # another salesperson's: the stock salesperson does not see it
        cls.hidden = cls.quotation(
            user=cls.env.user, user_id=cls.other_seller.id,
            lines=[(cls.desk_vi, 1, 9000.0)])
        cls.second.write({'state': 'sent'})

    def test_partner_smart_button(self):
        partner = self.customer.sudo(self.seller)
        self.assertEqual(partner.quotation_count, 2)
        self.assertEqual(partner.quotation_amount, 1500.0)
        # the manager sees every quotation
        partner = self.customer.sudo(self.env.ref('base.user_root'))
        self.assertEqual(partner.quotation_count, 3)
        self.assertEqual(partner.quotation_amount, 10500.0)

    def test_opportunity_smart_button(self):
        lead = self.lead.sudo(self.seller)
        self.assertEqual(lead.quotation_amount, 1500.0)
        self.assertEqual(lead.sale_number, 2)

    def filter_domain(self, name):
        Order = self.env['sale.order'].sudo(self.seller)
        arch = etree.fromstring(
            Order.fields_view_get(view_type='search')['arch'])
        node = arch.xpath("//filter[@name='%s']" % name)[0]
        return safe_eval(node.get('domain'))

    def test_search_filters(self):
        Order = self.env['sale.order'].sudo(self.seller)
        mine = [('opportunity_id', '=', self.lead.id)]
        self.second.sent_attachment_ids = self.env['ir.attachment'].create({
            'name': 'QT sent.pdf', 'datas_fname': 'QT sent.pdf',
            'res_model': 'sale.order', 'res_id': self.second.id,
            'crm_quotation_sent_date': '2026-01-05 09:00:00'})
        self.assertEqual(
            Order.search(mine + self.filter_domain('sent_by_email')),
            self.second)
        self.assertEqual(
            Order.search(mine + self.filter_domain('not_sent_by_email')),
            self.first | self.cancelled)
        self.assertEqual(
            Order.search([('opportunity_id', 'ilike', 'QT Office')]),
            self.first | self.second | self.cancelled)
        groups = Order.read_group(
            [('partner_id', 'child_of', self.customer.id)],
            ['opportunity_id'], ['opportunity_id'])
        self.assertEqual(
            [(g['opportunity_id'][0], g['opportunity_id_count'])
             for g in groups], [(self.lead.id, 3)])
