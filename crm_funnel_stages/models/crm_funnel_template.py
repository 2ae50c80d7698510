# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class CrmFunnelTemplate(models.Model):
    """A funnel shipped as XML data: nothing is created from it until a user
    loads it with the wizard, so installing a module never replaces stages."""
    _name = 'crm.funnel.template'
    _description = 'Funnel template'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    funnel_chart = fields.Selection(
        [('bars', 'Bars'), ('funnel', 'Funnel')],
        string='Sales Funnel Chart', required=True, default='bars',
        help="How the sales funnel of a team is drawn when it opens, once "
             "the template is loaded for that team.")
    stage_ids = fields.One2many(
        'crm.funnel.template.stage', 'template_id', string='Stages',
        copy=True)
