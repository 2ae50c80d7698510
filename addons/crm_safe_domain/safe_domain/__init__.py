# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The domains users write, checked and evaluated as data. Plain Python:
the ORM side (the user's ids, validation messages, the fields of a model)
is ``crm.safe.domain.mixin``."""
from .context import NAMES, eval_context, wrap_module  # noqa: F401
from .evaluate import SafeDomainError, as_domain, check_expression, \
    evaluate, evaluate_domain, value_fits  # noqa: F401
