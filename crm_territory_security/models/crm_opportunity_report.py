# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class CrmOpportunityReport(models.Model):
    """The pipeline analysis gets the lead's territory, so that the
    territory record rules filter it as they filter the leads."""

    _inherit = 'crm.opportunity.report'

    territory_id = fields.Many2one(
        'crm.territory', string='Territory', readonly=True)

    def _select(self):
        return super(CrmOpportunityReport, self)._select() + \
            ', c.territory_id AS territory_id'
