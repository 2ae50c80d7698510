# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import test_territory_safe_domain
from . import test_territory_cache
from . import test_territory_round_robin_concurrency
from . import test_territory_recompute
from . import test_territory_generated_rules
from . import test_territory_assignment_rights
from . import test_lead_linked_mixin
from . import test_territory_browser
from . import test_territory_forecast
from . import test_territory_http
from . import test_territory_matching
from . import test_territory_public_methods
from . import test_territory_redteam
from . import test_territory_rpc
from . import test_read_group_documents
from . import test_lead_activities
