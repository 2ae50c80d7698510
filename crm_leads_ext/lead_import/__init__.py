# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The engine of the lead import wizard (crm.lead.import): reading through
base_import, normalising, finding duplicates and writing leads in SQL.
Kept apart from the model that stores an import and its results."""
from . import reader
from . import normaliser
from . import deduplicator
from . import writer
from . import importer
