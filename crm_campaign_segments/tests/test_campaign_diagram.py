# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The layout of a campaign's workflow diagram (engine/diagram.py): plain
inputs, no database."""
import unittest

from ..engine.diagram import BOX_HEIGHT, BOX_WIDTH, layout


def activity(activity_id, name, start=False):
    return {'id': activity_id, 'name': name, 'start': start}


def transition(transition_id, source, target, label=''):
    return {'id': transition_id, 'from': source, 'to': target,
            'label': label}


class TestCampaignDiagram(unittest.TestCase):

    def boxes(self, picture):
        return {box['id']: box for box in picture['boxes']}

    def assertApart(self, boxes):
        """No two boxes overlap."""
        boxes = list(boxes)
        for index, first in enumerate(boxes):
            for second in boxes[index + 1:]:
                self.assertTrue(
                    first['x'] + BOX_WIDTH <= second['x'] or
                    second['x'] + BOX_WIDTH <= first['x'] or
                    first['y'] + BOX_HEIGHT <= second['y'] or
                    second['y'] + BOX_HEIGHT <= first['y'],
                    (first, second))

    def test_shanghai_campaign_reads_left_to_right(self):
        """The manual's Shanghai campaign: the recommendation mail, then
        the opportunity three days after a click, and a reminder to those
        who did not open it."""
        picture = layout(
            [activity(3, 'Create the opportunity'),
             activity(1, 'Product recommendation mail', start=True),
             activity(2, 'Reminder mail')],
            [transition(10, 1, 3, 'clicked, then 3 days'),
             transition(11, 1, 2, 'not opened within 7 days')])
        boxes = self.boxes(picture)
        self.assertTrue(boxes[1]['start'])
        self.assertFalse(boxes[2]['start'])
        # the start first, the two outcomes side by side in the next column
        self.assertLess(boxes[1]['x'], boxes[2]['x'])
        self.assertEqual(boxes[2]['x'], boxes[3]['x'])
        self.assertNotEqual(boxes[2]['y'], boxes[3]['y'])
        self.assertApart(boxes.values())
        arrows = {arrow['id']: arrow for arrow in picture['arrows']}
        click = arrows[10]
        self.assertEqual(click['label'], 'clicked, then 3 days')
        self.assertFalse(click['back'])
        # from the right side of the mail to the left side of its target
        self.assertEqual(
            (click['x1'], click['y1'], click['x2'], click['y2']),
            (boxes[1]['x'] + BOX_WIDTH, boxes[1]['y'] + BOX_HEIGHT // 2,
             boxes[3]['x'], boxes[3]['y'] + BOX_HEIGHT // 2))
        for box in boxes.values():
            self.assertLessEqual(box['x'] + BOX_WIDTH, picture['width'])
            self.assertLessEqual(box['y'] + BOX_HEIGHT, picture['height'])

    def test_loop_curves_under_the_boxes(self):
        """A reminder that goes back to the mail: a backward arrow whose
        curve stays inside the picture, below every box."""
        picture = layout(
            [activity(1, 'Mail', start=True), activity(2, 'Reminder')],
            [transition(10, 1, 2, 'after 7 days'),
             transition(11, 2, 1, 'after 30 days')])
        back = [arrow for arrow in picture['arrows'] if arrow['back']]
        self.assertEqual([arrow['id'] for arrow in back], [11])
        lowest = max(box['y'] + BOX_HEIGHT for box in picture['boxes'])
        self.assertGreater(back[0]['cy'], lowest)
        self.assertLess(back[0]['cy'], picture['height'])

    def test_unreached_and_dangling(self):
        """An activity no transition reaches (being built) comes after the
        others; a transition to an activity that is not drawn is left
        out; no activity at all is an empty picture."""
        picture = layout(
            [activity(1, 'Mail', start=True), activity(2, 'Call'),
             activity(5, 'Not linked yet')],
            [transition(10, 1, 2), transition(12, 2, 99)])
        boxes = self.boxes(picture)
        self.assertGreater(boxes[5]['x'], boxes[2]['x'])
        self.assertEqual([arrow['id'] for arrow in picture['arrows']], [10])
        self.assertApart(boxes.values())
        empty = layout([], [])
        self.assertEqual((empty['boxes'], empty['arrows']), ([], []))

    def test_same_picture_every_time(self):
        """The order the activities come in does not move them."""
        activities = [activity(index, 'Step %s' % index, start=index < 3)
                      for index in range(1, 9)]
        transitions = [transition(100 + index, index, index + 2)
                       for index in range(1, 7)]
        self.assertEqual(layout(activities, transitions),
                         layout(activities[::-1], transitions[::-1]))
        self.assertApart(layout(activities, transitions)['boxes'])
