# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The email gateway beyond stock Odoo: the sender's contact details parsed
from the signature, and mail from a sender who already has an open lead
of the team appended to that lead instead of a duplicate.

Two mails (or a mail and a capture) from the same new sender arriving at
the same instant must not both create a lead: see ``_lock_sender`` and
``_mail_check_snapshot``."""
import hashlib
import struct
from email.utils import getaddresses

from odoo import api, fields, models, tools

from .crm_lead_conversion import like_escape
from ..mail_signature.parser import FIELDS, body_to_text, parse_signature

# A real PostgreSQL serialization failure (SQLSTATE 40001): psycopg2's
# errors cannot be given a pgcode in Python, and the callers' retry logic
# (Odoo's RPC dispatcher, odoo.service.model.check) looks at the pgcode.
RAISE_SERIALIZATION_FAILURE = """
    DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = 'serialization_failure',
        MESSAGE = 'a concurrent transaction created a lead of this sender';
    END $$
"""


def sender_lock_key(team_id, address):
    """The bigint key of the advisory lock of a (team, sender address):
    the first 8 bytes of a SHA-256, signed. The one-argument (bigint)
    form of the advisory locks is used because the two-argument form
    shares its keys (int4, int4) with small numbers other code may lock;
    the prefix keeps this key space the suite's own."""
    digest = hashlib.sha256(('crm_leads_ext.sender:%d:%s' % (
        team_id or 0, address)).encode('utf-8')).digest()
    return struct.unpack('>q', digest[:8])[0]


class CrmLead(models.Model):
    # crm.lead of crm_leads_ext in one file per purpose (the module's
    # docstring), here the mail gateway: see models/crm_lead.py
    # pylint: disable=consider-merging-classes-inherited
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
    def _mail_open_lead_domain(self, address, team_id, author_id=False):
        """The domain of the open leads (active, not in a won stage) and
        opportunities of the team (or received by its alias) whose email
        contains the sender's address, or whose customer is the author.
        The address comes from an unauthenticated mail: it is searched as
        a literal, its LIKE wildcards escaped (a From of '%@gmail.com'
        must not make every lead of the team a candidate)."""
        sender = [('email_from', 'ilike', like_escape(address))]
        if author_id:
            sender = ['|', ('partner_id', '=', author_id)] + sender
        if team_id:
            team = ['|', ('team_id', '=', team_id),
                    ('gateway_team_id', '=', team_id)]
        else:
            team = [('team_id', '=', False)]
        return team + sender + [
            '|', ('stage_id', '=', False), ('stage_id.probability', '<', 100)]

    @api.model
    def _mail_find_open_lead(self, address, team_id, author_id=False):
        """The most recent open lead or opportunity of the team from this
        sender, in one search; an empty recordset when there is none."""
        if not address:
            return self.browse()
        domain = self._mail_open_lead_domain(address, team_id, author_id)
        # ilike matches substrings: check the address
        for lead in self.search(domain, order='id desc'):
            emails = [e.lower() for e in tools.email_split(
                lead.email_from or '')]
            if address in emails or (
                    author_id and lead.partner_id.id == author_id):
                return lead
        return self.browse()

    @api.model
    def _lock_sender(self, team_id, address):
        """Wait until no other transaction creates or looks for a lead of
        this sender (email address, case-insensitive) for this team, and
        keep them waiting until this transaction ends (a PostgreSQL
        transaction-level advisory lock: released by the commit or the
        rollback, never explicitly)."""
        address = (address or '').strip().lower()
        if address:
            self.env.cr.execute('SELECT pg_advisory_xact_lock(%s)',
                                (sender_lock_key(team_id, address),))

    @api.model
    def _mail_check_snapshot(self, address, team_id, author_id=False):
        """Called with the sender's lock held, when this transaction sees
        no open lead of the sender: fail with a serialization failure if
        another transaction has committed one meanwhile.

        Odoo's transactions are REPEATABLE READ: their snapshot is taken
        at their first statement, long before the lock (even a lock taken
        as the very first statement does not help: its statement takes the
        snapshot, then waits). A transaction that waited for the lock of a
        transaction creating the sender's lead therefore cannot see that
        lead, nor can one whose snapshot is older than the other's commit.
        A new cursor has a new snapshot, taken with the lock held: it sees
        every lead of the sender that can exist. When it sees one, this
        transaction is given up as PostgreSQL gives up a transaction that
        lost a concurrent update (SQLSTATE 40001): the caller retries it
        (Odoo's XML-RPC dispatcher, which odoo-mailgate uses, retries up
        to five times) and the new attempt appends to that lead. Without
        a concurrent lead, nothing changed since the snapshot: this
        transaction creates the lead, and the others wait for it."""
        with self.pool.cursor() as cr:
            concurrent = bool(self.with_env(self.env(cr=cr))
                              ._mail_find_open_lead(address, team_id,
                                                    author_id))
        if concurrent:
            self.env.cr.execute(RAISE_SERIALIZATION_FAILURE,
                                log_exceptions=False)

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
        the signature. Public, so reachable over RPC: for the users who
        may create leads (the alias' user), before any parsing or lock."""
        self.check_access_rights('create')
        custom_values = dict(custom_values or {})
        if self.env.context.get('crm_mail_no_parse'):
            return super(CrmLead, self).message_new(
                msg_dict, custom_values=custom_values)
        team_id = self._mail_gateway_team_id(custom_values)
        __, address = self._mail_sender(msg_dict)
        author_id = msg_dict.get('author_id') or False
        parsed = self._mail_parse_contact(msg_dict)
        if not self.env.context.get('crm_mail_no_append'):
            self._lock_sender(team_id, address)
            lead = self._mail_find_open_lead(address, team_id, author_id)
            if lead:
                lead.message_update(
                    msg_dict,
                    update_vals=lead._mail_fill_empty_values(parsed))
                return lead
            self._mail_check_snapshot(address, team_id, author_id)
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
