# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Lead to partner and opportunity conversion without duplicate partners,
what the conversion keeps, the merge of duplicates, and the typed
addresses of the companies that quotations pick."""
from .common import LeadsExtCase


class ConversionCase(LeadsExtCase):

    @classmethod
    def setUpClass(cls):
        super(ConversionCase, cls).setUpClass()
        cls.Lead = cls.Lead.with_context(crm_lead_skip_assignment=True)
        cls.Partner = cls.env['res.partner']
        cls.team = cls.Team.create({'name': 'LX Conversion Team'})
        cls.other_team = cls.Team.create({'name': 'LX Partner Team'})
        cls.an_trading = cls.Partner.create({
            'name': 'An Trading', 'is_company': True,
            'team_id': cls.other_team.id})
        cls.an = cls.Partner.create({
            'name': 'Nguyễn Văn An', 'email': 'an.nguyen@example.com',
            'parent_id': cls.an_trading.id, 'team_id': cls.other_team.id})
        cls.lotus = cls.Partner.create({
            'name': 'Shanghai Lotus Ltd', 'is_company': True,
            'email': 'info@lotus.example.cn'})
        cls.lotus_invoice = cls.Partner.create({
            'name': 'Lotus Accounting', 'type': 'invoice',
            'parent_id': cls.lotus.id, 'street': '1 Bund Road'})
        cls.lotus_delivery = cls.Partner.create({
            'name': 'Lotus Warehouse', 'type': 'delivery',
            'parent_id': cls.lotus.id, 'street': '99 Port Road'})
        cls.zhang = cls.Partner.create({
            'name': 'Zhang Min', 'parent_id': cls.lotus.id})
        cls.campaign = cls.env['utm.campaign'].create(
            {'name': 'LX Hanoi Expo 2026'})
        cls.campaign_2 = cls.env['utm.campaign'].create(
            {'name': 'LX Newsletter'})
        cls.source = cls.env['utm.source'].create({'name': 'LX Expo booth'})
        cls.medium = cls.env['utm.medium'].create({'name': 'LX Fair'})

    def _lead(self, **vals):
        values = {'name': 'LX lead', 'type': 'lead', 'team_id': self.team.id,
                  'user_id': False}
        values.update(vals)
        return self.Lead.create(values)

    def _wizard(self, lead):
        return self.env['crm.lead2opportunity.partner'].with_context(
            active_model='crm.lead', active_id=lead.id,
            active_ids=lead.ids).create({})

    def _partner_count(self):
        return self.Partner.with_context(active_test=False).search_count([])


class TestPartnerDuplicates(ConversionCase):

    def test_same_email_other_case_linked(self):
        # his own company: under crm_leads_ext_contact_companies, another
        # company's name would get him a position there
        lead = self._lead(contact_name='Nguyen Van An',
                          partner_name='AN TRADING',
                          email_from='"An" <AN.Nguyen@Example.COM>')
        wizard = self._wizard(lead)
        self.assertEqual(wizard.action, 'exist')
        self.assertEqual(wizard.partner_id, self.an)
        count = self._partner_count()
        wizard.action_apply()
        self.assertEqual(lead.partner_id, self.an)
        self.assertEqual(lead.type, 'opportunity')
        self.assertEqual(self._partner_count(), count)

    def test_create_links_existing_partner(self):
        """'Create a new customer' (and the mass conversion) links the
        existing partner, which keeps its own sales team."""
        lead = self._lead(contact_name='Nguyen Van An',
                          email_from='an.NGUYEN@example.com')
        count = self._partner_count()
        result = lead.handle_partner_assignation('create')
        self.assertEqual(result, {lead.id: self.an.id})
        self.assertEqual(lead.partner_id, self.an)
        self.assertEqual(self.an.team_id, self.other_team)
        self.assertEqual(self._partner_count(), count)
        self.assertEqual(lead._create_lead_partner(), self.an)

    def test_company_exists_contact_created_under_it(self):
        lead = self._lead(contact_name='Li Wei',
                          partner_name='  shanghai  LOTUS ltd ',
                          email_from='li.wei@lotus.example.cn')
        wizard = self._wizard(lead)
        self.assertEqual(wizard.action, 'create')
        self.assertFalse(wizard.partner_id)
        self.assertEqual(wizard.existing_company_id, self.lotus)
        wizard.action = 'exist'
        wizard.onchange_action()
        self.assertEqual(wizard.partner_id, self.lotus)
        wizard.action = 'create'
        wizard.onchange_action()
        count = self._partner_count()
        wizard.action_apply()
        contact = lead.partner_id
        self.assertEqual(self._partner_count(), count + 1)
        self.assertEqual(contact.name, 'Li Wei')
        self.assertFalse(contact.is_company)
        self.assertEqual(contact.parent_id, self.lotus)
        self.assertEqual(contact.email, 'li.wei@lotus.example.cn')
        self.assertEqual(self.Partner.search_count([
            ('is_company', '=', True),
            ('name', '=ilike', 'shanghai lotus ltd')]), 1)
        # the new contact's quotations go to the company's typed addresses
        self.assertEqual(contact.address_get(['invoice', 'delivery']), {
            'contact': contact.id, 'invoice': self.lotus_invoice.id,
            'delivery': self.lotus_delivery.id})

    def test_company_generic_email(self):
        """The email of a company (info@...) with a contact's name: the
        contact is created under the company, then found by its name."""
        lead = self._lead(contact_name='Wang Fang',
                          email_from='INFO@lotus.example.cn')
        wizard = self._wizard(lead)
        self.assertEqual(wizard.action, 'create')
        self.assertEqual(wizard.existing_company_id, self.lotus)
        wizard.action_apply()
        wang = lead.partner_id
        self.assertEqual(wang.name, 'Wang Fang')
        self.assertEqual(wang.parent_id, self.lotus)
        again = self._lead(contact_name='wang fang',
                           email_from='info@lotus.example.cn')
        self.assertEqual(self._wizard(again).partner_id, wang)
        zhang = self._lead(contact_name='Zhang Min',
                           email_from='info@lotus.example.cn')
        self.assertEqual(self._wizard(zhang).partner_id, self.zhang)
        nobody = self._lead(email_from='info@lotus.example.cn')
        self.assertEqual(self._wizard(nobody).partner_id, self.lotus)

    def test_company_and_contact_exist(self):
        lead = self._lead(contact_name='zhang  MIN',
                          partner_name='Shanghai Lotus Ltd')
        self.assertEqual(self._wizard(lead).partner_id, self.zhang)
        count = self._partner_count()
        lead.handle_partner_assignation('create')
        self.assertEqual(lead.partner_id, self.zhang)
        self.assertEqual(self._partner_count(), count)

    def test_company_only_lead_links_company(self):
        lead = self._lead(partner_name='SHANGHAI LOTUS LTD')
        wizard = self._wizard(lead)
        self.assertEqual(wizard.action, 'exist')
        self.assertEqual(wizard.partner_id, self.lotus)
        count = self._partner_count()
        wizard.action_apply()
        self.assertEqual(lead.partner_id, self.lotus)
        self.assertEqual(self._partner_count(), count)

    def test_nothing_exists_both_created(self):
        lead = self._lead(contact_name='Trần Thị Bình',
                          partner_name='Hanoi Bamboo JSC',
                          email_from='binh@bamboo.example.vn')
        wizard = self._wizard(lead)
        self.assertEqual(wizard.action, 'create')
        self.assertFalse(wizard.partner_id)
        self.assertFalse(wizard.existing_company_id)
        count = self._partner_count()
        wizard.action_apply()
        contact = lead.partner_id
        self.assertEqual(self._partner_count(), count + 2)
        self.assertEqual(contact.name, 'Trần Thị Bình')
        self.assertEqual(contact.parent_id.name, 'Hanoi Bamboo JSC')
        self.assertTrue(contact.parent_id.is_company)
        self.assertEqual(contact.team_id, self.team)

    def test_name_alone_or_wildcards_do_not_match(self):
        """A namesake is not the same person; '_' of an email or '%' of a
        company name are not wildcards; a company whose name only contains
        the lead's is another company."""
        self.Partner.create({'name': 'Wild', 'email': 'axb@example.com'})
        self.Partner.create({'name': 'Lotus', 'is_company': True})
        leads = [
            self._lead(contact_name='Nguyễn Văn An'),
            self._lead(contact_name='X', email_from='a_b@example.com'),
            self._lead(contact_name='Y', partner_name='Shanghai%'),
            self._lead(contact_name='Z', partner_name='Lotus Group'),
        ]
        for lead in leads:
            self.assertFalse(self._wizard(lead).partner_id, lead.contact_name)
            self.assertFalse(lead._find_existing_partner(), lead.contact_name)

    def test_mass_conversion(self):
        known = self._lead(contact_name='An', email_from='AN.NGUYEN@example.com')
        new = self._lead(contact_name='Lê Hoa', email_from='hoa@example.vn')
        wizard = self.env['crm.lead2opportunity.partner.mass'].with_context(
            active_model='crm.lead', active_id=known.id,
            active_ids=(known | new).ids).create({'deduplicate': False})
        self.assertEqual(wizard.action, 'each_exist_or_create')
        count = self._partner_count()
        wizard.mass_convert()
        self.assertEqual(known.partner_id, self.an)
        self.assertEqual(new.partner_id.name, 'Lê Hoa')
        self.assertEqual(self._partner_count(), count + 1)
        self.assertEqual(set((known | new).mapped('type')), {'opportunity'})


