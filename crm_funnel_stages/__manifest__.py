# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    'name': 'CRM Funnel Stages',
    'summary': (
        'Stages consultants define in XML, stage gates, automatic '
        'probability, stage history and a clickable sales funnel'
    ),
    'version': '11.0.1.0.0',
    'category': 'Sales',
    'author': 'CRM Suite contributors',
    'website': 'https://github.com/crm-suite/crm-suite',
    'license': 'AGPL-3',
    'depends': ['crm'],
    'data': [
        'security/crm_funnel_stages_security.xml',
        'security/ir.model.access.csv',
        'views/crm_funnel_assets.xml',
        'views/crm_funnel_menus.xml',
        'views/crm_stage_views.xml',
        'views/crm_team_views.xml',
        'views/crm_lead_views.xml',
        'views/crm_lead_stage_history_views.xml',
        'report/crm_lead_stage_analysis_views.xml',
        'data/crm_funnel_template_data.xml',
        'wizard/crm_funnel_template_load_views.xml',
        'views/crm_funnel_template_views.xml',
    ],
    'qweb': ['static/src/xml/crm_funnel_view.xml'],
    'demo': [
        'demo/crm_lead_sage_demo.xml',
    ],
    'installable': True,
}
