# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Before 11.0.1.1.0 the integration user of an API key was optional (an
empty one meant the superuser); it is required now. Odoo makes the column
NOT NULL before the module's data is loaded, so the keys without a user
get the default integration user here, first: otherwise the update logs a
refused ``ALTER TABLE`` and leaves the column nullable.

The default user is the record of ``data/crm_lead_capture_data.xml``,
loaded from that file here, so that it is defined in one place."""
from lxml import etree

from odoo import SUPERUSER_ID, api
from odoo.modules.module import get_resource_path
from odoo.tools.convert import xml_import

DEFAULT_USER = 'crm_leads_ext.user_lead_capture'


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    if not env.ref(DEFAULT_USER, raise_if_not_found=False):
        path = get_resource_path(
            'crm_leads_ext', 'data', 'crm_lead_capture_data.xml')
        xml_import(cr, 'crm_leads_ext', {}, 'update').parse(
            etree.parse(path).getroot())
    cr.execute("UPDATE crm_lead_source_key SET user_id = %s "
               "WHERE user_id IS NULL", (env.ref(DEFAULT_USER).id,))
