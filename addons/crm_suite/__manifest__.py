# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    'name': 'CRM Suite',
    'summary': 'The whole CRM suite for sales teams, with its demo data',
    'version': '11.0.1.2.0',
    'category': 'Sales',
    'author': 'CRM Suite contributors',
    'website': 'https://github.com/crm-suite/crm-suite',
    'license': 'AGPL-3',
    'depends': [
        'crm_leads_ext',
        'crm_funnel_stages',
        'crm_territory_security',
        'crm_campaign_segments',
        'crm_quotation',
        # one person in several companies (OCA): a lead's contact who works
        # for another company is linked through their position at the
        # lead's company (crm_leads_ext_contact_companies)
        'partner_contact_in_several_companies',
        # the bridges are auto_install, but Odoo 11 installs a new
        # auto_install addon only with one of its dependencies: on a database
        # made before them, "-u crm_suite" installs them through these lines
        'crm_leads_ext_territory',
        'crm_leads_ext_funnel',
        'crm_leads_ext_contact_companies',
        'crm_quotation_territory',
        # scheduled actions of the suite run as background jobs
        'queue_job_cron',
    ],
    'data': [],
    'demo': [
        'demo/res_users_demo.xml',
        'demo/crm_lead_demo.xml',
        'demo/crm_team_demo.xml',
        'demo/crm_mail_demo.xml',
        'demo/crm_lead_source_key_demo.xml',
        'demo/crm_lead_import_demo.xml',
        'demo/crm_campaign_demo.xml',
    ],
    'installable': True,
}
