# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class CrmLeadImportBatch(models.Model):
    """A batch of rows of an import, written and committed, with the rows
    that became or updated a lead (lead_import.ledger writes both in
    SQL): the import's leads, and what keeps a row from being imported
    twice."""

    _name = 'crm.lead.import.batch'
    _description = 'Lead Import Batch'
    _order = 'import_id, batch_index'

    import_id = fields.Many2one('crm.lead.import', required=True,
                                ondelete='cascade', index=True)
    company_id = fields.Many2one(
        'res.company', required=True, ondelete='cascade', index=True,
        help="The company of the leads written: its rows are known to the "
             "imports of that company only.")
    batch_index = fields.Integer(required=True)
    first_row = fields.Integer()
    last_row = fields.Integer()
    row_ids = fields.One2many('crm.lead.import.row', 'batch_id',
                              string='Rows')