class TestConversionKeeps(ConversionCase):

    def test_conversion_keeps_history_and_origin(self):
        lead = self._lead(
            contact_name='Trần Văn Cường', partner_name='Cuong Steel',
            email_from='cuong@steel.example.vn', campaign_id=self.campaign.id,
            source_id=self.source.id, medium_id=self.medium.id,
            description='Met at the booth')
        message = lead.message_post(body='Called: wants a quotation',
                                    message_type='comment')
        lead.sudo().write({
            'assignment_rule_id': self.env['crm.lead.assignment.rule'].create(
                {'name': 'LX rule', 'team_id': self.team.id}).id})
        self._wizard(lead).action_apply()
        self.assertTrue(lead.exists())
        self.assertEqual(lead.type, 'opportunity')
        self.assertTrue(lead.date_conversion)
        self.assertEqual(lead.partner_id.name, 'Trần Văn Cường')
        self.assertEqual(lead.campaign_id, self.campaign)
        self.assertEqual(lead.source_id, self.source)
        self.assertEqual(lead.medium_id, self.medium)
        self.assertEqual(lead.description, 'Met at the booth')
        self.assertEqual(lead.assignment_rule_id.name, 'LX rule')
        self.assertIn(message, lead.message_ids)
        self.assertEqual(lead.partner_id.comment, 'Met at the booth')

    def test_merge_keeps_oldest_and_concatenates(self):
        old = self._lead(email_from='dup@example.com', contact_name='Dup',
                         campaign_id=self.campaign.id, description='first')
        new = self._lead(email_from='DUP@example.com', contact_name='Dup',
                         campaign_id=self.campaign_2.id,
                         source_id=self.source.id, description='second')
        note = new.message_post(body='Sent the brochure',
                                message_type='comment')
        merged = self.env['crm.merge.opportunity'].with_context(
            active_model='crm.lead', active_ids=(old | new).ids).create(
                {}).opportunity_ids.merge_opportunity()
        self.assertEqual(merged, old)
        self.assertFalse(new.exists())
        self.assertEqual(merged.campaign_id, self.campaign)
        self.assertEqual(merged.source_id, self.source)
        self.assertEqual(merged.description, 'first\n\nsecond')
        self.assertIn(note, merged.message_ids)

    def test_convert_wizard_merges_duplicates(self):
        opportunity = self._lead(
            type='opportunity', email_from='same@example.com',
            contact_name='Same', campaign_id=self.campaign.id)
        lead = self._lead(email_from='Same@Example.com', contact_name='Same',
                          source_id=self.source.id)
        wizard = self._wizard(lead)
        self.assertEqual(wizard.name, 'merge')
        self.assertEqual(wizard.opportunity_ids, opportunity | lead)
        wizard.action_apply()
        self.assertEqual(len((opportunity | lead).exists()), 1)
        merged = (opportunity | lead).exists()
        self.assertEqual(merged, opportunity)
        self.assertEqual(merged.type, 'opportunity')
        self.assertEqual(merged.campaign_id, self.campaign)
        self.assertEqual(merged.source_id, self.source)

    def test_merge_keeps_escalations_and_rule(self):
        parent = self.Team.create({'name': 'LX Merge Parent'})
        rule = self.env['crm.lead.assignment.rule'].create(
            {'name': 'LX merge rule', 'team_id': self.team.id})
        key = self.env['crm.lead.source.key'].create(
            {'name': 'LX merge key', 'team_id': self.team.id})
        old = self._lead(email_from='m@example.com', contact_name='M')
        new = self._lead(email_from='m@example.com', contact_name='M',
                         lang='en_US')
        new.sudo().write({'assignment_rule_id': rule.id,
                          'assignment_date': '2026-11-01 10:00:00',
                          'capture_key_id': key.id})
        escalation = self.env['crm.lead.escalation'].create({
            'lead_id': new.id, 'team_from_id': self.team.id,
            'team_to_id': parent.id, 'reason': 'Big account'})
        wizard = self.env['crm.merge.opportunity'].with_context(
            active_model='crm.lead', active_ids=(old | new).ids).create({})
        wizard.action_merge()
        self.assertFalse(new.exists())
        self.assertTrue(escalation.exists())
        self.assertEqual(escalation.lead_id, old)
        self.assertEqual(old.escalation_ids, escalation)
        self.assertEqual(old.assignment_rule_id, rule)
        self.assertEqual(old.assignment_date, '2026-11-01 10:00:00')
        self.assertEqual(old.capture_key_id, key)
        self.assertEqual(old.lang, 'en_US')

    def test_merge_head_keeps_its_own_rule(self):
        rule_1 = self.env['crm.lead.assignment.rule'].create(
            {'name': 'LX rule 1', 'team_id': self.team.id})
        rule_2 = self.env['crm.lead.assignment.rule'].create(
            {'name': 'LX rule 2', 'team_id': self.team.id})
        old = self._lead(email_from='k@example.com')
        new = self._lead(email_from='k@example.com')
        old.sudo().write({'assignment_rule_id': rule_1.id})
        new.sudo().write({'assignment_rule_id': rule_2.id})
        merged = (old | new).merge_opportunity()
        self.assertEqual(merged.assignment_rule_id, rule_1)


