# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import crm_safe_domain_mixin
from . import crm_company_check_mixin
