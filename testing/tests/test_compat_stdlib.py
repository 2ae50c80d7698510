"""The standard-library bridges Odoo 11 relies on, as Odoo calls them."""
import base64
import collections
import inspect
import random
import threading
import xml.etree.ElementTree as ET

import yaml


def test_collections_abcs():
    assert collections.Mapping is collections.abc.Mapping
    assert collections.Iterable is collections.abc.Iterable
    assert collections.MutableSet is collections.abc.MutableSet


def test_getargspec_and_formatargspec():
    def f(a, b=2, *args, **kw):
        return a
    spec = inspect.getargspec(f)
    assert spec.args == ['a', 'b'] and spec.defaults == (2,)
    assert spec.varargs == 'args' and spec.keywords == 'kw'
    assert inspect.formatargspec(*spec) == '(a, b=2, *args, **kw)'


def test_base64_legacy_names():
    assert base64.encodestring(b'Xin ch\xc3\xa0o') == b'WGluIGNow6Bv\n'
    assert base64.decodestring(b'WGluIGNow6Bv\n') == b'Xin ch\xc3\xa0o'


def test_yaml_load_without_loader():
    assert yaml.load("- !!python/tuple [1, 2]\n- b") == [(1, 2), 'b']


def test_elementtree_getchildren_getiterator():
    root = ET.fromstring('<templates><t t-name="a"/><t t-name="b"/></templates>')
    assert [c.get('t-name') for c in root.getchildren()] == ['a', 'b']
    assert len(list(root.getiterator('t'))) == 2


def test_thread_is_alive_alias():
    thread = threading.Thread(target=lambda: None)
    assert thread.isAlive() is False


def test_random_sample_of_a_set():
    picked = random.sample({'lead-1', 'lead-2', 'lead-3'}, 2)
    assert len(set(picked)) == 2 and set(picked) <= {'lead-1', 'lead-2', 'lead-3'}
