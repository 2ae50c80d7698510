# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    'name': 'CRM Leads Extended',
    'summary': (
        'Every way a lead arrives, hierarchical sales teams with '
        'escalation, conversion and lead analysis'
    ),
    'version': '11.0.1.3.0',
    'category': 'Sales',
    'author': 'CRM Suite contributors',
    'website': 'https://github.com/crm-suite/crm-suite',
    'license': 'AGPL-3',
    'depends': ['crm', 'sales_team', 'base_import', 'mail', 'utm',
                # the lead import runs large files as background jobs
                'queue_job',
                # the domains of the assignment rules
                'crm_safe_domain'],
    # the lead import reads spreadsheets and checks phone numbers
    'external_dependencies': {'python': ['phonenumbers', 'xlrd']},
    'data': [
        'security/ir.model.access.csv',
        'security/crm_leads_ext_security.xml',
        'wizard/crm_lead_escalate_views.xml',
        'views/crm_team_views.xml',
        'views/res_users_views.xml',
        'views/crm_lead_views.xml',
        'views/crm_lead_escalation_views.xml',
        'views/crm_lead_assignment_rule_views.xml',
        'report/crm_lead_analysis_views.xml',
        'views/crm_lead_history_views.xml',
        'views/res_partner_views.xml',
        'security/crm_lead_capture_security.xml',
        'data/crm_lead_capture_data.xml',
        'views/crm_lead_source_key_views.xml',
        'wizard/crm_lead_source_key_show_views.xml',
        'wizard/crm_lead2opportunity_partner_views.xml',
        'data/utm_source_data.xml',
        'wizard/crm_lead_business_card_views.xml',
        'views/crm_leads_ext_assets.xml',
        'views/crm_lead_import_views.xml',
        'views/crm_lead_import_assets.xml',
    ],
    'demo': [
        'demo/crm_team_demo.xml',
        'demo/crm_lead_assignment_rule_demo.xml',
        'demo/crm_lead_business_card_demo.xml',
    ],
    # the capture endpoint's request type: see hooks.py
    'post_load': 'post_load',
    'installable': True,
}
