# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class CrmLeadImportRow(models.Model):
    """A row of a file that became or updated a lead, under the key of its
    cells (lead_import.ledger). Its lead is emptied when the lead is
    deleted: the row was imported, and its lead is gone."""

    _name = 'crm.lead.import.row'
    _description = 'Lead Import Row'
    _order = 'batch_id, row_number'
    # one per imported row, written in SQL
    _log_access = False

    batch_id = fields.Many2one('crm.lead.import.batch', required=True,
                               ondelete='cascade', index=True)
    # the batch's, written with the row by lead_import.ledger, for the
    # multi-company record rule
    company_id = fields.Many2one('res.company', index=True, readonly=True)
    row_number = fields.Integer(required=True)
    row_key = fields.Char(required=True, index=True,
                          help="SHA-1 of the row's cells.")
    lead_id = fields.Many2one('crm.lead', ondelete='set null', index=True)
    outcome = fields.Selection([('created', 'Created'),
                                ('updated', 'Updated')], required=True)
