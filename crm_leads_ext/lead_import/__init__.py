# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The engine of the lead import wizard (crm.lead.import): reading the
file, normalising (dates apart), finding duplicates, writing leads in SQL
and recording the rows written. Kept apart from the model that stores an
import and its results: it takes plain values and reports through a
callback."""
from . import reader
from . import dates
from . import normaliser
from . import deduplicator
from . import ledger
from . import writer
from . import importer
