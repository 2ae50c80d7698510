# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    'name': 'CRM Territory Security',
    'summary': (
        'Sales territories, record rules that hold on every path, the '
        'manager hierarchy and forecasts'
    ),
    'version': '11.0.1.3.0',
    'category': 'Sales',
    'author': 'CRM Suite contributors',
    'website': 'https://github.com/crm-suite/crm-suite',
    'license': 'AGPL-3',
    # sale_crm: the quotations of an opportunity follow its territory;
    # queue_job: the recompute of every lead and partner runs in chunks
    'depends': ['crm', 'sales_team', 'mail', 'calendar', 'sale_crm',
                'queue_job', 'crm_safe_domain'],
    'data': [
        'security/crm_territory_security.xml',
        'security/ir.model.access.csv',
        'views/crm_territory_views.xml',
        'views/crm_territory_quota_views.xml',
        'report/crm_territory_forecast_views.xml',
        'wizard/crm_territory_recompute_views.xml',
        'views/crm_territory_menus.xml',
        'views/crm_lead_views.xml',
        'views/res_partner_views.xml',
        'views/res_company_views.xml',
        'views/res_users_views.xml',
        'views/crm_territory_assets.xml',
    ],
    'demo': [
        'demo/crm_territory_demo.xml',
    ],
    'installable': True,
}
