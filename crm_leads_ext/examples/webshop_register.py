#!/usr/bin/env python3
# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Send a lead to Odoo when a customer registers on a web shop.

Standard library only, Python 3.5 or later. The web shop calls it (or
copies ``register_lead``) from its registration hook::

    CRM_URL=https://crm.example.com CRM_CAPTURE_KEY=... \\
    python3 webshop_register.py \\
        --name "Nguyễn Văn An" --email an@example.com --phone "+84 90 123 4567" \\
        --company "An Trading" --country VN

It posts to ``/crm/lead/capture`` with the web shop's API key (CRM ›
Configuration › Lead Capture API Keys): the lead gets the key's team,
campaign, source and medium and is created as the key's integration user,
which can read no lead. Prints the reference the server answered (quote it
to the CRM's managers: they find the lead by it); exit status 1 with the
server's messages on refusal.
"""
import argparse
import json
import os
import sys
import urllib.error
import urllib.request


class Refused(Exception):
    """The server refused the lead: its messages, by field."""


def register_lead(url, key, customer, lang=None, timeout=30):
    """Send the lead of ``customer`` (dict: name, email, phone, company,
    country, note); return the reference the server answered, or raise
    Refused with its messages (OSError when it cannot be reached)."""
    company = customer.get('company')
    lead = {
        'name': 'Web shop registration: %s' % (company or customer['name']),
        'contact_name': customer['name'],
        'partner_name': company,
        'email_from': customer.get('email'),
        'phone': customer.get('phone'),
        'country_code': customer.get('country'),
        'description': customer.get('note'),
    }
    body = json.dumps({k: v for k, v in lead.items() if v}).encode('utf-8')
    headers = {'Content-Type': 'application/json', 'X-Api-Key': key}
    if lang:
        # the server's messages in this language, when it has it
        headers['Accept-Language'] = lang
    request = urllib.request.Request(
        url.rstrip('/') + '/crm/lead/capture', data=body, headers=headers,
        method='POST')
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return json.loads(answer.read().decode('utf-8'))['ref']
    except urllib.error.HTTPError as error:
        try:
            errors = json.loads(error.read().decode('utf-8'))['errors']
        except (ValueError, KeyError, TypeError):
            errors = {'request': 'HTTP %s' % error.code}
        raise Refused(errors)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--url', default=os.environ.get('CRM_URL'))
    parser.add_argument('--key', default=os.environ.get('CRM_CAPTURE_KEY'),
                        help='better given in CRM_CAPTURE_KEY')
    parser.add_argument('--name', required=True, help='the customer')
    parser.add_argument('--email')
    parser.add_argument('--phone')
    parser.add_argument('--company')
    parser.add_argument('--country', help='ISO code, e.g. VN')
    parser.add_argument('--note')
    parser.add_argument('--lang', help='of the messages, e.g. vi-VN')
    args = parser.parse_args(argv)
    missing = [name for name in ('url', 'key') if not getattr(args, name)]
    if missing:
        parser.error('missing --url (or CRM_URL) or --key (or '
                     'CRM_CAPTURE_KEY): %s' % ', '.join(missing))
    customer = {'name': args.name, 'email': args.email, 'phone': args.phone,
                'company': args.company, 'country': args.country,
                'note': args.note}
    try:
        ref = register_lead(args.url, args.key, customer, lang=args.lang)
    except Refused as refused:
        errors = refused.args[0]
        sys.stderr.write('lead refused:\n%s\n' % '\n'.join(
            '  %s: %s' % (field, errors[field]) for field in sorted(errors)))
        return 1
    except OSError as error:
        sys.stderr.write('lead not sent: %s\n' % error)
        return 1
    print(ref)
    return 0


if __name__ == '__main__':
    sys.exit(main())
