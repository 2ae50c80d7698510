# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64

from lxml import etree

from odoo.exceptions import UserError, ValidationError

from .card_images import ENGLISH_CARD, render_card_b64
from .common import LeadsExtCase


class TestTranslations(LeadsExtCase):
    """The sales teams in Vietnam and China read the addon in their
    language: the refusal of an escalation, the chatter note the parent
    team's leader gets, a wrong assignment rule, the filters of the
    lead search views, the business card form's refusals and the lead
    import's refusals, labels and report. Each user works with the
    context the web client sends (their language), or with none, as over
    XML-RPC."""

    @classmethod
    def setUpClass(cls):
        super(TestTranslations, cls).setUpClass()
        for code in ('vi_VN', 'zh_CN'):
            cls.env['res.lang'].load_lang(code)
        # crm's own terms too: the search views mix its filters with ours;
        # crm_safe_domain says why a rule's domain is refused
        cls.env['ir.translation'].load_module_terms(
            ['crm', 'crm_safe_domain', 'crm_leads_ext'], ['vi_VN', 'zh_CN'])
        cls.seller_vi = cls._user('tr_seller_vi')
        cls.seller_zh = cls._user('tr_seller_zh')
        cls.manager_vi = cls._user(
            'tr_manager_vi', cls.env.ref('sales_team.group_sale_manager'))
        cls.manager_zh = cls._user(
            'tr_manager_zh', cls.env.ref('sales_team.group_sale_manager'))
        for user, lang, name in (
                (cls.seller_vi, 'vi_VN', 'Nguyễn Văn An'),
                (cls.seller_zh, 'zh_CN', '王伟'),
                (cls.manager_vi, 'vi_VN', 'Trần Thị Bình'),
                (cls.manager_zh, 'zh_CN', '李娜')):
            user.write({'lang': lang, 'name': name})
        cls.team_orphan = cls.Team.create({
            'name': 'Đội Đà Nẵng',
            'member_ids': [(6, 0, (cls.seller_vi | cls.seller_zh).ids)]})
        cls.team_head = cls.Team.create({
            'name': '华东区', 'user_id': cls.manager_zh.id})
        cls.team_branch = cls.Team.create({
            'name': '上海分部', 'parent_id': cls.team_head.id})
        cls.lead_vi = cls.Lead.create({
            'name': 'Công ty Minh Phát', 'team_id': cls.team_orphan.id,
            'user_id': cls.seller_vi.id})
        cls.lead_zh = cls.Lead.create({
            'name': '上海华信贸易', 'team_id': cls.team_orphan.id,
            'user_id': cls.seller_zh.id})

    def _escalate(self, user, leads, reason):
        """The escalation wizard as the web client runs it for ``user``."""
        wizard = self.env['crm.lead.escalate'].sudo(user).with_context(
            lang=user.lang, active_model='crm.lead',
            active_ids=leads.ids).create({'reason': reason})
        return wizard.action_escalate()

    def test_escalation_refused_in_vietnamese(self):
        with self.assertRaises(UserError) as refusal:
            self._escalate(self.seller_vi, self.lead_vi,
                           'Khách hàng xin giảm giá 20%')
        self.assertEqual(
            refusal.exception.name,
            'Không thể chuyển các tiềm năng sau lên cấp trên vì đội bán '
            'hàng của chúng không có đội cấp trên (hoặc chúng chưa thuộc '
            'đội nào): Công ty Minh Phát')
        self.assertEqual(self.lead_vi.team_id, self.team_orphan)
        self.assertFalse(self.lead_vi.escalation_ids)

    def test_escalation_refused_in_chinese(self):
        with self.assertRaises(UserError) as refusal:
            self._escalate(self.seller_zh, self.lead_zh, '客户要求更大折扣')
        self.assertEqual(
            refusal.exception.name,
            '以下线索无法升级，其销售团队没有上级团队（或线索未分配团队）：'
            '上海华信贸易')
        self.assertEqual(self.lead_zh.team_id, self.team_orphan)

    def test_escalation_without_reason_in_vietnamese(self):
        with self.assertRaises(UserError) as refusal:
            self.lead_vi.sudo(self.seller_vi)._escalate('  ')
        self.assertEqual(refusal.exception.name,
                         'Hãy nhập lý do chuyển cấp.')

    def test_escalation_note_in_chinese(self):
        """The Chinese salesperson escalates: the note in the chatter,
        which the leader of the parent team receives, is in Chinese."""
        self.team_branch.member_ids = self.seller_zh
        self.lead_zh.team_id = self.team_branch
        self._escalate(self.seller_zh, self.lead_zh, '客户要求更大折扣')
        self.assertEqual(self.lead_zh.team_id, self.team_head)
        note = self.lead_zh.message_ids.filtered(
            lambda m: m.message_type == 'comment')[:1]
        self.assertEqual(note.subject, '线索已升级')
        self.assertIn('<p>已从 <b>上海分部</b> 升级至 <b>华东区</b>。</p>',
                      note.body)
        self.assertIn(self.manager_zh.partner_id, note.partner_ids)

    def _rule(self, manager, domain):
        return self.env['crm.lead.assignment.rule'].sudo(manager).create({
            'name': 'Khách VIP', 'team_id': self.team_orphan.id,
            'domain': domain})

    def test_rule_domain_error_in_chinese(self):
        # no context, as over XML-RPC: the user's own language applies
        with self.assertRaises(ValidationError) as error:
            self._rule(self.manager_zh, "'planned_revenue > 1000'")
        self.assertEqual(error.exception.name,
                         '分配规则“Khách VIP”的域无效：域必须是条件列表')

    def test_rule_domain_error_in_vietnamese(self):
        with self.assertRaises(ValidationError) as error:
            self._rule(self.manager_vi, "'planned_revenue > 1000'")
        self.assertEqual(
            error.exception.name,
            "Điều kiện (domain) của quy tắc phân công 'Khách VIP' không hợp "
            "lệ: domain phải là một danh sách điều kiện")

    def _filters(self, xml_id, lang):
        arch = self.Lead.sudo(self.seller_vi).with_context(
            lang=lang).fields_view_get(
                view_id=self.env.ref(xml_id).id, view_type='search')['arch']
        return {node.get('name'): node
                for node in etree.fromstring(arch).iter('filter')}

    def test_lead_filters_in_vietnamese(self):
        filters = self._filters('crm.view_crm_case_leads_filter', 'vi_VN')
        labels = {name: filters[name].get('string') for name in (
            'new', 'unassigned', 'assigned', 'without_campaign',
            'groupby_priority', 'groupby_assignment_rule')}
        self.assertEqual(labels, {
            'new': 'Mới',
            'unassigned': 'Chưa được phân công',
            'assigned': 'Đã phân công',
            'without_campaign': 'Không có chiến dịch',
            'groupby_priority': 'Mức ưu tiên',
            'groupby_assignment_rule': 'Quy tắc phân công'})
        self.assertEqual(
            filters['assigned'].get('help'),
            'Tiềm năng đã có nhân viên bán hàng, nhóm theo nhân viên bán '
            'hàng')

    def test_opportunity_filters_in_chinese(self):
        filters = self._filters('crm.view_crm_case_opportunities_filter',
                                'zh_CN')
        labels = {name: filters[name].get('string') for name in (
            'new', 'unassigned', 'assigned', 'without_campaign')}
        self.assertEqual(labels, {
            'new': '新建', 'unassigned': '未分派', 'assigned': '已分派',
            'without_campaign': '无营销'})
        self.assertEqual(filters['new'].get('help'), '仍处于管道第一阶段的商机')

    def test_field_labels(self):
        Lead = self.env['crm.lead']
        self.assertEqual(
            Lead.with_context(lang='vi_VN').fields_get(
                ['escalation_ids'])['escalation_ids']['string'],
            'Các lần chuyển cấp')
        self.assertEqual(
            self.env['crm.team'].with_context(lang='zh_CN').fields_get(
                ['parent_id'])['parent_id']['string'], '上级团队')
        takeover = self.env['crm.team'].with_context(
            lang='vi_VN').fields_get(
                ['escalation_takeover'])['escalation_takeover']
        self.assertEqual(takeover['string'],
                         'Khi chuyển cấp, đội cấp trên tiếp nhận tiềm năng')
        self.assertIn('trưởng nhóm của đội cấp trên', takeover['help'])

    def test_escalation_list_help(self):
        """The escalation list says what it is for while it is empty, in
        the user's language."""
        action = self.env.ref('crm_leads_ext.crm_lead_escalation_action')
        for lang, text in (('en_US', 'No lead has been escalated yet.'),
                           ('vi_VN', 'Chưa có tiềm năng nào được chuyển lên '
                                     'cấp trên.'),
                           ('zh_CN', '尚无线索升级。')):
            helps = action.sudo(self.seller_vi).with_context(
                lang=lang).read(['help'])[0]['help']
            self.assertIn(text, helps)
            self.assertEqual(helps.count('<p>'), 2)

    # -- business cards -------------------------------------------------

    def _card(self, user, values):
        """The business card form as the web client opens it for
        ``user``."""
        return self.env['crm.lead.business.card'].sudo(user).with_context(
            lang=user.lang).create(values)

    def test_business_card_without_contact_in_vietnamese(self):
        wizard = self._card(self.seller_vi, {
            'city': 'Đà Nẵng', 'description': 'Gặp ở hội chợ Đà Nẵng'})
        with self.assertRaises(UserError) as refusal:
            wizard.action_create_lead()
        self.assertEqual(
            refusal.exception.name,
            'Hãy nhập ít nhất tên liên hệ, công ty hoặc địa chỉ email.')
        self.assertFalse(self.Lead.search(
            [('description', '=', 'Gặp ở hội chợ Đà Nẵng')]))

    def test_business_card_not_a_photo_in_chinese(self):
        wizard = self._card(self.seller_zh, {
            'contact_name': '刘洋', 'partner_name': '杭州明远科技',
            'card_image': base64.b64encode(b'%PDF-1.4 not a photo'),
            'card_filename': '名片.pdf'})
        with self.assertRaises(UserError) as refusal:
            wizard.action_create_lead()
        self.assertEqual(
            refusal.exception.name,
            '上传的文件不是可读取的图片（应为名片的 JPEG 或 PNG 照片）。')
        self.assertFalse(self.Lead.search(
            [('partner_name', '=', '杭州明远科技')]))

    def test_business_card_website_in_vietnamese(self):
        """A website read on the card that is no web address is left out,
        and a typed one refused, in Vietnamese."""
        wizard = self._card(self.seller_vi, {
            'card_image': render_card_b64(ENGLISH_CARD[:-1] + (
                'Web: http://intranet/crm',)),
            'ocr_language': 'eng'})
        wizard.action_read_card()
        self.assertEqual(
            wizard.refused_note,
            'Trang web đọc được trên danh thiếp, http://intranet/crm, không '
            'phải là địa chỉ web (http hoặc https): đã bỏ qua.')
        wizard.website = 'ftp://files.northwind.co.uk'
        with self.assertRaises(UserError) as refusal:
            wizard.action_create_lead()
        self.assertEqual(
            refusal.exception.name,
            "'ftp://files.northwind.co.uk' không phải là địa chỉ web (http "
            "hoặc https)")

    def test_business_card_lead_given_away_in_chinese(self):
        """The assignment rules give the card's lead to a team the
        salesperson does not see: the form says so, in Chinese."""
        elsewhere = self.Team.create({
            'name': '宁波组', 'member_ids': [(6, 0, self.manager_zh.ids)]})
        self.env['crm.lead.assignment.rule'].create({
            'name': '名片转宁波组', 'sequence': 0,
            'domain': "[('contact_name', '=', '赵磊')]",
            'team_id': elsewhere.id,
            'user_ids': [(6, 0, self.manager_zh.ids)]})
        wizard = self._card(self.seller_zh, {
            'contact_name': '赵磊', 'partner_name': '宁波海通'})
        wizard.action_create_lead()
        self.assertEqual(
            wizard.created_note,
            '线索"宁波海通 - 赵磊"已创建；分配规则已将其分给您无法查看其线索的'
            '团队或销售员。')

    # -- lead import ----------------------------------------------------

    def _import(self, manager, data, **values):
        """A lead import as the web client creates it for ``manager``."""
        vals = {'file': base64.b64encode(data),
                'file_name': 'danh-sach.csv',
                'team_id': self.team_orphan.id}
        vals.update(values)
        return self.env['crm.lead.import'].sudo(manager).with_context(
            lang=manager.lang).create(vals)

    def test_empty_import_file_in_vietnamese(self):
        wizard = self._import(self.manager_vi, b'')
        with self.assertRaises(UserError) as refusal:
            wizard.action_load_file()
        self.assertEqual(refusal.exception.name, 'Tệp trống.')
        self.assertEqual(wizard.state, 'draft')
        self.assertFalse(wizard.line_ids)

    def test_blank_import_file_in_chinese(self):
        # read by the import's reader, not refused before it
        wizard = self._import(self.manager_zh, b'\n \n',
                              file_name='名单.csv')
        with self.assertRaises(UserError) as refusal:
            wizard.action_load_file()
        self.assertEqual(refusal.exception.name, '文件为空。')

    def test_wrong_separator_in_chinese(self):
        """A list saved with semicolons, read with commas: one column,
        and the separator the user chose named in Chinese."""
        data = '联系人;公司;邮箱\n王伟;上海华信贸易;wang@huaxin.cn\n'.encode()
        wizard = self._import(self.manager_zh, data, file_name='名单.csv',
                              separator=',')
        with self.assertRaises(UserError) as refusal:
            wizard.action_load_file()
        self.assertEqual(
            refusal.exception.name,
            '映射中没有必需的列：文件需要有电子邮件、电话、手机、公司或联系人'
            '姓名中的一列。以分隔符逗号（,）读取到 1 列（联系人;公司;邮箱）；'
            '如果文件使用其他分隔符，请选择该分隔符后重新读取文件。')

    def test_import_report_in_vietnamese(self):
        """The result and the downloadable per-row report speak
        Vietnamese: the columns, each row's outcome and its reason."""
        data = ('Contact Name,Company,Email\n'
                'Lê Văn Hùng,Công ty Hoàng Long,hung@hoanglong.vn\n'
                'Phạm Thu Hà,Công ty Bình Minh,ha@@binhminh\n').encode()
        wizard = self._import(self.manager_vi, data, title_mode='company')
        wizard.action_load_file()
        wizard.with_context(crm_lead_import_foreground=True).action_import()
        self.assertEqual(
            wizard.result_message,
            'Đã tạo 1, đã cập nhật 0, đã bỏ qua 0, bị lỗi 1.')
        self.assertEqual(wizard.report_file_name, 'danh-sach-bao-cao.csv')
        lines = base64.b64decode(wizard.report_file).decode(
            'utf-8-sig').splitlines()
        self.assertEqual(lines[0], '"Dòng","Kết quả","ID tiềm năng",'
                         '"Thông báo","Công ty","Tên liên hệ",'
                         '"Địa chỉ email","Tiêu đề tiềm năng (công ty)"')
        self.assertTrue(lines[1].startswith('"2","đã tạo","'))
        self.assertTrue(lines[1].endswith('"Công ty Hoàng Long"'))
        self.assertEqual(
            lines[2], '"3","bị lỗi","","\'ha@@binhminh\' không phải là '
            'địa chỉ email hợp lệ","Công ty Bình Minh","Phạm Thu Hà",'
            '"ha@@binhminh",""')

    def test_import_field_labels(self):
        """The import form's labels and choices, as fields_get gives
        them to the web client."""
        fields_vi = self.env['crm.lead.import'].with_context(
            lang='vi_VN').fields_get(['duplicate_policy', 'separator'])
        self.assertEqual(fields_vi['duplicate_policy']['string'],
                         'Trùng lặp')
        self.assertEqual(dict(fields_vi['duplicate_policy']['selection']), {
            'skip': 'Bỏ qua bản trùng lặp',
            'update': 'Cập nhật tiềm năng đã có',
            'create': 'Vẫn tạo mới'})
        self.assertEqual(fields_vi['separator']['string'], 'Dấu phân cách')
        fields_zh = self.env['crm.lead.import'].with_context(
            lang='zh_CN').fields_get(['encoding', 'rows_done'])
        self.assertEqual(fields_zh['encoding']['string'], '编码')
        self.assertEqual(
            dict(fields_zh['encoding']['selection'])['windows-1258'],
            'Windows-1258（越南语）')
        self.assertEqual(fields_zh['rows_done']['string'], '已处理行数')

    def test_web_client_terms(self):
        """The Business Card button of the lead views and the states of the
        import's progress bar are translated in the browser (_t): their
        terms are among those the web client loads (marked openerp-web)."""
        for lang, expected in (
                ('vi_VN', {
                    'Business Card': 'Danh thiếp',
                    'Enter a lead from a business card, or read it from a '
                    'photo': 'Nhập tiềm năng từ danh thiếp, hoặc đọc từ ảnh '
                             'chụp',
                    'Waiting for a background worker...':
                        'Đang chờ tiến trình chạy nền...',
                    'Importing...': 'Đang nhập...',
                    'Done': 'Hoàn tất',
                    'Failed': 'Bị lỗi'}),
                ('zh_CN', {
                    'Business Card': '名片',
                    'Enter a lead from a business card, or read it from a '
                    'photo': '根据名片录入线索，或从照片中识别',
                    'Waiting for a background worker...': '正在等待后台进程...',
                    'Importing...': '正在导入...',
                    'Done': '已完成',
                    'Failed': '失败'})):
            terms = self.env['ir.translation'].search_read([
                ('module', '=', 'crm_leads_ext'), ('lang', '=', lang),
                ('comments', 'like', 'openerp-web'), ('value', '!=', '')],
                ['src', 'value'])
            loaded = {term['src']: term['value'] for term in terms}
            self.assertEqual({src: loaded.get(src) for src in expected},
                             expected)
