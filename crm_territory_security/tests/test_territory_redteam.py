# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import psycopg2

from odoo.addons.base.ir.ir_qweb.qweb import QWebException
from odoo import tools
from odoo.exceptions import AccessError, UserError

from .common import TerritoryCase

# Every test below is one path a salesperson of territory A may take to the
# records of territory B; each fails if anything of B shows.


class TestTerritoryRedTeam(TerritoryCase):

    def lead_as(self, user):
        return self.env['crm.lead'].sudo(user)

    # crm.lead: the ORM's read paths ---------------------------------------

    def test_path_search(self):
        found = self.lead_as(self.user_a).search([('id', 'in', self.leads.ids)])
        self.assertEqual(found, self.lead_a)
        self.assertFalse(self.lead_as(self.user_a).search(
            [('name', 'ilike', 'RT bravo')]))

    def test_path_search_inactive(self):
        self.lead_b.action_set_lost()
        self.assertFalse(self.lead_as(self.user_a).with_context(
            active_test=False).search([('id', '=', self.lead_b.id)]))

    def test_path_search_count(self):
        self.assertEqual(self.lead_as(self.user_a).search_count(
            [('id', 'in', self.leads.ids)]), 1)

    def test_path_read(self):
        with self.assertRaises(AccessError):
            self.lead_as(self.user_a).browse(self.lead_b.id).read(['name'])

    def test_path_field_access(self):
        lead = self.lead_as(self.user_a).browse(self.lead_b.id)
        with self.assertRaises(AccessError):
            lead.planned_revenue  # pylint: disable=pointless-statement

    def test_path_search_read(self):
        rows = self.lead_as(self.user_a).search_read(
            [('id', 'in', self.leads.ids)], ['name', 'planned_revenue'])
        self.assertEqual([row['id'] for row in rows], self.lead_a.ids)

    def test_path_read_group_counts_and_sums(self):
        groups = self.lead_as(self.user_a).read_group(
            [('id', 'in', self.leads.ids)], ['planned_revenue', 'user_id'],
            ['user_id'])
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups[0]['user_id_count'], 1)
        self.assertEqual(groups[0]['planned_revenue'], 1000.0)
        by_stage = self.lead_as(self.user_a).read_group(
            [('id', 'in', self.leads.ids)], ['planned_revenue', 'stage_id'],
            ['stage_id'], lazy=False)
        self.assertEqual(sum(g['__count'] for g in by_stage), 1)
        self.assertEqual(sum(g['planned_revenue'] for g in by_stage), 1000.0)

    def test_path_read_group_by_territory(self):
        groups = self.lead_as(self.user_a).read_group(
            [], ['territory_id'], ['territory_id'])
        territories = [g['territory_id'][0] for g in groups
                       if g['territory_id']]
        self.assertEqual(territories, self.territory_a.ids)

    def test_path_name_search(self):
        self.assertFalse(self.lead_as(self.user_a).name_search('RT bravo'))
        self.assertEqual(
            [row[0] for row in self.lead_as(self.user_a).name_search('RT ')
             if row[0] in self.leads.ids], self.lead_a.ids)

    def test_path_name_get(self):
        with self.assertRaises(AccessError):
            self.lead_as(self.user_a).browse(self.lead_b.id).name_get()

    def test_path_export_data(self):
        with self.assertRaises(AccessError):
            self.lead_as(self.user_a).browse(self.lead_b.id).export_data(
                ['name', 'planned_revenue'])

    def test_path_copy(self):
        with self.assertRaises(AccessError):
            self.lead_as(self.user_a).browse(self.lead_b.id).copy()

    def test_path_write(self):
        with self.assertRaises(AccessError):
            self.lead_as(self.user_a).browse(self.lead_b.id).write(
                {'name': 'taken over'})
        with self.assertRaises(AccessError):
            self.lead_as(self.user_a).browse(self.lead_b.id).write(
                {'territory_id': self.territory_a.id})

    def test_path_unlink(self):
        with self.assertRaises(AccessError):
            self.lead_as(self.user_a).browse(self.lead_b.id).unlink()

    def test_path_create_in_foreign_territory(self):
        with self.assertRaises(AccessError):
            self.lead_as(self.user_a).create({
                'name': 'RT planted', 'city': 'Redteam City B',
                'country_id': self.country_b.id})

    def test_path_onchange_of_foreign_lead(self):
        """An onchange names the foreign lead in its values: the result
        must not echo any of the lead's stored data."""
        Event = self.env['calendar.event'].sudo(self.user_a)
        spec = Event._onchange_spec()
        values = Event.default_get(list(Event._fields))
        values.update({'name': 'probe', 'opportunity_id': self.lead_b.id})
        for name in Event._fields:
            values.setdefault(name, False)
        result = Event.onchange(values, 'opportunity_id', spec)
        self.assertNotIn('RT bravo', repr(result))
        self.assertNotIn('7000', repr(result))

    def test_path_planted_reference_to_foreign_lead(self):
        """A meeting or quotation A creates cannot point to B's lead (the
        name of a many2one is read as superuser in Odoo 11): the create
        rule refuses it."""
        with self.assertRaises(AccessError) as caught:
            self.env['calendar.event'].sudo(self.user_a).create({
                'name': 'probe', 'opportunity_id': self.lead_b.id,
                'start': '2030-02-01 10:00:00',
                'stop': '2030-02-01 11:00:00'})
        self.assertIn('calendar.event', str(caught.exception))
        with self.assertRaises(AccessError) as caught:
            self.env['sale.order'].sudo(self.user_a).create({
                'partner_id': self.partner.id,
                'opportunity_id': self.lead_b.id})
        self.assertIn('sale.order', str(caught.exception))

    # mail: messages, attachments, followers, activities -----------------

    def test_path_mail_message_search(self):
        Message = self.env['mail.message'].sudo(self.user_a)
        self.assertFalse(Message.search([
            ('model', '=', 'crm.lead'), ('res_id', '=', self.lead_b.id)]))
        self.assertFalse(Message.search([('body', 'ilike', 'bravo secret')]))

    def test_path_message_fetch(self):
        self.assertFalse(self.env['mail.message'].sudo(
            self.user_a).message_fetch([
                ('model', '=', 'crm.lead'), ('res_id', '=', self.lead_b.id)]))

    def test_path_mail_message_read(self):
        with self.assertRaises(AccessError):
            self.env['mail.message'].sudo(self.user_a).browse(
                self.message_b.id).read(['body'])
        with self.assertRaises(AccessError):
            self.env['mail.message'].sudo(self.user_a).browse(
                self.message_b.id).message_format()

    def test_path_message_post_on_foreign_lead(self):
        with self.assertRaises(AccessError):
            self.lead_as(self.user_a).browse(self.lead_b.id).message_post(
                body='probe', message_type='comment')

    def test_path_outgoing_email(self):
        mail = self.env['mail.mail'].create({
            'subject': 'RT bravo offer', 'body_html': '<p>RT bravo price</p>',
            'model': 'crm.lead', 'res_id': self.lead_b.id,
            'author_id': self.user_b.partner_id.id,
            'email_to': 'customer@example.com'})
        Mail = self.env['mail.mail'].sudo(self.user_a)
        self.assertFalse(Mail.search([('res_id', '=', self.lead_b.id),
                                      ('model', '=', 'crm.lead')]))
        self.assertFalse(Mail.search([('subject', 'ilike', 'RT bravo')]))
        with self.assertRaises(AccessError):
            Mail.browse(mail.id).read(['body_html'])

    def test_own_email_on_own_lead(self):
        """The rule on outgoing emails leaves a salesperson's own alone."""
        self.partner.email = 'rt.customer@example.com'
        lead = self.lead_as(self.user_a).browse(self.lead_a.id)
        lead.message_subscribe(partner_ids=self.partner.ids)
        message = lead.with_context(mail_auto_delete=False).message_post(
            body='RT alpha offer', message_type='comment',
            subtype='mail.mt_comment')
        mails = self.env['mail.mail'].search(
            [('mail_message_id', '=', message.id)])
        self.assertTrue(mails)
        self.assertEqual(self.env['mail.mail'].sudo(self.user_a).search(
            [('mail_message_id', '=', message.id)]), mails)

    def test_path_attachment(self):
        Attachment = self.env['ir.attachment'].sudo(self.user_a)
        self.assertFalse(Attachment.search([
            ('res_model', '=', 'crm.lead'), ('res_id', '=', self.lead_b.id)]))
        with self.assertRaises(AccessError):
            Attachment.browse(self.attachment_b.id).read(['datas'])

    def test_path_followers(self):
        Followers = self.env['mail.followers'].sudo(self.user_a)
        self.assertFalse(Followers.search([
            ('res_model', '=', 'crm.lead'), ('res_id', '=', self.lead_b.id)]))

    def test_path_planted_follower(self):
        """Users may create mail.followers in Odoo 11: a follower planted on
        B's lead would receive its messages."""
        with self.assertRaises(AccessError):
            self.env['mail.followers'].sudo(self.user_a).create({
                'res_model': 'crm.lead', 'res_id': self.lead_b.id,
                'partner_id': self.user_a.partner_id.id})

    def test_path_planted_activity(self):
        with self.assertRaises(AccessError):
            self.env['mail.activity'].sudo(self.user_a).create({
                'res_model_id': self.env.ref('crm.model_crm_lead').id,
                'res_id': self.lead_b.id, 'summary': 'probe',
                'user_id': self.user_a.id})

    def test_path_message_subscribe(self):
        """Odoo 11 refuses quietly (returns False) to subscribe oneself to
        an unreadable record, and loudly to subscribe someone else."""
        lead = self.lead_as(self.user_a).browse(self.lead_b.id)
        self.assertFalse(lead.message_subscribe(
            partner_ids=self.user_a.partner_id.ids))
        self.assertNotIn(self.user_a.partner_id,
                         self.lead_b.message_partner_ids)
        with self.assertRaises(AccessError):
            lead.message_subscribe(partner_ids=self.partner.ids)
        self.assertFalse(lead.message_subscribe_users())
        self.assertNotIn(self.user_a.partner_id,
                         self.lead_b.message_partner_ids)

    def test_path_mail_activity(self):
        Activity = self.env['mail.activity'].sudo(self.user_a)
        self.assertFalse(Activity.search([
            ('res_model', '=', 'crm.lead'), ('res_id', '=', self.lead_b.id)]))
        self.assertFalse(Activity.search([('summary', '=', 'RT bravo call')]))
        with self.assertRaises(AccessError):
            Activity.browse(self.activity_b.id).read(['summary'])

    # linked documents and reports ----------------------------------------

    def test_path_calendar_event(self):
        Event = self.env['calendar.event'].sudo(self.user_a)
        self.assertFalse(Event.search([
            ('opportunity_id', '=', self.lead_b.id)]))
        self.assertFalse(Event.search([('name', '=', 'RT bravo meeting')]))
        with self.assertRaises(AccessError):
            Event.browse(self.event_b.id).read(['name'])

    def test_path_calendar_attendee(self):
        self.event_b.write({'partner_ids': [(4, self.user_b.partner_id.id)]})
        self.assertTrue(self.event_b.attendee_ids)
        Attendee = self.env['calendar.attendee'].sudo(self.user_a)
        found = Attendee.search([('event_id', '=', self.event_b.id)])
        self.assertFalse(found)
        with self.assertRaises(AccessError):
            Attendee.browse(self.event_b.attendee_ids.ids).read(['event_id'])

    def test_path_sale_order(self):
        Order = self.env['sale.order'].sudo(self.user_a)
        self.assertFalse(Order.search([
            ('opportunity_id', '=', self.lead_b.id)]))
        with self.assertRaises(AccessError):
            Order.browse(self.order_b.id).read(['amount_total'])
        self.assertFalse(self.env['sale.order.line'].sudo(self.user_a).search(
            [('order_id', '=', self.order_b.id)]))

    def test_path_sale_order_report(self):
        """The quotation's report (HTML; the PDF is the same HTML through
        wkhtmltopdf) refuses the foreign quotation."""
        report = self.env.ref('sale.action_report_saleorder')
        with self.assertRaises((AccessError, QWebException)) as caught:
            report.sudo(self.user_a).render_qweb_html(self.order_b.ids)
        self.assertIn('security restrictions', str(caught.exception))

    def test_path_sale_report(self):
        Report = self.env['sale.report'].sudo(self.user_a)
        self.assertFalse(Report.search([('user_id', '=', self.user_b.id)]))
        self.assertTrue(self.env['sale.report'].sudo(self.user_m).search(
            [('user_id', '=', self.user_b.id)]))

    def test_path_join_a_territory_yourself(self):
        with self.assertRaises(AccessError):
            self.user_a.sudo(self.user_a).write(
                {'territory_ids': [(4, self.territory_b.id)]})
        with self.assertRaises(AccessError):
            self.territory_b.sudo(self.user_a).write(
                {'user_ids': [(4, self.user_a.id)]})
        with self.assertRaises(AccessError):
            self.env['crm.territory'].sudo(self.user_a).create({
                'name': 'RT mine', 'manager_id': self.user_a.id,
                'child_ids': [(4, self.territory_b.id)]})

    def test_path_sale_order_pdf(self):
        """The PDF itself (wkhtmltopdf renders the same HTML): refused before
        anything is rendered."""
        report = self.env.ref('sale.action_report_saleorder')
        with self.assertRaises((AccessError, QWebException)) as caught:
            report.sudo(self.user_a).render_qweb_pdf(self.order_b.ids)
        self.assertIn('security restrictions', str(caught.exception))

    def test_path_opportunity_report(self):
        Report = self.env['crm.opportunity.report'].sudo(self.user_a)
        self.assertFalse(Report.search([('id', '=', self.lead_b.id)]))
        groups = Report.read_group(
            [('id', 'in', self.leads.ids)], ['expected_revenue'], [])
        self.assertEqual(groups[0]['__count'], 1)

    def test_path_activity_report(self):
        Report = self.env['crm.activity.report'].sudo(self.user_a)
        self.assertFalse(Report.search([('lead_id', '=', self.lead_b.id)]))

    def test_path_forecast_report(self):
        Forecast = self.env['crm.territory.forecast'].sudo(self.user_a)
        self.assertFalse(Forecast.search([
            ('territory_id', '=', self.territory_b.id)]))
        groups = Forecast.read_group(
            [('territory_id', 'child_of', self.region.id)],
            ['open_amount', 'quota_amount'], [])
        self.assertEqual(groups[0]['open_amount'], 1000.0)
        self.assertEqual(groups[0]['quota_amount'], 500.0)

    def test_path_quota(self):
        Quota = self.env['crm.territory.quota'].sudo(self.user_a)
        self.assertEqual(Quota.search([('id', 'in', (
            self.quota_a | self.quota_b).ids)]), self.quota_a)
        with self.assertRaises(AccessError):
            Quota.browse(self.quota_b.id).read(['amount'])

    def test_path_partner_and_team_figures(self):
        """Counters computed on records A may read (the customer, the sales
        team) count only A's leads."""
        team = self.env['crm.team'].create({'name': 'RT Team'})
        self.leads.write({'partner_id': self.partner.id, 'team_id': team.id})
        partner = self.partner.sudo(self.user_a)
        self.assertEqual(partner.opportunity_count, 1)
        self.assertEqual(partner.meeting_count, 0)
        team = team.sudo(self.user_a)
        self.assertEqual(team.opportunities_count, 1)
        self.assertEqual(team.opportunities_amount, 500.0)

    def test_path_merge_wizard(self):
        """Merging A's opportunity with B's: the wizard sees A's only, and
        refuses to merge one opportunity; B's is untouched."""
        wizard = self.env['crm.merge.opportunity'].sudo(self.user_a).create({
            'opportunity_ids': [(6, 0, self.leads.ids)]})
        self.assertEqual(wizard.opportunity_ids.ids, self.lead_a.ids)
        with self.assertRaises((AccessError, UserError)):
            wizard.action_merge()
        self.assertTrue(self.lead_b.active)
        self.assertEqual(self.lead_b.name, 'RT bravo opportunity')

    def test_path_every_model_linked_to_a_lead(self):
        """Every stored many2one to crm.lead of every installed model (stage
        history, checklists, reports of other addons...): nothing of B's
        lead through it."""
        swept = []
        for name in sorted(self.env.registry.models):
            Model = self.env[name]
            if Model._abstract or Model._transient:
                continue
            for fname, field in sorted(Model._fields.items()):
                if field.type != 'many2one' or not field.store or \
                        field.comodel_name != 'crm.lead':
                    continue
                if not tools.table_kind(self.env.cr, Model._table):
                    continue
                swept.append('%s.%s' % (name, fname))
                try:
                    found = Model.sudo(self.user_a).search(
                        [(fname, '=', self.lead_b.id)])
                except AccessError:
                    continue  # no read access to the model at all
                self.assertFalse(found, '%s.%s shows B' % (name, fname))
        self.assertIn('crm.activity.report.lead_id', swept)

    # who sees what -------------------------------------------------------

    def test_unmatched_lead_of_a_salesperson_stays_theirs(self):
        lead = self.lead_as(self.user_a).create({'name': 'RT no address'})
        self.assertEqual(lead.territory_id, self.territory_a)
        self.assertEqual(lead.name, 'RT no address')

    def test_salesperson_creates_a_lead_of_their_territory(self):
        lead = self.lead_as(self.user_a).create({
            'name': 'RT new alpha', 'city': 'Redteam City A',
            'country_id': self.country_a.id})
        self.assertEqual(lead.territory_id, self.territory_a)
        self.assertFalse(lead.territory_manual)
        self.assertIn(self.user_a.partner_id, lead.message_partner_ids)

    def test_salesman_b_sees_only_b(self):
        self.assertEqual(self.lead_as(self.user_b).search(
            [('id', 'in', self.leads.ids)]), self.lead_b)

    def test_manager_sees_both(self):
        self.assertEqual(self.lead_as(self.user_m).search(
            [('id', 'in', self.leads.ids)]), self.leads)
        self.assertEqual(self.env['sale.order'].sudo(self.user_m).search(
            [('id', '=', self.order_b.id)]), self.order_b)
        groups = self.env['crm.territory.forecast'].sudo(
            self.user_m).read_group(
            [('territory_id', 'child_of', self.region.id)],
            ['open_amount', 'quota_amount'], [])
        self.assertEqual(groups[0]['open_amount'], 8000.0)
        self.assertEqual(groups[0]['quota_amount'], 9500.0)

    def test_manager_of_a_only_does_not_see_b(self):
        self.territory_a.manager_id = self.user_d.copy({
            'login': 'rt_manager_a',
            'groups_id': [(6, 0, [self.env.ref(
                'crm_territory_security.group_territory_manager').id])]})
        manager_a = self.territory_a.manager_id
        self.assertEqual(self.lead_as(manager_a).search(
            [('id', 'in', self.leads.ids)]), self.lead_a)

    def test_director_sees_everything(self):
        self.assertEqual(self.lead_as(self.user_d).search(
            [('id', 'in', self.leads.ids)]), self.leads)
        self.assertTrue(self.env['mail.activity'].sudo(self.user_d).search(
            [('id', '=', self.activity_b.id)]))

    def test_stock_salesperson_unaffected(self):
        """Users outside the territory groups keep crm's rules."""
        sales = self.env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'RT stock salesman', 'login': 'rt_stock',
                'groups_id': [(6, 0, [self.env.ref(
                    'sales_team.group_sale_salesman').id])]})
        self.lead_b.user_id = sales
        self.assertEqual(self.lead_as(sales).search(
            [('id', 'in', self.leads.ids)]), self.lead_b)

    def test_leaving_a_territory_removes_access_at_once(self):
        Lead = self.lead_as(self.user_a)
        self.assertEqual(Lead.search([('id', 'in', self.leads.ids)]),
                         self.lead_a)
        self.territory_a.write({'user_ids': [(3, self.user_a.id)]})
        self.assertFalse(Lead.search([('id', 'in', self.leads.ids)]))
        with self.assertRaises(AccessError):
            Lead.browse(self.lead_a.id).read(['name'])
        self.user_a.write({'territory_ids': [(4, self.territory_b.id)]})
        self.assertEqual(Lead.search([('id', 'in', self.leads.ids)]),
                         self.lead_b)

    def test_joining_the_group_restricts_at_once(self):
        """The rule's domain is cached per user: a group change clears it."""
        user = self.env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'RT all leads', 'login': 'rt_all_leads',
                'groups_id': [(6, 0, [self.env.ref(
                    'sales_team.group_sale_salesman_all_leads').id])]})
        Lead = self.lead_as(user)
        self.assertEqual(Lead.search([('id', 'in', self.leads.ids)]),
                         self.leads)
        user.write({'groups_id': [(4, self.env.ref(
            'crm_territory_security.group_territory_salesman').id)],
            'territory_ids': [(4, self.territory_a.id)]})
        self.assertEqual(Lead.search([('id', 'in', self.leads.ids)]),
                         self.lead_a)
        user.write({'groups_id': [(4, self.env.ref(
            'sales_team.group_sale_manager').id)]})
        self.assertEqual(Lead.search([('id', 'in', self.leads.ids)]),
                         self.leads, "a Sales Manager sees everything")

    def test_manager_leaving_removes_subtree_at_once(self):
        Lead = self.lead_as(self.user_m)
        self.assertEqual(len(Lead.search([('id', 'in', self.leads.ids)])), 2)
        self.region.manager_id = self.user_d
        self.assertFalse(Lead.search([('id', 'in', self.leads.ids)]))

    def test_archived_territory_keeps_its_access(self):
        self.territory_a.active = False
        self.assertEqual(self.lead_as(self.user_a).search(
            [('id', 'in', self.leads.ids)]), self.lead_a)

    def test_moving_a_territory_moves_access(self):
        other = self.env['crm.territory'].create({'name': 'RT Other'})
        self.territory_b.parent_id = other
        self.assertEqual(self.lead_as(self.user_m).search(
            [('id', 'in', self.leads.ids)]), self.lead_a)


