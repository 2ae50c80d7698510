# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from .controllers.lead_capture import install_capture_request


def post_load():
    """Odoo 11 would take the JSON body of POST /crm/lead/capture for a
    JSON-RPC call, read whole and parsed before any addon code runs: the
    capture path gets its own request type, chosen where Odoo chooses it
    (Root.get_request, server-wide), for the databases with this addon
    only. See controllers/lead_capture.py and the README."""
    install_capture_request()
