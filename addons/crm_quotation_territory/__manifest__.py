# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    'name': 'CRM Quotation - Territories',
    'summary': (
        "The quotation paths of crm_quotation (copy, Mark Won's pick list, "
        "smart buttons) show nothing of another territory"
    ),
    'version': '11.0.1.0.0',
    'category': 'Hidden',
    'author': 'CRM Suite contributors',
    'website': 'https://github.com/crm-suite/crm-suite',
    'license': 'AGPL-3',
    'depends': ['crm_quotation', 'crm_territory_security'],
    'data': [],
    'installable': True,
    'auto_install': True,
}
