# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import crm_lead_escalate
from . import crm_lead2opportunity_partner
from . import crm_lead_business_card
from . import crm_lead_source_key_show
