# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The communication history of a lead, one click away."""
from odoo import _, api, fields, models

from .crm_history_mixin import check_read_access


class CrmLead(models.Model):
    """Communication history of a lead, one click away: its emails, its
    planned activities and its done activities (logged calls...). crm
    already counts its meetings."""

    # crm.lead of crm_leads_ext in one file per purpose (the module's
    # docstring), here the communication history: see models/crm_lead.py
    # pylint: disable=consider-merging-classes-inherited
    _name = 'crm.lead'
    _inherit = ['crm.lead', 'crm.history.mixin']

    history_activity_count = fields.Integer(
        string='# Planned Activities',
        compute='_compute_history_activity_count')
    history_customer_lead_count = fields.Integer(
        string='# Other Leads of the Customer',
        compute='_compute_history_customer_lead_count')

    @api.multi
    def _history_message_domain(self, kind_domain):
        """Messages of the lead of a kind (emails, done activities): what
        its history buttons open and count."""
        self.ensure_one()
        return [('model', '=', 'crm.lead'),
                ('res_id', '=', self.id)] + kind_domain

    @api.multi
    def _history_activity_domain(self):
        self.ensure_one()
        return [('res_model', '=', 'crm.lead'), ('res_id', '=', self.id)]

    @api.multi
    def _compute_history_activity_count(self):
        Activity = self.env['mail.activity']
        for lead in self:
            lead.history_activity_count = Activity.search_count(
                lead._history_activity_domain()) \
                if isinstance(lead.id, int) else 0

    @api.multi
    def _history_customer_lead_domain(self):
        """The other leads and opportunities of the lead's customer (its
        company and every contact of it), lost ones included."""
        self.ensure_one()
        if not self.partner_id:
            return [('id', 'in', [])]  # a lead without customer has none
        return self.partner_id.commercial_partner_id._history_lead_domain(
        ) + [('id', '!=', self.id)]

    @api.depends('partner_id')
    def _compute_history_customer_lead_count(self):
        for lead in self:
            lead.history_customer_lead_count = self.search_count(
                lead._history_customer_lead_domain()) \
                if lead.partner_id and isinstance(lead.id, int) else 0

    @api.multi
    def action_view_history_customer_leads(self):
        self.ensure_one()
        check_read_access(self)
        return {
            'type': 'ir.actions.act_window',
            'name': _('Leads and Opportunities of %s') %
            self.partner_id.commercial_partner_id.display_name,
            'res_model': 'crm.lead',
            'view_mode': 'tree,form',
            'views': [
                (self.env.ref('crm.crm_case_tree_view_oppor').id, 'tree'),
                (self.env.ref('crm.crm_case_form_view_oppor').id, 'form')],
            'domain': self._history_customer_lead_domain(),
            'context': {'default_partner_id': self.partner_id.id},
        }

    @api.multi
    def action_view_history_campaign(self):
        self.ensure_one()
        check_read_access(self)
        return {
            'type': 'ir.actions.act_window',
            'name': _('Campaign'),
            'res_model': 'utm.campaign',
            'view_mode': 'form',
            'res_id': self.campaign_id.id,
        }

    @api.multi
    def action_view_history_activities(self):
        self.ensure_one()
        check_read_access(self)
        return {
            'type': 'ir.actions.act_window',
            'name': _('Planned Activities'),
            'res_model': 'mail.activity',
            'view_mode': 'tree,form',
            'views': [
                (self.env.ref('mail.mail_activity_view_tree').id, 'tree'),
                (False, 'form')],
            'domain': self._history_activity_domain(),
            'context': {'default_res_model_id': self.env.ref(
                'crm.model_crm_lead').id, 'default_res_id': self.id},
        }
