odoo.define('crm_territory_security.forecast_views', function (require) {
"use strict";

/**
 * The forecasts' pivot and graph show the action's help (what the report
 * shows and how to fill it) when there is nothing to show, instead of
 * Odoo's generic "No data to display".
 */
var AbstractRenderer = require('web.AbstractRenderer');
var GraphRenderer = require('web.GraphRenderer');
var GraphView = require('web.GraphView');
var PivotRenderer = require('web.PivotRenderer');
var PivotView = require('web.PivotView');
var viewRegistry = require('web.view_registry');

function helpElement(help) {
    return $('<div>', {'class': 'oe_view_nocontent o_crm_territory_forecast_help'})
        .html(help);
}

var ForecastPivotRenderer = PivotRenderer.extend({
    _render: function () {
        if (this._hasContent() || !this.noContentHelp) {
            return this._super.apply(this, arguments);
        }
        this.replaceElement(helpElement(this.noContentHelp));
        return AbstractRenderer.prototype._render.apply(this, arguments);
    },
});

var ForecastGraphRenderer = GraphRenderer.extend({
    _render: function () {
        if (this.state.data.length || !this.noContentHelp) {
            return this._super.apply(this, arguments);
        }
        this.$el.empty().append(helpElement(this.noContentHelp));
        return AbstractRenderer.prototype._render.apply(this, arguments);
    },
});

var ForecastPivotView = PivotView.extend({
    config: _.extend({}, PivotView.prototype.config, {
        Renderer: ForecastPivotRenderer,
    }),
});

var ForecastGraphView = GraphView.extend({
    config: _.extend({}, GraphView.prototype.config, {
        Renderer: ForecastGraphRenderer,
    }),
});

viewRegistry.add('crm_territory_forecast_pivot', ForecastPivotView);
viewRegistry.add('crm_territory_forecast_graph', ForecastGraphView);

return {
    ForecastPivotRenderer: ForecastPivotRenderer,
    ForecastGraphRenderer: ForecastGraphRenderer,
};

});
