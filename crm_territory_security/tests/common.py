# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests.common import SavepointCase


class TerritoryCase(SavepointCase):
    """A region R (managed by M) with territories A (salesperson A) and B
    (salesperson B), a director D (Sales Manager), and in each territory an
    opportunity with what hangs off it: a message, an attachment, an
    activity, a follower, a meeting, a quotation and a quota."""

    @classmethod
    def setUpClass(cls):
        super(TerritoryCase, cls).setUpClass()
        env = cls.env
        Users = env['res.users'].with_context(
            no_reset_password=True, mail_create_nosubscribe=True)
        salesman = env.ref('crm_territory_security.group_territory_salesman')
        manager = env.ref('crm_territory_security.group_territory_manager')
        user_group = env.ref('base.group_user')

        def user(login, groups):
            return Users.create({
                'name': 'RT %s' % login, 'login': login,
                'email': '%s@example.com' % login,
                'groups_id': [(6, 0, [user_group.id] + groups.ids)]})

        cls.user_a = user('rt_salesman_a', salesman)
        cls.user_b = user('rt_salesman_b', salesman)
        cls.user_m = user('rt_manager', manager)
        cls.user_d = user('rt_director', env.ref(
            'sales_team.group_sale_manager'))
        Territory = env['crm.territory']
        cls.country_a = env.ref('base.vn')
        cls.country_b = env.ref('base.cn')
        cls.region = Territory.create({
            'name': 'RT Region', 'code': 'RT-R',
            'manager_id': cls.user_m.id})
        cls.territory_a = Territory.create({
            'name': 'RT Territory A', 'code': 'RT-A',
            'parent_id': cls.region.id, 'priority': 50,
            'country_ids': [(6, 0, cls.country_a.ids)],
            'city_names': 'Redteam City A',
            'user_ids': [(6, 0, cls.user_a.ids)]})
        cls.territory_b = Territory.create({
            'name': 'RT Territory B', 'code': 'RT-B',
            'parent_id': cls.region.id, 'priority': 50,
            'country_ids': [(6, 0, cls.country_b.ids)],
            'city_names': 'Redteam City B',
            'user_ids': [(6, 0, cls.user_b.ids)]})
        Lead = env['crm.lead'].with_context(mail_create_nolog=True)
        cls.lead_a = Lead.create({
            'name': 'RT alpha opportunity', 'type': 'opportunity',
            'city': 'Redteam City A', 'country_id': cls.country_a.id,
            'user_id': cls.user_a.id, 'planned_revenue': 1000.0,
            'probability': 50.0, 'partner_name': 'RT Alpha Ltd'})
        cls.lead_b = Lead.create({
            'name': 'RT bravo opportunity', 'type': 'opportunity',
            'city': 'Redteam City B', 'country_id': cls.country_b.id,
            'user_id': cls.user_b.id, 'planned_revenue': 7000.0,
            'probability': 20.0, 'partner_name': 'RT Bravo Ltd'})
        cls.leads = cls.lead_a | cls.lead_b
        cls.partner = env['res.partner'].create({'name': 'RT Customer'})
        cls.message_b = cls.lead_b.message_post(
            body='RT bravo secret note', message_type='comment',
            subtype='mail.mt_note')
        cls.attachment_b = env['ir.attachment'].create({
            'name': 'rt_bravo_secret.txt', 'datas_fname': 'rt.txt',
            'datas': 'UlQgYnJhdm8=', 'res_model': 'crm.lead',
            'res_id': cls.lead_b.id})
        cls.activity_b = env['mail.activity'].create({
            'res_model_id': env.ref('crm.model_crm_lead').id,
            'res_id': cls.lead_b.id, 'summary': 'RT bravo call',
            'activity_type_id': env.ref('mail.mail_activity_data_call').id,
            'user_id': cls.user_b.id})
        cls.lead_b.message_subscribe(partner_ids=cls.partner.ids)
        cls.event_b = env['calendar.event'].create({
            'name': 'RT bravo meeting', 'opportunity_id': cls.lead_b.id,
            'start': '2030-01-10 10:00:00', 'stop': '2030-01-10 11:00:00',
            'user_id': cls.user_b.id, 'show_as': 'busy'})
        cls.order_b = env['sale.order'].create({
            'partner_id': cls.partner.id, 'opportunity_id': cls.lead_b.id,
            'user_id': cls.user_b.id,
            'order_line': [(0, 0, {
                'product_id': env.ref('product.product_product_1').id,
                'product_uom_qty': 1, 'price_unit': 7000.0})]})
        Quota = env['crm.territory.quota']
        cls.quota_a = Quota.create({
            'user_id': cls.user_a.id, 'territory_id': cls.territory_a.id,
            'date': '2030-01-15', 'amount': 500.0})
        cls.quota_b = Quota.create({
            'user_id': cls.user_b.id, 'territory_id': cls.territory_b.id,
            'date': '2030-01-01', 'amount': 9000.0})

    def as_user(self, user, model):
        return self.env[model].sudo(user)
