# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class CrmLeadImportBatch(models.Model):
    """A batch of rows of a file written and committed: the key that keeps
    a re-run of the same file from writing a batch twice."""

    _name = 'crm.lead.import.batch'
    _description = 'Lead Import Batch'
    _order = 'import_id, batch_index'

    import_id = fields.Many2one('crm.lead.import', required=True,
                                ondelete='cascade', index=True)
    checksum = fields.Char(required=True, index=True,
                           help="SHA-1 of the imported file.")
    batch_index = fields.Integer(required=True)
    batch_size = fields.Integer(required=True)
    first_row = fields.Integer()
    last_row = fields.Integer()
