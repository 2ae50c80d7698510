# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import http
from odoo.http import request

from odoo.addons.web.controllers.main import DataSet


class FunnelDataSet(DataSet):

    @http.route()
    def resequence(self, model, ids, field='sequence', offset=0):
        # Odoo writes one record at a time from the offset the page shows,
        # which leaves gaps and duplicates when two users reorder stages at
        # once; crm.stage renumbers all its stages in one locked statement
        if model == 'crm.stage' and field == 'sequence':
            return request.env[model].resequence(ids)
        return super(FunnelDataSet, self).resequence(
            model, ids, field=field, offset=offset)
