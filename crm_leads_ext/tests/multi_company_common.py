# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Two companies and their Sales Managers, and what a user of one company
sees of the other's records: nothing, whichever way they ask."""
from odoo.exceptions import AccessError


class MultiCompanyMixin(object):
    """For a SavepointCase: ``company_a`` (the main company, where the
    tests' records are created), ``company_b``, a Sales Manager of each
    (``manager_a``, ``manager_b``) and ``manager_ab``, a Sales Manager of
    both working in company A."""

    @classmethod
    def setup_companies(cls, groups=()):
        """``groups``: the xml ids of the suite's groups the managers get
        besides Sales Manager."""
        env = cls.env
        cls.company_a = env.ref('base.main_company')
        cls.company_b = env['res.company'].create({'name': 'MC Company B'})
        group_ids = [env.ref(xmlid).id for xmlid in (
            'base.group_user', 'sales_team.group_sale_manager') + tuple(
                groups)]
        Users = env['res.users'].with_context(
            no_reset_password=True, mail_create_nosubscribe=True)

        def manager(login, company, companies):
            return Users.create({
                'name': 'MC %s' % login, 'login': 'mc_%s' % login,
                'email': 'mc_%s@example.com' % login,
                'company_id': company.id,
                'company_ids': [(6, 0, companies.ids)],
                'groups_id': [(6, 0, group_ids)]})

        cls.manager_a = manager('manager_a', cls.company_a, cls.company_a)
        cls.manager_b = manager('manager_b', cls.company_b, cls.company_b)
        cls.manager_ab = manager('manager_ab', cls.company_a,
                                 cls.company_a | cls.company_b)

    def assertHiddenFrom(self, records, user, field):
        """``user`` finds none of ``records`` by search, count, read_group
        and name_search, and reading or exporting them (``field``) is
        refused."""
        self.assertTrue(records)
        Model = self.env[records._name].sudo(user).with_context(
            active_test=False)
        domain = [('id', 'in', records.ids)]
        self.assertFalse(Model.search(domain))
        self.assertEqual(Model.search_count(domain), 0)
        groups = Model.read_group(domain, [field], [])
        self.assertEqual(sum(group['__count'] for group in groups), 0)
        found = {record_id for record_id, __ in Model.name_search(
            '', limit=None)}
        self.assertFalse(found & set(records.ids))
        theirs = Model.browse(records.ids)
        with self.assertRaises(AccessError):
            theirs.read([field])
        with self.assertRaises(AccessError):
            theirs.export_data([field])

    def assertSeenBy(self, records, user):
        Model = self.env[records._name].sudo(user).with_context(
            active_test=False)
        self.assertEqual(set(Model.search([('id', 'in', records.ids)]).ids),
                         set(records.ids))
