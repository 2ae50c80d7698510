# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import _, api, fields, models

from odoo.addons.queue_job.job import job


class CrmTerritoryAddressMixin(models.AbstractModel):
    """A record that belongs to the territory its address matches (leads,
    partners): a stored, indexed ``territory_id`` matched by the
    territories' rules on create, import, RPC and address change, unless
    someone chose it (``territory_manual_id``) and did not reset it since.

    The models say where their partner tags are
    (``_territory_category_path``), what else the matching depends on, and
    what a match, or no match, stores (``_territory_values``)."""

    _name = 'crm.territory.address.mixin'
    _description = 'Matched to a Territory by its Address'

    # the fields the matching reads (the compute's dependencies): the
    # company and the address, the partner tags (the model's path to them)
    # and those of the model (a default territory)
    _territory_depends = ('company_id', 'country_id', 'state_id', 'zip',
                          'city', 'territory_manual_id')
    _territory_category_path = 'category_id'
    _territory_depends_extra = ()

    territory_id = fields.Many2one(
        'crm.territory', string='Territory', index=True,
        compute='_compute_territory_id', inverse='_inverse_territory_id',
        store=True, compute_sudo=True)
    territory_manual_id = fields.Many2one(
        'crm.territory', string='Territory Chosen', copy=False,
        readonly=True)
    territory_manual = fields.Boolean(
        string='Territory Chosen by Hand',
        compute='_compute_territory_manual')

    @api.depends(lambda self: self._territory_depends +
                 (self._territory_category_path,) +
                 self._territory_depends_extra)
    def _compute_territory_id(self):
        values = self._territory_match_values()
        for record in self:
            record.update(values[record.id])

    @api.multi
    def _inverse_territory_id(self):
        if self.env.context.get('territory_matched'):
            return  # matched at create, not chosen
        for record in self:
            record.territory_manual_id = record.territory_id

    @api.depends('territory_manual_id')
    def _compute_territory_manual(self):
        for record in self:
            record.territory_manual = bool(record.territory_manual_id)

    @api.multi
    def _territory_addresses(self):
        """{record id: the address the territories' rules test: company,
        country, state, zip, city and partner tag ids}. The tags of all the records
        are read at once (one by one, each record's partner would be read
        alone)."""
        path = self._territory_category_path
        self.mapped(path)
        return {record.id: {
            'company_id': record.company_id.id,
            'country_id': record.country_id.id,
            'state_id': record.state_id.id,
            'zip': record.zip,
            'city': record.city,
            'category_ids': record.mapped(path).ids,
        } for record in self}

    @api.multi
    def _territory_values(self, territory):
        """The values of the stored territory fields of this record when
        ``territory`` (chosen or matched) is its territory, or when none
        is (``territory`` empty)."""
        return {'territory_id': territory.id}

    @api.multi
    def _territory_match_values(self):
        """{record id: the values of its stored territory fields}: the
        territory chosen by hand, else the best match of the rules. Read
        only: the compute assigns them, the recompute wizard writes those
        that changed."""
        manual = self.filtered('territory_manual_id')
        result = {record.id: record._territory_values(
            record.territory_manual_id) for record in manual}
        automatic = self - manual
        matches = self.env['crm.territory']._match_records(automatic)
        for record in automatic:
            result[record.id] = record._territory_values(
                matches.get(record.id, self.env['crm.territory']))
        return result

    @api.multi
    def _territory_recompute(self, reset_manual=False):
        """Match these records again (those chosen by hand too, with
        ``reset_manual``) and write, in one UPDATE per new value, those
        whose territory changed: the records that keep theirs are not
        written at all. ``_write``, as the ORM's recompute does: it goes
        through the models' ``_write`` (leads unsubscribe the users who
        lose access) but not through the inverse, which would mark the
        territories as chosen by hand. Returns the number of records
        written."""
        # the matching reads a few fields of each record: not every column
        # of the model (Odoo's prefetch), which is most of the time here
        records = self.sudo().with_context(prefetch_fields=False)
        if reset_manual:
            manual = records.filtered('territory_manual_id')
            # their territory is compared and written below, with the
            # others, not by the ORM's recompute this _write would run
            with self.env.norecompute():
                manual._write({'territory_manual_id': False})
            for field in records._field_computed[
                    records._fields['territory_id']]:
                self.env.remove_todo(field, manual)
            manual.invalidate_cache(['territory_manual_id'], manual.ids)
        values = records._territory_match_values()
        changed = {}
        for record in records:
            new = values[record.id]
            old = {fname: record._fields[fname].convert_to_write(
                record[fname], record) for fname in new}
            if any((old[fname] or False) != (new[fname] or False)
                   for fname in new):
                key = tuple(sorted(new.items()))
                changed.setdefault(key, []).append(record.id)
        for key, ids in changed.items():
            vals = dict(key)
            records.browse(ids)._write(vals)
            # _write leaves the old values in the cache
            records.invalidate_cache(list(vals), ids)
        return sum(len(ids) for ids in changed.values())

    @job(default_channel='root')
    @api.model
    def _territory_recompute_job(self, first_id, last_id, reset_manual=False):
        """One chunk of the recompute wizard (a queue job): the records
        whose ids are from ``first_id`` to ``last_id``, archived ones
        included."""
        records = self.sudo().with_context(active_test=False).search(
            [('id', '>=', first_id), ('id', '<=', last_id)], order='id')
        written = records._territory_recompute(reset_manual)
        return _("%(written)d of %(count)d records moved to another "
                 "territory.") % {'written': written, 'count': len(records)}

    @api.model
    def create(self, vals):
        if vals.get('territory_id') and \
                not self.env.context.get('territory_matched'):
            vals = dict(vals, territory_manual_id=vals['territory_id'])
        return super(CrmTerritoryAddressMixin, self).create(vals)

    @api.multi
    def write(self, vals):
        if 'territory_id' in vals and 'territory_manual_id' not in vals:
            vals = dict(vals, territory_manual_id=vals['territory_id'])
        return super(CrmTerritoryAddressMixin, self).write(vals)

    @api.multi
    def action_reset_territory(self):
        """Forget the territory chosen by hand: match it from the address
        again."""
        self.write({'territory_manual_id': False})
        return True
