# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The campaign engine, kept apart from the models that store segments,
campaigns and workitems: records entering a campaign (entry), the queue
of due workitems and the transitions (scheduling), the checks of a
workflow (graph), the processing of a batch (processing) and the layout
of the workflow's diagram (diagram). They take a
cursor, ids and sizes; each module's docstring states its cost."""
from . import graph
from . import entry
from . import scheduling
from . import processing
from . import diagram