class TestTerritoryRedTeamLinks(TerritoryCase):
    """A salesperson of A moves rows of their own lead onto B's lead (record
    rules are checked before a write): each write is refused after it, with
    the same error as a move onto a lead that does not exist, and nothing of
    it stays."""

    def missing_id(self, model):
        return self.env[model].search(
            [], order='id desc', limit=1).id + 1000

    def own_rows(self):
        """{model: (own row of A, the link field, B's target)}"""
        env = self.env
        lead = self.lead_as(self.user_a).browse(self.lead_a.id)
        message = lead.message_post(body='RT alpha note',
                                    message_type='comment')
        notified = self.lead_a.message_post(
            body='RT alpha news', message_type='comment',
            subtype='mail.mt_comment', partner_ids=self.user_a.partner_id.ids)
        notification = env['mail.notification'].search([
            ('mail_message_id', '=', notified.id),
            ('res_partner_id', '=', self.user_a.partner_id.id)])
        activity = env['mail.activity'].sudo(self.user_a).create({
            'res_model_id': env.ref('crm.model_crm_lead').id,
            'res_id': lead.id, 'summary': 'RT alpha call',
            'user_id': self.user_a.id})
        attachment = env['ir.attachment'].sudo(self.user_a).create({
            'name': 'rt_alpha.txt', 'datas': 'UlQgYWxwaGE=',
            'res_model': 'crm.lead', 'res_id': lead.id})
        order = env['sale.order'].sudo(self.user_a).create({
            'partner_id': self.partner.id, 'opportunity_id': lead.id,
            'order_line': [(0, 0, {
                'product_id': env.ref('product.product_product_1').id,
                'product_uom_qty': 1, 'price_unit': 10.0})]})
        event = env['calendar.event'].sudo(self.user_a).create({
            'name': 'RT alpha meeting', 'opportunity_id': lead.id,
            'start': '2030-02-01 10:00:00', 'stop': '2030-02-01 11:00:00',
            'partner_ids': [(6, 0, self.user_a.partner_id.ids)]})
        mail = env['mail.mail'].sudo(self.user_a).create({
            'subject': 'RT alpha offer', 'body_html': '<p>RT alpha</p>',
            'model': 'crm.lead', 'res_id': lead.id,
            'author_id': self.user_a.partner_id.id,
            'email_to': 'customer@example.com'})
        # the activity (re)subscribed A: their follower row, as it is now
        follower = env['mail.followers'].search([
            ('res_model', '=', 'crm.lead'), ('res_id', '=', lead.id),
            ('partner_id', '=', self.user_a.partner_id.id)])
        self.assertTrue(follower and notification and event.attendee_ids)
        return {
            'mail.followers': (follower, 'res_id', self.lead_b),
            'mail.message': (message, 'res_id', self.lead_b),
            'mail.activity': (activity, 'res_id', self.lead_b),
            'ir.attachment': (attachment, 'res_id', self.lead_b),
            'sale.order': (order, 'opportunity_id', self.lead_b),
            'sale.order.line': (order.order_line, 'order_id', self.order_b),
            'calendar.event': (event, 'opportunity_id', self.lead_b),
            'calendar.attendee': (event.attendee_ids, 'event_id',
                                  self.event_b),
            'mail.notification': (notification, 'mail_message_id',
                                  self.message_b),
            'mail.mail': (mail, 'mail_message_id', self.message_b),
        }

    def test_moving_own_rows_onto_a_foreign_lead(self):
        for model, (row, fname, foreign) in sorted(self.own_rows().items()):
            before = row[fname]
            mine = row.sudo(self.user_a)
            with self.assertRaises(AccessError, msg=model) as refused:
                mine.write({fname: foreign.id})
            with self.assertRaises(AccessError, msg=model) as missing:
                mine.write({fname: self.missing_id(foreign._name)})
            self.assertEqual(str(refused.exception), str(missing.exception),
                             model)
            row.invalidate_cache()
            self.assertEqual(row[fname], before, model)

    def test_moving_own_rows_within_the_territory(self):
        """The check does not refuse what the rules allow: rows moved to
        another lead of A."""
        other = self.env['crm.lead'].with_context(
            mail_create_nosubscribe=True).create({
                'name': 'RT alpha second', 'type': 'opportunity',
                'city': 'Redteam City A', 'country_id': self.country_a.id})
        rows = self.own_rows()
        for model in ('mail.followers', 'mail.message', 'mail.activity',
                      'ir.attachment'):
            row = rows[model][0]
            row.sudo(self.user_a).write({'res_id': other.id})
            self.assertEqual(row.res_id, other.id, model)
        for model in ('sale.order', 'calendar.event'):
            row = rows[model][0]
            row.sudo(self.user_a).write({'opportunity_id': other.id})
            self.assertEqual(row.opportunity_id, other, model)

    def test_planting_rows_on_a_missing_lead(self):
        """Created on B's lead or on a lead that does not exist: the same
        error."""
        env = self.env
        values = {
            'mail.followers': lambda lead_id: {
                'res_model': 'crm.lead', 'res_id': lead_id,
                'partner_id': self.user_a.partner_id.id},
            'mail.activity': lambda lead_id: {
                'res_model_id': env.ref('crm.model_crm_lead').id,
                'res_id': lead_id, 'summary': 'probe',
                'user_id': self.user_a.id},
            'ir.attachment': lambda lead_id: {
                'name': 'probe.txt', 'res_model': 'crm.lead',
                'res_id': lead_id},
            'sale.order': lambda lead_id: {
                'partner_id': self.partner.id, 'opportunity_id': lead_id},
            'calendar.event': lambda lead_id: {
                'name': 'probe', 'opportunity_id': lead_id,
                'start': '2030-02-01 10:00:00',
                'stop': '2030-02-01 11:00:00'},
        }
        missing = self.missing_id('crm.lead')
        for model, make in sorted(values.items()):
            Model = env[model].sudo(self.user_a)
            with self.assertRaises(AccessError, msg=model) as refused:
                Model.create(make(self.lead_b.id))
            with self.assertRaises(AccessError, msg=model) as absent:
                Model.create(make(missing))
            self.assertEqual(str(refused.exception), str(absent.exception),
                             model)

    # the INSERT or UPDATE the constraint refuses is the probe itself
    @tools.mute_logger('odoo.sql_db')
    def test_following_twice_tells_nothing_of_foreign_leads(self):
        """The unique constraint on followers fires in the INSERT, before
        the rules: a follower planted on B's lead for a partner who follows
        it, for one who does not, and on a missing lead get one error; on
        A's own lead, following twice is refused as Odoo words it."""
        Followers = self.env['mail.followers'].sudo(self.user_a)

        def plant(lead_id, partner):
            with self.assertRaises(AccessError) as caught:
                Followers.create({'res_model': 'crm.lead', 'res_id': lead_id,
                                  'partner_id': partner.id})
            return str(caught.exception)

        followed = plant(self.lead_b.id, self.partner)
        self.assertEqual(followed, plant(self.lead_b.id, self.user_a.partner_id))
        self.assertEqual(followed, plant(self.missing_id('crm.lead'),
                                         self.partner))
        self.lead_a.message_subscribe(partner_ids=self.partner.ids)
        with self.assertRaises(psycopg2.IntegrityError) as caught:
            Followers.create({'res_model': 'crm.lead',
                              'res_id': self.lead_a.id,
                              'partner_id': self.partner.id})
        self.assertIn('mail_followers_res_partner_res_model_id_uniq',
                      str(caught.exception))

    # the INSERT or UPDATE the constraint refuses is the probe itself
    @tools.mute_logger('odoo.sql_db')
    def test_moving_a_follower_onto_a_followed_foreign_lead(self):
        """The same on write: A's own follower moved to B's lead, which
        A's partner already follows (a follower left by an administrator)."""
        partner = self.user_a.partner_id
        self.lead_a.message_subscribe(partner_ids=partner.ids)
        self.lead_b.message_subscribe(partner_ids=partner.ids)
        follower = self.env['mail.followers'].search([
            ('res_model', '=', 'crm.lead'), ('res_id', '=', self.lead_a.id),
            ('partner_id', '=', partner.id)]).sudo(self.user_a)
        with self.assertRaises(AccessError) as followed:
            follower.write({'res_id': self.lead_b.id})
        with self.assertRaises(AccessError) as missing:
            follower.write({'res_id': self.missing_id('crm.lead')})
        self.assertEqual(str(followed.exception), str(missing.exception))
        self.assertEqual(follower.res_id, self.lead_a.id)

    def lead_as(self, user):
        return self.env['crm.lead'].sudo(user)


