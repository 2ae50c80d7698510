# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Where the boxes and arrows of a campaign's workflow diagram go.

Plain inputs (the activities and transitions as dicts), plain output (the
picture's size, each box's and each arrow's coordinates): the web client's
widget (static/src/js/crm_campaign_diagram.js) only draws them, so that the
layout is tested here, without a browser.

The workflow reads from left to right: a column per step from the start
activities (an activity's column is the fewest transitions that reach it
from a start activity; those no path reaches come last), a row per
activity within its column, ordered by the rows of the activities that lead
to it so that arrows cross as little as one pass can make them. An arrow
that goes back (to an earlier or the same column: a loop of reminders) is
drawn as a curve under the boxes.

Cost: O(A + T) time and memory for A activities and T transitions, plus
the sort of each column (O(A log A)).
"""
from collections import deque

BOX_WIDTH = 180
BOX_HEIGHT = 56
# room between columns for an arrow and its label, and between rows
COLUMN_GAP = 150
ROW_GAP = 40
MARGIN = 20
# how far below its boxes a backward arrow curves
BACK_CURVE = 40


def columns(activities, transitions):
    """The column of each activity id: the fewest transitions from a start
    activity, after the last reached column for those none reaches."""
    ids = [activity['id'] for activity in activities]
    known = set(ids)
    successors = {activity_id: [] for activity_id in ids}
    for transition in transitions:
        if transition['from'] in known and transition['to'] in known:
            successors[transition['from']].append(transition['to'])
    column = {}
    queue = deque()
    for activity in activities:
        if activity.get('start'):
            column[activity['id']] = 0
            queue.append(activity['id'])
    while queue:
        current = queue.popleft()
        for following in successors[current]:
            if following not in column:
                column[following] = column[current] + 1
                queue.append(following)
    unreached = max(column.values()) + 1 if column else 0
    for activity_id in ids:
        column.setdefault(activity_id, unreached)
    return column


def layout(activities, transitions):
    """The picture of ``activities`` (dicts with id, name, start) linked by
    ``transitions`` (dicts with id, from, to, label): a dict with its
    width and height, its boxes (id, name, start, x, y, width, height) and
    its arrows (id, label, back, and the points x1, y1 to x2, y2; a
    backward arrow also has the lowest point of its curve, cy)."""
    column = columns(activities, transitions)
    by_column = {}
    for activity in activities:
        by_column.setdefault(column[activity['id']], []).append(activity)
    predecessors = {}
    for transition in transitions:
        predecessors.setdefault(transition['to'], []).append(
            transition['from'])
    row = {}

    def rank(activity):
        placed = [row[source] for source in
                  predecessors.get(activity['id'], ()) if source in row]
        # the mean row of the activities already placed that lead here,
        # then the id: the same picture every time
        return (sum(placed) / len(placed) if placed else 0, activity['id'])

    for index in sorted(by_column):
        for position, activity in enumerate(
                sorted(by_column[index], key=rank)):
            row[activity['id']] = position
    boxes = {}
    for activity in activities:
        boxes[activity['id']] = {
            'id': activity['id'],
            'name': activity['name'],
            'start': bool(activity.get('start')),
            'x': MARGIN + column[activity['id']] * (BOX_WIDTH + COLUMN_GAP),
            'y': MARGIN + row[activity['id']] * (BOX_HEIGHT + ROW_GAP),
            'width': BOX_WIDTH,
            'height': BOX_HEIGHT,
        }
    bottom = max([box['y'] + BOX_HEIGHT for box in boxes.values()] or [0])
    arrows = []
    for transition in transitions:
        source = boxes.get(transition['from'])
        target = boxes.get(transition['to'])
        if not source or not target:
            continue
        back = column[target['id']] <= column[source['id']]
        arrow = {
            'id': transition['id'],
            'label': transition.get('label') or '',
            'back': back,
            'x1': source['x'] + BOX_WIDTH,
            'y1': source['y'] + BOX_HEIGHT // 2,
            'x2': target['x'],
            'y2': target['y'] + BOX_HEIGHT // 2,
        }
        if back:
            # out of the source's bottom, into the target's bottom
            arrow.update({
                'x1': source['x'] + BOX_WIDTH // 2,
                'y1': source['y'] + BOX_HEIGHT,
                'x2': target['x'] + BOX_WIDTH // 2,
                'y2': target['y'] + BOX_HEIGHT,
                'cy': bottom + BACK_CURVE,
            })
        arrows.append(arrow)
    width = max([box['x'] + BOX_WIDTH for box in boxes.values()] or [0])
    height = bottom + (BACK_CURVE + ROW_GAP if any(
        arrow['back'] for arrow in arrows) else 0)
    return {
        'width': width + MARGIN,
        'height': height + MARGIN,
        'boxes': sorted(boxes.values(), key=lambda box: box['id']),
        'arrows': sorted(arrows, key=lambda arrow: arrow['id']),
    }
