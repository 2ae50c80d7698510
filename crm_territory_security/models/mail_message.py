# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import SUPERUSER_ID, api, models
from odoo.exceptions import AccessError


class MailMessage(models.Model):
    """Messages of a lead follow the lead's territory rules, whoever wrote
    or received them (Odoo 11 lets authors, recipients and notified
    partners read a message whatever its document), in every path:
    ``search``, ``read``, and ``read_group``, which Odoo's own filter of
    messages (``_search``) does not cover. A reply names its parent (the
    ``parent_id`` label is read as superuser): the parent must be readable.

    ``message_format`` reads a message's attachments and tracking values as
    superuser, and mail's ``create`` writes the tracking values as
    superuser: a message naming another document's rows (``(4, id)``)
    would show them, and take the tracking rows off their message. The
    attachments a user links must be readable to them; tracking values
    are only created with the message (``(0, 0, values)``, what mail's
    tracking posts), never linked, moved or rewritten by a user.
    """

    _name = 'mail.message'
    _inherit = ['crm.lead.document.mixin', 'mail.message']

    _crm_lead_model_field = 'model'
    _crm_lead_document_fields = ('model', 'res_id')
    _crm_lead_link_fields = ('parent_id',)
    _crm_lead_search_filters_documents = True
    _crm_lead_message_row_fields = ('attachment_ids', 'tracking_value_ids')

    @api.multi
    def check_access_rule(self, operation):
        """mail's check replaces the ORM's, which applies the record rules:
        apply them too."""
        super(MailMessage, self).check_access_rule(operation)
        models.BaseModel.check_access_rule(self, operation)

    @api.multi
    def _crm_lead_check_access(self, operation):
        # a message moved onto a document is posted there
        self.check_access_rule('create')

    @api.model
    def _crm_lead_link_changed(self, vals):
        return super(MailMessage, self)._crm_lead_link_changed(vals) or (
            self.env.uid != SUPERUSER_ID and
            bool(set(vals) & set(self._crm_lead_message_row_fields)))

    @api.multi
    def _crm_lead_check_targets(self, vals, operation):
        super(MailMessage, self)._crm_lead_check_targets(vals, operation)
        tracking = vals.get('tracking_value_ids') or []
        if tracking and (operation != 'create' or any(
                not isinstance(command, (list, tuple)) or not command or
                command[0] != 0 for command in tracking)):
            raise self._crm_lead_link_error(operation)
        attachments = self.env['ir.attachment'].browse(
            self._crm_lead_linked_ids(vals.get('attachment_ids') or []))
        if len(attachments.sudo().exists()) != len(attachments):
            raise self._crm_lead_link_error(operation)
        try:
            attachments.check_access_rights('read')
            attachments.check_access_rule('read')
            attachments.check('read')
        except AccessError:
            raise self._crm_lead_link_error(operation)

    @api.model
    def _crm_lead_linked_ids(self, commands):
        """The ids of existing rows that x2many ``commands`` link."""
        ids = set()
        for command in commands:
            if not isinstance(command, (list, tuple)) or not command:
                continue  # the ORM skips them
            if command[0] == 4:
                ids.add(command[1])
            elif command[0] == 6:
                ids.update(command[2])
        return sorted(ids)