class TestTerritoryRedTeamMail(TerritoryCase):
    """Messages, attachments, notifications, followers and activities of
    B's lead, through the paths Odoo 11 leaves open: read_group, planted
    notifications, replies, and what a user keeps after leaving a
    territory."""

    def comment(self, lead, body, **kwargs):
        return lead.message_post(body=body, message_type='comment',
                                 subtype='mail.mt_comment', **kwargs)

    def test_read_group_of_message_bodies(self):
        """The issue's own call."""
        Message = self.env['mail.message'].sudo(self.user_a)
        groups = Message.read_group(
            [('model', '=', 'crm.lead')], ['body'], ['body'])
        self.assertNotIn('bravo secret', repr(groups))
        groups = Message.read_group(
            [('model', '=', 'crm.lead')], ['record_name'], ['record_name'])
        self.assertNotIn('RT bravo', repr(groups))

    def test_read_group_of_attachment_names_and_text(self):
        Attachment = self.env['ir.attachment'].sudo(self.user_a)
        for field in ('name', 'index_content'):
            groups = Attachment.read_group(
                [('res_model', '=', 'crm.lead')], [field], [field])
            self.assertNotIn('rt_bravo_secret', repr(groups), field)
            self.assertNotIn('RT bravo', repr(groups), field)
        self.assertEqual(self.attachment_b.index_content, 'RT bravo')

    def test_read_group_on_every_model(self):
        """Every model the red-team paths cover, grouped as a list view
        does: B's rows are there for the superuser, none for A."""
        env = self.env
        env['mail.notification'].create({
            'mail_message_id': self.message_b.id,
            'res_partner_id': self.user_b.partner_id.id})
        self.event_b.write({'partner_ids': [(4, self.user_b.partner_id.id)]})
        done = env['mail.activity'].create({
            'res_model_id': env.ref('crm.model_crm_lead').id,
            'res_id': self.lead_b.id, 'summary': 'RT bravo done',
            'activity_type_id': env.ref('mail.mail_activity_data_call').id,
            'user_id': self.user_b.id})
        done.action_feedback('RT bravo called')
        mail = env['mail.mail'].create({
            'subject': 'RT bravo offer', 'body_html': '<p>RT bravo</p>',
            'model': 'crm.lead', 'res_id': self.lead_b.id,
            'author_id': self.user_b.partner_id.id,
            'email_to': 'customer@example.com'})
        cases = [
            ('crm.lead', [('id', '=', self.lead_b.id)], 'name'),
            ('crm.opportunity.report', [('id', '=', self.lead_b.id)],
             'stage_id'),
            ('crm.activity.report', [('lead_id', '=', self.lead_b.id)],
             'subject'),
            ('mail.message', [('id', '=', self.message_b.id)], 'body'),
            ('mail.mail', [('id', '=', mail.id)], 'state'),
            ('mail.notification', [('mail_message_id', '=',
                                    self.message_b.id)], 'res_partner_id'),
            ('mail.followers', [('res_model', '=', 'crm.lead'),
                                ('res_id', '=', self.lead_b.id)],
             'partner_id'),
            ('mail.activity', [('id', '=', self.activity_b.id)], 'summary'),
            ('ir.attachment', [('id', '=', self.attachment_b.id)], 'name'),
            ('calendar.event', [('id', '=', self.event_b.id)], 'name'),
            ('calendar.attendee', [('event_id', '=', self.event_b.id)],
             'partner_id'),
            ('sale.order', [('id', '=', self.order_b.id)], 'name'),
            ('sale.order.line', [('order_id', '=', self.order_b.id)],
             'name'),
            ('sale.report', [('user_id', '=', self.user_b.id)], 'user_id'),
            ('crm.territory.forecast', [('territory_id', '=',
                                         self.territory_b.id)], 'user_id'),
            ('crm.territory.quota', [('id', '=', self.quota_b.id)],
             'user_id'),
        ]

        def count(user, model, domain, field):
            groups = env[model].sudo(user).read_group(
                domain, [field], [field], lazy=False)
            return sum(group['__count'] for group in groups)
        for case in cases:
            self.assertTrue(count(self.env.user, *case), case[0])
            self.assertEqual(count(self.user_a, *case), 0, case[0])

    def test_planted_notification(self):
        """A notification makes its message readable to its partner: one
        for oneself on B's message is refused."""
        with self.assertRaises(AccessError):
            self.env['mail.notification'].sudo(self.user_a).create({
                'mail_message_id': self.message_b.id,
                'res_partner_id': self.user_a.partner_id.id})
        with self.assertRaises(AccessError):
            self.env['mail.message'].sudo(self.user_a).browse(
                self.message_b.id).read(['body'])

    def test_reply_to_a_foreign_message(self):
        """The parent's label would show B's lead name."""
        lead = self.env['crm.lead'].sudo(self.user_a).browse(self.lead_a.id)
        with self.assertRaises(AccessError):
            lead.message_post(body='probe', message_type='comment',
                              parent_id=self.message_b.id)
        self.assertFalse(self.env['mail.message'].search(
            [('parent_id', '=', self.message_b.id)]))

    def test_messages_follow_the_lead_not_the_author(self):
        """Odoo 11 lets authors and recipients read a message whatever its
        document: a lead handed over to B takes its messages along."""
        lead = self.env['crm.lead'].sudo(self.user_a).browse(self.lead_a.id)
        mine = lead.message_post(body='RT alpha mine', message_type='comment')
        to_me = self.comment(self.lead_b, 'RT bravo to alpha',
                             partner_ids=self.user_a.partner_id.ids)
        self.lead_a.write({'territory_id': self.territory_b.id})
        Message = self.env['mail.message'].sudo(self.user_a)
        self.assertFalse(Message.search([('id', 'in', (mine | to_me).ids)]))
        for message in (mine, to_me):
            with self.assertRaises(AccessError):
                Message.browse(message.id).read(['body'])
        self.assertFalse(Message.message_fetch([('needaction', '=', True)]))

    def test_author_and_recipient_lose_a_message_of_a_foreign_lead(self):
        """Odoo 11's check of a message lets its author and recipients
        read it whatever its document; the chatter reads it with
        ``message_format`` (as superuser, after that check). Once the
        lead is handed over to B, the territory rules refuse it."""
        lead = self.env['crm.lead'].sudo(self.user_a).browse(self.lead_a.id)
        mine = lead.message_post(body='RT alpha mine', message_type='comment')
        to_me = self.comment(self.lead_a, 'RT alpha to me',
                             partner_ids=self.user_a.partner_id.ids)
        self.lead_a.write({'territory_id': self.territory_b.id})
        Message = self.env['mail.message'].sudo(self.user_a)
        for message in (mine, to_me):
            with self.assertRaises(AccessError):
                Message.browse(message.id).message_format()
            with self.assertRaises(AccessError):
                Message.browse(message.id).check_access_rule('read')

    def test_leaving_a_territory_unsubscribes(self):
        """Leaving removes access at once, also to what mail brings: no
        follower left, no unread notification (inbox), no new notification
        (nor email), no forecast."""
        partner = self.user_a.partner_id
        self.user_a.notification_type = 'inbox'
        self.lead_as(self.user_a, self.lead_a).message_subscribe_users()
        self.comment(self.lead_a, 'RT alpha before')
        Notification = self.env['mail.notification']
        unread = [('res_partner_id', '=', partner.id),
                  ('is_read', '=', False)]
        self.assertTrue(Notification.search(unread))
        self.territory_a.write({'user_ids': [(3, self.user_a.id)]})
        self.assertNotIn(partner, self.lead_a.message_partner_ids)
        self.assertFalse(Notification.search(unread))
        self.user_a.notification_type = 'email'
        after = self.comment(self.lead_a, 'RT alpha after')
        self.assertFalse(Notification.search([
            ('res_partner_id', '=', partner.id),
            ('mail_message_id', '=', after.id)]))
        self.assertFalse(self.env['crm.territory.forecast'].sudo(
            self.user_a).search([]))
        self.assertFalse(self.env['crm.territory.quota'].sudo(
            self.user_a).search([]))

    def test_removed_from_a_territory_on_the_user(self):
        partner = self.user_a.partner_id
        self.lead_as(self.user_a, self.lead_a).message_subscribe_users()
        self.user_a.write({'territory_ids': [(3, self.territory_a.id)]})
        self.assertNotIn(partner, self.lead_a.message_partner_ids)

    def test_lead_moved_away_unsubscribes_its_former_salesperson(self):
        """The region's manager moves A's lead to B: A no longer follows
        it; the manager, who may still read it, does."""
        self.lead_as(self.user_a, self.lead_a).message_subscribe_users()
        self.lead_as(self.user_m, self.lead_a).message_subscribe_users()
        self.lead_as(self.user_m, self.lead_a).write(
            {'territory_id': self.territory_b.id})
        self.assertEqual(self.lead_a.territory_id, self.territory_b)
        followers = self.lead_a.message_partner_ids
        self.assertNotIn(self.user_a.partner_id, followers)
        self.assertIn(self.user_m.partner_id, followers)
        self.lead_a.write({'country_id': self.country_a.id,
                           'city': 'Redteam City A',
                           'territory_manual_id': False})
        self.lead_as(self.user_a, self.lead_a).message_subscribe_users()
        self.lead_a.write({'city': 'Redteam City B',
                           'country_id': self.country_b.id})
        self.assertEqual(self.lead_a.territory_id, self.territory_b)
        self.assertNotIn(self.user_a.partner_id,
                         self.lead_a.message_partner_ids,
                         "moved by its address")

    def test_manager_replaced_unsubscribes(self):
        self.lead_as(self.user_m, self.lead_b).message_subscribe_users()
        self.region.manager_id = self.user_d
        self.assertNotIn(self.user_m.partner_id,
                         self.lead_b.message_partner_ids)

    def test_joining_the_territory_group_unsubscribes(self):
        """A salesperson who saw every lead joins the territory groups: they
        stop following the leads outside their territories."""
        user = self.env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'RT all leads', 'login': 'rt_all_leads_follower',
                'groups_id': [(6, 0, self.env.ref(
                    'sales_team.group_sale_salesman_all_leads').ids)]})
        self.lead_as(user, self.lead_a).message_subscribe_users()
        self.lead_as(user, self.lead_b).message_subscribe_users()
        user.write({'territory_ids': [(4, self.territory_a.id)],
                    'groups_id': [(4, self.env.ref(
                        'crm_territory_security.group_territory_salesman')
                        .id)]})
        self.assertIn(user.partner_id, self.lead_a.message_partner_ids)
        self.assertNotIn(user.partner_id, self.lead_b.message_partner_ids)

    def test_lead_moved_by_its_customers_tags(self):
        """A territory matching a partner tag: tagging the customer moves
        the lead, and its former salesperson stops following it."""
        tag = self.env['res.partner.category'].create({'name': 'RT key'})
        self.env['crm.territory'].create({
            'name': 'RT Key Accounts', 'priority': 90,
            'category_ids': [(6, 0, tag.ids)]})
        self.lead_a.partner_id = self.partner
        self.lead_as(self.user_a, self.lead_a).message_subscribe_users()
        self.partner.category_id = tag
        self.assertEqual(self.lead_a.territory_id.name, 'RT Key Accounts')
        self.assertNotIn(self.user_a.partner_id,
                         self.lead_a.message_partner_ids)

    def test_sales_manager_keeps_following(self):
        """Users outside the territory rules are not unsubscribed."""
        partner = self.user_d.partner_id
        self.lead_a.message_subscribe(partner_ids=partner.ids)
        self.lead_a.write({'territory_id': self.territory_b.id})
        self.assertIn(partner, self.lead_a.message_partner_ids)

    def lead_as(self, user, lead):
        return self.env['crm.lead'].sudo(user).browse(lead.id)


