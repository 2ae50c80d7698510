# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""From 11.0.1.3.0 the imports, their columns and rows, the remembered
mappings, the assignment rules, the capture API keys and their requests
belong to a company, and multi-company record rules keep them in it.
Odoo makes the new required columns NOT NULL before the module's data is
loaded, and computes a new related column for every row one by one: the
existing rows get their company here, first, one UPDATE per table.

Each takes the company it already worked for: an import the company of
the leads it wrote (its batches', else its team's, else its creator's:
what the importer took), a key its integration user's (the company its
captured leads were created in), a rule its team's; what names none the
creator's, else the main company."""

MAIN_COMPANY = """(SELECT res_id FROM ir_model_data
                    WHERE module = 'base' AND name = 'main_company')"""


def _add_column(cr, table):
    cr.execute('ALTER TABLE "%s" ADD COLUMN IF NOT EXISTS company_id integer'
               % table)


def migrate(cr, version):
    if not version:
        return
    for table in ('crm_lead_import', 'crm_lead_import_line',
                  'crm_lead_import_row', 'crm_lead_import_mapping',
                  'crm_lead_assignment_rule', 'crm_lead_source_key',
                  'crm_lead_capture_hit'):
        _add_column(cr, table)
    cr.execute("""
        UPDATE crm_lead_import i
           SET company_id = COALESCE(
                   (SELECT min(b.company_id) FROM crm_lead_import_batch b
                     WHERE b.import_id = i.id),
                   t.company_id, u.company_id, %s)
          FROM crm_lead_import i2
          LEFT JOIN crm_team t ON t.id = i2.team_id
          LEFT JOIN res_users u ON u.id = i2.create_uid
         WHERE i2.id = i.id AND i.company_id IS NULL""" % MAIN_COMPANY)
    cr.execute("""
        UPDATE crm_lead_import_line l
           SET company_id = i.company_id
          FROM crm_lead_import i
         WHERE i.id = l.import_id AND l.company_id IS NULL""")
    cr.execute("""
        UPDATE crm_lead_import_row r
           SET company_id = b.company_id
          FROM crm_lead_import_batch b
         WHERE b.id = r.batch_id AND r.company_id IS NULL""")
    cr.execute("""
        UPDATE crm_lead_import_mapping m
           SET company_id = COALESCE(u.company_id, %s)
          FROM crm_lead_import_mapping m2
          LEFT JOIN res_users u ON u.id = m2.create_uid
         WHERE m2.id = m.id AND m.company_id IS NULL""" % MAIN_COMPANY)
    cr.execute("""
        UPDATE crm_lead_assignment_rule r
           SET company_id = COALESCE(t.company_id, u.company_id, %s)
          FROM crm_lead_assignment_rule r2
          LEFT JOIN crm_team t ON t.id = r2.team_id
          LEFT JOIN res_users u ON u.id = r2.create_uid
         WHERE r2.id = r.id AND r.company_id IS NULL""" % MAIN_COMPANY)
    cr.execute("""
        UPDATE crm_lead_source_key k
           SET company_id = COALESCE(u.company_id, c.company_id, %s)
          FROM crm_lead_source_key k2
          LEFT JOIN res_users u ON u.id = k2.user_id
          LEFT JOIN res_users c ON c.id = k2.create_uid
         WHERE k2.id = k.id AND k.company_id IS NULL""" % MAIN_COMPANY)
    # a request without a key stays without company
    cr.execute("""
        UPDATE crm_lead_capture_hit h
           SET company_id = k.company_id
          FROM crm_lead_source_key k
         WHERE k.id = h.key_id AND h.company_id IS NULL""")
