# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import test_browser_smoke
from . import test_queue_job
from . import test_cross_addon_paths
from . import test_demo_stories
from . import test_export_refusals_suite
from . import test_capture_round_robin
from . import test_redteam_capture
from . import test_demo_first_screens_browser
from . import test_access_gate
from . import test_business_card_demo_browser
from . import test_multi_company_suite
from . import test_campaign_diagram_browser
from . import test_campaign_demo
from . import test_campaign_browser
