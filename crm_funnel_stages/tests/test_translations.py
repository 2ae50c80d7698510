# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import SavepointCase

REFUSAL_VI = (
    "Chưa thể chuyển các tiềm năng sau sang %(stage)s cho đến khi đánh dấu "
    "đủ tiêu chí của giai đoạn hiện tại:\n%(what)s")
LEAD_LINE_VI = "%(lead)s (giai đoạn %(stage)s): %(what)s"


class TestTranslations(SavepointCase):
    """The sales teams in Vietnam and China read the addon in their
    language: the refusal of a stage gate and the labels of the screens."""

    @classmethod
    def setUpClass(cls):
        super(TestTranslations, cls).setUpClass()
        Lang = cls.env['res.lang']
        for code in ('vi_VN', 'zh_CN'):
            if not Lang.search([('code', '=', code)]):
                Lang.load_lang(code)
        cls.env['ir.translation'].load_module_terms(
            ['crm_funnel_stages'], ['vi_VN', 'zh_CN'])
        cls.team = cls.env['crm.team'].create({'name': 'Đội Hà Nội'})
        Stage = cls.env['crm.stage']
        cls.stage1 = Stage.create({
            'name': 'Xác nhận sơ bộ', 'sequence': 1, 'team_id': cls.team.id,
            'criterion_ids': [(0, 0, {
                'name': 'Đã xác nhận ngân sách', 'required': True})]})
        cls.stage2 = Stage.create({
            'name': 'Đề xuất', 'sequence': 2, 'team_id': cls.team.id})
        cls.salesman = cls.env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'Nguyễn Văn An', 'login': 'tr_salesman_vi',
                'email': 'an.nguyen@example.com', 'lang': 'vi_VN',
                'groups_id': [(6, 0, [
                    cls.env.ref('sales_team.group_sale_salesman').id])]})
        cls.lead = cls.env['crm.lead'].create({
            'name': 'Công ty Minh Phát', 'type': 'opportunity',
            'team_id': cls.team.id, 'stage_id': cls.stage1.id,
            'user_id': cls.salesman.id})

    def test_refusal_in_vietnamese(self):
        with self.assertRaises(UserError) as refusal:
            self.lead.sudo(self.salesman).write({'stage_id': self.stage2.id})
        expected = REFUSAL_VI % {
            'stage': 'Đề xuất',
            'what': LEAD_LINE_VI % {
                'lead': 'Công ty Minh Phát', 'stage': 'Xác nhận sơ bộ',
                'what': 'Đã xác nhận ngân sách'}}
        self.assertEqual(refusal.exception.name, expected)
        self.assertEqual(self.lead.stage_id, self.stage1)

    def test_field_label_in_vietnamese(self):
        fields = self.env['crm.stage'].with_context(
            lang='vi_VN').fields_get(['criterion_ids'])
        self.assertEqual(fields['criterion_ids']['string'],
                         'Tiêu chí chuyển giai đoạn')

    def test_field_label_in_chinese(self):
        fields = self.env['crm.stage'].with_context(
            lang='zh_CN').fields_get(['criterion_ids'])
        self.assertEqual(fields['criterion_ids']['string'], '退出标准')

    def test_refusal_in_chinese(self):
        self.salesman.lang = 'zh_CN'
        with self.assertRaises(UserError) as refusal:
            self.lead.sudo(self.salesman).write({'stage_id': self.stage2.id})
        self.assertTrue(refusal.exception.name.startswith('以下线索须先勾选'),
                        refusal.exception.name)

    def test_foreign_lead_refusal_in_vietnamese(self):
        # a lead of nobody the salesman may change: no lead at all
        Check = self.env['crm.lead.criterion.check'].sudo(self.salesman)
        self.env.cr.execute('SELECT MAX(id) + 1000 FROM crm_lead')
        with self.assertRaises(AccessError) as refusal:
            Check.create({'lead_id': self.env.cr.fetchone()[0],
                          'criterion_id': self.stage1.criterion_ids.id})
        self.assertEqual(
            refusal.exception.name,
            "Tiềm năng không tồn tại hoặc bạn không được phép thay đổi nó.")

    def test_team_of_alike_stages_in_vietnamese(self):
        """Two stages of one name in the funnel carry their team, in the
        salesperson's language."""
        shared = self.env['crm.stage'].create({
            'name': 'Xác nhận sơ bộ', 'sequence': 3})
        self.env['crm.lead'].create({
            'name': 'Công ty Hải Đăng', 'type': 'opportunity',
            'stage_id': shared.id, 'user_id': self.salesman.id})
        data = self.env['crm.lead'].sudo(self.salesman).get_funnel_data(
            [('user_id', '=', self.salesman.id)])
        labels = {stage['stage_id']: stage['label']
                  for stage in data['stages']}
        self.assertEqual(labels[self.stage1.id], 'Xác nhận sơ bộ (Đội Hà Nội)')
        self.assertEqual(labels[shared.id], 'Xác nhận sơ bộ (tất cả các đội)')

    def test_team_options_in_chinese(self):
        fields = self.env['crm.team'].with_context(lang='zh_CN').fields_get(
            ['show_shared_stages', 'funnel_chart'])
        self.assertEqual(fields['show_shared_stages']['string'],
                         '同时显示共用阶段')
        self.assertEqual(fields['funnel_chart']['string'], '销售漏斗图表')
        self.assertEqual(dict(fields['funnel_chart']['selection']),
                         {'bars': '柱状图', 'funnel': '漏斗'})
