# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    'name': 'CRM Campaign Segments',
    'summary': 'Segments of leads and partners, and campaign workflows',
    'version': '11.0.1.0.0',
    'category': 'Marketing',
    'author': 'CRM Suite contributors',
    'website': 'https://github.com/crm-suite/crm-suite',
    'license': 'AGPL-3',
    'depends': ['crm', 'mass_mailing'],
    'data': [],
    'demo': [],
    'installable': True,
}
