# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Copy a quotation from the opportunity: any quotation of the customer or
of the opportunity that the user may read, with its lines and terms; what
is archived is left out and the new quotation says so."""
from odoo.exceptions import AccessError

from .common import QuotationCase


class TestCopyQuotation(QuotationCase):

    @classmethod
    def setUpClass(cls):
        super(TestCopyQuotation, cls).setUpClass()
        cls.terms = cls.env['account.payment.term'].create({
            'name': 'QT 45 days', 'line_ids': [(0, 0, {
                'value': 'balance', 'days': 45})]})
        # a quotation of the same customer, made for an earlier deal
        cls.earlier = cls.env['crm.lead'].create({
            'name': 'QT Earlier deal', 'type': 'opportunity',
            'partner_id': cls.customer.id, 'user_id': cls.seller.id})

    def wizard(self, source, user=None):
        return self.env['crm.quotation.copy'].sudo(
            user or self.seller).with_context(
                default_lead_id=self.lead.id).create({
                    'order_id': source.id})

    def copy_from(self, source, user=None):
        action = self.wizard(source, user).action_copy()
        return self.env['sale.order'].browse(action['res_id'])

    def note_of(self, order):
        return order.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref('mail.mt_note')
        ).mapped('body')

    def test_copy_of_a_customer_quotation(self):
        source = self.quotation(
            lead=self.earlier, note='QT Delivery within 30 days.',
            payment_term_id=self.terms.id)
        order = self.copy_from(source)
        self.assertNotEqual(order, source)
        self.assertEqual(order.origin_quotation_id, source)
        self.assertEqual(order.opportunity_id, self.lead)
        self.assertEqual(order.user_id, self.seller)
        self.assertEqual(order.state, 'draft')
        self.assertEqual(order.note, 'QT Delivery within 30 days.')
        self.assertEqual(order.payment_term_id, self.terms)
        self.assertEqual(
            [(line.product_id, line.product_uom_qty, line.price_unit)
             for line in order.order_line],
            [(self.desk_vi, 2, 1250.0), (self.desk_zh, 1, 980.0)])
        self.assertEqual(order.amount_untaxed, 3480.0)
        self.assertIn('Copied from %s.' % source.name,
                      ' '.join(self.note_of(order)))
        # the source is untouched
        self.assertEqual(len(source.order_line), 2)
        self.assertEqual(source.opportunity_id, self.earlier)

    def test_archived_product_and_pricelist_are_left_out(self):
        old_pricelist = self.env['product.pricelist'].create({
            'name': 'QT Pricelist 2019'})
        source = self.quotation(lead=self.earlier,
                                pricelist_id=old_pricelist.id)
        self.desk_zh.active = False
        old_pricelist.active = False
        order = self.copy_from(source)
        self.assertEqual(order.order_line.mapped('product_id'), self.desk_vi)
        self.assertEqual(order.pricelist_id, self.pricelist)
        note = ' '.join(self.note_of(order))
        self.assertIn('橡木办公桌', note)
        self.assertIn('product is archived', note)
        self.assertIn('QT Pricelist 2019', note)

    def test_quotation_the_user_may_not_read_is_refused(self):
        """The stock salesperson reads only their own quotations: another
        salesperson's quotation of the same customer is neither in the
        pick list nor copied when its id is sent anyway."""
        other = self.quotation(lead=self.earlier, user=self.env.user,
                               user_id=self.other_seller.id)
        mine = self.quotation(lead=self.earlier)
        wizard = self.wizard(mine)
        domain = ['|', ('opportunity_id', '=', self.lead.id),
                  ('partner_id', 'child_of', self.customer.id)]
        found = [r[0] for r in self.env['sale.order'].sudo(
            self.seller).name_search('', args=domain, limit=None)]
        self.assertIn(mine.id, found)
        self.assertNotIn(other.id, found)
        self.assertIn(mine, wizard.order_id)
        with self.assertRaises(AccessError):
            self.copy_from(other)
        self.assertFalse(self.env['sale.order'].search(
            [('origin_quotation_id', '=', other.id)]))

    def test_quotation_of_another_customer_is_refused(self):
        """Readable, but neither the customer's nor the opportunity's:
        outside the pick list, refused when its id is sent anyway."""
        stranger = self.env['res.partner'].create({'name': 'QT Stranger'})
        their_lead = self.env['crm.lead'].create({
            'name': 'QT Stranger deal', 'type': 'opportunity',
            'partner_id': stranger.id, 'user_id': self.seller.id})
        theirs = self.quotation(lead=their_lead)
        with self.assertRaises(AccessError):
            self.copy_from(theirs)
