# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmTerritoryZipRange(models.Model):
    """A range of zip codes of a territory, bounds included. Zips compare
    as text once spaces are removed, so ranges should use zips of the same
    length (100000 to 109999)."""

    _name = 'crm.territory.zip.range'
    _description = 'Territory Zip Range'
    _order = 'zip_from'

    territory_id = fields.Many2one(
        'crm.territory', required=True, ondelete='cascade', index=True)
    zip_from = fields.Char(required=True)
    zip_to = fields.Char(required=True)

    @api.constrains('zip_from', 'zip_to')
    def _check_bounds(self):
        for zip_range in self:
            if self._normalize(zip_range.zip_from) > \
                    self._normalize(zip_range.zip_to):
                raise ValidationError(_(
                    "The zip range %(from)s - %(to)s ends before it "
                    "starts.") % {'from': zip_range.zip_from,
                                  'to': zip_range.zip_to})

    # every field of a zip range is a matching rule: a new version of the
    # rules before and after the change (see crm.territory)

    @api.model
    def create(self, vals):
        self.env['crm.territory']._rules_changed()
        zip_range = super(CrmTerritoryZipRange, self).create(vals)
        self.env['crm.territory']._rules_changed()
        return zip_range

    @api.multi
    def write(self, vals):
        self.env['crm.territory']._rules_changed()
        result = super(CrmTerritoryZipRange, self).write(vals)
        self.env['crm.territory']._rules_changed()
        return result

    @api.multi
    def unlink(self):
        self.env['crm.territory']._rules_changed()
        result = super(CrmTerritoryZipRange, self).unlink()
        self.env['crm.territory']._rules_changed()
        return result

    @api.model
    def _normalize(self, zip_code):
        return (zip_code or '').replace(' ', '').upper()
