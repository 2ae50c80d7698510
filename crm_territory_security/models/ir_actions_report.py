# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import _, api, models
from odoo.exceptions import AccessError


class IrActionsReport(models.Model):
    _inherit = 'ir.actions.report'

    @api.model
    def _check_report_records(self, reportname, docids):
        """Raise AccessError unless the records ``docids`` (their ids,
        comma-separated; ValueError if they are not) of the report exist
        and the user may read them: ``/report`` answers 403 then, instead
        of failing in the middle of the rendering. A record that does not
        exist is refused as one of another territory."""
        report = self._get_report_from_name(reportname)
        if not report:
            return
        ids = {int(docid) for docid in docids.split(',')}
        records = self.env[report.model].browse(list(ids))
        records.check_access_rights('read')
        records.check_access_rule('read')
        if len(records.sudo().exists()) != len(ids):
            raise AccessError(_(
                "These records do not exist, or you may not read them."))
