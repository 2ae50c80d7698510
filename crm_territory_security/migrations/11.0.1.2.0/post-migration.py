# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).


def migrate(cr, version):
    """The lead link stored on followers and activities (crm_lead_id) gave
    way to a record rule on their document (crm.lead.document.mixin): its
    columns and field entries go."""
    if not version:
        return
    cr.execute("ALTER TABLE mail_followers DROP COLUMN IF EXISTS crm_lead_id")
    cr.execute("ALTER TABLE mail_activity DROP COLUMN IF EXISTS crm_lead_id")
    cr.execute("""
        DELETE FROM ir_model_fields
         WHERE name = 'crm_lead_id'
           AND model IN ('mail.followers', 'mail.activity',
                         'crm.lead.linked.mixin')""")
    cr.execute("""
        DELETE FROM ir_model_data
         WHERE module = 'crm_territory_security' AND model = 'ir.model.fields'
           AND name IN ('field_mail_followers_crm_lead_id',
                        'field_mail_activity_crm_lead_id',
                        'field_crm_lead_linked_mixin_crm_lead_id')""")
