# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models

MODULE = 'crm_territory_security'
RULE_PREFIX = 'crm_lead_linked_rule_'
RESTRICTED = "[(1, '=', 1)] if not user.territory_restricted else "


class IrRule(models.Model):
    """Other addons add models that hang off a lead (stage history, stage
    analysis, checklists...) with their own group rules, OR-ed with "All
    Documents" ones: a territory salesperson would read the rows of foreign
    leads. Every stored many2one to ``crm.lead`` of such a model gets a
    global rule of this addon, with the XML id
    ``crm_territory_security.crm_lead_linked_rule_<model>`` (so that it
    goes away with this addon).

    The rules are written when a module is installed or updated, never
    when the registry loads: by this addon's data (every model, on its
    install and update), and when the fields of a model are reflected
    (``ir.model.fields``: an addon installed or updated later, a custom
    field) or deleted (an addon uninstalled)."""

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
    def _territory_lead_link_fields(self, model_names=None):
        """{model name: its stored many2one fields to crm.lead} of the
        models to cover (of ``model_names``, or all), read from the fields
        as the database reflects them (a field being uninstalled is gone
        from there before it leaves the registry)."""
        query = """
            SELECT model, name FROM ir_model_fields
             WHERE ttype = 'many2one' AND relation = 'crm.lead' AND store
               AND COALESCE(related, '') = ''"""
        params = ()
        if model_names is not None:
            query += " AND model IN %s"
            params = (tuple(model_names) or ('',),)
        self.env.cr.execute(query, params)
        result = {}
        for name, fname in self.env.cr.fetchall():
            if name not in self.env.registry or \
                    name in self._territory_handled_models:
                continue
            model = self.env[name]
            if model._abstract or model._transient:
                continue
            result.setdefault(name, []).append(fname)
        return result

    @api.model
    def _territory_lead_linked_domain(self, fnames):
        """The domain of the rule of a model linked to leads by
        ``fnames``: rows without a lead, or of the leads of the user's
        territories, for each of the fields."""
        leaves = []
        for fname in sorted(fnames):
            leaves += [
                '|', (fname, '=', False),
                (fname + '.territory_id.access_user_ids', 'in', 'USER_ID')]
        domain = ['&'] * (len(fnames) - 1) + leaves
        return RESTRICTED + repr(domain).replace("'USER_ID'", '[user.id]')

    @api.model
    def _territory_sync_lead_linked_rules(self, model_names=None):
        """Create, update or delete the rules of the lead-linked models
        (of ``model_names``, or all), each with its XML id. Called from
        this addon's data (install and update) and by
        ``ir.model.fields``."""
        IrModelData = self.env['ir.model.data'].sudo()
        links = self._territory_lead_link_fields(model_names)
        existing = {}
        for data in IrModelData.search([('module', '=', MODULE),
                                        ('model', '=', 'ir.rule')]):
            if not data.name.startswith(RULE_PREFIX):
                continue
            rule = self.sudo().browse(data.res_id).exists()
            if not rule:
                data.unlink()  # its model was uninstalled
            elif model_names is None or rule.model_id.model in model_names:
                existing[rule.model_id.model] = rule
        for name, rule in existing.items():
            if name not in links:
                rule.unlink()  # its link to leads was uninstalled
        for name, fnames in sorted(links.items()):
            domain = self._territory_lead_linked_domain(fnames)
            rule = existing.get(name)
            if rule:
                if rule.domain_force != domain:
                    rule.write({'domain_force': domain})
                continue
            rule = self.sudo().create({
                'name': "Territory: %s of the leads of the user's "
                        "territories" % name,
                'model_id': self.env['ir.model']._get(name).id,
                'domain_force': domain,
            })
            IrModelData.create({
                'module': MODULE, 'model': 'ir.rule', 'res_id': rule.id,
                'name': RULE_PREFIX + name.replace('.', '_'),
                # never deleted by an update of this addon as data it no
                # longer loads
                'noupdate': True,
            })
        return True
