odoo.define('crm_funnel_stages.FunnelView', function (require) {
"use strict";

/**
 * The sales funnel: a client action showing, for the chosen salesperson,
 * sales team and period, the opportunities of each stage (count, expected
 * and weighted revenue) as an nvd3 bar chart, the figures of the Sage CRM
 * funnel (open opportunities, potential revenue, success rate) and, for
 * those who see every salesperson's leads, a breakdown per salesperson.
 * Every figure comes from one call to crm.lead.get_funnel_data; clicking a
 * stage opens the opportunities behind it.
 */

var ajax = require('web.ajax');
var ControlPanelMixin = require('web.ControlPanelMixin');
var core = require('web.core');
var field_utils = require('web.field_utils');
var session = require('web.session');
var time = require('web.time');
var Widget = require('web.Widget');

var QWeb = core.qweb;
var _t = core._t;

// the group whose record rules let a user see every salesperson's leads
var MANAGER_GROUP = 'sales_team.group_sale_salesman_all_leads';
// the act_window that the stage links open, domain set at click time
var STAGE_ACTION = 'crm_funnel_stages.crm_lead_action_funnel_stage';

var FunnelView = Widget.extend(ControlPanelMixin, {
    template: 'crm_funnel_stages.FunnelView',
    // d3/nvd3 are lazy-loaded, as Odoo's graph view loads them
    cssLibs: [
        '/web/static/lib/nvd3/nv.d3.css',
    ],
    jsLibs: [
        '/web/static/lib/nvd3/d3.v3.js',
        '/web/static/lib/nvd3/nv.d3.js',
        '/web/static/src/js/libs/nvd3.js',
    ],
    events: {
        'change .o_funnel_filters select': '_onFilterChange',
        'change .o_funnel_filters input': '_onFilterChange',
        'click .o_funnel_stage_link': '_onStageClick',
    },

    /**
     * @override
     */
    init: function (parent, action) {
        this._super.apply(this, arguments);
        this.action = action;
        this.action_manager = parent;
        this.isManager = false;
        this.currency = null;
        this.teams = [];
        this.users = [];
        // a salesperson sees their own funnel first, a manager too
        this.filters = {
            user_id: session.uid,
            team_id: false,
            date_from: '',
            date_to: '',
        };
        this.funnel = null;
    },
    /**
     * Loads what the filters offer and the funnel figures.
     *
     * @override
     */
    willStart: function () {
        var self = this;
        var groupDef = session.user_has_group(MANAGER_GROUP).then(function (isManager) {
            self.isManager = isManager;
            if (!isManager) {
                return;
            }
            return self._rpc({
                model: 'res.users',
                method: 'search_read',
                domain: [['share', '=', false]],
                fields: ['name'],
                orderBy: [{name: 'name', asc: true}],
            }).then(function (users) {
                self.users = users;
            });
        });
        var teamDef = this._rpc({
            model: 'crm.team',
            method: 'search_read',
            domain: [],
            fields: ['name'],
            orderBy: [{name: 'name', asc: true}],
        }).then(function (teams) {
            self.teams = teams;
        });
        // the revenues are in the company's currency (crm.lead's
        // company_currency), shown with its symbol and decimals
        var currencyDef = this._rpc({
            model: 'res.company',
            method: 'read',
            args: [[session.company_id], ['currency_id']],
        }).then(function (companies) {
            var currency_id = companies.length && companies[0].currency_id[0];
            self.currency = session.get_currency(currency_id);
        });
        return $.when(this._super.apply(this, arguments), ajax.loadLibs(this),
                      groupDef, teamDef, currencyDef)
            .then(function () {
                return self._fetchFunnel();
            });
    },
    /**
     * @override
     */
    start: function () {
        var self = this;
        return this._super.apply(this, arguments).then(function () {
            self._renderContent();
            self._updateControlPanel();
        });
    },
    /**
     * nvd3 measures the DOM to lay out the chart: it is drawn once the
     * action is in the document (and again when coming back to it).
     */
    on_attach_callback: function () {
        this.isInDOM = true;
        this._renderChart();
    },
    on_detach_callback: function () {
        this.isInDOM = false;
    },
    /**
     * @override
     */
    do_show: function () {
        this._super.apply(this, arguments);
        this._updateControlPanel();
    },
    /**
     * @override
     */
    destroy: function () {
        if (this.chart) {
            nv.utils.offWindowResize(this.chart.update);
        }
        this._super.apply(this, arguments);
    },

    //--------------------------------------------------------------------------
    // Private
    //--------------------------------------------------------------------------

    /**
     * The domain of the chosen salesperson, team and period: the funnel's
     * figures and the opportunity lists opened from it share it.
     *
     * The period is on the creation date of the opportunities, in the user's
     * time zone (from the start of the first day to the end of the last).
     *
     * @private
     * @returns {Array} a domain on crm.lead
     */
    _getDomain: function () {
        var domain = [['type', '=', 'opportunity']];
        if (this.filters.user_id) {
            domain.push(['user_id', '=', this.filters.user_id]);
        }
        if (this.filters.team_id) {
            domain.push(['team_id', '=', this.filters.team_id]);
        }
        if (this.filters.date_from) {
            var start = moment(this.filters.date_from, 'YYYY-MM-DD').startOf('day');
            domain.push(['create_date', '>=', time.datetime_to_str(start.toDate())]);
        }
        if (this.filters.date_to) {
            var end = moment(this.filters.date_to, 'YYYY-MM-DD').endOf('day');
            domain.push(['create_date', '<=', time.datetime_to_str(end.toDate())]);
        }
        return domain;
    },
    /**
     * @private
     * @returns {Deferred}
     */
    _fetchFunnel: function () {
        var self = this;
        return this._rpc({
            model: 'crm.lead',
            method: 'get_funnel_data',
            args: [this._getDomain()],
            kwargs: {group_by: this.isManager ? 'user_id' : null},
        }).then(function (funnel) {
            self.funnel = funnel;
        });
    },
    /**
     * @private
     * @param {Object[]} stages the stages of the funnel or of a salesperson
     * @param {integer} stage_id
     * @returns {Object|undefined} the figures of that stage
     */
    _findStage: function (stages, stage_id) {
        return _.findWhere(stages, {stage_id: stage_id});
    },
    _formatCount: function (value) {
        return field_utils.format.integer(value || 0);
    },
    _formatMonetary: function (value) {
        return field_utils.format.monetary(value || 0, {}, {currency: this.currency});
    },
    _formatFloat: function (value) {
        return field_utils.format.float(value || 0, {}, {digits: [69, 1]});
    },
    _formatPercentage: function (value) {
        return field_utils.format.float(value || 0, {}, {digits: [69, 2]}) + '\u00a0%';
    },
    /**
     * @private
     */
    _renderContent: function () {
        this.$('.o_funnel_content').html(QWeb.render('crm_funnel_stages.FunnelContent', {
            widget: this,
            funnel: this.funnel,
        }));
        this._renderChart();
    },
    /**
     * Draws the funnel: one group of bars per stage, in stage order, the
     * expected and the weighted revenue side by side, the count of
     * opportunities in the stage's label. A bar or a label opens the stage.
     *
     * @private
     */
    _renderChart: function () {
        var self = this;
        if (!this.isInDOM) {
            return;
        }
        if (this.chart) {
            nv.utils.offWindowResize(this.chart.update);
            this.chart = null;
        }
        var $container = this.$('.o_funnel_chart').empty();
        var stages = this.funnel.stages;
        if (!stages.length) {
            return;
        }
        var labels = {};
        _.each(stages, function (stage) {
            labels[stage.stage_id] = _.str.sprintf(
                _t('%s (%s)'), stage.name, self._formatCount(stage.count));
        });
        var serie = function (key, measure) {
            return {
                key: key,
                values: _.map(stages, function (stage) {
                    return {x: stage.stage_id, y: stage[measure] || 0};
                }),
            };
        };
        var data = [
            serie(_t('Expected Revenue'), 'expected_revenue'),
            serie(_t('Weighted Revenue'), 'weighted_revenue'),
        ];
        var svg = d3.select($container[0]).append('svg');
        svg.datum(data);
        var chart = nv.models.multiBarChart();
        chart.options({
            margin: {left: 100, bottom: 60, top: 20, right: 20},
            duration: 0,
            showControls: false,
            reduceXTicks: false,
            showLegend: true,
        });
        chart.xAxis.tickFormat(function (stage_id) {
            return labels[stage_id];
        });
        chart.yAxis.showMaxMin(false);
        chart.yAxis.tickFormat(function (value) {
            return field_utils.format.float(value, {}, {digits: [69, 0]});
        });
        chart.tooltip.headerFormatter(function (stage_id) {
            return labels[stage_id];
        });
        chart.tooltip.valueFormatter(function (value) {
            return self._formatMonetary(value).replace(/&nbsp;/g, '\u00a0');
        });
        chart.multibar.dispatch.on('elementClick', function (event) {
            self._openStage(event.data.x);
        });
        chart(svg);
        // the stage labels under the bars open the stage too
        svg.selectAll('.nv-x .tick text')
            .classed('o_funnel_axis_label', true)
            .on('click', function (stage_id) {
                self._openStage(stage_id);
            });
        nv.utils.windowResize(chart.update);
        this.chart = chart;
    },
    /**
     * Opens the opportunities of a stage under the funnel's filters.
     *
     * @private
     * @param {integer} stage_id
     * @param {integer} [user_id] a salesperson of the breakdown
     * @returns {Deferred}
     */
    _openStage: function (stage_id, user_id) {
        var self = this;
        var stage = this._findStage(this.funnel.stages, stage_id);
        var domain = this._getDomain().concat([['stage_id', '=', stage_id]]);
        if (user_id) {
            domain.push(['user_id', '=', user_id]);
        }
        return this._rpc({
            route: '/web/action/load',
            params: {action_id: STAGE_ACTION},
        }).then(function (action) {
            action.domain = domain;
            if (stage) {
                action.display_name = _.str.sprintf(
                    _t('Opportunities: %s'), stage.name);
            }
            return self.do_action(action);
        });
    },
    _updateControlPanel: function () {
        this.update_control_panel({
            breadcrumbs: this.action_manager.get_breadcrumbs(),
            cp_content: {},
        });
    },

    //--------------------------------------------------------------------------
    // Handlers
    //--------------------------------------------------------------------------

    /**
     * @private
     */
    _onFilterChange: function () {
        var self = this;
        var user_id = this.$('select[name="user_id"]').val();
        var team_id = this.$('select[name="team_id"]').val();
        this.filters = {
            user_id: this.isManager ? parseInt(user_id, 10) || false : session.uid,
            team_id: parseInt(team_id, 10) || false,
            date_from: this.$('input[name="date_from"]').val() || '',
            date_to: this.$('input[name="date_to"]').val() || '',
        };
        return this._fetchFunnel().then(function () {
            self._renderContent();
        });
    },
    /**
     * @private
     * @param {MouseEvent} ev
     */
    _onStageClick: function (ev) {
        ev.preventDefault();
        var $link = $(ev.currentTarget);
        this._openStage($link.data('stage-id'), $link.data('user-id'));
    },
});

core.action_registry.add('crm_funnel_view', FunnelView);

return FunnelView;

});
