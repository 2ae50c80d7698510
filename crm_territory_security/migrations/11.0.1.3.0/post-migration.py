# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).


def migrate(cr, version):
    """The round-robin position moved from the territory's
    last_assigned_user_id to a sequence per territory (created by the
    model's init): each sequence goes on after the salesperson who got the
    last lead. Then the column and its field entry go (Odoo 11 keeps the
    fields a module no longer defines)."""
    if not version:
        return
    cr.execute("""
        SELECT 1 FROM information_schema.columns
         WHERE table_name = 'crm_territory'
           AND column_name = 'last_assigned_user_id'""")
    if not cr.fetchone():
        return
    cr.execute("""
        SELECT t.id, t.last_assigned_user_id,
               array_agg(r.user_id ORDER BY r.user_id)
          FROM crm_territory t
          JOIN crm_territory_res_users_rel r ON r.territory_id = t.id
         WHERE t.last_assigned_user_id IS NOT NULL
         GROUP BY t.id, t.last_assigned_user_id""")
    for territory_id, last_user_id, user_ids in cr.fetchall():
        if last_user_id in user_ids:
            # nextval gives position + 1: the user after the last one
            cr.execute("SELECT setval(%s, %s)", (
                'crm_territory_round_robin_%d' % territory_id,
                user_ids.index(last_user_id) + 1))
    cr.execute(
        "ALTER TABLE crm_territory DROP COLUMN IF EXISTS last_assigned_user_id")
    cr.execute("""
        DELETE FROM ir_model_fields
         WHERE model = 'crm.territory' AND name = 'last_assigned_user_id'""")
    cr.execute("""
        DELETE FROM ir_model_data
         WHERE module = 'crm_territory_security' AND model = 'ir.model.fields'
           AND name = 'field_crm_territory_last_assigned_user_id'""")
