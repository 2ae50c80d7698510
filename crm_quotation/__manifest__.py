# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    'name': 'CRM Quotation',
    'summary': 'Quotations from opportunities, copied, sent and won',
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'author': 'CRM Suite contributors',
    'website': 'https://github.com/crm-suite/crm-suite',
    'license': 'AGPL-3',
    'depends': ['sale_crm'],
    'data': [],
    'demo': [],
    'installable': True,
}
