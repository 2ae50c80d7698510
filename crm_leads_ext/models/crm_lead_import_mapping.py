# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import json

from odoo import api, fields, models

from ..lead_import.reader import normalise_header


class CrmLeadImportMapping(models.Model):
    """The column mapping last used for a source (a list vendor) by the
    imports of a company, offered again the next time that company
    imports a list of that source."""

    _name = 'crm.lead.import.mapping'
    _inherit = ['crm.company.check.mixin']
    _description = 'Lead Import Mapping of a Source'
    _rec_name = 'source_id'

    source_id = fields.Many2one('utm.source', string='Source',
                                required=True, ondelete='cascade')
    company_id = fields.Many2one(
        'res.company', string='Company', required=True, index=True,
        default=lambda self: self.env['res.company']._company_default_get(
            'crm.lead.import.mapping'))
    mapping = fields.Text(
        string='Mapping', required=True, default='{}',
        help="Technical: {column header (lower case): lead field}.")

    _sql_constraints = [
        ('source_uniq', 'UNIQUE(source_id, company_id)',
         'There is one remembered mapping per source and company.'),
    ]

    @api.model
    def _for_source(self, source, company):
        if not source:
            return {}
        record = self.search([('source_id', '=', source.id),
                              ('company_id', '=', company.id)], limit=1)
        return json.loads(record.mapping) if record else {}

    @api.model
    def _remember(self, source, lines, company):
        if not source:
            return
        mapping = {normalise_header(line.header): line.field_name or False
                   for line in lines if line.header}
        record = self.search([('source_id', '=', source.id),
                              ('company_id', '=', company.id)], limit=1)
        if record:
            known = json.loads(record.mapping)
            known.update(mapping)
            record.mapping = json.dumps(known, sort_keys=True)
        else:
            self.create({'source_id': source.id, 'company_id': company.id,
                         'mapping': json.dumps(mapping, sort_keys=True)})
