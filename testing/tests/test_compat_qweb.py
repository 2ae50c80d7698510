"""QWeb compiles its generated (Python 3.5 dialect) AST on 3.11."""
from odoo.tests.common import TransactionCase


class TestQwebRendering(TransactionCase):

    def test_render_template_with_loops_conditions_and_escaping(self):
        view = self.env['ir.ui.view'].create({
            'name': 'crm_suite_compat_probe',
            'type': 'qweb',
            'arch': '''<t t-name="crm_suite_compat_probe">
                <ul><t t-foreach="leads" t-as="lead">
                    <li t-att-class="'won' if lead['won'] else None"
                        t-esc="'%s (%s)' % (lead['name'], lead_index)"/>
                </t></ul>
                <p t-if="not leads">none</p><p t-else="">total <t t-esc="len(leads)"/></p>
            </t>''',
        })
        html = view.render({'leads': [
            {'name': u'Nguyễn Văn An', 'won': True},
            {'name': u'<b>张伟</b>', 'won': False},
        ]}).decode('utf-8')
        self.assertIn(u'<li class="won">Nguyễn Văn An (0)</li>', html)
        self.assertIn(u'<li>&lt;b&gt;张伟&lt;/b&gt; (1)</li>', html)
        self.assertIn(u'total 2', html)

    def test_odoo_mail_template_renders(self):
        # the notification a salesperson gets when a lead is assigned to them
        lead = self.env['crm.lead'].create({'name': u'Đơn hàng Hà Nội'})
        html = self.env['ir.qweb'].render('mail.message_user_assigned', {
            'object': lead, 'model_description': 'Lead',
            'access_link': '/mail/view?model=crm.lead&res_id=%d' % lead.id,
        }).decode('utf-8')
        self.assertIn(u'Đơn hàng Hà Nội', html)
