# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import crm_campaign
from . import crm_segment
from . import crm_campaign_activity
from . import crm_campaign_transition
from . import crm_campaign_workitem
from . import mail_mail
