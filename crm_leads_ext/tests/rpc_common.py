# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Calls as a given user through the real HTTP server: XML-RPC as an
integration would, the web client's JSON-RPC, and the web client's file
downloads."""
import html
import json
import re
import xmlrpc.client

from .harness import InProcessServerCase, JsonRpcSession

# /xmlrpc/2 answers an odoo.exceptions.AccessError with this fault code
# (odoo.service.wsgi_server.RPC_FAULT_CODE_ACCESS_ERROR); a crash is 1
FAULT_ACCESS_ERROR = 4


class RpcCase(InProcessServerCase):
    """Each call is a real request to the in-process server, served in the
    test's transaction (rolled back at the end)."""

    def rpc_user(self, login, *groups):
        """A user whose password is its login, of base.group_user and the
        groups of these XML ids (base.group_portal instead for a portal
        user)."""
        group_ids = [self.env.ref(xml_id).id for xml_id in groups]
        if 'base.group_portal' not in groups:
            group_ids.append(self.env.ref('base.group_user').id)
        return self.env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'LX %s' % login, 'login': login, 'password': login,
                'email': '%s@users.example' % login,
                'groups_id': [(6, 0, group_ids)]})

    def xmlrpc(self, login, model, method, args, kwargs=None):
        """``model.method(*args, **kwargs)`` over /xmlrpc/2 as ``login``."""
        with self.browser_turn():
            common = xmlrpc.client.ServerProxy(
                self.base_url + '/xmlrpc/2/common', allow_none=True)
            uid = common.authenticate(self.db, login, login, {})
            self.assertTrue(uid, '%s could not log in' % login)
            proxy = xmlrpc.client.ServerProxy(
                self.base_url + '/xmlrpc/2/object', allow_none=True)
            return proxy.execute_kw(self.db, uid, login, model, method,
                                    args, kwargs or {})

    def assertRpcAccessError(self, login, model, method, args, kwargs=None):
        """The call is refused with an access error (not a crash, nor a
        success); the fault's message."""
        with self.assertRaises(xmlrpc.client.Fault) as caught:
            self.xmlrpc(login, model, method, args, kwargs)
        fault = caught.exception
        self.assertEqual(fault.faultCode, FAULT_ACCESS_ERROR,
                         fault.faultString[-1500:])
        return fault.faultString

    def session(self, login):
        """A web client session (JSON-RPC, cookie) of ``login``."""
        with self.browser_turn():
            return JsonRpcSession(self.base_url, self.db, login, login)

    def download(self, session, path, params):
        """A download as the web client asks for it (a GET: a POST of type
        'http' needs the page's CSRF token, and the route takes both)."""
        with self.browser_turn():
            return session.http.get(self.base_url + path, params=params,
                                    timeout=60)

    def export(self, session, model, ids, fmt='csv', fields=('name',),
               data=None):
        """The web client's export of the ``fields`` of records ``ids``;
        ``data`` instead of the request it would send."""
        if data is None:
            data = json.dumps({
                'model': model, 'ids': ids, 'domain': [],
                'import_compat': False, 'context': {},
                'fields': [{'name': name, 'label': name}
                           for name in fields]})
        return self.download(session, '/web/export/%s' % fmt,
                             {'data': data, 'token': 'lx'})

    def assertDownloadRefused(self, response, status, message):
        """The download answers ``status`` with a short page whose JSON the
        web client shows in its error dialog: ``message``, no
        traceback."""
        self.assertEqual(response.status_code, status, response.text[:3000])
        body = response.text
        self.assertNotIn('Traceback', body)
        self.assertLess(len(body), 2000, 'a short message')
        error = json.loads(html.unescape(
            re.search(r'<p>(.*)</p>', body, re.S).group(1)))
        self.assertIn(message, error['data']['message'])
        self.assertEqual(error['data']['debug'], '')
        self.assertEqual(error['code'], status)
        return error
