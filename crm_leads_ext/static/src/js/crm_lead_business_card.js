/* Copyright 2026 CRM Suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html). */
odoo.define('crm_leads_ext.business_card', function (require) {
"use strict";

var basic_fields = require('web.basic_fields');
var core = require('web.core');
var field_registry = require('web.field_registry');
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

/**
 * The card photo with a button that says what it does: Odoo's image widget
 * has only a pencil, shown while the pointer is over the photo, which
 * nobody finds (and a phone has no pointer).
 */
var CardPhoto = basic_fields.FieldBinaryImage.extend({
    events: _.extend({}, basic_fields.FieldBinaryImage.prototype.events, {
        'click .o_crm_card_upload': '_onUploadClick',
    }),
    _render: function () {
        this._super.apply(this, arguments);
        if (this.mode === 'readonly') {
            return;
        }
        var $button = this.$('.o_crm_card_upload');
        if (!$button.length) {
            $button = $('<button type="button" class="btn btn-primary o_crm_card_upload"/>')
                .append($('<i class="fa fa-camera"/>'), ' ', $('<span/>'))
                .appendTo(this.$el);
        }
        $button.find('span').text(this.value ?
            _t("Upload Another Photo") : _t("Upload a Photo of the Card"));
    },
    _onUploadClick: function (ev) {
        ev.preventDefault();
        ev.stopPropagation();
        this.$('.o_input_file').click();
    },
});
field_registry.add('crm_card_photo', CardPhoto);

ListController.include(_.extend({}, BusinessCardButtonMixin));
KanbanController.include(_.extend({}, BusinessCardButtonMixin));

return BusinessCardButtonMixin;
});
