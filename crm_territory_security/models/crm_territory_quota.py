# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmTerritoryQuota(models.Model):
    """What a salesperson should win in a month, in a territory. Only the
    territory's managers set its quotas: a quota moved to another territory
    is checked after the write (``crm.lead.linked.mixin``)."""

    _name = 'crm.territory.quota'
    _inherit = ['crm.lead.linked.mixin', 'crm.company.check.mixin']
    _description = 'Sales Quota'
    _order = 'date desc, user_id'

    _crm_lead_link_fields = ('territory_id',)

    user_id = fields.Many2one(
        'res.users', string='Salesperson', required=True, index=True)
    territory_id = fields.Many2one(
        'crm.territory', string='Territory', required=True, index=True,
        ondelete='cascade')
    date = fields.Date(
        string='Month', required=True,
        help="Any day of the month: the first day is stored.")
    amount = fields.Monetary(string='Quota', required=True)
    company_id = fields.Many2one(
        'res.company', required=True,
        default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(
        related='company_id.currency_id', readonly=True)

    _sql_constraints = [
        ('user_territory_month_uniq', 'unique (user_id, territory_id, date)',
         'A salesperson has one quota per territory and month.'),
    ]

    @api.model
    def _first_of_month(self, vals):
        if vals.get('date'):
            date = fields.Date.from_string(vals['date']).replace(day=1)
            vals['date'] = fields.Date.to_string(date)
        return vals

    @api.model
    def create(self, vals):
        return super(CrmTerritoryQuota, self).create(
            self._first_of_month(dict(vals)))

    @api.multi
    def write(self, vals):
        return super(CrmTerritoryQuota, self).write(
            self._first_of_month(dict(vals)))

    @api.constrains('amount')
    def _check_amount(self):
        # as superuser: a quota the user may not read is refused by its
        # record rules, after the constraints
        if any(quota.amount < 0 for quota in self.sudo()):
            raise ValidationError(_("A quota cannot be negative."))
