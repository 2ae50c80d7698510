# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import psycopg2

from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError, ValidationError


class CrmLeadLinkedMixin(models.AbstractModel):
    """A row that hangs off a lead: directly (a quotation's opportunity),
    through another row (a quotation line's order, a notification's
    message) or by its document (``crm.lead.document.mixin``); or off a
    territory (a quota).

    Record rules are checked before a write: a write that changes one of
    the link fields checks the rows again after it, inside a
    savepoint, so that nothing of a refused write stays. Before the write
    (and before a create), the rows the new values name must exist. A lead
    of another territory, a row of it and one that does not exist give the
    same error.

    It comes first in ``_inherit``: its checks then run as the caller
    around the model's own create and write, which may check the link
    themselves (ir.attachment, with another error) or go on as superuser
    (mail.activity)."""

    _name = 'crm.lead.linked.mixin'
    _description = 'Linked to a Lead'

    # the many2one fields to the lead or to the row that links to it
    _crm_lead_link_fields = ()
    # the fields that name a document that may be a lead
    _crm_lead_document_fields = ()

    @api.model
    def create(self, vals):
        if not self._crm_lead_link_changed(vals):
            return super(CrmLeadLinkedMixin, self).create(vals)
        self._crm_lead_check_targets(vals, 'create')
        if self._crm_lead_leads_readable(vals):
            # a constraint's error can only tell of leads the caller reads
            try:
                return super(CrmLeadLinkedMixin, self).create(vals)
            except AccessError:
                raise self._crm_lead_link_error('create')
        try:
            with self.env.cr.savepoint():
                return super(CrmLeadLinkedMixin, self).create(vals)
        except (AccessError, psycopg2.IntegrityError, ValidationError):
            # a unique constraint (a partner following a lead twice) fires
            # in the INSERT, before the record rules are checked on the new
            # row: its message would tell who follows a lead of another
            # territory
            raise self._crm_lead_link_error('create')

    @api.multi
    def write(self, vals):
        if not self._crm_lead_link_changed(vals):
            return super(CrmLeadLinkedMixin, self).write(vals)
        self._crm_lead_check_targets(vals, 'write')
        try:
            with self.env.cr.savepoint():
                result = super(CrmLeadLinkedMixin, self).write(vals)
                self._crm_lead_check_access('write')
        except AccessError:
            # the savepoint undid the write, not the cache of its values
            self.invalidate_cache()
            raise self._crm_lead_link_error('write')
        except (psycopg2.IntegrityError, ValidationError):
            # as in create: the constraint fires before the rules
            self.invalidate_cache()
            if not self._crm_lead_leads_readable(vals):
                raise self._crm_lead_link_error('write')
            raise
        return result

    @api.model
    def _crm_lead_link_changed(self, vals):
        """Whether the caller (not the superuser) changes a link."""
        return self.env.uid != SUPERUSER_ID and bool(set(vals) & set(
            self._crm_lead_link_fields + self._crm_lead_document_fields))

    @api.multi
    def _crm_lead_targets(self, vals):
        """The records ``vals`` link the rows (or the new row) to."""
        return [self.env[self._fields[fname].comodel_name].browse(vals[fname])
                for fname in self._crm_lead_link_fields if vals.get(fname)]

    @api.multi
    def _crm_lead_check_targets(self, vals, operation):
        """The records the values link to exist; those other than leads
        (whose rules apply to the row itself) are readable by the caller:
        what the row shows of them (a reply's parent, the message of a
        notification or an outgoing email) is read as superuser."""
        for targets in self._crm_lead_targets(vals):
            found = targets.sudo().with_context(active_test=False).exists()
            if len(found) != len(set(targets.ids)):
                raise self._crm_lead_link_error(operation)
            if targets._name == 'crm.lead':
                continue
            try:
                targets.check_access_rights('read')
                targets.check_access_rule('read')
            except AccessError:
                raise self._crm_lead_link_error(operation)

    @api.multi
    def _crm_lead_leads_readable(self, vals):
        """Whether the caller may read the leads ``vals`` link to, as the
        rules on the row require."""
        for targets in self._crm_lead_targets(vals):
            if targets._name != 'crm.lead':
                continue
            try:
                targets.check_access_rights('read')
                targets.check_access_rule('read')
            except AccessError:
                return False
        return True

    @api.multi
    def _crm_lead_check_access(self, operation):
        """The model's own check of ``operation`` on the rows as they are
        now."""
        self.check_access_rule(operation)

    @api.model
    def _crm_lead_link_error(self, operation):
        """The one error of a refused link, worded as the ORM's own."""
        return AccessError(_(
            'The requested operation cannot be completed due to security '
            'restrictions. Please contact your system administrator.\n\n'
            '(Document type: %(model)s, Operation: %(operation)s)') % {
                'model': self._name, 'operation': operation})
