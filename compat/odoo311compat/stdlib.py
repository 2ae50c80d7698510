"""Standard-library APIs that Python 3.11 removed or changed and Odoo 11 uses.

Each bridge restores the 3.7 behaviour Odoo 11 was written against, on top of
the 3.11 replacement the standard library now offers.
"""
import base64
import collections
import collections.abc
import importlib
import inspect
import random
import sys
import threading

import yaml


def _collections_abcs():
    # Removed from ``collections`` in 3.10 (odoo.tools, fields, http, qweb...).
    for name in collections.abc.__all__:
        if not hasattr(collections, name):
            setattr(collections, name, getattr(collections.abc, name))


ArgSpec = collections.namedtuple('ArgSpec', 'args varargs keywords defaults')


def getargspec(func):
    """``inspect.getargspec`` as 3.7 had it (removed in 3.11)."""
    spec = inspect.getfullargspec(func)
    if spec.kwonlyargs or spec.annotations:
        raise ValueError("Function has keyword-only parameters or annotations"
                         ", use inspect.signature() API which can support them")
    return ArgSpec(spec.args, spec.varargs, spec.varkw, spec.defaults)


def formatargspec(args, varargs=None, varkw=None, defaults=None,
                  kwonlyargs=(), kwonlydefaults=None, annotations=None,
                  formatarg=str,
                  formatvarargs=lambda name: '*' + name,
                  formatvarkw=lambda name: '**' + name,
                  formatvalue=lambda value: '=' + repr(value),
                  formatreturns=lambda text: ' -> ' + text,
                  formatannotation=inspect.formatannotation):
    """``inspect.formatargspec`` as 3.7 had it (removed in 3.11)."""
    annotations = annotations or {}

    def formatargandannotation(arg):
        result = formatarg(arg)
        if arg in annotations:
            result += ': ' + formatannotation(annotations[arg])
        return result

    specs = []
    firstdefault = len(args) - len(defaults) if defaults else None
    for i, arg in enumerate(args):
        spec = formatargandannotation(arg)
        if defaults and i >= firstdefault:
            spec = spec + formatvalue(defaults[i - firstdefault])
        specs.append(spec)
    if varargs is not None:
        specs.append(formatvarargs(formatargandannotation(varargs)))
    elif kwonlyargs:
        specs.append('*')
    for kwonlyarg in kwonlyargs or ():
        spec = formatargandannotation(kwonlyarg)
        if kwonlydefaults and kwonlyarg in kwonlydefaults:
            spec += formatvalue(kwonlydefaults[kwonlyarg])
        specs.append(spec)
    if varkw is not None:
        specs.append(formatvarkw(formatargandannotation(varkw)))
    result = '(' + ', '.join(specs) + ')'
    if 'return' in annotations:
        result += formatreturns(formatannotation(annotations['return']))
    return result


def _inspect():
    if not hasattr(inspect, 'getargspec'):
        inspect.getargspec = getargspec
    if not hasattr(inspect, 'formatargspec'):
        inspect.formatargspec = formatargspec


def _base64():
    # Removed in 3.9; Odoo 11 calls them for binary fields and attachments.
    if not hasattr(base64, 'encodestring'):
        base64.encodestring = base64.encodebytes
    if not hasattr(base64, 'decodestring'):
        base64.decodestring = base64.decodebytes


def _yaml():
    """PyYAML 6 made ``Loader`` mandatory; Odoo 11's YAML data omits it.

    PyYAML 3, which Odoo 11 was written against, used ``yaml.Loader`` by
    default: keep that, since the YAML files loaded are modules' own data.
    """
    original = yaml.load
    if getattr(original, '_odoo311compat', False):
        return

    def load(stream, Loader=None):
        return original(stream, Loader=Loader or yaml.Loader)
    load._odoo311compat = True
    yaml.load = load


def _elementtree():
    """Give ``xml.etree.ElementTree.Element`` back getchildren/getiterator.

    Both were removed in 3.9; ``/web/webclient/qweb`` uses them and the web
    client stays blank without them. The C ``Element`` type cannot take new
    attributes, so the pure-Python module is (re)loaded with the C
    accelerator blocked.
    """
    import xml.etree.ElementTree as ET
    if ET.Element is getattr(sys.modules.get('_elementtree'), 'Element', None):
        saved = sys.modules['_elementtree']
        sys.modules['_elementtree'] = None  # makes "import _elementtree" fail
        try:
            ET = importlib.reload(ET)
        finally:
            sys.modules['_elementtree'] = saved
    if not hasattr(ET.Element, 'getchildren'):
        ET.Element.getchildren = lambda self: list(self)
    if not hasattr(ET.Element, 'getiterator'):
        ET.Element.getiterator = ET.Element.iter
    if not hasattr(ET.ElementTree, 'getiterator'):
        ET.ElementTree.getiterator = ET.ElementTree.iter


def _threading():
    # Removed in 3.9; Odoo 11's server shutdown and test runner call it.
    if not hasattr(threading.Thread, 'isAlive'):
        threading.Thread.isAlive = threading.Thread.is_alive


def _random_sample():
    """3.11 refuses a set as population; mass_mailing's A/B split passes one.

    3.9 and 3.10 converted it with ``tuple(population)`` (with a deprecation
    warning): do the same.
    """
    original = random.Random.sample
    if getattr(original, '_odoo311compat', False):
        return

    def sample(self, population, k, **kwargs):
        if isinstance(population, collections.abc.Set):
            population = tuple(population)
        return original(self, population, k, **kwargs)
    sample._odoo311compat = True
    random.Random.sample = sample
    random.sample = random._inst.sample


def apply():
    _collections_abcs()
    _inspect()
    _base64()
    _yaml()
    _elementtree()
    _threading()
    _random_sample()
