# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class CrmLeadImportLine(models.Model):
    _name = 'crm.lead.import.line'
    _description = 'Lead Import Column'
    _order = 'column'

    import_id = fields.Many2one('crm.lead.import', required=True,
                                ondelete='cascade', index=True)
    # the import's, for the multi-company record rule
    company_id = fields.Many2one(
        related='import_id.company_id', store=True, index=True,
        readonly=True)
    column = fields.Integer(string='Column', readonly=True)
    header = fields.Char(string='Header', readonly=True)
    sample = fields.Char(string='First Value', readonly=True)
    field_name = fields.Selection([
        ('contact_name', 'Contact Name'),
        ('partner_name', 'Company'),
        ('email_from', 'Email'),
        ('phone', 'Phone'),
        ('mobile', 'Mobile'),
        ('function', 'Job Position'),
        ('street', 'Street'),
        ('street2', 'Street 2'),
        ('zip', 'Zip'),
        ('city', 'City'),
        ('country_id', 'Country'),
        ('website', 'Website'),
        ('lang', 'Language'),
        ('description', 'Notes'),
        ('name', 'Lead Title'),
        ('date_deadline', 'Expected Closing'),
        ('planned_revenue', 'Expected Revenue'),
        ('referred', 'Referred By'),
    ], string='Lead Field', help="Empty: the column is not imported.")
