# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    'name': 'CRM Campaign Segments',
    'summary': 'Segments of leads and partners, and campaign workflows',
    'version': '11.0.1.2.0',
    'category': 'Marketing',
    'author': 'CRM Suite contributors',
    'website': 'https://github.com/crm-suite/crm-suite',
    'license': 'AGPL-3',
    # queue_job: the workitems are processed in batches by background
    # jobs; crm_safe_domain: segment domains and activity conditions are
    # data, checked on save and evaluated without code
    'depends': ['crm', 'mass_mailing', 'queue_job', 'crm_safe_domain'],
    'data': [
        'security/ir.model.access.csv',
        'data/queue_job_channel_data.xml',
        'data/ir_config_parameter_data.xml',
        'data/ir_cron_data.xml',
        'views/crm_campaign_assets.xml',
        'views/crm_segment_views.xml',
        'report/crm_campaign_analysis_views.xml',
        'views/crm_campaign_views.xml',
        'views/crm_campaign_workitem_views.xml',
        'views/crm_campaign_menus.xml',
    ],
    'demo': [
        'demo/crm_campaign_demo.xml',
    ],
    'installable': True,
}
