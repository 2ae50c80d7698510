# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""What a lead keeps of its capture, and the leads created by an
integration user of "Lead capture (create only)"."""
import contextlib
import threading

from odoo import api, fields, models

# (database, uid) -> depth of the creates of leads running in this thread
# for a create-only integration user: see CrmLead.check_access_rights()
_creating = threading.local()


@contextlib.contextmanager
def _creating_as(env):
    creating = _creating.__dict__.setdefault('users', {})
    key = (env.cr.dbname, env.uid)
    creating[key] = creating.get(key, 0) + 1
    try:
        yield
    finally:
        creating[key] -= 1
        if not creating[key]:
            del creating[key]


class CrmLead(models.Model):
    # crm.lead of crm_leads_ext in one file per purpose (the module's
    # docstring), here the capture endpoint: see models/crm_lead.py
    # pylint: disable=consider-merging-classes-inherited
    _inherit = 'crm.lead'

    capture_key_id = fields.Many2one(
        'crm.lead.source.key', string='Captured With Key', readonly=True,
        copy=False, ondelete='set null', index=True,
        help="The API key of the website or integration that sent this "
             "lead through /crm/lead/capture.")
    capture_ref = fields.Char(
        string='Capture Reference', readonly=True, copy=False, index=True,
        help="The reference /crm/lead/capture answered for this lead: "
             "random, it tells nothing about other leads.")

    _sql_constraints = [
        ('capture_ref_unique', 'UNIQUE(capture_ref)',
         'This capture reference exists already.'),
    ]

    @api.model
    def _is_create_only_user(self):
        """A user of "Lead capture (create only)" that no other group
        lets read leads."""
        return self.env.user.has_group('crm_leads_ext.group_lead_capture') \
            and not super(CrmLead, self).check_access_rights(
                'read', raise_exception=False)

    @api.model
    def check_access_rights(self, operation, raise_exception=True):
        """A create-only integration user may not read leads, yet Odoo's
        create reads the new lead as its creator (constraints, computed
        fields, the other addons' create): reading is allowed to the code
        that runs inside create() for that user, and only there. Record
        rules still apply; the caller gets the new lead's id only."""
        if operation == 'read' and (self.env.cr.dbname, self.env.uid) in \
                getattr(_creating, 'users', {}):
            return True
        return super(CrmLead, self).check_access_rights(
            operation, raise_exception=raise_exception)

    @api.multi
    def message_get_default_recipients(self):
        """crm reads the leads' emails as superuser here: for the leads
        the caller may read only."""
        self.check_access_rights('read')
        self.check_access_rule('read')
        return super(CrmLead, self).message_get_default_recipients()

    @api.multi
    def message_get_suggested_recipients(self):
        """mail reads the leads' salespeople as superuser here: for the
        leads the caller may read only."""
        self.check_access_rights('read')
        self.check_access_rule('read')
        return super(CrmLead, self).message_get_suggested_recipients()

    @api.model
    def create(self, vals):
        """The leads of a create-only integration user are created with
        its rights, but without the messages tracking the values (posting
        needs write access), without the user as a follower (the chatter
        would be mailed to it) and without it as their salesperson (Odoo's
        default: the lead goes through the assignment rules instead)."""
        if not self._is_create_only_user():
            return super(CrmLead, self).create(vals)
        self.check_access_rights('create')
        vals = dict(vals, user_id=vals.get('user_id', False))
        model = self.with_context(mail_notrack=True,
                                  mail_create_nosubscribe=True)
        with _creating_as(self.env):
            return super(CrmLead, model).create(vals)
