# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import collections

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CrmStage(models.Model):
    _inherit = 'crm.stage'

    criterion_ids = fields.One2many(
        'crm.stage.criterion', 'stage_id', string='Exit Criteria',
        copy=True,
        help="What must be confirmed on a lead before it leaves this stage "
             "forward.")
    required_field_ids = fields.Many2many(
        'ir.model.fields', 'crm_stage_required_field_rel',
        'stage_id', 'field_id', string='Required Fields',
        domain="[('model', '=', 'crm.lead'), ('store', '=', True)]",
        help="Fields that must be set for a lead to enter this stage or any "
             "later one.")

    @api.multi
    def _team_labels(self):
        """Map each of these stages to its name, followed by its team (or
        "all teams" for a shared stage) when another of them has the same
        name: how the funnel's charts and the pipeline's columns tell apart
        the stages of two funnels shown together."""
        counts = collections.Counter(stage.name for stage in self)
        with_team = _('%(stage)s (%(team)s)')
        all_teams = _('all teams')
        return {
            stage.id: stage.name if counts[stage.name] < 2 else with_team % {
                'stage': stage.name, 'team': stage.team_id.name or all_teams}
            for stage in self}

    @api.model
    def _label_groups(self, groups, groupby, lazy, stage_fields):
        """Give the stages of a read_group result (``groups``, grouped by
        ``groupby``) the labels of _team_labels, in the fields of
        ``stage_fields`` (many2one fields to crm.stage), when the grouping
        is a chart's or a pivot's: those views read every level at once
        (``lazy`` False), the columns of a kanban or a list one level at a
        time, and keep the stages' own names."""
        if lazy:
            return groups
        names = [groupby] if isinstance(groupby, str) else list(groupby or [])
        for name in set(names) & set(stage_fields):
            ids = {group[name][0] for group in groups
                   if isinstance(group.get(name), tuple)}
            if len(ids) < 2:
                continue
            labels = self.browse(ids)._team_labels()
            for group in groups:
                if isinstance(group.get(name), tuple):
                    group[name] = (group[name][0], labels[group[name][0]])
        return groups

    @api.multi
    def _funnel_key(self):
        """Where the stage stands in the funnel: a lead moving to a stage
        with a higher key moves forward."""
        self.ensure_one()
        return (self.sequence, self.id)

    @api.model
    def resequence(self, ids):
        """Put the stages ids names in that order, the others keeping their
        places, and number every stage 1..n in the result.

        The list's handle and the pipeline's columns both send their ids in
        the new order (through /web/dataset/resequence). The table lock makes
        two reorderings wait for each other, so neither reads an order the
        other is changing: no duplicate sequence, no lost move. Three
        statements whatever the number of stages.
        """
        stages = self.browse(ids)
        stages.check_access_rights('write')
        stages.check_access_rule('write')
        cr = self.env.cr
        cr.execute('LOCK TABLE crm_stage IN SHARE ROW EXCLUSIVE MODE')
        cr.execute('SELECT id FROM crm_stage ORDER BY sequence, id')
        order = [row[0] for row in cr.fetchall()]
        existing = set(order)
        requested = []
        for stage_id in ids:
            if stage_id not in existing:
                raise UserError(_(
                    "A stage being reordered was deleted meanwhile; "
                    "reload the page and try again."))
            if stage_id not in requested:
                requested.append(stage_id)
        moving = set(requested)
        placed = iter(requested)
        new_order = [next(placed) if stage_id in moving else stage_id
                     for stage_id in order]
        cr.execute("""
            UPDATE crm_stage s
            SET sequence = v.sequence, write_uid = %s,
                write_date = (now() AT TIME ZONE 'UTC')
            FROM unnest(%s::int[], %s::int[]) AS v(id, sequence)
            WHERE s.id = v.id AND s.sequence IS DISTINCT FROM v.sequence
        """, (self.env.uid, new_order, list(range(1, len(new_order) + 1))))
        self.invalidate_cache(['sequence'])
        return True
