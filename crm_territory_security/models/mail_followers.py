# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class MailFollowers(models.Model):
    """Every user may read mail.followers in Odoo 11: the lead link lets a
    record rule hide who follows the leads the user may not read (and that
    those leads exist).

    ``crm_lead_id`` is set in the INSERT itself (not computed afterwards):
    followers are created inside the lead's own create, where delayed
    recomputations run only after the create rule is checked."""

    _inherit = 'mail.followers'

    crm_lead_id = fields.Many2one(
        'crm.lead', string='Lead', index=True, ondelete='cascade',
        readonly=True)

    @api.model_cr
    def init(self):
        self.env.cr.execute("""
            UPDATE mail_followers f SET crm_lead_id = f.res_id
              FROM crm_lead l
             WHERE f.res_model = 'crm.lead' AND l.id = f.res_id
               AND f.crm_lead_id IS NULL""")

    @api.model
    def _crm_lead_values(self, vals, record=None):
        if not ({'res_model', 'res_id'} & set(vals)):
            return vals
        model = vals.get('res_model', record.res_model if record else False)
        res_id = vals.get('res_id', record.res_id if record else False)
        lead = False
        if model == 'crm.lead' and res_id:
            lead = self.env['crm.lead'].sudo().with_context(
                active_test=False).browse(res_id).exists().id
        return dict(vals, crm_lead_id=lead)

    @api.model
    def create(self, vals):
        return super(MailFollowers, self).create(self._crm_lead_values(vals))

    @api.multi
    def write(self, vals):
        if {'res_model', 'res_id'} & set(vals):
            for follower in self:
                super(MailFollowers, follower).write(
                    self._crm_lead_values(vals, follower))
            return True
        return super(MailFollowers, self).write(vals)
