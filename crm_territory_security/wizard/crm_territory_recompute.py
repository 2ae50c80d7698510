# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError


class CrmTerritoryRecompute(models.TransientModel):
    """Match every lead (and partner) to the territories again, after their
    rules changed. Set-based: the address rules are checked in memory, each
    territory's domain in one query, and the leads are written with one
    UPDATE per territory."""

    _name = 'crm.territory.recompute'
    _description = 'Recompute Territories'

    target = fields.Selection([
        ('leads', 'Leads and opportunities'),
        ('partners', 'Partners'),
        ('both', 'Both'),
    ], default='both', required=True)
    reset_manual = fields.Boolean(
        string='Also reset territories chosen by hand')
    lead_count = fields.Integer(readonly=True)
    partner_count = fields.Integer(readonly=True)
    state = fields.Selection(
        [('draft', 'Draft'), ('done', 'Done')], default='draft')

    @api.multi
    def _recompute_model(self, model_name):
        records = self.env[model_name].sudo().with_context(
            active_test=False).search([])
        if self.reset_manual:
            records.filtered('territory_manual_id').write(
                {'territory_manual_id': False})
        field = records._fields['territory_id']
        self.env.add_todo(field, records)
        records.recompute()
        return len(records)

    @api.multi
    def action_recompute(self):
        """Sales Managers only: it rewrites every lead and partner as
        superuser (a transient model has no access rights)."""
        self.ensure_one()
        if not self.env.user.has_group('sales_team.group_sale_manager'):
            raise AccessError(_(
                "Only Sales Managers may recompute the territories."))
        values = {'state': 'done'}
        if self.target in ('leads', 'both'):
            values['lead_count'] = self._recompute_model('crm.lead')
        if self.target in ('partners', 'both'):
            values['partner_count'] = self._recompute_model('res.partner')
        self.write(values)
        return {
            'type': 'ir.actions.act_window',
            'name': _('Recompute Territories'),
            'res_model': self._name,
            'res_id': self.id,
            'view_mode': 'form',
            'target': 'new',
        }
