# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    'name': 'CRM Quotation',
    'summary': 'Quotations from opportunities, copied, sent and won',
    'version': '11.0.1.1.0',
    'category': 'Sales',
    'author': 'CRM Suite contributors',
    'website': 'https://github.com/crm-suite/crm-suite',
    'license': 'AGPL-3',
    'depends': ['sale_crm'],
    'data': [
        'views/sale_order_views.xml',
        'views/ir_attachment_views.xml',
        'views/crm_lead_views.xml',
        'views/res_partner_views.xml',
        'wizard/crm_quotation_copy_views.xml',
        'wizard/crm_quotation_won_views.xml',
        'wizard/crm_lead_lost_views.xml',
    ],
    'demo': [],
    'installable': True,
}
