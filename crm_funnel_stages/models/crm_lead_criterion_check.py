# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class CrmLeadCriterionCheck(models.Model):
    _name = 'crm.lead.criterion.check'
    _description = 'Criterion checked on a lead'
    _inherit = 'crm.lead.funnel.row.mixin'
    _order = 'lead_id, criterion_id'

    criterion_id = fields.Many2one(
        'crm.stage.criterion', string='Criterion', required=True,
        ondelete='cascade', index=True)
    stage_id = fields.Many2one(related='criterion_id.stage_id', store=True,
                               readonly=True)
    required = fields.Boolean(related='criterion_id.required', readonly=True)
    done = fields.Boolean()
    is_current = fields.Boolean(
        string='Current Stage', readonly=True, index=True,
        help="The criterion belongs to the stage the lead is in now.")
    user_id = fields.Many2one('res.users', string='Checked by', readonly=True)
    date = fields.Datetime(string='Checked on', readonly=True)

    @api.model
    def _done_values(self, vals):
        """Who checked a criterion and when follow its done flag."""
        if 'done' not in vals:
            return vals
        vals = dict(vals)
        if vals['done']:
            vals.update(user_id=self.env.uid, date=fields.Datetime.now())
        else:
            vals.update(user_id=False, date=False)
        return vals

    @api.model
    def _add_current(self, records, now):
        """Put the criteria of the stage a lead is in on its checklist,
        unchecked, in one statement: for ``records`` the leads that
        entered a stage, or the criteria added to stages that have leads
        already (else nobody could ever tick them, and those leads would
        wait at the gate for good). Rows kept from an earlier stay stay as
        they are."""
        if not records:
            return
        # one of two fixed columns, never a value
        column = {'crm.lead': 'l.id',
                  'crm.stage.criterion': 'c.id'}[records._name]
        self.env.cr.execute("""
            INSERT INTO crm_lead_criterion_check (
                lead_id, criterion_id, stage_id, done, is_current,
                create_uid, create_date, write_uid, write_date)
            SELECT l.id, c.id, c.stage_id, FALSE, TRUE,
                   %(uid)s, %(now)s, %(uid)s, %(now)s
            FROM crm_lead l
            JOIN crm_stage_criterion c ON c.stage_id = l.stage_id
            WHERE {column} IN %(ids)s
            ON CONFLICT (lead_id, criterion_id) DO NOTHING
        """.format(column=column),  # pylint: disable=sql-injection
            {'uid': self.env.uid, 'now': now, 'ids': tuple(records.ids)})

    @api.model
    def create(self, vals):
        return super(CrmLeadCriterionCheck, self).create(
            self._done_values(vals))

    @api.multi
    def write(self, vals):
        return super(CrmLeadCriterionCheck, self).write(
            self._done_values(vals))

    _sql_constraints = [
        ('lead_criterion_unique', 'unique(lead_id, criterion_id)',
         'A criterion is checked once per lead.'),
    ]
