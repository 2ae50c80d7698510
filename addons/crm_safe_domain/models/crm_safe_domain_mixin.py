# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import logging

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.addons.base.res.res_users import USER_PRIVATE_FIELDS

from ..safe_domain import NAMES, SafeDomainError, eval_context, \
    evaluate_domain, value_fits

_logger = logging.getLogger(__name__)

# the reasons that say a domain does not suit a model, not that its text
# is wrong: a territory's domain naming lead fields, matched on partners
MODEL_REASONS = ('field', 'path', 'not_searchable', 'value_type',
                 'hierarchy')


class CrmSafeDomainMixin(models.AbstractModel):
    """The domains users write (assignment rules, territories, segments,
    activity conditions) are data: a model holding such a text checks it
    on save with ``_safe_domain`` (raising its own ValidationError with
    ``_safe_domain_error_message``) and evaluates it with
    ``_safe_domain_or_none``, which checks it again: a text written before
    the checks existed, or in SQL, never runs."""

    _name = 'crm.safe.domain.mixin'
    _description = 'Safely evaluated domains'

    @api.model
    def _safe_domain_uid(self):
        """The user the domain's ``uid``, ``company_id`` and
        ``company_ids`` are of: the current one. A model evaluating on
        someone's behalf (as the superuser) says whose."""
        return self.env.uid

    @api.model
    def _safe_domain_eval_context(self):
        """Ids, the user's date and the wrapped modules: no record."""
        uid = self._safe_domain_uid()
        user = self.env['res.users'].sudo().browse(uid)
        today = fields.Date.from_string(fields.Date.context_today(
            self.with_context(tz=user.tz)))
        return eval_context(uid, user.company_id.id, user.company_ids.ids,
                            today)

    @api.model
    def _safe_domain(self, text, model_name):
        """The domain ``text`` stands for, as data, its fields checked on
        ``model_name``. Raises SafeDomainError; nothing of ``text`` is
        evaluated unless it passed the checks of its syntax."""
        domain = evaluate_domain(text, self._safe_domain_eval_context())
        self._safe_domain_check_model(domain, model_name)
        return domain

    @api.model
    def _safe_domain_check_model(self, domain, model_name):
        """Every term names a searchable field of ``model_name`` (through
        relational fields) that the user may read, and a value of its
        type."""
        for term in domain:
            if not isinstance(term, tuple) or not isinstance(term[0], str):
                continue  # an operator, or Odoo's always true/false term
            path, operator, value = term
            model = self.env[model_name]
            names = path.split('.')
            for index, name in enumerate(names):
                field = model._fields.get(name)
                if field is None:
                    raise SafeDomainError('field', path)
                if not self._safe_domain_field_readable(model, field):
                    raise SafeDomainError('private', path)
                if index < len(names) - 1:
                    if not field.relational:
                        raise SafeDomainError('path', path)
                    model = self.env[field.comodel_name]
            if not (field.store or field.search):
                raise SafeDomainError('not_searchable', path)
            if operator.lower() in ('child_of', 'parent_of'):
                # on ids, or records of a tree: in SQL, an error otherwise
                tree = self.env[field.comodel_name] if field.relational \
                    else model if field.name == 'id' else None
                if tree is None or tree._parent_name not in tree._fields:
                    raise SafeDomainError('hierarchy', path)
            if not value_fits(field.type, operator, value):
                raise SafeDomainError('value_type', path)

    @api.model
    def _safe_domain_field_readable(self, model, field):
        """Whether a domain may compare ``field`` of ``model``. The domains
        are matched as the superuser (a rule assigns any lead), so a field
        the author could not read would answer, lead by lead, what it
        holds: a password hash one character at a time. Users' passwords
        are never compared (Odoo refuses to search them too); a field
        restricted to groups, or of a model the author may not read, only
        by its author's groups."""
        if model._name == 'res.users' and field.name in USER_PRIVATE_FIELDS:
            return False
        if self.env.uid == SUPERUSER_ID:
            return True  # evaluating what was checked for its author
        if field.groups and not self.user_has_groups(field.groups):
            return False
        return model.check_access_rights('read', raise_exception=False)

    @api.multi
    def _safe_domain_or_none(self, text, model_name):
        """For evaluation: the domain, or None when it is refused, which
        the caller takes as matching no record. A refused text is logged;
        a domain that only does not suit ``model_name`` is not."""
        try:
            return self._safe_domain(text, model_name)
        except SafeDomainError as error:
            if error.reason not in MODEL_REASONS:
                _logger.warning(
                    "%s %s: its domain is refused (%s) and matches no %s",
                    self._name, self.ids, error.reason, model_name)
            return None

    @api.model
    def _safe_domain_error_message(self, error):
        """Why the domain is refused, in the user's language. Only what
        the user wrote is quoted, never what the server evaluated."""
        messages = {
            'too_long': _("it is longer than %(detail)s characters"),
            'syntax': _("it is not a valid expression (check the brackets, "
                        "commas and quotes)"),
            'nested': _("it is nested too deeply"),
            'dunder': _("names with a double underscore (__) are not "
                        "allowed"),
            'format': _("string formatting (.format) is not allowed"),
            'lambda': _("functions (lambda) are not allowed"),
            'comprehension': _("comprehensions (for ... in ...) are not "
                               "allowed"),
            'construct': _("'%(detail)s' is not allowed: a domain is a list "
                           "of conditions (field, operator, value) and of "
                           "the operators '&', '|' and '!'"),
            'name': _("the name '%(detail)s' is unknown; the names "
                      "available are %(names)s"),
            'attribute': _("the attribute '%(detail)s' is not allowed: only "
                           "the listed functions of datetime, time and "
                           "dateutil, and strftime(), isoformat() and date() "
                           "of a date"),
            'call': _("'%(detail)s' cannot be called: only context_today(), "
                      "relativedelta() and the listed functions of datetime, "
                      "time and dateutil"),
            'evaluation': _("it could not be evaluated: check the arguments "
                            "of the functions it calls"),
            'not_list': _("a domain is a list of conditions"),
            'term': _("each element of a domain is a condition (field, "
                      "operator, value) or one of the operators '&', '|' "
                      "and '!'"),
            'value': _("the values of a condition are texts, numbers, "
                       "booleans, dates or lists of them"),
            'arity': _("the operators '&', '|' and '!' do not match the "
                       "number of conditions"),
            'operator': _("the operator '%(detail)s' is unknown"),
            'field': _("the field '%(detail)s' does not exist"),
            'path': _("'%(detail)s' follows a field that is not a link to "
                      "other records"),
            'not_searchable': _("the field '%(detail)s' cannot be "
                                "searched"),
            'value_type': _("the value compared with '%(detail)s' does not "
                            "suit that field"),
            'hierarchy': _("'%(detail)s' does not lead to records in a "
                           "hierarchy: child_of and parent_of need one"),
            'private': _("'%(detail)s' leads to a field you may not read, "
                         "which a domain may not compare"),
        }
        return messages[error.reason] % {
            'detail': error.detail, 'names': ', '.join(sorted(NAMES))}
