# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The ORM side: the user's ids in the context and nothing else, the
fields of the target model, the messages in the user's language, and a
refused text at evaluation time."""
import logging
import types

from odoo import fields, models
from odoo.tests.common import SavepointCase

from ..safe_domain import SafeDomainError
from ..safe_domain.context import ContextToday, WrappedModule
from .escapes import ESCAPES


class TestSafeDomainMixin(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestSafeDomainMixin, cls).setUpClass()
        env = cls.env
        cls.company_2 = env['res.company'].create({'name': 'SD Company 2'})
        cls.user = env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'SD User', 'login': 'sd_user',
                'company_id': env.user.company_id.id,
                'company_ids': [(6, 0, [env.user.company_id.id,
                                        cls.company_2.id])],
                'tz': 'Pacific/Kiritimati',
                'groups_id': [(6, 0, env.ref('base.group_user').ids)]})
        cls.Mixin = env['crm.safe.domain.mixin']

    def reason(self, text, model_name='res.partner'):
        with self.assertRaises(SafeDomainError) as caught:
            self.Mixin._safe_domain(text, model_name)
        return caught.exception.reason, caught.exception.detail

    def test_eval_context_holds_ids_and_no_record_nor_module(self):
        context = self.Mixin.sudo(self.user)._safe_domain_eval_context()
        self.assertEqual(context['uid'], self.user.id)
        self.assertEqual(context['user_id'], self.user.id)
        self.assertEqual(context['company_id'], self.user.company_id.id)
        self.assertEqual(sorted(context['company_ids']),
                         sorted(self.user.company_ids.ids))
        # the user's own date: UTC+14 is a day ahead of most of the world
        today = fields.Date.from_string(fields.Date.context_today(
            self.Mixin.with_context(tz='Pacific/Kiritimati')))
        self.assertEqual(context['context_today'](), today)
        for name, value in context.items():
            self.assertNotIsInstance(value, models.BaseModel, name)
            self.assertNotIsInstance(value, types.ModuleType, name)
            self.assertIsInstance(value, (
                int, list, WrappedModule, ContextToday, type), name)
            if isinstance(value, list):
                self.assertTrue(all(type(item) is int for item in value))
            if isinstance(value, type):
                self.assertEqual(name, 'relativedelta')

    def test_fields_of_the_model(self):
        self.assertEqual(
            self.Mixin._safe_domain(
                "['|', ('parent_id.country_id.code', '=', 'VN'), "
                "('category_id.name', 'ilike', 'vip'), "
                "('create_date', '>=', context_today())]", 'res.partner'),
            ['|', ('parent_id.country_id.code', '=', 'VN'),
             ('category_id.name', 'ilike', 'vip'),
             ('create_date', '>=', fields.Date.context_today(self.Mixin))])
        self.assertEqual(self.reason("[('no_such_field', '=', 1)]"),
                         ('field', 'no_such_field'))
        self.assertEqual(self.reason("[('parent_id.nope', '=', 1)]"),
                         ('field', 'parent_id.nope'))
        self.assertEqual(self.reason("[('name.id', '=', 1)]"),
                         ('path', 'name.id'))
        self.assertEqual(self.reason("[('contact_address', '=', 'x')]"),
                         ('not_searchable', 'contact_address'))
        self.assertEqual(self.reason("[('name', '=', 1)]"),
                         ('value_type', 'name'))
        self.assertEqual(self.reason("[('active', '=', 1)]"),
                         ('value_type', 'active'))
        self.assertEqual(self.reason("[('create_date', '>', 'yesterday')]"),
                         ('value_type', 'create_date'))
        # PostgreSQL's integer
        self.assertEqual(self.reason("[('id', 'in', [1, 2147483648])]"),
                         ('value_type', 'id'))
        self.assertEqual(self.reason("[('name', 'child_of', 1)]"),
                         ('hierarchy', 'name'))
        self.assertEqual(self.reason("[('country_id', 'parent_of', 1)]"),
                         ('hierarchy', 'country_id'))
        self.assertEqual(self.reason("[('id', 'child_of', 1)]", 'res.lang'),
                         ('hierarchy', 'id'))
        hierarchy = ['|', ('id', 'child_of', [1]), '|',
                     ('parent_id', 'parent_of', 1),
                     ('category_id', 'child_of', 1)]
        self.assertEqual(
            self.Mixin._safe_domain(repr(hierarchy), 'res.partner'),
            hierarchy)
        self.assertTrue(self.env['res.partner'].search(hierarchy))
        # the same domain suits another model, or not
        self.assertEqual(self.reason("[('login', '=', 'x')]"),
                         ('field', 'login'))
        self.assertEqual(self.Mixin._safe_domain(
            "[('login', '=', 'x')]", 'res.users'), [('login', '=', 'x')])

    def test_fields_the_author_may_not_read(self):
        """Domains are matched as the superuser: a field its author could
        not read would answer what it holds, record by record."""
        Mixin = self.Mixin.sudo(self.user)
        for text, path in (
                ("[('user_ids.password_crypt', '=like', '$pbkdf2%')]",
                 'user_ids.password_crypt'),
                ("[('user_ids.password', '!=', False)]",
                 'user_ids.password'),
                ("[('signup_token', '!=', False)]", 'signup_token'),
                ("[('user_ids.groups_id.rule_groups.name', '=', 'x')]",
                 'user_ids.groups_id.rule_groups.name')):
            with self.assertRaises(SafeDomainError) as caught:
                Mixin._safe_domain(text, 'res.partner')
            self.assertEqual(
                (caught.exception.reason, caught.exception.detail),
                ('private', path))
        # passwords are compared by nobody, the superuser included; what
        # was checked for its author is evaluated by the superuser
        for text in ("[('user_ids.password_crypt', '=like', '$%')]",
                     "[('password', '=', 'admin')]"):
            model = 'res.partner' if 'user_ids' in text else 'res.users'
            self.assertEqual(self.reason(text, model)[0], 'private')
        self.assertEqual(
            self.Mixin._safe_domain("[('signup_token', '!=', False)]",
                                    'res.partner'),
            [('signup_token', '!=', False)])
        self.assertEqual(
            Mixin._safe_domain("[('user_ids.login', '=', 'x')]",
                               'res.partner'), [('user_ids.login', '=', 'x')])

    def test_messages_in_the_users_language(self):
        self.env['res.lang'].load_lang('vi_VN')
        self.env['res.lang'].load_lang('zh_CN')
        self.env['ir.translation'].load_module_terms(
            ['crm_safe_domain'], ['vi_VN', 'zh_CN'])
        error = SafeDomainError('attribute', 'sudo')
        self.assertEqual(
            self.Mixin.with_context(lang='vi_VN')._safe_domain_error_message(
                error),
            "thuộc tính 'sudo' không được phép: chỉ được dùng các hàm đã "
            "liệt kê của datetime, time và dateutil, và strftime(), "
            "isoformat() và date() của một ngày")
        self.assertEqual(
            self.Mixin.with_context(lang='zh_CN')._safe_domain_error_message(
                SafeDomainError('not_list')), '域必须是条件列表')
        self.assertEqual(
            self.Mixin._safe_domain_error_message(
                SafeDomainError('name', 'user')),
            "the name 'user' is unknown; the names available are "
            "company_id, company_ids, context_today, datetime, dateutil, "
            "relativedelta, time, uid, user_id")
        # a message for every reason the engine and the mixin raise
        for reason in ('too_long', 'syntax', 'nested', 'dunder', 'format',
                       'lambda', 'comprehension', 'construct', 'name',
                       'attribute', 'call', 'evaluation', 'not_list', 'term',
                       'value', 'arity', 'operator', 'field', 'path',
                       'not_searchable', 'value_type', 'hierarchy',
                       'private'):
            for lang in ('vi_VN', 'zh_CN'):
                message = self.Mixin.with_context(
                    lang=lang)._safe_domain_error_message(
                        SafeDomainError(reason, 'x'))
                english = self.Mixin._safe_domain_error_message(
                    SafeDomainError(reason, 'x'))
                self.assertNotEqual(message, english, (reason, lang))

    def test_refused_at_evaluation(self):
        """A text that reached the database unchecked matches nothing:
        None, logged once with the reason (not the text)."""
        logger = 'odoo.addons.crm_safe_domain.models.crm_safe_domain_mixin'
        partner = self.env['res.partner'].create({'name': 'SD Partner'})
        for label, text in ESCAPES:
            with self.assertLogs(logger, 'WARNING') as logs:
                self.assertIsNone(
                    self.Mixin._safe_domain_or_none(text, 'res.partner'),
                    label)
            self.assertNotIn(text, '\n'.join(logs.output))
        # not suiting the model is not an error of the text: not logged
        with self.assertLogs(logger, 'WARNING') as logs:
            self.assertIsNone(self.Mixin._safe_domain_or_none(
                "[('login', '=', 'x')]", 'res.partner'))
            logging.getLogger(logger).warning('only this line')
        self.assertEqual(len(logs.output), 1)
        self.assertEqual(
            self.Mixin._safe_domain_or_none(
                "[('id', '=', %d)]" % partner.id, 'res.partner'),
            [('id', '=', partner.id)])
        self.assertEqual(
            self.env['res.partner'].search(self.Mixin._safe_domain_or_none(
                "[('id', '=', %d), ('create_date', '<=', datetime.datetime"
                ".now() + datetime.timedelta(days=1))]" % partner.id,
                'res.partner')), partner)
