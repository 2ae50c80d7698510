/* Copyright 2026 CRM Suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html). */
odoo.define('crm_leads_ext.business_card', function (require) {
"use strict";

var core = require('web.core');
var KanbanController = require('web.KanbanController');
var ListController = require('web.ListController');
var session = require('web.session');

var _t = core._t;

/**
 * A "Business Card" button next to "Create" in the list and kanban views of
 * the leads (the actions whose new records are leads), one click from the
 * quick-entry form; the view reloads when the form closes, so that the new
 * lead shows. Without "Use leads" (crm.group_use_lead) there is no leads
 * menu and cards become opportunities: the button is on the pipeline then.
 */
var BusinessCardButtonMixin = {
    renderButtons: function () {
        this._super.apply(this, arguments);
        var context = (this.initialState && this.initialState.context) || {};
        if (!this.$buttons || this.modelName !== 'crm.lead') {
            return;
        }
        if (context.default_type === 'lead') {
            this._addBusinessCardButton();
        } else if (context.default_type === 'opportunity') {
            var self = this;
            session.user_has_group('crm.group_use_lead').then(function (useLeads) {
                if (!useLeads && self.$buttons) {
                    self._addBusinessCardButton();
                }
            });
        }
    },
    _addBusinessCardButton: function () {
        $('<button type="button" class="btn btn-default btn-sm o_button_business_card"/>')
            .attr('title', _t("Enter a lead from a business card, or read it from a photo"))
            // only the icon on a phone: the control panel is narrow there
            .append($('<i class="fa fa-id-card-o"/>'), ' ',
                    $('<span class="hidden-xs"/>').text(_t("Business Card")))
            .on('click', this._onBusinessCard.bind(this))
            .appendTo(this.$buttons);
    },
    _onBusinessCard: function (ev) {
        ev.preventDefault();
        var self = this;
        this.do_action('crm_leads_ext.crm_lead_business_card_action', {
            on_close: function () {
                self.reload();
            },
        });
    },
};

ListController.include(_.extend({}, BusinessCardButtonMixin));
KanbanController.include(_.extend({}, BusinessCardButtonMixin));

return BusinessCardButtonMixin;
});
