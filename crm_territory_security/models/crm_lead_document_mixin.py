# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError


class CrmLeadDocumentMixin(models.AbstractModel):
    """Rows attached to any document by its model name and record id
    (messages, attachments, followers, activities): those of a lead follow
    the lead's territory rules. The record rules name
    ``crm_lead_user_ids``, searched as one sub-select on the leads of the
    user's territories (a path through a lead field would list every lead
    id in each query), so no lead link has to be stored on the rows: rows
    inserted in SQL are covered as well."""

    _name = 'crm.lead.document.mixin'
    _inherit = 'crm.lead.linked.mixin'
    _description = 'Attached to a Document That May Be a Lead'

    # True on models whose ``_search`` filters rows by their document
    # beyond the record rules (mail.message, ir.attachment): Odoo 11's
    # ``read_group`` applies the rules alone, so it is given the rows that
    # ``search`` returns, for every user, in or out of a territory
    _crm_lead_search_filters_documents = False

    # the fields naming the row's document
    _crm_lead_model_field = 'res_model'
    _crm_lead_res_id_field = 'res_id'
    _crm_lead_document_fields = ('res_model', 'res_id')

    crm_lead_user_ids = fields.Many2many(
        'res.users', string="Users of the Lead's Territory",
        compute='_compute_crm_lead_user_ids',
        search='_search_crm_lead_user_ids',
        help="The document is a lead of a territory of these users.")

    crm_lead_company_id = fields.Many2one(
        'res.company', string="Company of the Lead",
        compute='_compute_crm_lead_company_id',
        search='_search_crm_lead_company_id',
        help="The document is a lead of this company.")

    @api.multi
    def _crm_lead_documents(self):
        """Each row with the lead it is a document of (as superuser), or
        an empty lead: the row of another document, or of a lead that no
        longer exists."""
        Lead = self.env['crm.lead'].sudo()
        for row in self:
            document = row.sudo()
            lead = Lead
            if document[self._crm_lead_model_field] == 'crm.lead':
                lead = Lead.browse(
                    document[self._crm_lead_res_id_field]).exists()
            yield row, lead

    @api.multi
    def _compute_crm_lead_company_id(self):
        for row, lead in self._crm_lead_documents():
            row.crm_lead_company_id = lead.company_id

    @api.model
    def _search_crm_lead_company_id(self, operator, value):
        """``child_of`` or ``in`` companies: the rows of another document
        than a lead, or of a lead of one of these companies or of none
        (the global rules: a lead of another company is not found by
        rows naming it). One sub-select on the leads."""
        if operator not in ('child_of', 'in'):
            raise UserError(_(
                "The company of a lead is searched with 'child_of' or 'in' "
                "only."))
        ids = value if isinstance(value, (list, tuple)) else [value]
        if operator == 'child_of':
            ids = self.env['res.company'].sudo().search(
                [('id', 'child_of', ids)]).ids
        leads = ('SELECT id FROM crm_lead WHERE company_id IS NULL '
                 'OR company_id IN %s')
        model, res_id = self._crm_lead_model_field, self._crm_lead_res_id_field
        return ['|', (model, '!=', 'crm.lead'),
                (res_id, 'inselect', (leads, (tuple(ids) or (None,),)))]

    @api.multi
    def _compute_crm_lead_user_ids(self):
        for row, lead in self._crm_lead_documents():
            row.crm_lead_user_ids = lead.territory_id.access_user_ids

    @api.model
    def _search_crm_lead_user_ids(self, operator, value):
        """``in``: the rows of another document than a lead, or of a lead
        of a territory of the users ``value``; ``not in``: the rows of the
        other leads (and of the leads that do not exist)."""
        if operator not in ('in', 'not in'):
            raise UserError(_(
                "The users of a lead's territory are searched with 'in' "
                "or 'not in' only."))
        query = self.env['crm.lead'].sudo()._where_calc(
            [('territory_id.access_user_ids', 'in', value)],
            active_test=False)
        from_clause, where_clause, params = query.get_sql()
        leads = 'SELECT "crm_lead".id FROM %s WHERE %s' % (
            from_clause, where_clause)
        model, res_id = self._crm_lead_model_field, self._crm_lead_res_id_field
        if operator == 'in':
            return ['|', (model, '!=', 'crm.lead'),
                    (res_id, 'inselect', (leads, params))]
        return ['&', (model, '=', 'crm.lead'),
                (res_id, 'not inselect', (leads, params))]

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        if self._crm_lead_search_filters_documents and \
                self.env.uid != SUPERUSER_ID:
            domain = list(domain or [])
            domain = [('id', 'in', self._search(domain))] + domain
        return super(CrmLeadDocumentMixin, self).read_group(
            domain, fields, groupby, offset=offset, limit=limit,
            orderby=orderby, lazy=lazy)

    @api.multi
    def _crm_lead_document_model(self, vals, row):
        """The model name of the document ``vals`` attach ``row`` (or a new
        row, ``row`` empty) to."""
        return vals.get(self._crm_lead_model_field) or \
            row[self._crm_lead_model_field]

    @api.multi
    def _crm_lead_targets(self, vals):
        targets = super(CrmLeadDocumentMixin, self)._crm_lead_targets(vals)
        res_id = self._crm_lead_res_id_field
        lead_ids = set()
        for row in self.sudo() or [self.browse()]:
            if self._crm_lead_document_model(vals, row) == 'crm.lead':
                lead_ids.add(vals.get(res_id, row[res_id]))
        lead_ids.discard(False)
        lead_ids.discard(0)
        if lead_ids:
            targets.append(self.env['crm.lead'].browse(sorted(lead_ids)))
        return targets
