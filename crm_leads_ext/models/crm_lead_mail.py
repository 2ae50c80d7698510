# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The email gateway beyond stock Odoo: the sender's contact details parsed
from the signature, and mail from a sender who already has an open lead
of the team appended to that lead instead of a duplicate."""
from email.utils import getaddresses

from odoo import api, fields, models, tools

from .mail_signature import FIELDS, body_to_text, parse_signature


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    gateway_team_id = fields.Many2one(
        'crm.team', string='Received by Team', index=True, readonly=True,
        copy=False, ondelete='set null',
        help="The sales team whose email alias received the mail this lead "
             "was created from (assignment rules may have given the lead "
             "to another team since).")

    @api.model
    def _mail_sender(self, msg_dict):
        """(display name, lower-case address) of the sender of a parsed
        mail."""
        header = msg_dict.get('email_from') or msg_dict.get('from') or ''
        pairs = getaddresses([header])
        name, address = pairs[0] if pairs else ('', '')
        if not address or '@' not in address:
            found = tools.email_split(header)
            address = found[0] if found else ''
        return (name or '').strip(), (address or '').strip().lower()

    @api.model
    def _mail_parse_contact(self, msg_dict):
        """Contact details of the sender: the signature of the body, the
        display name of the From header for the name when the signature
        has none."""
        name, __ = self._mail_sender(msg_dict)
        text = body_to_text(msg_dict.get('body') or '')
        return parse_signature(text, sender_name=name)

    @api.model
    def _mail_gateway_team_id(self, custom_values):
        """The team a mail with these values is for: the alias' team, else
        the team the new lead would get by default."""
        if 'team_id' in custom_values:
            return custom_values['team_id'] or False
        return self.default_get(['team_id']).get('team_id') or False

    @api.model
    def _mail_find_open_lead(self, address, team_id, author_id=False):
        """The most recent open lead (active, not in a won stage) or
        opportunity of the team (or received by its alias) from this
        sender, in one search; an empty recordset when there is none."""
        if not address:
            return self.browse()
        sender = [('email_from', 'ilike', address)]
        if author_id:
            sender = ['|', ('partner_id', '=', author_id)] + sender
        if team_id:
            team = ['|', ('team_id', '=', team_id),
                    ('gateway_team_id', '=', team_id)]
        else:
            team = [('team_id', '=', False)]
        domain = team + sender + [
            '|', ('stage_id', '=', False), ('stage_id.probability', '<', 100)]
        # ilike matches substrings ("_" is a wildcard): check the address
        for lead in self.search(domain, order='id desc'):
            emails = [e.lower() for e in tools.email_split(
                lead.email_from or '')]
            if address in emails or (
                    author_id and lead.partner_id.id == author_id):
                return lead
        return self.browse()

    @api.multi
    def _mail_fill_empty_values(self, parsed):
        """The parsed values of the fields that are empty on the lead."""
        self.ensure_one()
        return {field: value for field, value in parsed.items()
                if field in FIELDS and value and not self[field]}

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A mail to a team's alias: appended to the sender's open lead of
        that team when there is one (the gateway then posts the mail on
        it), else a new lead whose empty contact fields are filled from
        the signature."""
        custom_values = dict(custom_values or {})
        if self.env.context.get('crm_mail_no_parse'):
            return super(CrmLead, self).message_new(
                msg_dict, custom_values=custom_values)
        team_id = self._mail_gateway_team_id(custom_values)
        __, address = self._mail_sender(msg_dict)
        author_id = msg_dict.get('author_id') or False
        parsed = self._mail_parse_contact(msg_dict)
        if not self.env.context.get('crm_mail_no_append'):
            lead = self._mail_find_open_lead(address, team_id, author_id)
            if lead:
                lead.message_update(
                    msg_dict,
                    update_vals=lead._mail_fill_empty_values(parsed))
                return lead
        known = {}
        if author_id:
            known = self._onchange_partner_id_values(author_id)
        for field, value in parsed.items():
            if value and not custom_values.get(field) and \
                    not known.get(field):
                custom_values[field] = value
        custom_values.setdefault('gateway_team_id', team_id or False)
        return super(CrmLead, self).message_new(
            msg_dict, custom_values=custom_values)
