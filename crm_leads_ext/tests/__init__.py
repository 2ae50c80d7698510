# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import test_team_hierarchy
from . import test_escalation
from . import test_lead_filters
from . import test_assignment_rule
from . import test_lead_analysis
from . import test_communication_history
from . import test_mail_gateway
from . import test_lead_conversion
from . import test_use_leads
from . import test_translations
from . import test_business_card
from . import test_business_card_browser
from . import test_mail_gateway_concurrency
from . import test_gateway_team_views
from . import test_lead_import
from . import test_lead_import_bad_input
from . import test_lead_import_browser
