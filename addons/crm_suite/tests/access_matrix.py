# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The one place that says how each public method of the suite's models is
covered by an access test (test_access_gate.py reads it).

A method is callable over RPC when its name does not start with ``_``
(Odoo 11's call_kw refuses those). Each row of ``MATRIX`` is either

* ``call``: how test_access_gate.TestAccessMatrix calls it over JSON-RPC
  (``/web/dataset/call_kw``) as each role of ``ROLES``, on records that role
  may not read or modify, and the roles it is ``allowed`` for (every other
  role must get an AccessError); or
* ``covered_by``: the test (``path::Class::test``) that calls it as the
  roles that must be refused, for methods whose refusal needs a scene of
  its own (a row moved onto another territory's lead...). The gate checks
  that this test exists.

``call(f, rpc)``: ``f`` holds the ids of the matrix's records, ``rpc(model,
method, *args, **kwargs)`` calls as the role.
"""
import collections

ROLES = ('portal', 'employee', 'salesman_own', 'salesman_all', 'territory',
         'manager')

NOBODY = frozenset()
MANAGER = frozenset(['manager'])
# who may read and modify leads of every salesperson and territory
ALL_LEADS = frozenset(['salesman_all', 'manager'])
# who has the access rights of a salesperson (some records of their own)
SALES = frozenset(['salesman_own', 'salesman_all', 'territory', 'manager'])
INTERNAL = SALES | {'employee'}
EVERYBODY = frozenset(ROLES)

Row = collections.namedtuple('Row', 'call allowed covered_by')


def call(run, allowed):
    return Row(run, frozenset(allowed), None)


def covered(test):
    return Row(None, None, test)


REDTEAM = 'crm_territory_security/tests/test_territory_redteam.py'
PUBLIC = 'crm_territory_security/tests/test_territory_public_methods.py'
MOVED = REDTEAM + '::TestTerritoryRedTeamLinks::' \
    'test_moving_own_rows_onto_a_foreign_lead'
PLANTED = REDTEAM + '::TestTerritoryRedTeamLinks::' \
    'test_planting_rows_on_a_missing_lead'
CAMPAIGN = 'crm_campaign_segments/tests/test_campaign_lifecycle.py' \
    '::TestCampaignRights::'
# starting, stopping and running campaigns: sales managers only
CAMPAIGN_RUN = CAMPAIGN + 'test_salesperson_cannot_start_stop_or_run'
# what the campaign and segment forms open: whoever reads them
CAMPAIGN_READ = CAMPAIGN + 'test_employee_cannot_see_workitems_nor_preview'
# a write of company_id: crm_safe_domain's crm.company.check.mixin
MOVED_COMPANY = 'crm_leads_ext/tests/test_multi_company.py' \
    '::TestMultiCompany::test_b_cannot_move_its_records_into_a'
# read_group of the rows attached to a lead: messages and attachments get
# the rows search gives (crm.lead.document.mixin), by every role
GROUPED = 'crm_territory_security/tests/test_read_group_documents.py' \
    '::TestReadGroupDocuments::'
READ_PATHS = 'addons/crm_suite/tests/test_access_gate.py::TestReadPaths::' \
    'test_no_foreign_values'


def foreign_lead(f):
    """Values of a lead in territory B (and of nobody's territory else)."""
    return {'name': 'AG planted', 'city': 'Gate City B',
            'country_id': f.country_b,
            'user_id': f.owner_b}


def wizard(model, vals, method, context=None):
    """Create the transient record as the caller, then call ``method``."""
    def run(f, rpc):
        kwargs = {'context': context(f)} if context else {}
        record = rpc(model, 'create', vals(f), **kwargs)
        return rpc(model, method, [record], **kwargs)
    return run


def on_lead_b(model, method, *args):
    return lambda f, rpc: rpc(model, method, [f.lead_b], *args)


def convert_onchange(model, action):
    """The conversion wizard's onchange of its action, on B's lead."""
    return lambda f, rpc: rpc(model, 'onchange', [], {
        'name': 'convert', 'action': action, 'partner_id': False,
        'existing_company_id': False,
        'opportunity_ids': [(6, 0, [f.lead_b])],
        'user_id': False, 'team_id': False}, 'action', {
            'action': '1', 'partner_id': '', 'existing_company_id': '',
            'opportunity_ids': ''}, context=LEAD_B_CONTEXT(f))


LEAD_B_CONTEXT = (lambda f: {'active_model': 'crm.lead',
                             'active_id': f.lead_b,
                             'active_ids': [f.lead_b]})

MATRIX = {
    # -- crm.lead ------------------------------------------------------------
    ('crm.lead', 'action_apply_assignment_rules'): call(
        on_lead_b('crm.lead', 'action_apply_assignment_rules'), ALL_LEADS),
    ('crm.lead', 'action_escalate'): call(
        on_lead_b('crm.lead', 'action_escalate'), ALL_LEADS),
    ('crm.lead', 'action_reset_territory'): call(
        on_lead_b('crm.lead', 'action_reset_territory'), ALL_LEADS),
    ('crm.lead', 'action_view_history_activities'): call(
        on_lead_b('crm.lead', 'action_view_history_activities'), ALL_LEADS),
    ('crm.lead', 'action_view_history_campaign'): call(
        on_lead_b('crm.lead', 'action_view_history_campaign'), ALL_LEADS),
    ('crm.lead', 'action_view_history_customer_leads'): call(
        on_lead_b('crm.lead', 'action_view_history_customer_leads'),
        ALL_LEADS),
    ('crm.lead', 'action_view_history_done_activities'): call(
        on_lead_b('crm.lead', 'action_view_history_done_activities'),
        ALL_LEADS),
    ('crm.lead', 'action_view_history_emails'): call(
        on_lead_b('crm.lead', 'action_view_history_emails'), ALL_LEADS),
    ('crm.lead', 'check_access_rights'): call(
        lambda f, rpc: rpc('crm.lead', 'check_access_rights', 'write'),
        SALES),
    ('crm.lead', 'create'): call(
        lambda f, rpc: rpc('crm.lead', 'create', foreign_lead(f)),
        ALL_LEADS),
    ('crm.lead', 'fields_view_get'): call(
        lambda f, rpc: rpc('crm.lead', 'fields_view_get', view_type='form'),
        SALES),
    ('crm.lead', 'get_funnel_data'): call(
        lambda f, rpc: rpc('crm.lead', 'get_funnel_data', []), SALES),
    ('crm.lead', 'get_funnel_filters'): call(
        lambda f, rpc: rpc('crm.lead', 'get_funnel_filters'), SALES),
    ('crm.lead', 'handle_partner_assignation'): call(
        on_lead_b('crm.lead', 'handle_partner_assignation', 'create'),
        ALL_LEADS),
    ('crm.lead', 'init'): call(
        lambda f, rpc: rpc('crm.lead', 'init', []), NOBODY),
    ('crm.lead', 'merge_dependences'): call(
        lambda f, rpc: rpc('crm.lead', 'merge_dependences', [f.lead_own],
                           [f.lead_b]), ALL_LEADS),
    ('crm.lead', 'message_get_default_recipients'): call(
        on_lead_b('crm.lead', 'message_get_default_recipients'), ALL_LEADS),
    ('crm.lead', 'message_get_suggested_recipients'): call(
        on_lead_b('crm.lead', 'message_get_suggested_recipients'),
        ALL_LEADS),
    ('crm.lead', 'message_new'): call(
        lambda f, rpc: rpc('crm.lead', 'message_new', {
            'subject': 'AG mail', 'from': 'ag@example.com',
            'email_from': 'ag@example.com', 'body': 'AG',
            'to': 'sale@example.com', 'cc': '', 'author_id': False},
            {'city': 'Gate City B', 'country_id': f.country_b,
             'user_id': f.owner_b}), ALL_LEADS),
    ('crm.lead', 'read_group'): call(
        lambda f, rpc: rpc('crm.lead', 'read_group', [], ['stage_id'],
                           ['stage_id']), SALES),
    ('crm.lead', 'write'): call(
        lambda f, rpc: rpc('crm.lead', 'write', [f.lead_b],
                           {'name': 'AG taken'}), ALL_LEADS),
    ('crm.lead', 'action_crm_quotation_copy'): call(
        on_lead_b('crm.lead', 'action_crm_quotation_copy'), ALL_LEADS),
    ('crm.lead', 'action_set_lost'): call(
        on_lead_b('crm.lead', 'action_set_lost'), ALL_LEADS),
    ('crm.lead', 'action_set_won'): call(
        on_lead_b('crm.lead', 'action_set_won'), ALL_LEADS),
    ('crm.lead', 'action_set_won_rainbowman'): call(
        on_lead_b('crm.lead', 'action_set_won_rainbowman'), ALL_LEADS),
    ('crm.lead.analysis', 'init'): call(
        lambda f, rpc: rpc('crm.lead.analysis', 'init', []), NOBODY),
    # -- wizards on leads ----------------------------------------------------
    ('crm.lead.business.card', 'create'): call(
        lambda f, rpc: rpc('crm.lead.business.card', 'create',
                           {'name': 'AG card'}), SALES),
    ('crm.lead.business.card', 'action_read_card'): call(
        wizard('crm.lead.business.card', lambda f: {'name': 'AG card'},
               'action_read_card'), SALES),
    ('crm.lead.business.card', 'action_create_lead'): call(
        wizard('crm.lead.business.card', lambda f: {
            'name': 'AG card', 'city': 'Gate City B',
            'country_id': f.country_b},
            'action_create_lead'),
        # their own lead: only a territory salesperson may not create it in B
        SALES - {'territory'}),
    ('crm.lead.escalate', 'create'): call(
        lambda f, rpc: rpc('crm.lead.escalate', 'create', {
            'lead_ids': [(6, 0, [f.lead_b])], 'reason': 'AG'}),
        # the user's own transient record: action_escalate checks the leads
        SALES),
    ('crm.lead.escalate', 'action_escalate'): call(
        wizard('crm.lead.escalate', lambda f: {
            'lead_ids': [(6, 0, [f.lead_b])], 'reason': 'AG'},
            'action_escalate'), ALL_LEADS),
    ('crm.quotation.copy', 'action_copy'): call(
        wizard('crm.quotation.copy', lambda f: {
            'lead_id': f.lead_b, 'order_id': f.order_b}, 'action_copy'),
        ALL_LEADS),
    ('crm.quotation.won', 'action_confirm'): call(
        wizard('crm.quotation.won', lambda f: {
            'lead_id': f.lead_b, 'order_id': f.order_b}, 'action_confirm'),
        ALL_LEADS),
    ('crm.lead2opportunity.partner', 'default_get'): call(
        lambda f, rpc: rpc('crm.lead2opportunity.partner', 'default_get',
                           ['name', 'partner_id', 'existing_company_id'],
                           context=LEAD_B_CONTEXT(f)), ALL_LEADS),
    ('crm.lead2opportunity.partner', 'onchange_action'): call(
        convert_onchange('crm.lead2opportunity.partner', 'exist'),
        ALL_LEADS),
    ('crm.lead2opportunity.partner.mass', 'default_get'): call(
        lambda f, rpc: rpc('crm.lead2opportunity.partner.mass',
                           'default_get', ['name', 'opportunity_ids'],
                           context=LEAD_B_CONTEXT(f)), ALL_LEADS),
    ('crm.lead2opportunity.partner.mass', 'onchange_action'): call(
        convert_onchange('crm.lead2opportunity.partner.mass',
                         'each_exist_or_create'),
        # reads nothing of the leads; the conversion checks them
        SALES),
    # -- the import (another user's batch) -----------------------------------
    ('crm.lead.import', 'action_download_report'): call(
        lambda f, rpc: rpc('crm.lead.import', 'action_download_report',
                           [f.import_b]), MANAGER),
    ('crm.lead.import', 'action_dry_run'): call(
        lambda f, rpc: rpc('crm.lead.import', 'action_dry_run',
                           [f.import_b]), MANAGER),
    ('crm.lead.import', 'action_import'): call(
        lambda f, rpc: rpc('crm.lead.import', 'action_import',
                           [f.import_b]), MANAGER),
    ('crm.lead.import', 'action_load_file'): call(
        lambda f, rpc: rpc('crm.lead.import', 'action_load_file',
                           [f.import_b]), MANAGER),
    ('crm.lead.import', 'action_view_leads'): call(
        lambda f, rpc: rpc('crm.lead.import', 'action_view_leads',
                           [f.import_b]), MANAGER),
    # -- moves to another company (the write itself is Odoo's) ---------------
    ('crm.lead.assignment.rule', 'write'): covered(MOVED_COMPANY),
    ('crm.lead.import', 'write'): covered(MOVED_COMPANY),
    ('crm.lead.import.mapping', 'write'): covered(MOVED_COMPANY),
    ('crm.lead.source.key', 'write'): covered(MOVED_COMPANY),
    # -- capture keys ----------------------------------------------------------
    ('crm.lead.source.key', 'action_generate_key'): call(
        lambda f, rpc: rpc('crm.lead.source.key', 'action_generate_key',
                           [f.key]), MANAGER),
    ('crm.lead.source.key.show', 'create'): call(
        lambda f, rpc: rpc('crm.lead.source.key.show', 'create', {}),
        MANAGER),
    ('crm.lead.source.key.show', 'default_get'): call(
        lambda f, rpc: rpc('crm.lead.source.key.show', 'default_get',
                           ['key'], context={'active_id': f.key}), MANAGER),
    # -- funnels -----------------------------------------------------------
    ('crm.funnel.template.load', 'action_load'): call(
        wizard('crm.funnel.template.load', lambda f: {
            'template_id': f.template, 'team_id': f.team,
            'on_conflict': 'error'}, 'action_load'), MANAGER),
    ('crm.lead.criterion.check', 'create'): call(
        lambda f, rpc: rpc('crm.lead.criterion.check', 'create', {
            'lead_id': f.lead_b, 'criterion_id': f.criterion,
            'done': True}), ALL_LEADS),
    ('crm.lead.criterion.check', 'write'): call(
        lambda f, rpc: rpc('crm.lead.criterion.check', 'write', [f.check_b],
                           {'done': True}), ALL_LEADS),
    ('crm.lead.criterion.check', 'unlink'): call(
        lambda f, rpc: rpc('crm.lead.criterion.check', 'unlink',
                           [f.check_b]), ALL_LEADS),
    ('crm.lead.stage.analysis', 'init'): call(
        lambda f, rpc: rpc('crm.lead.stage.analysis', 'init', []), NOBODY),
    ('crm.lead.stage.analysis', 'read_group'): call(
        lambda f, rpc: rpc('crm.lead.stage.analysis', 'read_group', [],
                           ['stage_id'], ['stage_id']), SALES),
    ('crm.lead.stage.history', 'create'): call(
        lambda f, rpc: rpc('crm.lead.stage.history', 'create', {
            'lead_id': f.lead_b, 'stage_to_id': f.stage}), MANAGER),
    ('crm.lead.stage.history', 'write'): call(
        lambda f, rpc: rpc('crm.lead.stage.history', 'write', [f.history_b],
                           {'stage_to_id': f.stage}), MANAGER),
    ('crm.lead.stage.history', 'unlink'): call(
        lambda f, rpc: rpc('crm.lead.stage.history', 'unlink',
                           [f.history_b]), MANAGER),
    ('crm.lead.stage.history', 'read_group'): call(
        lambda f, rpc: rpc('crm.lead.stage.history', 'read_group', [],
                           ['stage_to_id'], ['stage_to_id']), SALES),
    ('crm.stage', 'resequence'): call(
        lambda f, rpc: rpc('crm.stage', 'resequence', [f.stage]), MANAGER),
    ('crm.stage.criterion', 'create'): call(
        lambda f, rpc: rpc('crm.stage.criterion', 'create', {
            'stage_id': f.stage, 'name': 'AG criterion'}), MANAGER),
    # -- teams -------------------------------------------------------------
    ('crm.team', 'action_your_pipeline'): call(
        lambda f, rpc: rpc('crm.team', 'action_your_pipeline'), SALES),
    ('crm.team', 'create'): call(
        lambda f, rpc: rpc('crm.team', 'create', {'name': 'AG team'}),
        MANAGER),
    ('crm.team', 'write'): call(
        lambda f, rpc: rpc('crm.team', 'write', [f.team], {'name': 'AG'}),
        MANAGER),
    ('crm.team', 'unlink'): call(
        lambda f, rpc: rpc('crm.team', 'unlink', [f.team]), MANAGER),
    # -- territories -------------------------------------------------------
    ('crm.territory', 'action_view_leads'): call(
        lambda f, rpc: rpc('crm.territory', 'action_view_leads',
                           [f.territory_b]), SALES),
    ('crm.territory', 'create'): call(
        lambda f, rpc: rpc('crm.territory', 'create', {'name': 'AG T'}),
        MANAGER),
    ('crm.territory', 'write'): call(
        lambda f, rpc: rpc('crm.territory', 'write', [f.territory_b],
                           {'city_names': 'Elsewhere'}), MANAGER),
    ('crm.territory', 'unlink'): call(
        lambda f, rpc: rpc('crm.territory', 'unlink', [f.territory_b]),
        MANAGER),
    ('crm.territory', 'init'): call(
        lambda f, rpc: rpc('crm.territory', 'init', []), NOBODY),
    ('crm.territory', 'name_get'): call(
        lambda f, rpc: rpc('crm.territory', 'name_get', [f.territory_b]),
        INTERNAL),
    ('crm.territory', 'name_search'): call(
        lambda f, rpc: rpc('crm.territory', 'name_search', 'Gate'),
        INTERNAL),
    ('crm.territory.forecast', 'fields_view_get'): call(
        lambda f, rpc: rpc('crm.territory.forecast', 'fields_view_get',
                           view_type='pivot'), SALES),
    ('crm.territory.forecast', 'init'): call(
        lambda f, rpc: rpc('crm.territory.forecast', 'init', []), NOBODY),
    ('crm.territory.forecast', 'read_group'): call(
        lambda f, rpc: rpc('crm.territory.forecast', 'read_group', [],
                           ['open_amount', 'user_id'], ['user_id']), SALES),
    ('crm.territory.quota', 'create'): covered(
        PUBLIC + '::TestTerritoryPublicMethods::test_quota_create_write'),
    ('crm.territory.quota', 'write'): covered(
        PUBLIC + '::TestTerritoryPublicMethods::test_quota_create_write'),
    ('crm.territory.recompute', 'action_recompute'): call(
        wizard('crm.territory.recompute', lambda f: {
            'target': 'both', 'reset_manual': True}, 'action_recompute'),
        MANAGER),
    ('crm.territory.recompute', 'action_refresh'): call(
        wizard('crm.territory.recompute', lambda f: {
            'target': 'both'}, 'action_refresh'), MANAGER),
    ('crm.territory.zip.range', 'create'): call(
        lambda f, rpc: rpc('crm.territory.zip.range', 'create', {
            'territory_id': f.territory_b, 'zip_from': '900000',
            'zip_to': '909999'}), MANAGER),
    ('crm.territory.zip.range', 'write'): call(
        lambda f, rpc: rpc('crm.territory.zip.range', 'write', [f.zip_b],
                           {'zip_to': '809999'}), MANAGER),
    ('crm.territory.zip.range', 'unlink'): call(
        lambda f, rpc: rpc('crm.territory.zip.range', 'unlink', [f.zip_b]),
        MANAGER),
    # -- partners and users ------------------------------------------------
    ('res.partner', 'action_reset_territory'): call(
        lambda f, rpc: rpc('res.partner', 'action_reset_territory',
                           [f.partner]), SALES),
    ('res.partner', 'action_view_history_campaigns'): call(
        lambda f, rpc: rpc('res.partner', 'action_view_history_campaigns',
                           [f.partner]), SALES),
    ('res.partner', 'action_view_history_done_activities'): call(
        lambda f, rpc: rpc('res.partner',
                           'action_view_history_done_activities',
                           [f.partner]), SALES),
    ('res.partner', 'action_view_history_emails'): call(
        lambda f, rpc: rpc('res.partner', 'action_view_history_emails',
                           [f.partner]), SALES),
    ('res.partner', 'action_view_history_leads'): call(
        lambda f, rpc: rpc('res.partner', 'action_view_history_leads',
                           [f.partner]), SALES),
    ('res.partner', 'create'): call(
        lambda f, rpc: rpc('res.partner', 'create', {
            'name': 'AG partner', 'territory_id': f.territory_b}), SALES),
    ('res.partner', 'write'): call(
        lambda f, rpc: rpc('res.partner', 'write', [f.partner],
                           {'territory_id': f.territory_b}), SALES),
    ('res.partner', 'get_needaction_count'): call(
        lambda f, rpc: rpc('res.partner', 'get_needaction_count'),
        EVERYBODY),
    ('res.partner', 'init'): call(
        lambda f, rpc: rpc('res.partner', 'init', []), NOBODY),
    ('res.users', 'write'): call(
        lambda f, rpc: rpc('res.users', 'write', [f.owner_b],
                           {'territory_ids': [(6, 0, [])]}), NOBODY),
    ('ir.model.fields', 'unlink'): call(
        lambda f, rpc: rpc('ir.model.fields', 'unlink', [f.field]), NOBODY),
    # -- rows linked to a lead: moved onto or planted on B's lead -----------
    ('calendar.attendee', 'create'): call(
        lambda f, rpc: rpc('calendar.attendee', 'create', {
            'event_id': f.event_b, 'partner_id': f.partner}),
        # Odoo 11 shares meetings between employees: only territories
        # hide those of a lead
        INTERNAL - {'territory'}),
    ('calendar.attendee', 'write'): covered(MOVED),
    ('calendar.event', 'create'): covered(PLANTED),
    ('calendar.event', 'write'): covered(MOVED),
    ('ir.attachment', 'create'): covered(PLANTED),
    ('ir.attachment', 'read_group'): covered(GROUPED + 'test_attachments'),
    ('mail.activity', 'read_group'): covered(READ_PATHS),
    ('mail.followers', 'read_group'): covered(READ_PATHS),
    ('mail.message', 'read_group'): covered(GROUPED + 'test_messages'),
    # the composer inherits mail.message's fields and its read_group; its
    # transient rows are read by their creator only (Odoo's rule)
    ('mail.compose.message', 'read_group'): covered(
        GROUPED + 'test_messages'),
    ('ir.attachment', 'write'): covered(MOVED),
    ('mail.activity', 'create'): covered(PLANTED),
    ('mail.activity', 'write'): covered(MOVED),
    ('mail.compose.message', 'check_access_rule'): covered(
        REDTEAM + '::TestTerritoryRedTeamMail::'
        'test_reply_to_a_foreign_message'),
    ('mail.compose.message', 'create'): covered(
        REDTEAM + '::TestTerritoryRedTeamMail::'
        'test_reply_to_a_foreign_message'),
    ('mail.compose.message', 'write'): covered(
        REDTEAM + '::TestTerritoryRedTeamMail::'
        'test_reply_to_a_foreign_message'),
    ('mail.followers', 'create'): covered(PLANTED),
    ('mail.followers', 'write'): covered(MOVED),
    ('mail.mail', 'create'): call(
        lambda f, rpc: rpc('mail.mail', 'create', {
            'model': 'crm.lead', 'res_id': f.lead_b, 'subject': 'AG',
            'body_html': '<p>AG</p>'}), ALL_LEADS),
    ('mail.mail', 'write'): covered(MOVED),
    ('mail.message', 'check_access_rule'): covered(
        REDTEAM + '::TestTerritoryRedTeamMail::'
        'test_author_and_recipient_lose_a_message_of_a_foreign_lead'),
    ('mail.message', 'create'): call(
        lambda f, rpc: rpc('mail.message', 'create', {
            'model': 'crm.lead', 'res_id': f.lead_b, 'body': 'AG',
            'message_type': 'comment'}), ALL_LEADS),
    ('mail.message', 'write'): covered(MOVED),
    ('mail.notification', 'create'): covered(
        REDTEAM + '::TestTerritoryRedTeamMail::test_planted_notification'),
    ('mail.notification', 'write'): covered(MOVED),
    # B's customer has no email: its writers get crm_quotation's refusal
    ('mail.compose.message', 'send_mail'): call(
        wizard('mail.compose.message', lambda f: {
            'model': 'sale.order', 'res_id': f.order_b, 'body': 'AG',
            'composition_mode': 'comment',
            'partner_ids': [(6, 0, [f.partner])]}, 'send_mail',
            context=lambda f: {'mark_so_as_sent': True,
                               'default_model': 'sale.order',
                               'default_res_id': f.order_b}), ALL_LEADS),
    ('sale.order', 'action_quotation_send'): call(
        lambda f, rpc: rpc('sale.order', 'action_quotation_send',
                           [f.order_b]), ALL_LEADS),
    ('sale.order', 'action_view_sent_versions'): call(
        lambda f, rpc: rpc('sale.order', 'action_view_sent_versions',
                           [f.order_b]), ALL_LEADS),
    ('sale.order', 'message_post'): call(
        lambda f, rpc: rpc('sale.order', 'message_post', [f.order_b],
                           body='AG', message_type='comment'), ALL_LEADS),
    ('sale.order', 'onchange_partner_id'): call(
        lambda f, rpc: rpc('sale.order', 'onchange_partner_id',
                           [f.order_b]), ALL_LEADS),
    ('sale.order', 'create'): covered(PLANTED),
    ('sale.order', 'write'): covered(MOVED),
    ('sale.order.line', 'create'): call(
        lambda f, rpc: rpc('sale.order.line', 'create', {
            'order_id': f.order_b, 'product_id': f.product,
            'product_uom_qty': 1}), ALL_LEADS),
    ('sale.order.line', 'write'): covered(MOVED),
    # -- campaigns ---------------------------------------------------------
    ('crm.campaign', 'action_start'): covered(CAMPAIGN_RUN),
    ('crm.campaign', 'action_pause'): covered(CAMPAIGN_RUN),
    ('crm.campaign', 'action_resume'): covered(CAMPAIGN_RUN),
    ('crm.campaign', 'action_stop'): covered(CAMPAIGN_RUN),
    ('crm.campaign', 'action_view_workitems'): covered(CAMPAIGN_READ),
    ('crm.segment', 'action_run_now'): covered(CAMPAIGN_RUN),
    ('crm.segment', 'action_preview'): covered(CAMPAIGN_READ),
    ('crm.campaign.workitem', 'action_retry'): covered(
        CAMPAIGN + 'test_salesperson_reads_but_cannot_retry'),
    ('crm.campaign.analysis', 'init'): call(
        lambda f, rpc: rpc('crm.campaign.analysis', 'init', []), NOBODY),
}
