# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The conversion of a lead naming a company and a person who exists,
working for another company: the opportunity goes to the person's
position at the lead's company, one record per person."""
from odoo.addons.crm_leads_ext.tests.test_lead_conversion import (
    ConversionCase)


class PositionCase(ConversionCase):
    """crm_leads_ext's conversion partners: Nguyễn Văn An
    (an.nguyen@example.com) works for An Trading, whose address is his;
    Shanghai Lotus Ltd has typed invoice and delivery addresses."""

    @classmethod
    def setUpClass(cls):
        super(PositionCase, cls).setUpClass()
        # the company's address goes to its contacts (Odoo's sync)
        cls.an_trading.write({'street': '5 Hàng Bạc', 'city': 'Hà Nội'})

    def _an_lead(self, company, **vals):
        values = {'contact_name': 'Nguyễn Văn An', 'partner_name': company,
                  'email_from': 'an.nguyen@example.com'}
        values.update(vals)
        return self._lead(**values)

    def _people_named_an(self):
        """The records of the person An himself (not his positions)."""
        return self.Partner.with_context(active_test=False).search([
            ('name', '=', 'Nguyễn Văn An'), ('is_company', '=', False),
            ('contact_type', '=', 'standalone')])


class TestPositionAtOtherCompany(PositionCase):

    def test_new_company_gets_position_of_the_person(self):
        lead = self._an_lead('Hanoi Bamboo JSC', phone='+84 24 3826 0000')
        wizard = self._wizard(lead)
        # no partner is the person at this company yet: one is created
        self.assertEqual(wizard.action, 'create')
        self.assertFalse(wizard.partner_id)
        count = self._partner_count()
        wizard.action_apply()
        position = lead.partner_id
        self.assertEqual(lead.type, 'opportunity')
        self.assertNotEqual(position, self.an)
        self.assertEqual(position.contact_type, 'attached')
        self.assertEqual(position.contact_id, self.an)
        self.assertEqual(position.name, 'Nguyễn Văn An')
        self.assertEqual(position.parent_id.name, 'Hanoi Bamboo JSC')
        self.assertTrue(position.parent_id.is_company)
        self.assertEqual(position.phone, '+84 24 3826 0000')
        self.assertEqual(position.email, 'an.nguyen@example.com')
        # the company and the position, no second An
        self.assertEqual(self._partner_count(), count + 2)
        self.assertEqual(self._people_named_an(), self.an)
        self.assertEqual(self.an.parent_id, self.an_trading)
        self.assertEqual(self.an.other_contact_ids, position)

    def test_existing_company_gets_position(self):
        lead = self._an_lead(' shanghai LOTUS ltd')
        wizard = self._wizard(lead)
        self.assertEqual(wizard.action, 'create')
        self.assertEqual(wizard.existing_company_id, self.lotus)
        count = self._partner_count()
        wizard.action_apply()
        position = lead.partner_id
        self.assertEqual(position.parent_id, self.lotus)
        self.assertEqual(position.contact_id, self.an)
        self.assertEqual(self._partner_count(), count + 1)
        self.assertEqual(self._people_named_an(), self.an)
        # the position's quotations go to Lotus' typed addresses
        self.assertEqual(position.address_get(['invoice', 'delivery']), {
            'contact': position.id, 'invoice': self.lotus_invoice.id,
            'delivery': self.lotus_delivery.id})

    def test_second_conversion_reuses_position(self):
        first = self._an_lead('Hanoi Bamboo JSC')
        self._wizard(first).action_apply()
        position = first.partner_id
        self.assertEqual(position.contact_id, self.an)
        count = self._partner_count()
        second = self._an_lead('HANOI  bamboo jsc',
                               email_from='An <AN.Nguyen@example.com>')
        wizard = self._wizard(second)
        self.assertEqual(wizard.action, 'exist')
        self.assertEqual(wizard.partner_id, position)
        # not merged into the first opportunity (the same email's)
        wizard.name = 'convert'
        wizard.action_apply()
        self.assertEqual(second.partner_id, position)
        # 'Create a new customer' and the mass conversion too
        third = self._an_lead('Hanoi Bamboo JSC')
        self.assertEqual(third.handle_partner_assignation('create'),
                         {third.id: position.id})
        self.assertEqual(self._partner_count(), count)
        # the person at his own company stays the person
        own = self._an_lead('An Trading')
        self.assertEqual(self._wizard(own).partner_id, self.an)

    def test_salesperson_converts_to_position(self):
        agent = self._user('posagent', self.group_all_leads)
        lead = self._an_lead('Hanoi Bamboo JSC', user_id=agent.id)
        wizard = self.env['crm.lead2opportunity.partner'].sudo(
            agent).with_context(active_model='crm.lead', active_id=lead.id,
                                active_ids=lead.ids).create({})
        self.assertEqual(wizard.action, 'create')
        wizard.action_apply()
        self.assertEqual(lead.partner_id.contact_id, self.an)
        self.assertEqual(lead.partner_id.parent_id.name, 'Hanoi Bamboo JSC')
        self.assertEqual(lead.user_id, agent)

    def test_person_working_only_through_positions(self):
        """A person without company of their own whose positions are at
        other companies gets a position at the lead's company too."""
        self._wizard(self._an_lead('Hanoi Bamboo JSC')).action_apply()
        self.an.parent_id = False
        lead = self._an_lead('Shanghai Lotus Ltd')
        lead.handle_partner_assignation('create')
        self.assertEqual(lead.partner_id.parent_id, self.lotus)
        self.assertEqual(lead.partner_id.contact_id, self.an)
        self.assertEqual(len(self.an.other_contact_ids), 2)

    def test_lead_address_goes_to_the_company(self):
        lead = self._an_lead('Hanoi Bamboo JSC', street='12 Tràng Tiền',
                             city='Hoàn Kiếm',
                             country_id=self.env.ref('base.vn').id)
        self._wizard(lead).action_apply()
        company = lead.partner_id.parent_id
        self.assertEqual(company.street, '12 Tràng Tiền')
        self.assertEqual(company.city, 'Hoàn Kiếm')
        self.assertEqual(company.country_id, self.env.ref('base.vn'))
        self.assertEqual(lead.partner_id.street, '12 Tràng Tiền')
        # the person's own record keeps the address of his company
        self.assertEqual(self.an.street, '5 Hàng Bạc')
        self.assertEqual(self.an.city, 'Hà Nội')
        self.assertEqual(self.an_trading.street, '5 Hàng Bạc')


