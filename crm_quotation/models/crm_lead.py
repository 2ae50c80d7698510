# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape, mute_logger

OPEN_STATES = ('draft', 'sent')
CONFIRMED_STATES = ('sale', 'done')


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    quotation_amount = fields.Monetary(
        compute='_compute_quotation_amount', string='Open Quotations Total',
        currency_field='company_currency',
        help="Untaxed total of the open quotations, in the company "
             "currency.")

    @api.depends('order_ids.amount_untaxed', 'order_ids.state')
    def _compute_quotation_amount(self):
        # order_ids is read with the user's rights, as sale_crm's counts
        for lead in self:
            lead.quotation_amount = lead.order_ids.filtered(
                lambda o: o.state in OPEN_STATES
            )._crm_quotation_company_total()

    # carried over to a new quotation ---------------------------------------

    @api.multi
    def _crm_quotation_lead_values(self):
        """What a quotation takes from its opportunity beyond the customer:
        only what the opportunity has, so the customer's own salesperson
        or team fill the gaps."""
        self.ensure_one()
        values = {}
        for name in ('user_id', 'team_id', 'campaign_id', 'medium_id',
                     'source_id'):
            if self[name]:
                values[name] = self[name].id
        return values

    @api.multi
    def _crm_quotation_values(self):
        """A new quotation of the opportunity, as the New Quotation button
        fills it: the customer with its addresses and pricelist."""
        self.ensure_one()
        partner = self.partner_id
        addresses = partner.address_get(['delivery', 'invoice'])
        values = {
            'opportunity_id': self.id,
            'partner_id': partner.id,
            'partner_invoice_id': addresses['invoice'],
            'partner_shipping_id': addresses['delivery'],
            'pricelist_id': partner.property_product_pricelist.id,
            'payment_term_id': partner.property_payment_term_id.id,
            'tag_ids': [(6, 0, self.tag_ids.ids)],
        }
        values.update(self._crm_quotation_lead_values())
        return values

    @api.multi
    def action_crm_quotation_copy(self):
        self.ensure_one()
        # the wizard is offered to whoever may read the opportunity only
        self.check_access_rights('read')
        self.check_access_rule('read')
        action = self.env.ref(
            'crm_quotation.action_crm_quotation_copy').read()[0]
        action['context'] = {'default_lead_id': self.id}
        return action

    # won -----------------------------------------------------------------

    def _crm_quotation_lock(self):
        """Two sessions marking the opportunity won at once: the second
        stops here with a message instead of confirming a second order."""
        try:
            # a lock taken elsewhere is an answer here, not an error to log
            with self.env.cr.savepoint(), mute_logger('odoo.sql_db'):
                self.env.cr.execute(
                    'SELECT id FROM crm_lead WHERE id IN %s '
                    'FOR UPDATE NOWAIT', (tuple(self.ids),))
        except psycopg2.OperationalError:
            raise UserError(_(
                "This opportunity is being marked won or lost in another "
                "session: reload it and try again."))
        # what the other session committed before the lock was taken
        self.invalidate_cache()

    @api.multi
    def action_set_won_rainbowman(self):
        """The Mark Won button: with several open quotations the user
        picks the one accepted; with none a quotation is made and opened,
        the opportunity is won once it is confirmed."""
        self.ensure_one()
        if self.type == 'opportunity' and not self._crm_quotation_confirmed():
            self._crm_quotation_lock()
            open_orders = self._crm_quotation_open()
            if len(open_orders) > 1:
                action = self.env.ref(
                    'crm_quotation.action_crm_quotation_won').read()[0]
                action['context'] = {'default_lead_id': self.id}
                return action
            if not open_orders and not self._crm_quotation_confirmed():
                order = self.env['sale.order'].create(
                    self._crm_quotation_values())
                return {
                    'type': 'ir.actions.act_window',
                    'res_model': 'sale.order', 'res_id': order.id,
                    'view_mode': 'form', 'views': [(False, 'form')],
                    'target': 'current',
                }
        return super(CrmLead, self).action_set_won_rainbowman()

    def _crm_quotation_open(self):
        return self.order_ids.filtered(lambda o: o.state in OPEN_STATES)

    def _crm_quotation_confirmed(self):
        return self.order_ids.filtered(lambda o: o.state in CONFIRMED_STATES)

    @api.multi
    def action_set_won(self):
        """An opportunity with one open quotation is won by confirming it;
        one with several needs the user's choice (the Mark Won wizard). Its
        expected revenue becomes the confirmed order's untaxed total."""
        opportunities = self.filtered(lambda lead: lead.type == 'opportunity')
        if opportunities:
            opportunities._crm_quotation_lock()
        chosen = self.env.context.get('crm_quotation_won_order_id')
        for lead in opportunities:
            confirmed = lead._crm_quotation_confirmed()
            open_orders = lead._crm_quotation_open()
            if chosen and confirmed:
                raise UserError(_(
                    "The opportunity %(lead)s is already won with the order "
                    "%(orders)s.") % {
                        'lead': lead.name,
                        'orders': ', '.join(confirmed.mapped('name'))})
            if not confirmed and open_orders:
                if chosen:
                    order = open_orders.filtered(lambda o: o.id == chosen)
                elif len(open_orders) == 1:
                    order = open_orders
                else:
                    raise UserError(_(
                        "The opportunity %s has several open quotations: "
                        "choose the one the customer accepted with Mark "
                        "Won.") % lead.name)
                if not order:
                    raise UserError(_(
                        "The quotation chosen is not one of the open "
                        "quotations of this opportunity."))
                order.action_confirm()
                others = open_orders - order
                others.action_cancel()
                for other in others:
                    other.message_post(
                        body=html_escape(_(
                            "Cancelled: the opportunity was won with "
                            "%s.") % order.name),
                        subtype='mail.mt_note')
                confirmed = order
            if confirmed:
                lead.planned_revenue = lead._crm_quotation_won_revenue(
                    confirmed)
        return super(CrmLead, self).action_set_won()

    def _crm_quotation_won_revenue(self, orders):
        """The orders' untaxed total in the opportunity's company currency,
        each at the rate of the day it was confirmed."""
        currency = self.company_currency or \
            self.env.user.company_id.currency_id
        total = 0.0
        for order in orders:
            date = fields.Date.to_string(fields.Datetime.from_string(
                order.confirmation_date or fields.Datetime.now()))
            total += order.currency_id.with_context(date=date).compute(
                order.amount_untaxed, currency)
        return total

    # lost ----------------------------------------------------------------

    @api.multi
    def action_set_lost(self):
        """A lost opportunity's open quotations are cancelled, each with a
        note saying why."""
        opportunities = self.filtered(lambda lead: lead.type == 'opportunity')
        if opportunities:
            opportunities._crm_quotation_lock()
        for lead in opportunities:
            for order in lead._crm_quotation_open():
                order.action_cancel()
                order.message_post(
                    body=html_escape(_(
                        "Cancelled: the opportunity %s was marked "
                        "lost.") % lead.name),
                    subtype='mail.mt_note')
        return super(CrmLead, self).action_set_lost()
