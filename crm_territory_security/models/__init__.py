# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import crm_territory
from . import crm_territory_zip_range
from . import crm_territory_quota
from . import res_company
from . import res_users
from . import crm_lead
from . import res_partner
from . import crm_lead_linked_mixin
from . import mail_activity
from . import mail_followers
from . import crm_opportunity_report
from . import ir_rule
