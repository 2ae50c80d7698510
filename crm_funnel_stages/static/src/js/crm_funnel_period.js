odoo.define('crm_funnel_stages.period', function (require) {
"use strict";

/**
 * The period of the sales funnel, on the creation date of the opportunities:
 * the domain the funnel computes its figures on, and the search field that
 * puts the same period in the search bar of the lists the funnel opens (a
 * facet the user sees and may remove).
 *
 * A period is written 'YYYY-MM-DD/YYYY-MM-DD', either side empty when open:
 * that is the value of ``search_default_create_date`` the funnel sends.
 */

var core = require('web.core');
var field_utils = require('web.field_utils');
var search_inputs = require('web.search_inputs');
var time = require('web.time');

var _t = core._t;

/**
 * @param {string} from 'YYYY-MM-DD' or ''
 * @param {string} to 'YYYY-MM-DD' or ''
 * @returns {Array} a domain on create_date, from the start of the first day
 *   to the end of the last one in the user's time zone
 */
function periodDomain(from, to) {
    var domain = [];
    if (from) {
        var start = moment(from, 'YYYY-MM-DD').startOf('day');
        domain.push(['create_date', '>=', time.datetime_to_str(start.toDate())]);
    }
    if (to) {
        var end = moment(to, 'YYYY-MM-DD').endOf('day');
        domain.push(['create_date', '<=', time.datetime_to_str(end.toDate())]);
    }
    return domain;
}

/**
 * @param {string} value 'YYYY-MM-DD/YYYY-MM-DD'
 * @returns {Object|null} {from, to}, null unless a valid period
 */
function parsePeriod(value) {
    var parts = String(value || '').split('/');
    if (parts.length !== 2 || !(parts[0] || parts[1])) {
        return null;
    }
    var valid = _.every(parts, function (part) {
        return !part || moment(part, 'YYYY-MM-DD', true).isValid();
    });
    return valid ? {from: parts[0], to: parts[1]} : null;
}

function formatDay(day) {
    return field_utils.format.date(moment(day, 'YYYY-MM-DD'), {type: 'date'});
}

/**
 * A search field given by the funnel only (never offered while typing): its
 * facet reads "Created: from <day> to <day>".
 */
var PeriodField = search_inputs.Field.extend({
    facet_for: function (value) {
        var period = parsePeriod(value);
        if (!period) {
            return $.when(null);
        }
        var label;
        if (period.from && period.to) {
            label = _.str.sprintf(_t('from %s to %s'),
                                  formatDay(period.from), formatDay(period.to));
        } else if (period.from) {
            label = _.str.sprintf(_t('from %s'), formatDay(period.from));
        } else {
            label = _.str.sprintf(_t('until %s'), formatDay(period.to));
        }
        return $.when({
            field: this,
            category: this.attrs.string,
            values: [{label: label, value: value}],
        });
    },
    complete: function () {
        return $.when(null);
    },
    get_domain: function (facet) {
        var period = parsePeriod(facet.values.at(0).get('value'));
        return period ? periodDomain(period.from, period.to) : [];
    },
    visible: function () {
        return false;
    },
});

core.search_widgets_registry.add('crm_funnel_period', PeriodField);

return {
    periodDomain: periodDomain,
    PeriodField: PeriodField,
};

});
