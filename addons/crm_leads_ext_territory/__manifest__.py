# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    'name': 'CRM Lead Import - Territories',
    'summary': (
        'Leads imported by crm_leads_ext get their territory and the '
        "territory's salesperson, as created leads do"
    ),
    'version': '11.0.1.0.0',
    'category': 'Hidden',
    'author': 'CRM Suite contributors',
    'website': 'https://github.com/crm-suite/crm-suite',
    'license': 'AGPL-3',
    'depends': ['crm_leads_ext', 'crm_territory_security'],
    'data': [],
    'installable': True,
    'auto_install': True,
}
