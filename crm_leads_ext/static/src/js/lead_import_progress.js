/* Copyright 2026 CRM Suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html). */
odoo.define('crm_leads_ext.lead_import_progress', function (require) {
"use strict";

var basicFields = require('web.basic_fields');
var core = require('web.core');
var fieldRegistry = require('web.field_registry');

var _t = core._t;

/**
 * The progress bar of a lead import: while the import is queued or
 * running (a background job), the record is read again every second and
 * the form reloaded when the job moved on, so the bar grows to 100 %.
 */
var LeadImportProgress = basicFields.FieldProgressBar.extend({
    POLL_DELAY: 1000,

    destroy: function () {
        clearTimeout(this._pollTimer);
        this._super.apply(this, arguments);
    },

    _render: function () {
        this._super.apply(this, arguments);
        var state = this.recordData.state;
        var labels = {
            queued: _t("Waiting for a background worker..."),
            running: _t("Importing..."),
            done: _t("Done"),
            failed: _t("Failed"),
        };
        this.$('.o_crm_lead_import_state').remove();
        if (labels[state]) {
            $('<span>', {
                'class': 'o_crm_lead_import_state ml8 o_crm_lead_import_' +
                    state,
                text: labels[state],
            }).appendTo(this.$el);
        }
        clearTimeout(this._pollTimer);
        if (this.res_id && (state === 'queued' || state === 'running')) {
            this._pollTimer = setTimeout(this._poll.bind(this),
                                         this.POLL_DELAY);
        }
    },

    _poll: function () {
        var self = this;
        return this._rpc({
            model: 'crm.lead.import',
            method: 'read',
            args: [[this.res_id], ['state', 'rows_done']],
        }).then(function (result) {
            if (!self.$el || !result.length) {
                return;
            }
            var record = result[0];
            if (record.state !== self.recordData.state ||
                    record.rows_done !== self.recordData.rows_done) {
                self.trigger_up('reload');
            } else {
                self._pollTimer = setTimeout(self._poll.bind(self),
                                             self.POLL_DELAY);
            }
        });
    },
});

fieldRegistry.add('crm_lead_import_progress', LeadImportProgress);

return LeadImportProgress;
});
