# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models

RULE_PREFIX = 'crm_lead_linked_rule_'
RESTRICTED = "[(1, '=', 1)] if not user.territory_restricted else "


class IrRule(models.Model):
    """Other addons add models that hang off a lead (stage history, stage
    analysis, checklists...) with their own group rules, OR-ed with "All
    Documents" ones: a territory salesperson would read the rows of foreign
    leads. Every stored many2one to ``crm.lead`` of such a model gets a
    global rule of this addon (with an XML id of this addon, so that it goes
    away with it), created when the data loads and whenever the registry
    loads, for addons installed later."""

    _inherit = 'ir.rule'

    # models whose territory rule is written by hand in the security file
    _territory_handled_models = (
        'crm.lead', 'crm.activity.report', 'crm.opportunity.report',
        'mail.activity', 'mail.followers', 'mail.mail', 'calendar.event',
        'sale.order',
        'sale.order.line', 'sale.report', 'crm.territory.quota',
        'crm.territory.forecast',
    )

    @api.model
    def _territory_lead_linked_domains(self):
        """{model name: domain string} for every model to cover."""
        result = {}
        for name in sorted(self.env.registry.models):
            model = self.env[name]
            if model._abstract or model._transient or \
                    name in self._territory_handled_models:
                continue
            fnames = sorted(
                fname for fname, field in model._fields.items()
                if field.type == 'many2one' and field.store and
                field.comodel_name == 'crm.lead' and not field.related)
            if not fnames:
                continue
            leaves = []
            for fname in fnames:
                leaves += [
                    '|', (fname, '=', False),
                    (fname + '.territory_id.access_user_ids', 'in',
                     'USER_ID')]
            domain = ['&'] * (len(fnames) - 1) + leaves
            result[name] = RESTRICTED + repr(domain).replace(
                "'USER_ID'", '[user.id]')
        return result

    @api.model
    def _territory_sync_lead_linked_rules(self):
        IrModelData = self.env['ir.model.data'].sudo()
        for name, domain in self._territory_lead_linked_domains().items():
            model = self.env['ir.model'].sudo().search(
                [('model', '=', name)], limit=1)
            if not model:
                continue
            xml_id = RULE_PREFIX + name.replace('.', '_')
            rule = self.env.ref(
                'crm_territory_security.' + xml_id, raise_if_not_found=False)
            if rule and rule.domain_force == domain:
                continue
            IrModelData._update('ir.rule', 'crm_territory_security', {
                'name': 'Territory: %s of the leads of the user\'s '
                        'territories' % name,
                'model_id': model.id,
                'domain_force': domain,
            }, xml_id=xml_id, noupdate=True)

    def _register_hook(self):
        super(IrRule, self)._register_hook()
        module = self.env['ir.module.module'].sudo().search([
            ('name', '=', 'crm_territory_security'),
            ('state', '=', 'installed')], limit=1)
        if module:
            self._territory_sync_lead_linked_rules()
