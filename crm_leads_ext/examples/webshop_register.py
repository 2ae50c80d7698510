#!/usr/bin/env python3
# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Insert a lead into Odoo when a customer registers on a web shop.

Standard library only (xmlrpc.client), Python 3.5 or later. The web shop
calls it (or copies ``register_lead``) from its registration hook::

    ODOO_URL=https://crm.example.com ODOO_DB=crm ODOO_LOGIN=webshop \\
    ODOO_PASSWORD=... python3 webshop_register.py \\
        --name "Nguyễn Văn An" --email an@example.com --phone "+84 90 123 4567" \\
        --company "An Trading" --country VN

The Odoo user ``ODOO_LOGIN`` should be an integration user with only the
group "Lead capture (create only)": it can create leads and read back the
ones it created, nothing else. Prints the new lead's id; exit status 1 with
the server's message on failure.
"""
import argparse
import os
import sys
import xmlrpc.client


def register_lead(url, db, login, password, customer, source=None,
                  campaign=None, timeout=30):
    """Create a lead for ``customer`` (dict: name, email, phone, company,
    country, note); return its id. ``source``/``campaign``: names of an
    existing utm source/campaign (looked up by the server), optional."""
    common = xmlrpc.client.ServerProxy(
        url.rstrip('/') + '/xmlrpc/2/common', allow_none=True)
    uid = common.authenticate(db, login, password, {})
    if not uid:
        raise RuntimeError('login refused for %r on database %r' % (
            login, db))
    models = xmlrpc.client.ServerProxy(
        url.rstrip('/') + '/xmlrpc/2/object', allow_none=True)
    values = {
        'name': 'Web shop registration: %s' % (
            customer.get('company') or customer['name']),
        'contact_name': customer['name'],
        'partner_name': customer.get('company') or False,
        'email_from': customer.get('email') or False,
        'phone': customer.get('phone') or False,
        'description': customer.get('note') or False,
        # no salesperson: the lead goes through the assignment rules
        # (otherwise Odoo makes the integration user its salesperson)
        'user_id': False,
    }
    if customer.get('country'):
        # reading countries is allowed to every internal user
        country_ids = models.execute_kw(
            db, uid, password, 'res.country', 'search',
            [[('code', '=', customer['country'].upper())]], {'limit': 1})
        values['country_id'] = country_ids[0] if country_ids else False
    for field, model, name in (('source_id', 'utm.source', source),
                               ('campaign_id', 'utm.campaign', campaign)):
        if name:
            ids = models.execute_kw(db, uid, password, model, 'search',
                                    [[('name', '=', name)]], {'limit': 1})
            values[field] = ids[0] if ids else False
    return models.execute_kw(db, uid, password, 'crm.lead', 'create',
                             [values])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--url', default=os.environ.get('ODOO_URL'))
    parser.add_argument('--db', default=os.environ.get('ODOO_DB'))
    parser.add_argument('--login', default=os.environ.get('ODOO_LOGIN'))
    parser.add_argument('--password', default=os.environ.get('ODOO_PASSWORD'),
                        help='better given in ODOO_PASSWORD')
    parser.add_argument('--name', required=True, help='the customer')
    parser.add_argument('--email')
    parser.add_argument('--phone')
    parser.add_argument('--company')
    parser.add_argument('--country', help='ISO code, e.g. VN')
    parser.add_argument('--note')
    parser.add_argument('--source', help='utm source name, e.g. "Web shop"')
    parser.add_argument('--campaign', help='utm campaign name')
    args = parser.parse_args(argv)
    missing = [name for name in ('url', 'db', 'login', 'password')
               if not getattr(args, name)]
    if missing:
        parser.error('missing (or ODOO_%s): %s' % (
            '/ODOO_'.join(m.upper() for m in missing), ', '.join(missing)))
    customer = {'name': args.name, 'email': args.email, 'phone': args.phone,
                'company': args.company, 'country': args.country,
                'note': args.note}
    try:
        lead_id = register_lead(args.url, args.db, args.login, args.password,
                                customer, source=args.source,
                                campaign=args.campaign)
    except (xmlrpc.client.Error, OSError, RuntimeError) as error:
        message = getattr(error, 'faultString', None) or str(error)
        sys.stderr.write('lead not created: %s\n' % message.strip()
                         .splitlines()[-1])
        return 1
    print(lead_id)
    return 0


if __name__ == '__main__':
    sys.exit(main())