class TestConvertedAsCrmLeadsExt(PositionCase):
    """Leads whose contact is not a person of the lead's email working for
    a company: crm_leads_ext's conversion links the partner it finds as it
    is (no position, no company created)."""

    def test_person_without_company_linked(self):
        hoa = self.Partner.create({'name': 'Lê Hoa',
                                   'email': 'hoa@example.vn'})
        lead = self._lead(contact_name='Lê Hoa', email_from='hoa@example.vn',
                          partner_name='Hanoi Bamboo JSC')
        wizard = self._wizard(lead)
        self.assertEqual(wizard.action, 'exist')
        self.assertEqual(wizard.partner_id, hoa)
        count = self._partner_count()
        wizard.action_apply()
        self.assertEqual(lead.partner_id, hoa)
        self.assertEqual(self._partner_count(), count)
        self.assertFalse(hoa.other_contact_ids)

    def test_company_generic_email_links_its_contact(self):
        """The email of a company (info@...) is not its contact's own: the
        contact of that name under the company is linked, whatever company
        the lead names."""
        lead = self._lead(contact_name='Zhang Min',
                          email_from='info@lotus.example.cn',
                          partner_name='Hanoi Bamboo JSC')
        self.assertEqual(self._wizard(lead).partner_id, self.zhang)
        count = self._partner_count()
        lead.handle_partner_assignation('create')
        self.assertEqual(lead.partner_id, self.zhang)
        self.assertEqual(self._partner_count(), count)
        self.assertFalse(self.zhang.other_contact_ids)
