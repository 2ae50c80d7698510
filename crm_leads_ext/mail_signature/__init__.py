# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The engine that reads a sender's contact details from an email
signature or a business card's text (parser.py): plain functions, no
model, used by the mail gateway (models/crm_lead_mail.py) and the
business card form (wizard/crm_lead_business_card.py)."""
from . import parser