class TestTypedAddresses(ConversionCase):
    """Odoo's typed addresses (res.partner ``type``): what a quotation of
    the company or of one of its contacts picks."""

    def test_address_get(self):
        addresses = self.lotus.address_get(['invoice', 'delivery', 'other'])
        self.assertEqual(addresses['invoice'], self.lotus_invoice.id)
        self.assertEqual(addresses['delivery'], self.lotus_delivery.id)
        # no 'other' address: the contact (here the company itself)
        self.assertEqual(addresses['other'], self.lotus.id)
        # from a contact of the company: the company's addresses
        self.assertEqual(
            self.zhang.address_get(['invoice', 'delivery'])['delivery'],
            self.lotus_delivery.id)
        # a company without typed addresses: itself
        self.assertEqual(self.an_trading.address_get(['invoice']), {
            'contact': self.an_trading.id, 'invoice': self.an_trading.id})


class TestConversionAsSalesperson(ConversionCase):

    def test_salesperson_links_existing_partner(self):
        agent = self._user('convagent', self.group_all_leads)
        lead = self._lead(contact_name='An', user_id=agent.id,
                          email_from='An.Nguyen@EXAMPLE.com')
        count = self._partner_count()
        wizard = self.env['crm.lead2opportunity.partner'].sudo(
            agent).with_context(active_model='crm.lead', active_id=lead.id,
                                active_ids=lead.ids).create({})
        self.assertEqual(wizard.partner_id, self.an)
        arch = wizard.fields_view_get(view_type='form')['arch']
        self.assertIn('existing_company_id', arch)
        wizard.action_apply()
        self.assertEqual(lead.partner_id, self.an)
        self.assertEqual(lead.user_id, agent)
        self.assertEqual(self._partner_count(), count)
