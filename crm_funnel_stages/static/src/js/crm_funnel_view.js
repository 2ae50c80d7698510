odoo.define('crm_funnel_stages.FunnelView', function (require) {
"use strict";

/**
 * The sales funnel: a client action showing, for the chosen salesperson,
 * sales team and period, the open opportunities of each stage (count,
 * expected and weighted revenue) as a funnel whose bands narrow stage after
 * stage or as an nvd3 bar chart, the won and the lost ones apart, the
 * figures of the Sage CRM funnel (open opportunities, potential revenue,
 * success rate) and a breakdown per salesperson over the salespeople the
 * user's record rules show. Every figure comes from one call to
 * crm.lead.get_funnel_data; clicking a stage, won or lost opens those
 * opportunities with the funnel's filters in the search bar.
 */

var ajax = require('web.ajax');
var ControlPanelMixin = require('web.ControlPanelMixin');
var core = require('web.core');
var field_utils = require('web.field_utils');
var period = require('crm_funnel_stages.period');
var session = require('web.session');
var Widget = require('web.Widget');

var QWeb = core.qweb;
var _t = core._t;

// the act_window the stages open, filtered through its search view
var STAGE_ACTION = 'crm_funnel_stages.crm_lead_action_funnel_stage';
// the search filters of that action for the won and the lost ones
var OUTCOME_FILTERS = {won: 'won', lost: 'funnel_lost'};
// how far each side of the funnel's last band is drawn in (percent), and
// less on a narrow screen, where the labels need the room
var FUNNEL_NARROWING = 30;
var NARROW_FUNNEL_NARROWING = 12;
var NARROW_WIDTH = 480;
// the narrowest group of bars (pixels): its label wraps within it
var MIN_LABEL_BAND = 80;

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
        'click .o_funnel_chart_switch button': '_onChartSwitch',
        'click .o_funnel_stage_link': '_onStageClick',
        'click .o_funnel_outcome_link': '_onOutcomeClick',
    },

    /**
     * @override
     */
    init: function (parent, action) {
        this._super.apply(this, arguments);
        this.action = action;
        this.action_manager = parent;
        this.currency = null;
        this.teams = [];
        this.users = [];
        this.filters = {
            user_id: session.uid,
            team_id: false,
            date_from: '',
            date_to: '',
        };
        this.chart = 'bars';
        this.funnel = null;
        // the bars are drawn for a width: drawn again when it changes (the
        // window, or the menu beside the action appearing after it)
        this._chartWidth = null;
        this._onResize = _.debounce(function () {
            if (this.isInDOM && this.$('.o_funnel_chart').width() !== this._chartWidth) {
                this._renderChart();
            }
        }.bind(this), 100);
        this._resizeObserver = window.ResizeObserver ?
            new window.ResizeObserver(this._onResize) : null;
    },
    /**
     * Loads what the filters offer, where the funnel opens, and its figures.
     *
     * @override
     */
    willStart: function () {
        var self = this;
        var filtersDef = this._rpc({
            model: 'crm.lead',
            method: 'get_funnel_filters',
        }).then(function (result) {
            self.users = result.users;
            self.teams = result.teams;
            self.filters.user_id = result.user_id;
            self.filters.team_id = result.team_id;
            self.chart = self._teamChart(result.team_id);
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
                      filtersDef, currencyDef)
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
        this._observeSize(true);
        this._renderChart();
    },
    on_detach_callback: function () {
        this.isInDOM = false;
        this._observeSize(false);
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
        this._observeSize(false);
        this._super.apply(this, arguments);
    },

    //--------------------------------------------------------------------------
    // Private
    //--------------------------------------------------------------------------

    /**
     * The domain of the chosen salesperson, team and period: the funnel's
     * figures and the lists opened from it (through their search bar) share
     * it.
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
        return domain.concat(period.periodDomain(
            this.filters.date_from, this.filters.date_to));
    },
    /**
     * @private
     * @param {boolean} on whether to follow the size of the action
     */
    _observeSize: function (on) {
        if (this._resizeObserver) {
            if (on) {
                this._resizeObserver.observe(this.el);
            } else {
                this._resizeObserver.disconnect();
            }
        } else {
            $(window)[on ? 'on' : 'off']('resize', this._onResize);
        }
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
            kwargs: {group_by: 'user_id'},
        }).then(function (funnel) {
            self.funnel = funnel;
        });
    },
    /**
     * @private
     * @param {integer|false} team_id
     * @returns {string} the chart the team's funnel opens with
     */
    _teamChart: function (team_id) {
        var team = _.findWhere(this.teams, {id: team_id});
        return team ? team.funnel_chart : 'bars';
    },
    /**
     * @private
     * @param {Object[]} stages the stages of the funnel or of a salesperson
     * @param {string} state 'open', 'won' or 'lost'
     * @returns {Object[]} those stages in that state
     */
    _stagesIn: function (stages, state) {
        return _.where(stages, {state: state});
    },
    /**
     * @private
     * @param {Object[]} stages
     * @returns {string} their labels, one after the other
     */
    _labels: function (stages) {
        return _.pluck(stages, 'label').join(', ');
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
    /**
     * The per-salesperson table is shown when it tells more than the
     * figures above it: someone else's opportunities, or unassigned ones,
     * are counted.
     *
     * @private
     * @returns {boolean}
     */
    _showBreakdown: function () {
        return _.some(this.funnel.users, function (user) {
            return user.user_id !== session.uid;
        });
    },
    /**
     * The shape of band ``index`` of ``count``: a trapezoid in a 100 x 10
     * box, each band narrower than the one above, and the side padding that
     * keeps its label within the band's narrower edge.
     *
     * @private
     * @param {integer} index
     * @param {integer} count
     * @returns {Object} {points, padding, fill}
     */
    _band: function (index, count) {
        var narrowing = this._chartWidth < NARROW_WIDTH ?
            NARROW_FUNNEL_NARROWING : FUNNEL_NARROWING;
        var step = narrowing / count;
        var top = index * step;
        var bottom = (index + 1) * step;
        var lightness = 88 - Math.round(18 * index / Math.max(count - 1, 1));
        return {
            points: [top + ',0', (100 - top) + ',0',
                     (100 - bottom) + ',10', bottom + ',10'].join(' '),
            padding: 'padding-left: ' + bottom + '%; padding-right: ' + bottom + '%;',
            fill: 'fill: hsl(244, 24%, ' + lightness + '%);',
        };
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
        this.$('.o_funnel_chart_switch button').each(function (i, button) {
            $(button).toggleClass('active', $(button).data('chart') === this.chart);
        }.bind(this));
        this.$('.o_funnel_content').html(QWeb.render('crm_funnel_stages.FunnelContent', {
            widget: this,
            funnel: this.funnel,
        }));
        this._renderChart();
    },
    /**
     * Draws the open stages as the chosen chart.
     *
     * @private
     */
    _renderChart: function () {
        if (!this.isInDOM || !this.funnel) {
            return;
        }
        var stages = this._stagesIn(this.funnel.stages, 'open');
        if (!stages.length) {
            return;
        }
        var $container = this.$('.o_funnel_chart').empty();
        this._chartWidth = $container.width();
        if (this.chart === 'funnel') {
            $container.html(QWeb.render('crm_funnel_stages.FunnelShape', {
                widget: this,
                stages: stages,
            }));
        } else {
            this._renderBars($container, stages);
        }
    },
    /**
     * One group of bars per open stage, in stage order, the expected and the
     * weighted revenue side by side, the count of opportunities in the
     * stage's label. The labels wrap within their bars, a word too long for
     * one is cut with an ellipsis (the whole name is its tooltip): labels
     * never overlap, whatever the width. A bar or a label opens the stage.
     *
     * @private
     * @param {jQuery} $container
     * @param {Object[]} stages the open stages
     */
    _renderBars: function ($container, stages) {
        var self = this;
        var labels = {};
        _.each(stages, function (stage) {
            labels[stage.stage_id] = _.str.sprintf(
                _t('%s (%s)'), stage.label, self._formatCount(stage.count));
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
        var margin = {left: this._chartWidth < NARROW_WIDTH ? 64 : 100, right: 16, top: 20};
        // d3's bands: the chart's width over the stages, 10 % spacing; on a
        // narrow screen the chart is made wider than it, to scroll across,
        // rather than bars too narrow for their labels
        var width = Math.max(this._chartWidth, Math.ceil(
            margin.left + margin.right + MIN_LABEL_BAND / 0.9 * (stages.length - 0.1)));
        var band = (width - margin.left - margin.right) / (stages.length - 0.1) * 0.9;
        var measure = this._textMeasurer(svg);
        var lines = _.map(stages, function (stage) {
            return self._wrapLabel(measure, labels[stage.stage_id], band);
        });
        measure.done();
        margin.bottom = 24 + 14 * _.max(_.pluck(lines, 'length'));
        var height = 300 + margin.bottom;
        svg.style({width: width + 'px', height: height + 'px'});
        svg.datum(data);
        var chart = nv.models.multiBarChart();
        chart.options({
            // the size measured above: nvd3 would measure its svg before
            // the page is laid out again
            width: width,
            height: height,
            margin: margin,
            duration: 0,
            showControls: false,
            reduceXTicks: false,
            showLegend: true,
        });
        chart.xAxis.tickFormat(function (stage_id) {
            return labels[stage_id];
        });
        // from 0 (no axis below it when every revenue is 0), with a few
        // round ticks however few the stages (nvd3 would draw no more ticks
        // than bars)
        var top = d3.max(stages, function (stage) {
            return stage.expected_revenue;
        }) || 1;
        chart.forceY([0, top]);
        chart.yAxis.tickValues(_.filter(
            d3.scale.linear().domain([0, top]).ticks(5), function (value) {
                return value === Math.round(value);
            }));
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
        var wrapped = _.object(_.pluck(stages, 'stage_id'), lines);
        svg.selectAll('.nv-x .tick text').each(function (stage_id) {
            var text = d3.select(this).text(null);
            _.each(wrapped[stage_id], function (line, index) {
                text.append('tspan')
                    .attr('x', 0)
                    .attr('dy', index ? '1.2em' : text.attr('dy'))
                    .text(line);
            });
            text.append('title').text(labels[stage_id]);
        })
            .classed('o_funnel_axis_label', true)
            // the stage labels under the bars open the stage too
            .on('click', function (stage_id) {
                self._openStage(stage_id);
            });
    },
    /**
     * A function measuring texts as the chart's axis draws them (``done``
     * removes what it measures with).
     *
     * @private
     * @param {d3.selection} svg the chart's
     * @returns {function} text => width in pixels
     */
    _textMeasurer: function (svg) {
        // the axis' font (nv.d3.css sets it on .nvd3 text)
        var group = svg.append('g').attr('class', 'nvd3');
        var text = group.append('text');
        var measure = function (words) {
            text.text(words);
            return text.node().getComputedTextLength();
        };
        measure.done = function () {
            group.remove();
        };
        return measure;
    },
    /**
     * @private
     * @param {function} measure see _textMeasurer
     * @param {string} text
     * @param {number} width
     * @returns {string} the text, cut with an ellipsis to fit in ``width``
     */
    _cut: function (measure, text, width) {
        while (text.length > 1 && measure(text) > width) {
            text = text.slice(0, text.replace(/\u2026$/, '').length - 1) + '\u2026';
        }
        return text;
    },
    /**
     * The lines of a label within ``width`` pixels, words kept whole unless
     * one alone is too long.
     *
     * @private
     * @param {function} measure see _textMeasurer
     * @param {string} label
     * @param {number} width
     * @returns {string[]}
     */
    _wrapLabel: function (measure, label, width) {
        var self = this;
        var lines = [];
        _.each(label.split(/\s+/), function (word) {
            var last = lines.length - 1;
            if (last >= 0 && measure(lines[last] + ' ' + word) <= width) {
                lines[last] += ' ' + word;
            } else {
                lines.push(self._cut(measure, word, width));
            }
        });
        return lines;
    },
    /**
     * Opens the opportunities of the funnel's filters, and of ``filters``
     * too, with each filter in the search bar.
     *
     * @private
     * @param {Object} context the search defaults of what was clicked
     * @param {string} name the title of the list
     * @param {integer|false} [user_id] a salesperson of the breakdown, or
     *   false for its unassigned opportunities
     * @returns {Deferred}
     */
    _openList: function (context, name, user_id) {
        var self = this;
        context = _.extend({}, context);
        if (user_id === false) {
            context.search_default_unassigned = 1;
        } else if (user_id || this.filters.user_id) {
            context.search_default_user_id = user_id || this.filters.user_id;
        }
        if (this.filters.team_id) {
            context.search_default_team_id = this.filters.team_id;
        }
        if (this.filters.date_from || this.filters.date_to) {
            context.search_default_create_date =
                this.filters.date_from + '/' + this.filters.date_to;
        }
        return this._rpc({
            route: '/web/action/load',
            params: {action_id: STAGE_ACTION},
        }).then(function (action) {
            action.display_name = _.str.sprintf(_t('Opportunities: %s'), name);
            return self.do_action(action, {additional_context: context});
        });
    },
    /**
     * @private
     * @param {integer} stage_id
     * @param {integer|false} [user_id] see _openList
     * @returns {Deferred}
     */
    _openStage: function (stage_id, user_id) {
        var stage = this._findStage(this.funnel.stages, stage_id);
        return this._openList({search_default_stage_id: stage_id},
                              stage ? stage.label : '', user_id);
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
     * @param {MouseEvent} ev
     */
    _onChartSwitch: function (ev) {
        ev.preventDefault();
        this.chart = $(ev.currentTarget).data('chart');
        this._renderContent();
    },
    /**
     * @private
     */
    _onFilterChange: function () {
        var self = this;
        var team_id = parseInt(this.$('select[name="team_id"]').val(), 10) || false;
        if (team_id !== this.filters.team_id) {
            this.chart = this._teamChart(team_id);
        }
        this.filters = {
            user_id: parseInt(this.$('select[name="user_id"]').val(), 10) || false,
            team_id: team_id,
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
    _onOutcomeClick: function (ev) {
        ev.preventDefault();
        var $link = $(ev.currentTarget);
        var outcome = $link.data('outcome');
        var context = {};
        context['search_default_' + OUTCOME_FILTERS[outcome]] = 1;
        var user_id = $link.data('user-id');
        return this._openList(context, outcome === 'won' ? _t('Won') : _t('Lost'),
                              user_id === undefined ? undefined : user_id || false);
    },
    /**
     * @private
     * @param {MouseEvent} ev
     */
    _onStageClick: function (ev) {
        ev.preventDefault();
        var $link = $(ev.currentTarget);
        var user_id = $link.data('user-id');
        this._openStage($link.data('stage-id'),
                        user_id === undefined ? undefined : user_id || false);
    },
});

core.action_registry.add('crm_funnel_view', FunnelView);

return FunnelView;

});
