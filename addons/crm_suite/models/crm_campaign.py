# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import re
from datetime import timedelta

from odoo import api, fields, models


class CrmCampaign(models.Model):
    _inherit = 'crm.campaign'

    @api.model
    def _demo_run(self, segment_ids, clicked_partner_id, days_ago):
        """Demo data only: a few days of the demo campaigns at install, so
        that their workitems, their mails (test mode) and an opportunity
        made after a click show as soon as the server serves. The segments
        run (the jobs their runs queue will find the work done); their due
        workitems are processed as a job would; the customer
        ``clicked_partner_id`` clicks the link of the recommendation, as
        mass_mailing's route /r/<code>/m/<statistics> records it, the click
        dated ``days_ago`` days back (once: called again, it clicks no
        more); the scheduled action's scheduling of the mail events and the
        processing of what became due follow."""
        segments = self.env['crm.segment'].browse(segment_ids)
        segments._run()
        Workitem = self.env['crm.campaign.workitem']
        campaign_ids = segments.mapped('campaign_id').ids

        def process_due():
            Workitem.search([
                ('campaign_id', 'in', campaign_ids), ('state', '=', 'todo'),
                ('date_scheduled', '<=', fields.Datetime.now()),
            ])._process()

        process_due()
        sent = Workitem.search([
            ('campaign_id', 'in', campaign_ids),
            ('res_model', '=', 'res.partner'),
            ('res_id', '=', clicked_partner_id),
            ('mail_statistics_id', '!=', False)], limit=1)
        statistics = sent.mail_statistics_id
        if not statistics.clicked:
            code = re.search(r'/r/(\w+)/m/%d' % statistics.id,
                             sent.mail_mail_id.body_html).group(1)
            self.env['link.tracker.click'].add_click(
                code, '127.0.0.1', 'CN', stat_id=statistics.id)
            statistics.clicked = fields.Datetime.to_string(
                fields.Datetime.from_string(fields.Datetime.now()) -
                timedelta(days=days_ago))
        Workitem._schedule_mail_events()
        process_due()
        return True
