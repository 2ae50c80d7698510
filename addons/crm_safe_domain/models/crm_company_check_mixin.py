# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import SUPERUSER_ID, api, models


class CrmCompanyCheckMixin(models.AbstractModel):
    """A record of one company (``company_id``) under a company record
    rule: moving it to another company is checked after the write too.

    Odoo 11 checks the record rules of a write on the records as they are
    before it, never on what the write makes of them: a user of company B
    could write company A on one of B's records and hand it to A (a
    territory taking A's leads, a capture key or an import writing leads
    into A). A write of ``company_id`` by anyone but the superuser is
    checked again once written, in a savepoint: when the records left the
    user's reach, the ORM's AccessError is raised and nothing of the write
    stays.

    Once written, the records must be in one of the user's companies (or
    in none). In the company the user works in (or one of its children),
    they must pass the 'write' record rules again. Odoo 11's company rules
    know only the company the user works in: a manager of several
    companies moving a record to another of them cannot pass them there,
    being one of their companies is the check."""

    _name = 'crm.company.check.mixin'
    _description = 'Company checked after a move'

    @api.multi
    def write(self, vals):
        if 'company_id' not in vals or self.env.uid == SUPERUSER_ID:
            return super(CrmCompanyCheckMixin, self).write(vals)
        try:
            with self.env.cr.savepoint():
                result = super(CrmCompanyCheckMixin, self).write(vals)
                self._check_company_after_move()
        except Exception:
            # the savepoint undid the rows, not the ORM's cache of them
            self.invalidate_cache()
            raise
        return result

    @api.multi
    def _check_company_after_move(self):
        user = self.env.user
        Company = self.env['res.company'].sudo()
        companies = self.sudo().mapped('company_id')
        if companies - Company.search(
                [('id', 'child_of', user.company_ids.ids)]):
            # the ORM's own refusal (message, log) of a record rule
            self._check_record_rules_result_count([], 'write')
        current = Company.search([('id', 'child_of', user.company_id.ids)])
        self.filtered(lambda record: not record.sudo().company_id or
                      record.sudo().company_id in current
                      ).check_access_rule('write')
