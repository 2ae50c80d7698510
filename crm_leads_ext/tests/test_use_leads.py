# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""CRM settings, "Leads" (crm.group_use_lead, implied by every internal
user when on): off, the pipeline starts at opportunities; on, leads come
first and are converted."""
from .common import LeadsExtCase


class TestUseLeads(LeadsExtCase):

    @classmethod
    def setUpClass(cls):
        super(TestUseLeads, cls).setUpClass()
        cls.use_lead = cls.env.ref('crm.group_use_lead')
        cls.employees = cls.env.ref('base.group_user')
        cls.user = cls._user('useleads')
        cls.team = cls.Team.create({
            'name': 'LX Use Leads', 'use_leads': True,
            'use_opportunities': True,
            'member_ids': [(6, 0, cls.user.ids)]})
        cls.key = cls.env['crm.lead.source.key'].create({
            'name': 'LX use leads key', 'team_id': cls.team.id})
        cls.leads_menu = cls.env.ref('crm.menu_crm_leads')

    def _set_use_leads(self, on):
        """What Settings › CRM › Leads does (res.config.settings'
        implied_group on base.group_user)."""
        if on:
            self.employees.write({'implied_ids': [(4, self.use_lead.id)]})
        else:
            self.employees.write({'implied_ids': [(3, self.use_lead.id)]})
            self.use_lead.write({'users': [
                (3, user.id) for user in self.employees.users]})
        self.assertEqual(self.user.sudo(self.user).has_group(
            'crm.group_use_lead'), on)

    def _menu_visible(self):
        Menu = self.env['ir.ui.menu'].sudo(self.user)
        return self.leads_menu.id in Menu._visible_menu_ids()

    def test_settings_field(self):
        settings = self.env['res.config.settings']
        self._set_use_leads(False)
        self.assertFalse(settings.default_get(['group_use_lead'])[
            'group_use_lead'])
        self._set_use_leads(True)
        self.assertTrue(settings.default_get(['group_use_lead'])[
            'group_use_lead'])

    def test_off_pipeline_starts_at_opportunities(self):
        self._set_use_leads(False)
        Lead = self.env['crm.lead'].sudo(self.user).with_context(
            mail_create_nolog=True)
        self.assertEqual(Lead.create({'name': 'LX off'}).type, 'opportunity')
        # the capture endpoint and the team's mail alias
        lead = self.env['crm.lead'].browse(self.key._capture_create(
            {'name': 'LX captured', 'email_from': 'off@example.com'}))
        self.assertEqual(lead.type, 'opportunity')
        self.assertEqual(self.team.sudo(self.user).get_alias_values()[
            'alias_defaults']['type'], 'opportunity')
        # no Leads menu; "My Pipeline" shows and creates opportunities
        self.assertFalse(self._menu_visible())
        action = self.env['crm.team'].sudo(self.user).action_your_pipeline()
        self.assertEqual(action['domain'], "[('type','=','opportunity')]")
        self.assertEqual(action['context']['default_type'], 'opportunity')
        self.assertEqual(action['context']['default_team_id'], self.team.id)
        opportunity = Lead.with_context(action['context']).create(
            {'name': 'LX from the pipeline'})
        self.assertEqual(opportunity.type, 'opportunity')
        self.assertEqual(opportunity.team_id, self.team)

    def test_on_leads_then_conversion(self):
        self._set_use_leads(True)
        Lead = self.env['crm.lead'].sudo(self.user).with_context(
            mail_create_nolog=True)
        lead = Lead.create({'name': 'LX on', 'contact_name': 'Hoàng Lan',
                            'email_from': 'lan@example.vn'})
        self.assertEqual(lead.type, 'lead')
        captured = self.env['crm.lead'].browse(self.key._capture_create(
            {'name': 'LX captured', 'email_from': 'on@example.com'}))
        self.assertEqual(captured.type, 'lead')
        self.assertEqual(self.team.sudo(self.user).get_alias_values()[
            'alias_defaults']['type'], 'lead')
        self.assertTrue(self._menu_visible())
        wizard = self.env['crm.lead2opportunity.partner'].sudo(
            self.user).with_context(
                active_model='crm.lead', active_id=lead.id,
                active_ids=lead.ids).create({})
        wizard.action_apply()
        self.assertEqual(lead.type, 'opportunity')
        self.assertEqual(lead.partner_id.name, 'Hoàng Lan')
        self.assertEqual(lead.user_id, self.user)
