# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    'name': 'CRM Safe Domains',
    'summary': (
        'The one place the CRM suite checks and evaluates the domains its '
        'users write: data only, no code'
    ),
    'version': '11.0.1.0.0',
    'category': 'Hidden',
    'author': 'CRM Suite contributors',
    'website': 'https://github.com/crm-suite/crm-suite',
    'license': 'AGPL-3',
    'depends': ['base'],
    'data': [],
    'installable': True,
}
