# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import crm_lead_lost
from . import crm_quotation_copy
from . import crm_quotation_won
from . import mail_compose_message
