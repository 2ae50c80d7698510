# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import test_graph
from . import test_segment
from . import test_processing
from . import test_campaign_lifecycle
from . import test_campaign_diagram
from . import test_campaign_analysis
from . import test_fault_tolerance
