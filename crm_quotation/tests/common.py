# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests.common import SavepointCase


class QuotationCase(SavepointCase):
    """A salesperson of the stock group, a customer with its own
    salesperson, team, pricelist and invoice and delivery addresses, an
    opportunity of that customer with another salesperson, team and utm
    values, and two products named in Vietnamese and Chinese."""

    @classmethod
    def setUpClass(cls):
        super(QuotationCase, cls).setUpClass()
        env = cls.env
        cls.seller = cls._user('seller')
        cls.other_seller = cls._user('other_seller')
        cls.team = env['crm.team'].create({'name': 'QT Opportunity Team'})
        cls.partner_team = env['crm.team'].create({'name': 'QT Customer Team'})
        cls.pricelist = env['product.pricelist'].create({
            'name': 'QT Pricelist',
            'currency_id': env.user.company_id.currency_id.id})
        Partner = env['res.partner']
        cls.customer = Partner.create({
            'name': 'QT Customer Co', 'is_company': True, 'customer': True,
            'email': 'buyer@qt-customer.example',
            'user_id': cls.other_seller.id, 'team_id': cls.partner_team.id,
            'property_product_pricelist': cls.pricelist.id})
        cls.invoice_address = Partner.create({
            'name': 'QT Accounts', 'type': 'invoice',
            'parent_id': cls.customer.id})
        cls.delivery_address = Partner.create({
            'name': 'QT Warehouse', 'type': 'delivery',
            'parent_id': cls.customer.id})
        cls.campaign = env['utm.campaign'].create({'name': 'QT Campaign'})
        cls.source = env['utm.source'].create({'name': 'QT Source'})
        cls.medium = env['utm.medium'].create({'name': 'QT Medium'})
        cls.lead = env['crm.lead'].with_context(
            mail_create_nolog=True).create({
                'name': 'QT Office furniture', 'type': 'opportunity',
                'partner_id': cls.customer.id, 'user_id': cls.seller.id,
                'team_id': cls.team.id, 'planned_revenue': 100.0,
                'campaign_id': cls.campaign.id, 'source_id': cls.source.id,
                'medium_id': cls.medium.id})
        Product = env['product.product']
        cls.desk_vi = Product.create({
            'name': 'Bàn làm việc gỗ sồi', 'list_price': 1250.0,
            'type': 'consu', 'taxes_id': [(6, 0, [])]})
        cls.desk_zh = Product.create({
            'name': '橡木办公桌', 'list_price': 980.0, 'type': 'consu',
            'taxes_id': [(6, 0, [])]})

    @classmethod
    def _user(cls, login, groups=None):
        groups = groups or cls.env.ref('sales_team.group_sale_salesman')
        return cls.env['res.users'].with_context(
            no_reset_password=True, mail_create_nosubscribe=True).create({
                'name': 'QT %s' % login, 'login': 'qt_%s' % login,
                'email': 'qt_%s@example.com' % login,
                'groups_id': [(6, 0, [cls.env.ref('base.group_user').id] +
                               groups.ids)]})

    @classmethod
    def quotation(cls, lead=None, lines=None, user=None, **values):
        """A quotation of the opportunity, as the salesperson creates it."""
        lead = lead or cls.lead
        user = user or cls.seller
        vals = lead.sudo(user)._crm_quotation_values()
        vals['order_line'] = [
            (0, 0, {'product_id': product.id, 'product_uom_qty': qty,
                    'price_unit': price})
            for product, qty, price in (lines or [
                (cls.desk_vi, 2, 1250.0), (cls.desk_zh, 1, 980.0)])]
        vals.update(values)
        return cls.env['sale.order'].sudo(user).create(vals)
