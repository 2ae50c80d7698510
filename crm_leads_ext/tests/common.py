# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests.common import SavepointCase


class LeadsExtCase(SavepointCase):
    """Helpers: salespeople of the stock groups only (no territory group),
    leads created without tracking noise."""

    @classmethod
    def setUpClass(cls):
        super(LeadsExtCase, cls).setUpClass()
        cls.Lead = cls.env['crm.lead'].with_context(
            mail_create_nolog=True, tracking_disable=True)
        cls.Team = cls.env['crm.team']
        cls.group_salesman = cls.env.ref('sales_team.group_sale_salesman')
        cls.group_all_leads = cls.env.ref(
            'sales_team.group_sale_salesman_all_leads')

    @classmethod
    def _user(cls, login, groups=None):
        groups = groups or cls.group_salesman
        return cls.env['res.users'].with_context(
            no_reset_password=True, mail_create_nosubscribe=True).create({
                'name': 'LX %s' % login, 'login': 'lx_%s' % login,
                'email': 'lx_%s@example.com' % login,
                'groups_id': [(6, 0, [cls.env.ref('base.group_user').id] +
                               groups.ids)]})