class TestTerritoryRedTeamMessageLinks(TerritoryCase):
    """A message of one's own lead that names rows of B's lead: its
    tracking values (B's stage and salesperson history) and attachments
    would show in ``message_format``, and ``(4, id)`` on the one2many
    would take the tracking rows off B's message."""

    def setUp(self):
        super(TestTerritoryRedTeamMessageLinks, self).setUp()
        self.lead_b.write({'stage_id': self.env.ref('crm.stage_lead2').id})
        self.tracking_b = self.env['mail.tracking.value'].search([
            ('mail_message_id.model', '=', 'crm.lead'),
            ('mail_message_id.res_id', '=', self.lead_b.id)])
        self.assertTrue(self.tracking_b)
        self.Message = self.env['mail.message'].sudo(self.user_a)

    def own_message(self, **values):
        values.update(model='crm.lead', res_id=self.lead_a.id, body='probe',
                      message_type='comment')
        return self.Message.create(values)

    def assert_tracking_stays_on_b(self):
        self.tracking_b.invalidate_cache()
        self.assertEqual(
            set(self.tracking_b.mapped('mail_message_id.res_id')),
            {self.lead_b.id})

    def test_create_with_foreign_tracking_values(self):
        for command in ([(4, self.tracking_b[0].id)],
                        [(6, 0, self.tracking_b.ids)]):
            with self.assertRaises(AccessError):
                self.own_message(tracking_value_ids=command)
        self.assert_tracking_stays_on_b()

    def test_write_of_tracking_values(self):
        message = self.own_message()
        for command in ([(4, self.tracking_b[0].id)],
                        [(6, 0, self.tracking_b.ids)],
                        [(0, 0, {'field': 'name', 'field_desc': 'Name',
                                 'field_type': 'char',
                                 'new_value_char': 'forged'})]):
            with self.assertRaises(AccessError):
                message.write({'tracking_value_ids': command})
        self.assert_tracking_stays_on_b()
        self.assertFalse(message.sudo().tracking_value_ids)

    def test_create_with_foreign_attachment(self):
        for command in ([(4, self.attachment_b.id)],
                        [(6, 0, self.attachment_b.ids)]):
            with self.assertRaises(AccessError):
                self.own_message(attachment_ids=command)
        message = self.own_message()
        with self.assertRaises(AccessError):
            message.write({'attachment_ids': [(4, self.attachment_b.id)]})
        self.assertFalse(message.sudo().attachment_ids)

    def test_message_post_with_foreign_attachment(self):
        lead = self.env['crm.lead'].sudo(self.user_a).browse(self.lead_a.id)
        with self.assertRaises(AccessError):
            lead.message_post(body='probe', message_type='comment',
                              attachment_ids=self.attachment_b.ids)
        self.assertFalse(self.env['mail.message'].search([
            ('attachment_ids', 'in', self.attachment_b.ids)]))
        self.assertEqual(self.attachment_b.res_id, self.lead_b.id)

    def test_chatter_still_posts_own_attachment_and_tracks(self):
        """The chatter uploads a file on mail.compose.message, then posts
        it; a stage change records its old and new values."""
        upload = self.env['ir.attachment'].sudo(self.user_a).create({
            'name': 'rt_alpha_offer.txt', 'datas_fname': 'offer.txt',
            'datas': 'UlQgYWxwaGE=', 'res_model': 'mail.compose.message',
            'res_id': 0})
        lead = self.env['crm.lead'].sudo(self.user_a).browse(self.lead_a.id)
        message = lead.message_post(body='RT alpha offer',
                                    message_type='comment',
                                    attachment_ids=upload.ids)
        formatted = message.message_format()[0]
        self.assertEqual([a['name'] for a in formatted['attachment_ids']],
                         ['rt_alpha_offer.txt'])
        lead.write({'stage_id': self.env.ref('crm.stage_lead3').id})
        tracked = self.Message.search([
            ('model', '=', 'crm.lead'), ('res_id', '=', self.lead_a.id),
            ('tracking_value_ids', '!=', False)])
        self.assertTrue(tracked)
        values = tracked.message_format()[0]['tracking_value_ids']
        self.assertIn('Stage', [value['changed_field'] for value in values])
