# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import crm_lead
from . import ir_attachment
from . import res_partner
from . import sale_order
