# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models


class CrmLead(models.Model):
    """A lead naming a company and a person who already exists, working
    for other companies: its conversion links the person's position
    (partner_contact_in_several_companies' attached contact) at the lead's
    company, created when missing, instead of the person at their other
    company or a second record of the same person."""

    _inherit = 'crm.lead'

    @api.multi
    def _person_working_elsewhere(self):
        """The person crm_leads_ext matches by their email, as their main
        record, when the lead names a company and a contact and the person
        works for at least one company; else an empty recordset (the
        conversion of crm_leads_ext applies)."""
        self.ensure_one()
        Partner = self.env['res.partner']
        if self.partner_id or not self.partner_name or \
                not self._conversion_contact_name():
            return Partner
        partner = super(CrmLead, self)._find_existing_partner()
        # a contact found through their company's generic email (info@...)
        # or by name stays crm_leads_ext's: the lead's email is not theirs
        if partner.is_company or partner not in \
                self._find_partners_by_email():
            return Partner
        person = partner.contact_id or partner
        if person.parent_id or person._positions():
            return person
        return Partner

    @api.multi
    def _position_at_lead_company(self, person):
        """The partner that is ``person`` at the existing company of the
        lead's company name: the person when it is their company, else
        their position under it; an empty recordset when there is none."""
        self.ensure_one()
        company = self._find_company_by_name()
        if not company:
            return self.env['res.partner']
        if person.parent_id == company:
            return person
        return person._positions().filtered(
            lambda position: position.parent_id == company)[:1]

    @api.multi
    def _find_existing_partner(self):
        """The position of the person at the lead's company when the person
        works for other companies: nothing when it does not exist yet, so
        that the conversion creates it."""
        person = self._person_working_elsewhere()
        if not person:
            return super(CrmLead, self)._find_existing_partner()
        return self._position_at_lead_company(person)

    @api.multi
    def _create_lead_partner(self):
        """Create the position of the person at the lead's company (the
        company too when it does not exist, with the lead's address, as
        Odoo creates it), with the lead's email and phones."""
        person = self._person_working_elsewhere()
        if not person:
            return super(CrmLead, self)._create_lead_partner()
        position = self._position_at_lead_company(person)
        if position:
            return position
        Partner = self.env['res.partner']
        company = self._find_company_by_name() or Partner.create(
            self._create_lead_partner_data(self.partner_name, True))
        values = self._create_lead_partner_data(person.name, False, company.id)
        values['contact_id'] = person.id
        return Partner.create(values)
