# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import _, api, fields, models

from ..lead_import.deduplicator import create_lookup_indexes
from .crm_history_mixin import check_read_access


class ResPartner(models.Model):
    """Communication history of a partner and its contacts, one click away:
    their leads and opportunities (lost ones included), emails, done
    activities (logged calls...) and campaigns. crm already counts the
    opportunities and the meetings."""

    _name = 'res.partner'
    _inherit = ['res.partner', 'crm.history.mixin']

    history_lead_count = fields.Integer(
        string='# Leads and Opportunities',
        compute='_compute_history_counts')
    history_campaign_count = fields.Integer(
        string='# Campaigns', compute='_compute_history_counts')

    @api.multi
    def _history_leads(self):
        """The leads and opportunities of the partner and of its contacts,
        lost ones included, that the user may read."""
        self.ensure_one()
        return self.env['crm.lead'].search(self._history_lead_domain())

    @api.multi
    def _history_lead_domain(self):
        self.ensure_one()
        # ('active', 'in', [True, False]) would read False as NULL
        return [('partner_id', 'child_of', self.id),
                '|', ('active', '=', True), ('active', '=', False)]

    @api.multi
    def _history_message_domain(self, kind_domain):
        """Messages of the partner and its contacts: on their leads and
        opportunities, on the partners themselves, or written by them."""
        self.ensure_one()
        partners = self.with_context(active_test=False).search(
            [('id', 'child_of', self.id)])
        leads = self._history_leads()
        return ['|', '|',
                ('author_id', 'in', partners.ids),
                '&', ('model', '=', 'res.partner'),
                ('res_id', 'in', partners.ids),
                '&', ('model', '=', 'crm.lead'),
                ('res_id', 'in', leads.ids)] + kind_domain

    @api.multi
    def _compute_history_counts(self):
        for partner in self:
            if not partner.id:
                partner.history_lead_count = 0
                partner.history_campaign_count = 0
                continue
            leads = partner._history_leads()
            partner.history_lead_count = len(leads)
            partner.history_campaign_count = len(leads.mapped('campaign_id'))

    @api.multi
    def action_view_history_leads(self):
        self.ensure_one()
        check_read_access(self)
        # the action lists leads: for those who may read some
        self.env['crm.lead'].check_access_rights('read')
        return {
            'type': 'ir.actions.act_window',
            'name': _('Leads and Opportunities'),
            'res_model': 'crm.lead',
            'view_mode': 'tree,form',
            'views': [
                (self.env.ref('crm.crm_case_tree_view_oppor').id, 'tree'),
                (self.env.ref('crm.crm_case_form_view_oppor').id, 'form')],
            'domain': self._history_lead_domain(),
            'context': {'default_partner_id': self.id},
        }

    @api.multi
    def action_view_history_campaigns(self):
        self.ensure_one()
        check_read_access(self)
        campaigns = self._history_leads().mapped('campaign_id')
        action = self.env.ref('utm.utm_campaign_act').read()[0]
        action.update({
            'name': _('Campaigns'),
            'domain': [('id', 'in', campaigns.ids)],
            'context': {'create': False},
        })
        return action

    @api.model_cr
    def init(self):
        super(ResPartner, self).init()
        create_lookup_indexes(self.env.cr, self._table, 'email')
