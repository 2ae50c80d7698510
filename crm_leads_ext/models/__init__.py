# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import crm_team
from . import res_users
from . import crm_lead_escalation
from . import crm_lead_assignment_rule
from . import crm_lead
from . import crm_lead_history
from . import res_partner
from . import crm_lead_source_key
from . import crm_lead_capture_hit
from . import crm_lead_capture
from . import crm_lead_mail
from . import crm_lead_conversion
from . import crm_lead_import_line
from . import crm_lead_import_mapping
from . import crm_lead_import_batch
from . import crm_lead_import_row
from . import crm_lead_import
