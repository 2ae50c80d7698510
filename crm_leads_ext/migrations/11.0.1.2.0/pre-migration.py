# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""From 11.0.1.2.0 an import batch belongs to the company of the leads it
wrote (the import's team's company, else its creator's: what the importer
takes). Odoo makes the new required column NOT NULL before the module's
data is loaded: the batches of earlier imports get their company here,
first, or the update logs a refused ``ALTER TABLE`` and leaves the column
nullable."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("ALTER TABLE crm_lead_import_batch "
               "ADD COLUMN IF NOT EXISTS company_id integer")
    cr.execute("""
        UPDATE crm_lead_import_batch b
           SET company_id = COALESCE(t.company_id, u.company_id)
          FROM crm_lead_import i
          JOIN res_users u ON u.id = i.create_uid
          LEFT JOIN crm_team t ON t.id = i.team_id
         WHERE i.id = b.import_id AND b.company_id IS NULL""")
