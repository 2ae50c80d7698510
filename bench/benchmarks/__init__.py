"""The benchmarks: one module each, found by bench/registry.py. See bench/README.md."""


def delete_leads_after(cr, first_id):
    """Delete the leads a benchmark created (ids above ``first_id``) with
    their messages, followers and activities, which refer to them by
    (res_model, res_id) and so do not follow on their own; the tables with
    a foreign key to crm_lead follow it (ON DELETE CASCADE/SET NULL)."""
    cr.execute(
        "DELETE FROM mail_message WHERE model = 'crm.lead' AND res_id > %s",
        (first_id,))
    for table in ('mail_followers', 'mail_activity', 'ir_model_data'):
        column = 'model' if table == 'ir_model_data' else 'res_model'
        cr.execute(
            'DELETE FROM "%s" WHERE "%s" = \'crm.lead\' AND res_id > %%s'
            % (table, column), (first_id,))
    cr.execute("DELETE FROM crm_lead WHERE id > %s", (first_id,))
