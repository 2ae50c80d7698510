# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import test_carried_over
from . import test_copy
from . import test_filed
from . import test_sent
from . import test_won_concurrency
from . import test_won_lost
