# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""HTML bodies of incoming mail that Odoo 11 cannot afford to parse.

The gateway parses an HTML body with lxml (``_message_extract_payload``'s
post-processing, the signature parser) and sanitizes it (``html_sanitize``,
when the message is stored), inside a mail cron worker. Bodies measured
through ``message_process`` (CPU seconds of one worker):

* 0.9 MB, one tag with 100,000 attributes: 60 to 81 s. libxml2 compares
  each attribute of a tag with the tag's other attributes (quadratic in
  the attributes of one tag), in ``lxml.html.fromstring`` and again in
  the sanitizer;
* 100,000 ``<`` before a ``>``: 34 to 47 s. The sanitizer's first pattern
  (``<[^>]*\\s encoding=...``, which removes XML declarations) scans from
  every ``<`` to the next ``>``: quadratic in the ``<`` left open;
* ``<x`` followed by 100,000 ``@``: 20 s in the sanitizer alone. Its
  pattern of addresses written as tags (``<john@example.com>``) scans,
  from each ``@`` of a ``<`` not yet closed, to the next ``<`` or ``>``;
* 100,000 ``<html`` without ``>`` in a multipart/mixed mail: 47 s (wall
  time, on a loaded machine) before the body is even made: Odoo joins
  the HTML parts with a pattern that scans from each ``<html``
  (``<body``, ``<head``) to the next ``>``.

Each grows with the square of its count: 10,000 attributes, ``<`` or
``@`` cost about 0.3 s (the counts of ``<html`` and ``<`` add up in the
same estimate below). The estimates below are linear, in C-implemented
patterns that cannot backtrack: milliseconds for the bodies above, 0.1 s
for 1 MiB of 340,000 tags.
"""
import re
from html import unescape

# Odoo's mail gateway has no size limit of its own; mail servers commonly
# accept 10 to 50 MB, attachments included. An HTML body beyond 1 MiB is
# not a message written for people (a 200 KB newsletter is a large one).
MAX_HTML_CHARS = 1024 * 1024
# The attributes libxml2 compares with each other in one tag: 1,000 cost
# milliseconds (real mail has tens; an Outlook VML shape about 30).
MAX_TAG_ATTRIBUTES = 1000
# The characters the sanitizer's patterns scan, estimated (see
# ``sanitizer_scan``): 16 MiB take about 0.1 s. A well-formed body scans
# each character once at most.
MAX_SANITIZER_SCAN = 16 * 1024 * 1024
# The text shown of a body too costly to parse: its beginning (the whole
# body is kept as an attachment)
MAX_TEXT_CHARS = 100 * 1000

# A start tag as libxml2 reads it: a letter after "<", up to the first
# ">" outside quotes (quoted values may hold ">"); the group holds no
# quote, each repetition starts with one: a single way to match.
_START_TAG_RE = re.compile(
    r'<[A-Za-z][^>"\']*(?:(?:"[^"]*"|\'[^\']*\')[^>"\']*)*')
# a tag's quoted values: their blanks do not separate attributes
_QUOTED_RE = re.compile(r'"[^"]*"|\'[^\']*\'')
# from a "<" to the next ">": what the XML declaration pattern scans
_OPEN_TO_CLOSE_RE = re.compile(r'<[^>]*')
# from a "<" to the next "<" or ">", with an "@": what the address
# pattern scans from each "@"
_OPEN_ADDRESS_RE = re.compile(r'<[^<>]*@[^<>]*')
# a tag, closed before another opens (linear: the pattern stops at the
# next "<" or ">")
_TAG_RE = re.compile(r'<[^<>]*>')


def tag_attributes(tag):
    """The number of attributes of a start ``tag`` (its text from ``<``),
    estimated from above: the words after the tag's name, a quoted value
    counting as one word (``name = "value"``, written with blanks, counts
    three times: real tags stay far below the bound anyway). Attributes
    without a value cost libxml2 as much as the others."""
    return max(len(_QUOTED_RE.sub('""', tag).split()) - 1, 0)


def max_tag_attributes(body):
    """The largest number of attributes of one start tag of ``body``.
    Only the tags long enough to hold ``MAX_TAG_ATTRIBUTES`` attributes
    (two characters each at least) are counted."""
    longest = 0
    for match in _START_TAG_RE.finditer(body):
        if match.end() - match.start() > 2 * MAX_TAG_ATTRIBUTES:
            longest = max(longest, tag_attributes(match.group()))
    return longest


def sanitizer_scan(body):
    """The characters ``html_sanitize``'s patterns scan, estimated from
    above: for each stretch from a ``<`` to the next ``>``, its ``<``
    count times its length; for each stretch from a ``<`` to the next
    ``<`` or ``>`` holding an ``@``, its ``@`` count times its length.
    It is the body's length at most when each ``<`` is closed before the
    next one opens (an address in a tag, ``<a href="mailto:...">``,
    counts its tag twice)."""
    scan = 0
    for match in _OPEN_TO_CLOSE_RE.finditer(body):
        stretch = match.group()
        scan += stretch.count('<') * len(stretch)
    for match in _OPEN_ADDRESS_RE.finditer(body):
        stretch = match.group()
        scan += stretch.count('@') * len(stretch)
    return scan


def too_costly_html(body):
    """Whether parsing and sanitizing the HTML ``body`` (a str) would cost
    a mail worker more than a fraction of a second: it is longer than
    ``MAX_HTML_CHARS``, one of its tags has more than
    ``MAX_TAG_ATTRIBUTES`` attributes, or the sanitizer's patterns would
    scan more than ``MAX_SANITIZER_SCAN`` characters."""
    if not body:
        return False
    return (len(body) > MAX_HTML_CHARS or
            max_tag_attributes(body) > MAX_TAG_ATTRIBUTES or
            sanitizer_scan(body) > MAX_SANITIZER_SCAN)


def html_text(body, limit=MAX_TEXT_CHARS):
    """The text of the HTML ``body`` without parsing it, in linear time:
    its tags removed, its entities decoded, its blank lines collapsed,
    cut after ``limit`` characters (an ellipsis says so)."""
    text = unescape(_TAG_RE.sub(' ', body))
    lines, blank = [], False
    for line in text.splitlines():
        line = ' '.join(line.split())
        if line or not blank:
            lines.append(line)
        blank = not line
    text = '\n'.join(lines).strip()
    if len(text) > limit:
        text = text[:limit] + '\N{HORIZONTAL ELLIPSIS}'
    return text
