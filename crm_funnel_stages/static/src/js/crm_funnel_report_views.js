odoo.define('crm_funnel_stages.report_views', function (require) {
"use strict";

/**
 * The pivot and graph views of the stage reports: when nothing matches, they
 * show the action's help, what the report holds and how it fills up, where
 * Odoo shows a generic "No data to display". Odoo 11's pivot and graph
 * views take no js_class: the views of these reports' models are told
 * apart by their model, every other view is left as it is.
 */

var GraphRenderer = require('web.GraphRenderer');
var GraphView = require('web.GraphView');
var PivotRenderer = require('web.PivotRenderer');
var PivotView = require('web.PivotView');

var REPORT_MODELS = ['crm.lead.stage.history', 'crm.lead.stage.analysis'];

var HelpWhenEmptyView = {
    /**
     * @override
     */
    init: function (viewInfo, params) {
        this._super.apply(this, arguments);
        this.rendererParams.helpWhenEmpty = _.contains(
            REPORT_MODELS, params.modelName);
    },
};

PivotView.include(HelpWhenEmptyView);
GraphView.include(HelpWhenEmptyView);

var HelpWhenEmptyRenderer = {
    /**
     * @override
     */
    init: function (parent, state, params) {
        this._super.apply(this, arguments);
        this.helpWhenEmpty = params.helpWhenEmpty;
    },
};

PivotRenderer.include(HelpWhenEmptyRenderer);
GraphRenderer.include(HelpWhenEmptyRenderer);

PivotRenderer.include({
    /**
     * @override
     */
    _render: function () {
        var result = this._super.apply(this, arguments);
        if (this.helpWhenEmpty && this.noContentHelp && !this._hasContent()) {
            // the element is Odoo's "no content" one here
            this.$el.html(this.noContentHelp);
        }
        return result;
    },
});

GraphRenderer.include({
    /**
     * @override
     */
    _render: function () {
        var result = this._super.apply(this, arguments);
        if (this.helpWhenEmpty && this.noContentHelp && !this.state.data.length) {
            this.$('.oe_view_nocontent').html(this.noContentHelp);
        }
        return result;
    },
});

});
