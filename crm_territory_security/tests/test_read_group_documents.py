# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""read_group on messages and attachments gives the rows search gives, to
users outside the territory groups too: a salesperson who reads only their
own leads does not read another salesperson's lead's messages and files
through a grouped view (Odoo 11 applies the record rules alone there)."""
import base64

from odoo.tests.common import SavepointCase


class TestReadGroupDocuments(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestReadGroupDocuments, cls).setUpClass()
        env = cls.env
        Users = env['res.users'].with_context(
            no_reset_password=True, mail_create_nosubscribe=True)
        own = env.ref('sales_team.group_sale_salesman')

        def user(login):
            return Users.create({
                'name': 'RG %s' % login, 'login': login,
                'email': '%s@example.com' % login,
                'groups_id': [(6, 0, own.ids)]})

        cls.mine_user, cls.other_user = user('rg_mine'), user('rg_other')
        Lead = env['crm.lead'].with_context(mail_create_nosubscribe=True)
        cls.mine = Lead.create({'name': 'RG mine',
                                'user_id': cls.mine_user.id})
        cls.theirs = Lead.create({'name': 'RG theirs',
                                  'user_id': cls.other_user.id})
        for lead, word in ((cls.mine, 'visible'), (cls.theirs, 'secret')):
            lead.message_post(body='RG %s body' % word,
                              subject='RG %s subject' % word)
            env['ir.attachment'].create({
                'name': 'rg-%s.txt' % word, 'res_model': 'crm.lead',
                'res_id': lead.id,
                'datas': base64.b64encode(b'RG %s text' % word.encode())})

    def grouped(self, model, domain, field):
        groups = self.env[model].sudo(self.mine_user).read_group(
            domain, [field], [field])
        return ' '.join('%s' % group[field] for group in groups)

    def test_messages(self):
        for field in ('body', 'subject', 'record_name'):
            seen = self.grouped('mail.message', [('model', '=', 'crm.lead')],
                                field)
            self.assertNotIn('secret', seen, field)
            self.assertNotIn('RG theirs', seen, field)
        self.assertIn('RG visible body', self.grouped(
            'mail.message', [('model', '=', 'crm.lead')], 'body'))

    def test_attachments(self):
        for field in ('name', 'datas_fname', 'index_content', 'res_name'):
            seen = self.grouped('ir.attachment',
                                [('res_model', '=', 'crm.lead')], field)
            self.assertNotIn('secret', seen, field)
            self.assertNotIn('RG theirs', seen, field)
        self.assertIn('rg-visible.txt', self.grouped(
            'ir.attachment', [('res_model', '=', 'crm.lead')], 'name'))

    def test_counts_match_search(self):
        for model, domain in (
                ('mail.message', [('model', '=', 'crm.lead'),
                                  ('res_id', 'in', (self.mine |
                                                    self.theirs).ids)]),
                ('ir.attachment', [('res_model', '=', 'crm.lead'),
                                   ('res_id', 'in', (self.mine |
                                                     self.theirs).ids)])):
            Model = self.env[model].sudo(self.mine_user)
            total = sum(group['res_id_count'] if 'res_id_count' in group
                        else group['__count'] for group in Model.read_group(
                            domain, ['res_id'], ['res_id']))
            self.assertEqual(total, Model.search_count(domain), model)
