# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class MailActivity(models.Model):
    """Odoo 11 checks the document's access only when an activity is
    written: the lead link lets a record rule hide the activities of leads
    the user may not read.

    ``crm_lead_id`` is set in the INSERT itself (not computed afterwards):
    the create rule is checked before delayed recomputations run."""

    _inherit = 'mail.activity'

    crm_lead_id = fields.Many2one(
        'crm.lead', string='Lead', index=True, ondelete='cascade',
        readonly=True)

    @api.model_cr
    def init(self):
        self.env.cr.execute("""
            UPDATE mail_activity a SET crm_lead_id = a.res_id
              FROM crm_lead l
             WHERE a.res_model = 'crm.lead' AND l.id = a.res_id
               AND a.crm_lead_id IS NULL""")

    @api.model
    def _crm_lead_values(self, vals, record=None):
        if not ({'res_model', 'res_model_id', 'res_id'} & set(vals)):
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
        return super(MailActivity, self).create(self._crm_lead_values(vals))

    @api.multi
    def write(self, vals):
        if {'res_model', 'res_model_id', 'res_id'} & set(vals):
            for activity in self:
                super(MailActivity, activity).write(
                    self._crm_lead_values(vals, activity))
            return True
        return super(MailActivity, self).write(vals)
