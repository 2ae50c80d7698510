# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class CrmLeadStageHistory(models.Model):
    _name = 'crm.lead.stage.history'
    _description = 'Stage change of a lead'
    _inherit = ['crm.lead.funnel.row.mixin', 'crm.stage.labels.mixin']
    _stage_label_fields = ('stage_from_id', 'stage_to_id')
    _order = 'date desc, id desc'

    team_id = fields.Many2one('crm.team', string='Sales Team', index=True)
    stage_from_id = fields.Many2one('crm.stage', string='From Stage',
                                    ondelete='set null', index=True)
    stage_to_id = fields.Many2one('crm.stage', string='To Stage',
                                  ondelete='set null', index=True)
    user_id = fields.Many2one('res.users', string='Changed by')
    date = fields.Datetime(required=True, default=fields.Datetime.now,
                           index=True)
    days_in_stage = fields.Float(
        string='Days in Stage Left', group_operator='avg', digits=(16, 1),
        help="Days the lead spent in the stage it left (the average of "
             "them in the reports).")
    forward = fields.Boolean(
        help="True when the lead moved to a later stage, False when it went "
             "back.")
