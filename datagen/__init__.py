"""datagen: reproducible CRM data sets (partners, leads, sales teams, stages,
activities, messages) with Vietnamese, Chinese and English names, loaded
through the ORM or with PostgreSQL COPY.

    from datagen import DataGenerator
    gen = DataGenerator(seed=42)
    gen.partner(0), gen.lead(0, n_partners=100)     # plain dicts, no database

    from datagen.load import load                  # inside Odoo (env)
    load(env, gen, n_partners=1000, n_leads=5000, use_copy=True)

Command line: python -m datagen --db NAME --partners N --leads N --seed S [--copy]
(see datagen/README.md). Importing this package does not import Odoo.
"""

from .generator import DataGenerator, REFERENCE_DATE  # noqa: F401
