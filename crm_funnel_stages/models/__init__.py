# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import crm_team
from . import crm_stage
from . import crm_stage_labels_mixin
from . import crm_stage_criterion
from . import crm_lead_funnel_row_mixin
from . import crm_lead_criterion_check
from . import crm_lead_stage_history
from . import crm_lead
from . import crm_funnel_template
from . import crm_funnel_template_stage
from . import crm_funnel_template_criterion
