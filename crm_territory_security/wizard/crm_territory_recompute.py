# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

CHUNK_PARAM = 'crm_territory_security.recompute_chunk_size'
TARGETS = {
    'leads': ('crm.lead',),
    'partners': ('res.partner',),
    'both': ('crm.lead', 'res.partner'),
}


class CrmTerritoryRecompute(models.TransientModel):
    """Match every lead (and partner) to the territories again, after their
    rules changed, archived ones included.

    The records are cut into chunks of consecutive ids (the system
    parameter crm_territory_security.recompute_chunk_size, 5000 by
    default), each matched and written in a transaction of its own by a
    queue job (``crm.territory.address.mixin._territory_recompute_job``):
    no transaction loads every record, and the wizard shows how many
    chunks are done. What fits in one chunk is done at once. Each chunk
    writes only the records whose territory changes."""

    _name = 'crm.territory.recompute'
    _description = 'Recompute Territories'

    target = fields.Selection([
        ('leads', 'Leads and opportunities'),
        ('partners', 'Partners'),
        ('both', 'Both'),
    ], default='both', required=True)
    reset_manual = fields.Boolean(
        string='Also reset territories chosen by hand')
    lead_count = fields.Integer(string='Leads and Opportunities',
                                readonly=True)
    partner_count = fields.Integer(string='Partners', readonly=True)
    state = fields.Selection([
        ('draft', 'Draft'), ('running', 'Running'), ('done', 'Done'),
    ], default='draft', readonly=True)
    job_ids = fields.Many2many('queue.job', string='Jobs', readonly=True)
    job_count = fields.Integer(string='Chunks',
                               compute='_compute_progress')
    job_done_count = fields.Integer(string='Chunks Done',
                                    compute='_compute_progress')
    job_failed_count = fields.Integer(string='Chunks Failed',
                                      compute='_compute_progress')
    progress = fields.Float(compute='_compute_progress')

    @api.depends('job_ids.state', 'state')
    def _compute_progress(self):
        for wizard in self:
            # the jobs are read as superuser: the wizard is the caller's
            states = wizard.sudo().job_ids.mapped('state')
            wizard.job_count = len(states)
            wizard.job_done_count = states.count('done')
            wizard.job_failed_count = states.count('failed')
            if states:
                wizard.progress = 100.0 * states.count('done') / len(states)
            else:
                wizard.progress = 100.0 if wizard.state == 'done' else 0.0

    @api.model
    def _check_sales_manager(self):
        if not self.env.user.has_group('sales_team.group_sale_manager'):
            raise AccessError(_(
                "Only Sales Managers may recompute the territories."))

    @api.model
    def _chunk_size(self):
        value = self.env['ir.config_parameter'].sudo().get_param(CHUNK_PARAM)
        try:
            return max(1, int(value)) if value else 5000
        except ValueError:
            return 5000

    @api.model
    def _chunks(self, model_name, size):
        """[(first id, last id, count)] of the records of ``model_name``
        cut into chunks of ``size`` consecutive ids, in one query (the
        ids' index): no record is loaded."""
        # the table name is the model's, not the caller's input
        self.env.cr.execute("""
            SELECT min(id), max(id), count(*)
              FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) / %%s
                               AS chunk
                      FROM %s) AS numbered
             GROUP BY chunk ORDER BY chunk
        """ % self.env[model_name]._table, (size,))  # pylint: disable=sql-injection
        return self.env.cr.fetchall()

    @api.multi
    def action_recompute(self):
        """Sales Managers only: it rewrites every lead and partner as
        superuser (a transient model has no access rights)."""
        self.ensure_one()
        self._check_sales_manager()
        size = self._chunk_size()
        chunks = [(model_name, chunk)
                  for model_name in TARGETS[self.target]
                  for chunk in self._chunks(model_name, size)]
        values = {'state': 'done', 'lead_count': 0, 'partner_count': 0}
        for model_name, (first_id, last_id, count) in chunks:
            key = 'lead_count' if model_name == 'crm.lead' \
                else 'partner_count'
            values[key] += count
        if sum(chunk[2] for dummy, chunk in chunks) <= size:
            for model_name, (first_id, last_id, count) in chunks:
                self.env[model_name]._territory_recompute_job(
                    first_id, last_id, self.reset_manual)
        else:
            uuids = []
            for model_name, (first_id, last_id, count) in chunks:
                description = _(
                    "Recompute territories: %(model)s %(first)d to "
                    "%(last)d") % {
                        'model': self.env[model_name]._description,
                        'first': first_id, 'last': last_id}
                uuids.append(self.env[model_name].with_delay(
                    description=description)._territory_recompute_job(
                        first_id, last_id, self.reset_manual).uuid)
            jobs = self.env['queue.job'].sudo().search(
                [('uuid', 'in', uuids)])
            values.update(state='running', job_ids=[(6, 0, jobs.ids)])
        self.sudo().write(values)
        return self._action_reopen()

    @api.multi
    def action_refresh(self):
        """Show the progress of the chunks again; done when all are."""
        self.ensure_one()
        self._check_sales_manager()
        if self.state == 'running' and \
                self.job_done_count == self.job_count:
            self.write({'state': 'done'})
        return self._action_reopen()

    @api.multi
    def _action_reopen(self):
        return {
            'type': 'ir.actions.act_window',
            'name': _('Recompute Territories'),
            'res_model': self._name,
            'res_id': self.id,
            'view_mode': 'form',
            'target': 'new',
        }
