# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import io
import os
import textwrap

from odoo.tests.common import SavepointCase
from odoo.tools.convert import convert_xml_import

README = os.path.join(os.path.dirname(os.path.dirname(__file__)),
                      'README.rst')


def readme_xml_example():
    """The literal block under the README's ``.. code-block:: xml``."""
    with open(README, encoding='utf-8') as readme:
        lines = readme.read().splitlines()
    start = lines.index('.. code-block:: xml') + 1
    block = []
    for line in lines[start:]:
        if line.strip() and not line.startswith(' '):
            break
        block.append(line)
    return textwrap.dedent('\n'.join(block)).strip() + '\n'


class TestReadmeExample(SavepointCase):
    """The consultant's funnel shown in the README loads as data of a module
    of theirs, and the wizard turns it into working stages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        example = io.BytesIO(readme_xml_example().encode('utf-8'))
        # Odoo names the file in its log lines and errors.
        example.name = README
        convert_xml_import(cls.env.cr, 'consultant_funnel', example,
                           idref={}, mode='init', noupdate=False)
        cls.template = cls.env.ref('consultant_funnel.funnel_solar')
        cls.team = cls.env['crm.team'].create({'name': 'Solar team'})

    def test_example_loads_as_a_template(self):
        self.assertEqual(self.template.name, 'Solar roof projects')
        self.assertEqual(self.template.stage_ids.mapped('name'), [
            'Site visit', 'Quote sent', 'Contract signed', 'Dropped'])
        # Nothing is created in the pipeline until the wizard runs.
        self.assertFalse(self.env['crm.stage'].search(
            [('name', '=', 'Site visit')]))

    def test_wizard_creates_the_stages(self):
        self.env['crm.funnel.template.load'].create({
            'template_id': self.template.id,
            'team_id': self.team.id,
        }).action_load()
        stages = self.env['crm.stage'].search(
            [('team_id', '=', self.team.id)])
        self.assertEqual(stages.mapped('name'), [
            'Site visit', 'Quote sent', 'Contract signed', 'Dropped'])
        self.assertEqual(stages.mapped('probability'), [15, 45, 100, 0])
        self.assertEqual(stages.filtered('fold').mapped('name'), ['Dropped'])
        visit, quote, signed, dropped = stages
        self.assertEqual(
            [(c.name, c.required) for c in visit.criterion_ids],
            [('Roof surveyed', True), ('Electricity bill received', False)])
        self.assertEqual(visit.criterion_ids[0].description,
                         'Orientation, pitch and shading measured on site.')
        self.assertEqual(quote.criterion_ids.mapped('name'),
                         ['Financing agreed'])
        self.assertEqual(quote.requirements,
                         'Send the quote with the yield simulation.')
        self.assertEqual(sorted(quote.required_field_ids.mapped('name')),
                         ['date_deadline', 'planned_revenue'])
        self.assertEqual(signed.required_field_ids.mapped('name'),
                         ['partner_id'])
        self.assertFalse(visit.required_field_ids)
        self.assertFalse(dropped.criterion_ids)
