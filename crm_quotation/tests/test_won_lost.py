# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Mark Won: one open quotation is confirmed; with several the user picks
one and the others are cancelled with a note; with none a quotation is
made and opened. The expected revenue becomes the confirmed order's
untaxed total in the company currency, at the rate of its confirmation
date. Lost cancels the open quotations."""
from odoo.exceptions import UserError

from .common import QuotationCase


class TestWonLost(QuotationCase):

    def mark_won(self):
        """The Mark Won button."""
        return self.lead.sudo(self.seller).action_set_won_rainbowman()

    def test_one_open_quotation_is_confirmed(self):
        order = self.quotation()
        self.mark_won()
        self.assertEqual(order.state, 'sale')
        self.assertEqual(self.lead.probability, 100)
        self.assertEqual(self.lead.stage_id.probability, 100)
        self.assertEqual(self.lead.planned_revenue, 3480.0)

    def test_several_open_quotations_the_user_picks_one(self):
        first = self.quotation()
        chosen = self.quotation(lines=[(self.desk_vi, 1, 1200.0)])
        action = self.mark_won()
        self.assertEqual(action['res_model'], 'crm.quotation.won')
        self.assertNotEqual(self.lead.probability, 100)
        self.assertEqual((first | chosen).mapped('state'), ['draft', 'draft'])
        # the model's own Mark Won cannot guess either
        with self.assertRaisesRegex(UserError, 'several open quotations'):
            self.lead.sudo(self.seller).action_set_won()
        wizard = self.env['crm.quotation.won'].sudo(self.seller).with_context(
            action['context']).create({'order_id': chosen.id})
        result = wizard.action_confirm()
        self.assertEqual(result['res_id'], chosen.id)
        self.assertEqual(chosen.state, 'sale')
        self.assertEqual(first.state, 'cancel')
        self.assertIn('the opportunity was won with %s' % chosen.name,
                      first.message_ids[0].body)
        self.assertEqual(self.lead.probability, 100)
        self.assertEqual(self.lead.planned_revenue, 1200.0)

    def test_no_quotation_one_is_made_and_opened(self):
        action = self.mark_won()
        order = self.env['sale.order'].browse(action['res_id'])
        self.assertEqual(action['res_model'], 'sale.order')
        self.assertEqual(order.opportunity_id, self.lead)
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.partner_shipping_id, self.delivery_address)
        self.assertEqual(order.user_id, self.seller)
        self.assertEqual(order.state, 'draft')
        # won once the customer's order is confirmed
        self.assertNotEqual(self.lead.probability, 100)

    def test_revenue_in_company_currency_at_confirmation_date(self):
        company = self.env.user.company_id
        eur = self.env.ref('base.EUR')
        if eur == company.currency_id:
            eur = self.env.ref('base.VND')
        eur.active = True
        # the demo data's rates (the company currency's too) out of the way
        self.env['res.currency.rate'].search([('currency_id', 'in', (
            eur.id, company.currency_id.id))]).unlink()
        Rate = self.env['res.currency.rate']
        Rate.create({'name': '2020-01-01', 'rate': 4.0,
                     'currency_id': eur.id, 'company_id': company.id})
        Rate.create({'name': '2024-01-01', 'rate': 2.0,
                     'currency_id': eur.id, 'company_id': company.id})
        foreign = self.env['product.pricelist'].create({
            'name': 'QT Foreign', 'currency_id': eur.id})
        order = self.quotation(pricelist_id=foreign.id)
        order.action_confirm()
        # confirmed back then, at that day's rate
        order.confirmation_date = '2020-06-01 10:00:00'
        self.lead.sudo(self.seller).action_set_won()
        self.assertEqual(self.lead.probability, 100)
        self.assertAlmostEqual(self.lead.planned_revenue, 3480.0 / 4)

    def test_lost_cancels_open_quotations(self):
        first = self.quotation()
        second = self.quotation()
        second.state = 'sent'
        # the lost reason's dialog says what is cancelled
        lost = self.env['crm.lead.lost'].sudo(self.seller).with_context(
            active_ids=self.lead.ids).create({})
        self.assertEqual(lost.quotation_count, 2)
        lost.action_lost_reason_apply()
        self.assertFalse(self.lead.active)
        self.assertEqual((first | second).mapped('state'),
                         ['cancel', 'cancel'])
        self.assertIn('was marked lost', first.message_ids[0].body)

    def test_lost_leaves_confirmed_orders(self):
        order = self.quotation()
        order.action_confirm()
        self.lead.sudo(self.seller).action_set_lost()
        self.assertEqual(order.state, 'sale')
