# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    'name': 'CRM Territory Security',
    'summary': (
        'Sales territories, record rules that hold on every path, the '
        'manager hierarchy and forecasts'
    ),
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'author': 'CRM Suite contributors',
    'website': 'https://github.com/crm-suite/crm-suite',
    'license': 'AGPL-3',
    'depends': ['crm', 'sales_team'],
    'data': [],
    'demo': [],
    'installable': True,
}
