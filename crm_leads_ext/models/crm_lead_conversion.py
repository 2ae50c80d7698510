# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Lead to partner conversion without duplicate partners, and merging of
leads that keeps this addon's own data (escalations, assignment rule)."""
import re

from odoo import api, models, tools


def like_escape(value):
    """``value`` as a literal for (I)LIKE: its wildcards escaped."""
    return value.replace('\\', '\\\\').replace('%', '\\%').replace('_', '\\_')


def normalise_email(email):
    """The first address of ``email`` ('An <AN@Example.com> ' too), in
    lower case; False when there is none."""
    addresses = tools.email_split(email or '')
    return addresses[0].strip().lower() if addresses else False


def normalise_name(name):
    """``name`` without surrounding and repeated blanks; False if empty."""
    return re.sub(r'\s+', ' ', name or '').strip() or False


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    # -- Finding the partner a lead already is ------------------------------

    @api.multi
    def _conversion_contact_name(self):
        """The contact's name Odoo gives the partner it creates: the
        lead's contact name, else the name part of its email."""
        self.ensure_one()
        if self.contact_name:
            return normalise_name(self.contact_name)
        if self.email_from:
            return normalise_name(self.env['res.partner']._parse_partner_name(
                self.email_from)[0])
        return False

    @api.multi
    def _find_partners_by_email(self):
        """The existing partners whose email is the lead's, whatever its
        case ('Name <address>' forms included): contacts before
        invoice/delivery addresses, people before companies, the oldest
        first."""
        self.ensure_one()
        email = normalise_email(self.email_from)
        if not email:
            return self.env['res.partner']
        escaped = like_escape(email)
        partners = self.env['res.partner'].search([
            '|', ('email', '=ilike', escaped),
            ('email', '=ilike', '%<' + escaped + '>')], order='id', limit=50)
        # the second pattern matches more than 'Name <address>' forms
        partners = partners.filtered(
            lambda p: normalise_email(p.email) == email)
        return partners.sorted(key=lambda p: (
            p.type != 'contact', p.is_company, p.id))

    @api.multi
    def _find_company_by_name(self):
        """The existing company named as the lead's company (case and
        blanks ignored), the oldest first."""
        self.ensure_one()
        name = normalise_name(self.partner_name)
        if not name:
            return self.env['res.partner']
        return self.env['res.partner'].search([
            ('is_company', '=', True),
            ('name', '=ilike', like_escape(name))], order='id', limit=1)

    @api.multi
    def _find_existing_company(self):
        """The existing company the lead's contact works for: a company
        of the lead's email (a generic address such as info@...), else the
        company of the lead's company name."""
        self.ensure_one()
        companies = self._find_partners_by_email().filtered('is_company')
        return companies[:1] or self._find_company_by_name()

    @api.multi
    def _find_existing_partner(self):
        """The existing partner this lead is, or an empty recordset:

        * the partner of the same email and of the lead's contact name;
        * when a company has that email (its generic address): the contact
          of the lead's contact name under the company, or the company
          when the lead names no contact;
        * else the first partner of the same email;
        * else the contact of that name under the company of the lead's
          company name, or that company when the lead names no contact.
        """
        self.ensure_one()
        by_email = self._find_partners_by_email()
        contact_name = self._conversion_contact_name()
        if contact_name:
            named = by_email.filtered(
                lambda p: (normalise_name(p.name) or '').lower() ==
                contact_name.lower())
            if named:
                return named[0]
        if by_email and not any(by_email.mapped('is_company')):
            return by_email[0]
        company = self._find_existing_company()
        if not company or not contact_name:
            return company
        return self.env['res.partner'].search([
            ('parent_id', '=', company.id), ('is_company', '=', False),
            ('name', '=ilike', like_escape(contact_name))],
            order='id', limit=1)

    # -- Conversion --------------------------------------------------------

    @api.multi
    def _create_lead_partner(self):
        """Odoo creates the company and the contact of the lead: link the
        existing partner instead (same email, or same company and contact
        names), and create only the contact under an existing company."""
        existing = self._find_existing_partner()
        if existing:
            return existing
        company = self.env['res.partner']
        if not self.partner_id:
            company = self._find_existing_company()
        if not company:
            return super(CrmLead, self)._create_lead_partner()
        contact_name = self._conversion_contact_name()
        if not contact_name:
            return company
        return self.env['res.partner'].create(self._create_lead_partner_data(
            contact_name, False, company.id))

    @api.multi
    def handle_partner_assignation(self, action='create', partner_id=False):
        """'create' links the leads that are an existing partner to it
        (Odoo would give that partner the lead's sales team: an existing
        partner keeps its own). For a user who may modify the leads: no
        partner is looked for or created otherwise."""
        self.check_access_rights('write')
        self.check_access_rule('write')
        if action != 'create':
            return super(CrmLead, self).handle_partner_assignation(
                action, partner_id)
        result = {}
        to_create = self.browse()
        for lead in self:
            existing = not lead.partner_id and lead._find_existing_partner()
            if existing:
                result.update(super(CrmLead, lead).handle_partner_assignation(
                    'exist', existing.id))
            else:
                to_create |= lead
        if to_create:
            result.update(super(CrmLead, to_create).handle_partner_assignation(
                action, partner_id))
        return result

    # -- Merge ---------------------------------------------------------------

    @api.multi
    def _merge_data(self, fields):
        """Also keep the language and the capture key of the leads (the
        first one set, in the merge's order)."""
        extra = [name for name in ('lang', 'capture_key_id')
                 if name in self._fields and name not in fields]
        return super(CrmLead, self)._merge_data(list(fields) + extra)

    @api.multi
    def merge_dependences(self, opportunities):
        """The escalation history of the merged leads follows them to the
        resulting lead (it would be deleted with them), and the resulting
        lead keeps the assignment rule of the first lead a rule assigned
        when it has none. For a user who may modify the leads merged (the
        history is moved with the superuser's rights). Over RPC the
        opportunities come as ids."""
        self.check_access_rights('write')
        opportunities = self.browse(getattr(opportunities, 'ids',
                                            opportunities))
        (self | opportunities).check_access_rule('write')
        result = super(CrmLead, self).merge_dependences(opportunities)
        escalations = self.env['crm.lead.escalation'].sudo().search(
            [('lead_id', 'in', opportunities.ids)])
        if escalations:
            escalations.write({'lead_id': self.id})
            self.invalidate_cache(['escalation_ids'], self.ids)
        if not self.assignment_rule_id:
            assigned = opportunities.filtered('assignment_rule_id')[:1]
            if assigned:
                self.sudo().write({
                    'assignment_rule_id': assigned.assignment_rule_id.id,
                    'assignment_date': assigned.assignment_date})
        return result
