# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import test_funnel_templates
from . import test_stage_gates
from . import test_readme_example
from . import test_stage_required_fields
from . import test_stage_probability
from . import test_funnel_data
from . import test_stage_history
from . import test_stage_resequence
from . import test_funnel_view_browser
from . import test_stage_analysis
from . import test_stage_kanban_browser
from . import test_translations
from . import test_funnel_templates_browser
from . import test_funnel_access
from . import test_team_stages
from . import test_funnel_defaults
from . import test_funnel_ux_browser
