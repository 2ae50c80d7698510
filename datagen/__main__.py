"""python -m datagen --db NAME --partners N --leads N --seed S [--copy]

Generate a data set and load it into an existing database that has the suite
(crm, mail, sales_team) installed: through the ORM by default, with
PostgreSQL COPY with --copy (for large sizes). Commits after each chunk.
"""

import argparse
import datetime
import sys
import time


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog='python -m datagen',
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        '--db', required=True, help='database (with the suite installed)'
    )
    parser.add_argument(
        '--partners', type=int, default=1000, help='partners (default 1000)'
    )
    parser.add_argument('--leads', type=int, default=5000, help='leads (default 5000)')
    parser.add_argument(
        '--seed', default='42', help='seed of the data set (default 42)'
    )
    parser.add_argument(
        '--copy',
        action='store_true',
        help='bulk-load with PostgreSQL COPY instead of the ORM',
    )
    parser.add_argument(
        '--chunk',
        type=int,
        default=None,
        help='rows per chunk/commit (default 20000 with --copy, 500 without)',
    )
    parser.add_argument(
        '--today',
        type=datetime.date.fromisoformat,
        default=None,
        help='the day the data set is "as of" (default: a fixed day, '
        'for reproducibility)',
    )
    parser.add_argument(
        '--messages-per-lead',
        type=float,
        default=1.0,
        help='mean number of messages after the creation note (default 1)',
    )
    parser.add_argument(
        '--activity-rate',
        type=float,
        default=0.35,
        help='share of open assigned leads with planned activities',
    )
    parser.add_argument(
        '--no-chatter', action='store_true', help='no activities nor messages'
    )
    parser.add_argument(
        '--config',
        default=None,
        help='Odoo configuration (default testing/odoo-test.conf)',
    )
    args = parser.parse_args(argv)

    from datagen import odoo_env
    from datagen.generator import DataGenerator, REFERENCE_DATE

    odoo_env.configure(args.db, args.config or odoo_env.DEFAULT_CONFIG)
    from datagen.load import load

    gen = DataGenerator(
        seed=args.seed,
        today=args.today or REFERENCE_DATE,
        messages_per_lead=args.messages_per_lead,
        activity_rate=args.activity_rate,
    )
    started = time.time()

    def log(message):
        print('datagen: %s' % message, flush=True)

    with odoo_env.environment(args.db, args.config or odoo_env.DEFAULT_CONFIG) as env:
        stats = load(
            env,
            gen,
            args.partners,
            args.leads,
            use_copy=args.copy,
            chunk=args.chunk,
            on_chunk=env.cr.commit,
            log=log,
            with_chatter=not args.no_chatter,
        )
        env.cr.commit()
        if args.copy:
            # fresh planner statistics after a bulk load
            env.cr.execute(
                'ANALYZE res_partner, crm_lead, mail_message, mail_activity, '
                'mail_followers'
            )
    log(
        '%(method)s: %(partners)s partners, %(leads)s leads, '
        '%(activities)s activities, %(messages)s messages, %(followers)s followers '
        'in %(seconds).1f s'
        % dict(
            method=stats['method'],
            partners=stats['partners']['count'],
            leads=stats['leads']['count'],
            activities=stats['activities'],
            messages=stats['messages'],
            followers=stats['followers'],
            seconds=time.time() - started,
        )
    )
    return 0


if __name__ == '__main__':
    sys.exit(main())
