# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models


class CrmStageLabelsMixin(models.AbstractModel):
    """Charts of records grouped by stage: two stages of the same name carry
    their team (crm.stage._label_groups)."""
    _name = 'crm.stage.labels.mixin'
    _description = 'Stages of the same name told apart in charts'

    # the many2one fields to crm.stage the charts group by
    _stage_label_fields = ()

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        result = super(CrmStageLabelsMixin, self).read_group(
            domain, fields, groupby, offset=offset, limit=limit,
            orderby=orderby, lazy=lazy)
        return self.env['crm.stage']._label_groups(
            result, groupby, lazy, self._stage_label_fields)
