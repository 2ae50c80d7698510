# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    'name': 'CRM Lead Conversion - Contacts in Several Companies',
    'summary': (
        'A lead of a known person at another company becomes an opportunity '
        "of the person's position at that company, not of a duplicate"
    ),
    'version': '11.0.1.0.0',
    'category': 'Hidden',
    'author': 'CRM Suite contributors',
    'website': 'https://github.com/crm-suite/crm-suite',
    'license': 'AGPL-3',
    'depends': ['crm_leads_ext', 'partner_contact_in_several_companies'],
    'data': [],
    'installable': True,
    'auto_install': True,
}
