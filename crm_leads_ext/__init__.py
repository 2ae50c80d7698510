# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import models
from . import wizard
from . import report
from . import controllers
from . import lead_import
from . import mail_signature
from .hooks import post_load
