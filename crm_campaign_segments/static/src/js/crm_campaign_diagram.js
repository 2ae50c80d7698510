odoo.define('crm_campaign_segments.CampaignDiagram', function (require) {
"use strict";

/**
 * The workflow diagram of a campaign, in its form: the activities as boxes
 * (the start activities outlined), the transitions as arrows labelled with
 * their trigger, a backward arrow (a loop) curving under the boxes. The
 * server lays it out (crm_campaign_segments/engine/diagram.py, the field
 * crm.campaign.diagram holds the JSON); this widget only draws it, as SVG.
 */

var AbstractField = require('web.AbstractField');
var core = require('web.core');
var fieldRegistry = require('web.field_registry');

var _t = core._t;
var SVG_NS = 'http://www.w3.org/2000/svg';
// characters of an activity's name that fit on a line of its box, and its
// lines (the whole name is its tooltip)
var LINE_LENGTH = 24;
var LINES = 2;
var LINE_HEIGHT = 16;

/**
 * The lines of ``name`` in a box: cut between words, the last one ending
 * with an ellipsis when the name goes on.
 */
function nameLines(name) {
    var lines = [];
    var words = name.split(/\s+/);
    var line = '';
    while (words.length && lines.length < LINES) {
        var word = words[0];
        var longer = line ? line + ' ' + word : word;
        if (longer.length <= LINE_LENGTH) {
            line = longer;
            words.shift();
        } else if (!line) {
            // a word longer than a line
            lines.push(word.slice(0, LINE_LENGTH));
            words[0] = word.slice(LINE_LENGTH);
        } else {
            lines.push(line);
            line = '';
        }
    }
    if (line && lines.length < LINES) {
        lines.push(line);
    }
    if (words.length) {
        var last = lines[lines.length - 1];
        lines[lines.length - 1] = last.slice(0, LINE_LENGTH - 1) + '\u2026';
    }
    return lines;
}

function svgNode(tag, attributes, text) {
    var node = document.createElementNS(SVG_NS, tag);
    _.each(attributes, function (value, name) {
        node.setAttribute(name, value);
    });
    if (text !== undefined) {
        node.textContent = text;
    }
    return node;
}

var CampaignDiagram = AbstractField.extend({
    className: 'o_crm_campaign_diagram',
    supportedFieldTypes: ['text'],

    /**
     * @override
     */
    _render: function () {
        this.$el.empty();
        var picture = this.value ? JSON.parse(this.value) : null;
        if (!picture || !picture.boxes.length) {
            this.$el.append($('<p>', {
                'class': 'o_crm_campaign_diagram_empty',
                text: _t('Add activities and transitions: the workflow is drawn here.'),
            }));
            return;
        }
        // the arrowhead's id is unique in the page (a dialog may show a
        // second campaign)
        var arrowhead = _.uniqueId('o_crm_campaign_arrowhead_');
        var svg = svgNode('svg', {
            width: picture.width, height: picture.height,
            viewBox: '0 0 ' + picture.width + ' ' + picture.height,
        });
        var marker = svgNode('marker', {
            id: arrowhead, markerWidth: 10, markerHeight: 8, refX: 9,
            refY: 4, orient: 'auto',
        });
        marker.appendChild(svgNode('path', {d: 'M0,0 L10,4 L0,8 z'}));
        var defs = svgNode('defs');
        defs.appendChild(marker);
        svg.appendChild(defs);
        _.each(picture.arrows, function (arrow) {
            var path, labelX, labelY;
            if (arrow.back) {
                path = 'M' + arrow.x1 + ',' + arrow.y1 +
                    ' C' + arrow.x1 + ',' + arrow.cy + ' ' + arrow.x2 + ',' +
                    arrow.cy + ' ' + arrow.x2 + ',' + arrow.y2;
                labelX = (arrow.x1 + arrow.x2) / 2;
                labelY = arrow.cy - 4;
            } else {
                path = 'M' + arrow.x1 + ',' + arrow.y1 + ' L' + arrow.x2 +
                    ',' + arrow.y2;
                labelX = (arrow.x1 + arrow.x2) / 2;
                labelY = (arrow.y1 + arrow.y2) / 2 - 6;
            }
            var group = svgNode('g', {
                'class': 'o_crm_campaign_transition',
                'data-id': arrow.id,
            });
            group.appendChild(svgNode('path', {
                d: path, 'marker-end': 'url(#' + arrowhead + ')',
            }));
            group.appendChild(svgNode('text', {
                x: labelX, y: labelY, 'text-anchor': 'middle',
            }, arrow.label));
            svg.appendChild(group);
        });
        _.each(picture.boxes, function (box) {
            var group = svgNode('g', {
                'class': 'o_crm_campaign_activity' +
                    (box.start ? ' o_crm_campaign_activity_start' : ''),
                'data-id': box.id,
            });
            group.appendChild(svgNode('title', {}, box.name));
            group.appendChild(svgNode('rect', {
                x: box.x, y: box.y, width: box.width, height: box.height,
                rx: 6, ry: 6,
            }));
            var lines = nameLines(box.name);
            var text = svgNode('text', {'text-anchor': 'middle'});
            _.each(lines, function (line, index) {
                text.appendChild(svgNode('tspan', {
                    x: box.x + box.width / 2,
                    y: box.y + box.height / 2 + 5 +
                        (index - (lines.length - 1) / 2) * LINE_HEIGHT,
                }, line));
            });
            group.appendChild(text);
            svg.appendChild(group);
        });
        this.$el.append(svg);
    },
});

fieldRegistry.add('crm_campaign_diagram', CampaignDiagram);

return CampaignDiagram;

});
