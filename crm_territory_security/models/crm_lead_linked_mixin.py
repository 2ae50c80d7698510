# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class CrmLeadLinkedMixin(models.AbstractModel):
    """A link to the lead of records attached to any document by
    ``res_model``/``res_id`` (activities, followers), so that record rules
    can follow the lead's own rules.

    ``crm_lead_id`` is set in the INSERT itself (not computed afterwards):
    the create rule is checked before delayed recomputations run, and
    followers are even created inside the lead's own create."""

    _name = 'crm.lead.linked.mixin'
    _description = 'Linked to a Lead by Its Document'

    # the fields of the model that say which document a record belongs to
    _crm_lead_document_fields = ('res_model', 'res_id')

    crm_lead_id = fields.Many2one(
        'crm.lead', string='Lead', index=True, ondelete='cascade',
        readonly=True)

    @api.model_cr
    def init(self):
        if self._abstract:
            return
        self.env.cr.execute("""
            UPDATE "%s" t SET crm_lead_id = t.res_id
              FROM crm_lead l
             WHERE t.res_model = 'crm.lead' AND l.id = t.res_id
               AND t.crm_lead_id IS NULL""" % self._table)

    @api.model
    def _crm_lead_values(self, vals, record=None):
        """``vals`` with the ``crm_lead_id`` of the document they (or
        ``record``, being written) point to."""
        if not (set(self._crm_lead_document_fields) & set(vals)):
            return vals
        model = vals.get('res_model')
        if not model and vals.get('res_model_id'):
            model = self.env['ir.model'].sudo().browse(
                vals['res_model_id']).model
        if not model and record is not None:
            model = record.res_model
        res_id = vals.get('res_id', record.res_id if record else False)
        lead = False
        if model == 'crm.lead' and res_id:
            lead = self.env['crm.lead'].sudo().with_context(
                active_test=False).browse(res_id).exists().id
        return dict(vals, crm_lead_id=lead)

    @api.model
    def create(self, vals):
        return super(CrmLeadLinkedMixin, self).create(
            self._crm_lead_values(vals))

    @api.multi
    def write(self, vals):
        if set(self._crm_lead_document_fields) & set(vals):
            for record in self:
                super(CrmLeadLinkedMixin, record).write(
                    self._crm_lead_values(vals, record))
            return True
        return super(CrmLeadLinkedMixin, self).write(vals)
