# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The check of a workflow's transitions without delay, on plain ids."""
import unittest

from ..engine.graph import zero_delay_cycle


class TestZeroDelayCycle(unittest.TestCase):

    def test_no_cycle(self):
        self.assertIsNone(zero_delay_cycle([(1, 2), (2, 3), (1, 3)]))
        self.assertIsNone(zero_delay_cycle([]))

    def test_cycle_found(self):
        self.assertEqual(zero_delay_cycle([(1, 2), (2, 3), (3, 2)]), [2, 3])
        self.assertEqual(zero_delay_cycle([(5, 5)]), [5])
