# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""From 11.0.1.2.0 the transitions on a mail event wait their delay after
the event. Before, they led on at once whatever their delay said (1 day by
default): they keep doing so, with a delay of 0."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("""
        UPDATE crm_campaign_transition SET interval_number = 0
        WHERE trigger IN ('opened', 'clicked', 'replied', 'bounced')""")
