# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Conservative parsing of the sender's contact details from the signature
of an incoming email (English, Vietnamese and Chinese conventions).

Only what is clearly a contact detail is returned: a value is better
missing than wrong, the salesperson completes the lead anyway. Pure
functions, no Odoo model: ``parse_signature(text)`` on plain text,
``body_to_text(html)`` for the bodies of Odoo's mail gateway (always HTML,
plain text parts come wrapped in ``<pre>``), ``parse_card(text,
countries)`` on the text OCR read from a business card (the whole card is
a signature, and its address is split into street, city, zip and
country).

The mail to a team's alias is unauthenticated: the work on a message is
bounded. Only the first ``MAX_BODY_CHARS`` of a body and the first
``MAX_LINES`` lines of its text are read, a line longer than
``MAX_LINE_CHARS`` is prose and never parsed, and every pattern runs in
time linear in its input (no pattern can start a match inside the run of
characters a failed attempt already scanned).
"""
import re
import unicodedata

import lxml.html
from lxml import etree

from odoo.tools import html2plaintext

FIELDS = ('contact_name', 'partner_name', 'function', 'phone', 'mobile',
          'website')
# a card shows the address and email a signature repeats from the headers
CARD_FIELDS = FIELDS + ('email_from', 'street', 'city', 'zip', 'country_id')

# Closing formulas: a signature starts after the last line that is only
# one of them (a sentence starting with "Thanks" is not a closing).
_CLOSING_RE = re.compile(
    r'^(?:(?:best|kind|warm|warmest|with best)\s+regards|regards|best|'
    r'thanks|thanks again|many thanks|thank you|thx|sincerely|'
    r'yours sincerely|yours faithfully|yours truly|cheers|br|'
    r'trân trọng|trân trọng cảm ơn|kính thư|thân ái|chào thân ái|'
    r'thân|xin cảm ơn|cảm ơn|chân thành cảm ơn|'
    r'此致|敬礼|此致敬礼|谢谢|多谢|祝好|顺祝商祺|祝商祺|顺颂商祺|'
    r'顺颂时祺|祝工作顺利)'
    r'[\s,.!;:，。！；：]*$', re.IGNORECASE)
_DELIMITER_RE = re.compile(r'^(?:--|—|–|-{3,}|_{3,})$')
# The quoted message a reply carries: parse only what is above it.
_QUOTE_START_RE = re.compile(
    r'^(?:-+\s*(?:original message|forwarded message|'
    r'thư gốc|原始邮件)\s*-+|'
    r'on\s.{4,200}\swrote\s*:|vào\s.{4,200}\sđã viết\s*:|'
    r'在.{2,200}写道\s*[:：]|_{10,})$', re.IGNORECASE)
_URL_INDEX_RE = re.compile(r'^\[\d+\]\s+\S+$')
_LINK_MARK_RE = re.compile(r'\s?\[(\d+)\]')

_LABELS = (
    ('phone', r'tel|tél|phone|telephone|office|direct|hotline|'
              r'điện thoại|đt|sđt|đtcđ|电话|座机|固话|办公电话'),
    ('mobile', r'mobile|mob|cell|cellphone|di động|dđ|đtdđ|手机|'
               r'移动电话'),
    ('website', r'website|web|url|homepage|trang web|网站|网址|主页'),
    ('partner_name', r'company|company name|organisation|organization|'
                     r'công ty|tên công ty|cty|'
                     r'đơn vị|公司|公司名称|单位'),
    ('function', r'title|job title|position|chức vụ|chức danh|职位|职务|'
                 r'头衔'),
    ('contact_name', r'name|họ tên|họ và tên|姓名'),
    ('email_from', r'e-?mail|mail|邮箱|邮件|电子邮件'),
    ('street', r'address|add|addr|địa chỉ|đc|地址'),
    ('zip', r'zip|zip code|postcode|postal code|mã bưu chính|'
            r'mã bưu điện|邮编|邮政编码'),
    ('country_id', r'country|quốc gia|国家'),
    ('ignore', r'fax|skype|wechat|zalo|mst|tax code|传真|微信'),
)
_LABEL_RE = re.compile(
    r'^(%s)\.?\s*(?:[:：]\s*|(?=[+(\d]))(.+)$' % '|'.join(
        p for __, p in _LABELS),
    re.IGNORECASE)
# one-letter labels need their colon: "T: ...", "M: ...", "W: ..."
_SHORT_LABEL_RE = re.compile(r'^([tpmwe])\s*[:：]\s*(.+)$', re.IGNORECASE)
_SHORT_LABELS = {'t': 'phone', 'p': 'phone', 'm': 'mobile',
                 'w': 'website', 'e': 'email_from'}
# starts only at the start of a run of blanks (linear, as _EMAIL_RE)
_SEGMENT_SPLIT_RE = re.compile(r'(?<!\s)\s+[|•·]\s+')
_BLANKS_RE = re.compile(r'\s+')
# a tag, for what lxml cannot parse: "[^<>]", not "[^>]", so that a run of
# "<" without ">" is scanned once, not once per "<"
_TAG_RE = re.compile(r'<[^<>]*>')

_PHONE_RE = re.compile(
    r'(?<![\w+])(\+?\(?\+?\d[\d\s().\-]{5,22}\d)(?!\w)')
_STRICT_PHONE_RE = re.compile(r'^(?:\+|\(|0)')
_URL_RE = re.compile(
    r'(?<![@\w.])((?:https?://|www\.)[^\s<>()"\'\[\]，。]+)', re.IGNORECASE)
_DOMAIN_RE = re.compile(
    r'^(?:https?://)?(?:[a-z0-9\-]+\.)+[a-z]{2,}(?:/\S*)?$', re.IGNORECASE)
# starts only where a run of address characters starts: an attempt in the
# middle of a run would scan the rest of the run again (quadratic time)
_EMAIL_RE = re.compile(r'(?<![^\s@<>])[^\s@<>]+@[^\s@<>]+\.[a-z]{2,}',
                       re.IGNORECASE)

_COMPANY_RE = re.compile(
    r'(?:^|\b)(?:công ty|tập đoàn|cty)\b|'
    r'\b(?:co\.?,?\s*ltd|company|corp|corporation|inc|ltd|limited|llc|'
    r'gmbh|jsc|plc|pte|s\.a\.|sarl|group)\b\.?|'
    r'有限公司|股份公司|公司|集团|企业', re.IGNORECASE)
_TITLE_RE = re.compile(
    r'\b(?:manager|director|head of|officer|executive|ceo|cto|cfo|coo|'
    r'cmo|president|vice president|vp|founder|co-founder|owner|engineer|'
    r'consultant|specialist|coordinator|assistant|representative|'
    r'accountant|administrator|supervisor|purchaser|buyer|analyst|'
    r'account manager|sales manager|chairman|secretary)\b|'
    r'giám đốc|phó giám đốc|trưởng phòng|phó phòng|trưởng nhóm|quản lý|'
    r'nhân viên|chuyên viên|kỹ sư|trợ lý|kế toán|chủ tịch|thư ký|'
    r'经理|总经理|副总经理|总监|主管|董事|董事长|总裁|工程师|助理|专员|'
    r'销售代表|主任|采购|会计|秘书', re.IGNORECASE)
_NOT_A_NAME_RE = re.compile(
    r'\b(?:team|department|dept|support|service|services|sales|'
    r'customer|office|marketing|info|admin|the|and|of|for)\b|'
    r'phòng|bộ phận|đội|团队|部门|客服', re.IGNORECASE)
_LATIN_NAME_RE = re.compile(r"^[^\W\d_]+(?:[ .'\-]{1,2}[^\W\d_]+){1,4}$")
_CJK_NAME_RE = re.compile(r'^[\u3400-\u9fff]{2,4}$')
# OCR puts spaces between Chinese characters ("上 海 东方")
_CJK_SPACE_RE = re.compile(r'(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])')
_MAX_CARD_LINES = 30
_ADDRESS_MAX = 120

# An address: Vietnamese and Western ones go from the street to the
# country, comma-separated ("Quận 1, TP. Hồ Chí Minh, Việt Nam"); Chinese
# ones from the country to the number, in one run ("中国上海市浦东新区世纪大道
# 100号"). An unlabelled line is an address only when it says so: Vietnamese
# words of addresses, the Chinese layout, or a known country last.
# These patterns backtrack (lazy runs before a suffix): they only run on a
# line of at most 120 characters (_ADDRESS_MAX), where that is bounded.
_VI_ADDRESS_RE = re.compile(
    r'(?:^|\s)(?:số|đường|phố|ngõ|ngách|phường|quận|huyện|thị xã|xã|tỉnh|'
    r'thành phố|tp\.|q\.|p\.)(?=\s|\d|$)', re.IGNORECASE)
_CN_ADDRESS_RE = re.compile(
    r'^(?P<country>中国|中华人民共和国)?\s*(?P<zip1>\d{6})?\s*'
    r'(?:[\u3400-\u9fff]{2,7}?(?:省|自治区))?'
    r'(?P<city>[\u3400-\u9fff]{2,8}?市)'
    r'(?P<street>[^,，]*?[\u3400-\u9fff][^,，]*?'
    r'(?:区|县|路|街|道|号|弄|巷|楼|室|大厦|中心))'
    r'[\s,，]*(?:邮编[:：]?\s*)?(?P<zip2>\d{6})?$')
_ADDRESS_SPLIT_RE = re.compile(r'\s*[,，;；]\s*')
# "Hà Nội 100000", "75008 Paris", "CA 94105": a postcode of digits
_ZIP_RE = re.compile(r'^(?:(?P<before>\d{4,6})\s+(?P<city1>\D.*)|'
                     r'(?P<city2>.*\D)\s+(?P<after>\d{4,6}))$')
_CITY_PREFIX_RE = re.compile(r'^(?:tp\.|t\.p\.|thành phố)\s*', re.IGNORECASE)
# a state code ("CA 94105"): the city is the part before it
_STATE_RE = re.compile(r'^[A-Z]{2}$')
# a code is a country only where it is labelled "Country"
_COUNTRY_CODE_RE = re.compile(r'^[a-z]{2,3}$')

_MAX_SIGNATURE_LINES = 10
_FALLBACK_LINES = 6

# A signature ends a mail's own text, which is never this long: quoted
# replies, inline pictures and style sheets make the rest.
MAX_BODY_CHARS = 256 * 1024
MAX_LINES = 2000
# the longest signature line (all details on one line) is about 200
MAX_LINE_CHARS = 500


def body_to_text(body):
    """Plain text of an email body as Odoo's gateway gives it (HTML):
    quoted replies (``<blockquote>``, Gmail's ``gmail_quote``) dropped,
    one line per block element, NFC-normalised."""
    if not body or not body.strip():
        return ''
    text = body = body[:MAX_BODY_CHARS]
    if '<' in body:
        try:
            root = lxml.html.fromstring(body)
            for node in root.xpath(
                    '//blockquote | //*[contains(@class, "gmail_quote")]'
                    ' | //style | //script | //head'):
                if node is not root:
                    node.drop_tree()
            for node in root.xpath(
                    '//div | //p | //li | //tr | //table | //h1 | //h2 | '
                    '//h3 | //h4 | //h5 | //h6'):
                node.tail = '\n' + (node.tail or '')
            text = html2plaintext(etree.tostring(root, encoding='unicode'))
        except (etree.LxmlError, ValueError, AttributeError):
            text = _TAG_RE.sub(' ', body)  # not HTML after all
    return unicodedata.normalize('NFC', text)


def _blanks(match):
    # a tab separates two details ("Tel\t0912..." from a table)
    return ' | ' if '\t' in match.group(0) else ' '


def _clean_line(line):
    # html2plaintext renders <b> as *bold*
    line = line.replace('*', '').strip()
    if len(line) > 2 and line[0] == '/' and line[-1] == '/' \
            and '//' not in line:
        line = line[1:-1].strip()  # <em> rendered /like this/
    return _BLANKS_RE.sub(_blanks, line)


def _text_lines(text):
    """The lines of text worth reading: the first MAX_LINES lines of its
    first MAX_BODY_CHARS characters, a line of prose longer than
    MAX_LINE_CHARS given as an empty line."""
    lines = text[:MAX_BODY_CHARS].splitlines()[:MAX_LINES]
    return ['' if len(line) > MAX_LINE_CHARS else line for line in lines]


def _lines(text):
    lines = []
    for raw in _text_lines(text):
        if raw.lstrip().startswith('>'):
            continue
        line = _clean_line(raw)
        if _QUOTE_START_RE.match(line):
            break
        if _URL_INDEX_RE.match(line):
            continue
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _signature_block(lines):
    """The lines of the signature and whether it was delimited (a closing
    formula or ``--``) or guessed (the last lines of the message)."""
    start = None
    for index, line in enumerate(lines):
        if _DELIMITER_RE.match(line) or _CLOSING_RE.match(line):
            start = index + 1
    if start is not None:
        block = [line for line in lines[start:] if line and
                 not _CLOSING_RE.match(line)]
        if block and len(block) <= _MAX_SIGNATURE_LINES + 2:
            return block[:_MAX_SIGNATURE_LINES], True
    block = [line for line in lines if line][-_FALLBACK_LINES:]
    return block, False


def _phone(value, strict=True):
    """A phone number in value, or None: 8 to 15 digits (7 with a label),
    starting with +, ( or 0 when it has no label (not a date, an order
    number or an amount)."""
    for match in _PHONE_RE.finditer(value):
        number = match.group(1).strip()
        digits = re.sub(r'\D', '', number)
        if not (7 if not strict else 8) <= len(digits) <= 15:
            continue
        if strict and not _STRICT_PHONE_RE.match(number):
            continue
        if re.match(r'^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$', number) or \
                re.match(r'^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$', number):
            continue  # a date
        return number
    return None


def _website(value, labelled=False):
    value = _EMAIL_RE.sub(' ', value)
    match = _URL_RE.search(value)
    if match:
        return match.group(1).rstrip('.,;:!?)')
    if labelled:
        candidate = value.strip().split(' ')[0].rstrip('.,;:!?)')
        if _DOMAIN_RE.match(candidate):
            return candidate
    return None


def _is_title(value):
    return (len(value) <= 60 and not re.search(r'\d|@', value) and
            bool(_TITLE_RE.search(value)))


def _is_company(value):
    return (len(value) <= 80 and '@' not in value and
            not _URL_RE.search(value) and bool(_COMPANY_RE.search(value)))


def _is_name(value):
    if len(value) > 40 or _NOT_A_NAME_RE.search(value) or \
            _is_title(value) or _is_company(value):
        return False
    return bool(_CJK_NAME_RE.match(value) or _LATIN_NAME_RE.match(value))


def _label_of(segment):
    match = _LABEL_RE.match(segment)
    if match:
        label = match.group(1).lower()
        for field, pattern in _LABELS:
            if re.match(r'^(?:%s)$' % pattern, label, re.IGNORECASE):
                return field, match.group(2).strip()
    match = _SHORT_LABEL_RE.match(segment)
    if match:
        return _SHORT_LABELS[match.group(1).lower()], match.group(2).strip()
    return None, segment


def _split_title_company(segment):
    """("Sales Manager", "ABC Co., Ltd") from "Sales Manager, ABC Co., Ltd"
    or "Sales Manager at ABC Corp"; None when it is not that clear."""
    for separator in (' at ', ', ', '，', ' - ', ' – ', ' — '):
        if separator not in segment:
            continue
        head, tail = segment.split(separator, 1)
        head, tail = head.strip(), tail.strip()
        if _is_title(head) and _is_company(tail) and not _is_company(head):
            return head, tail
    return None


def _country(value, countries, labelled=False):
    """The country (a value of ``countries``) that ``value`` names; a
    two- or three-letter code only when ``labelled``."""
    key = value.strip(' .').lower()
    if not key or (_COUNTRY_CODE_RE.match(key) and not labelled):
        return None
    return countries.get(key)


def _address(value, countries, labelled=False):
    """{street, city, zip, country_id} of an address line; None when an
    unlabelled line is not clearly an address. ``countries``: {lower-case
    name or code: value given for country_id}."""
    chinese = _CN_ADDRESS_RE.match(value.replace(' ', ''))
    if chinese:
        address = {'street': chinese.group('street'),
                   'city': chinese.group('city'),
                   'zip': chinese.group('zip1') or chinese.group('zip2')}
        if chinese.group('country'):
            address['country_id'] = _country(chinese.group('country'),
                                             countries)
        return address
    parts = [part for part in _ADDRESS_SPLIT_RE.split(value.strip(' ,;'))
             if part]
    address = {}
    if len(parts) > 1:
        address['country_id'] = _country(parts[-1], countries)
        if address['country_id']:
            parts.pop()
    if not (labelled or address.get('country_id') or (
            len(parts) > 1 and _VI_ADDRESS_RE.search(value))):
        return None
    if len(parts) > 1:
        city = parts.pop()
        match = _ZIP_RE.match(city)
        if match:
            address['zip'] = match.group('before') or match.group('after')
            city = (match.group('city1') or match.group('city2')).strip()
        if _STATE_RE.match(city) and len(parts) > 1:
            city = parts.pop()
        address['city'] = _CITY_PREFIX_RE.sub('', city)
    address['street'] = ', '.join(parts)
    return address


def _parse_block(block, delimited, links, fields, name_line=0,
                 countries=None):
    """The contact details of the lines of a signature (or a card); only
    the keys of ``fields``. A name is taken unlabelled only from line
    ``name_line`` (None: the first line that looks like a name).
    ``countries``: see _address."""
    values = {}
    countries = countries or {}

    def put(field, value):
        if isinstance(value, str):
            value = value.strip()
        if value and field in fields and field not in values:
            values[field] = value

    def put_address(address):
        # one address: the parts of a second one do not complete it
        if address and 'street' not in values and 'city' not in values:
            for field in ('street', 'city', 'zip', 'country_id'):
                put(field, address.get(field))

    for index, line in enumerate(block):
        for segment in _SEGMENT_SPLIT_RE.split(line):
            hrefs = [links.get(mark, '') for mark in
                     _LINK_MARK_RE.findall(segment)]
            segment = _LINK_MARK_RE.sub('', segment).strip()
            if not segment:
                continue
            field, value = _label_of(segment)
            if field == 'ignore' or (field and field not in fields):
                continue
            if field in ('phone', 'mobile'):
                put(field, _phone(value, strict=False))
                continue
            if field == 'website':
                put(field, _website(value, labelled=True))
                continue
            if field == 'email_from':
                email = _EMAIL_RE.search(value)
                put(field, email and email.group(0))
                continue
            if field == 'street':
                if len(value) <= _ADDRESS_MAX:
                    put_address(_address(value, countries, labelled=True))
                continue
            if field == 'zip':
                put(field, re.match(r'^[\w\- ]{3,10}$', value) and value)
                continue
            if field == 'country_id':
                put(field, _country(value, countries, labelled=True))
                continue
            if field == 'contact_name':
                if _is_name(value) or _CJK_NAME_RE.match(value):
                    put(field, value)
                continue
            if field in ('partner_name', 'function'):
                if len(value) <= 80 and '@' not in value:
                    put(field, value)
                continue
            # no label
            email = _EMAIL_RE.search(segment)
            if email:
                put('email_from', email.group(0))
                continue
            website = _website(segment)
            if not website and _DOMAIN_RE.match(segment) and any(
                    href.lower().startswith(('http://', 'https://'))
                    for href in hrefs):
                website = segment  # a link whose text is a domain name
            if website:
                put('website', website)
                continue
            phone = _phone(segment)
            if phone:
                rest = segment.replace(phone, '')
                if len(re.sub(r'[^\w]', '', rest)) <= 3:
                    put('phone', phone)
                continue
            if not delimited:
                continue  # guessed block: only labelled details, URLs, phones
            if 'street' in fields and len(segment) <= _ADDRESS_MAX:
                country = _country(segment, countries)
                if country:
                    put('country_id', country)
                    continue
                address = _address(segment, countries)
                if address:
                    put_address(address)
                    continue
            if (name_line is None or index == name_line) and \
                    _is_name(segment):
                put('contact_name', segment)
                continue
            title, company = _is_title(segment), _is_company(segment)
            if title and company:
                pair = _split_title_company(segment)
                if pair:
                    put('function', pair[0])
                    put('partner_name', pair[1])
            elif title:
                put('function', segment)
            elif company:
                put('partner_name', segment)
    if values.get('mobile') and values.get('mobile') == values.get('phone'):
        del values['mobile']
    return values


def parse_signature(text, sender_name=None):
    """Contact details found in the signature of a plain text message.

    Returns a dict with some of the keys of ``FIELDS``. The name comes from
    the first line of a delimited signature, else from ``sender_name`` (the
    display name of the ``From`` header) when it looks like a name."""
    text = unicodedata.normalize('NFC', (text or '')[:MAX_BODY_CHARS])
    # html2plaintext writes a link as "text [n]" and lists "[n] url" last
    links = dict(re.findall(r'^\[(\d+)\]\s+(\S+)\s*$', text, re.MULTILINE))
    block, delimited = _signature_block(_lines(text))
    values = _parse_block(block, delimited, links, FIELDS)
    if 'contact_name' not in values and sender_name:
        name = unicodedata.normalize('NFC', sender_name).strip().strip('"\'')
        # not an address or a login ("lan.nguyen", "sales_hn", "an2000")
        if name and len(name) <= 60 and not _NOT_A_NAME_RE.search(name) \
                and not re.search(r'[\d_@/\\<>]', name) \
                and not ('.' in name and ' ' not in name):
            values['contact_name'] = name
    return values


def parse_card(text, countries=None):
    """Contact details of a business card from the text OCR read on it.

    Returns a dict with some of the keys of ``CARD_FIELDS``. Every line
    counts (a card has no closing formula to start after); the name is
    the first unlabelled line that looks like a name, wherever a logo or
    a slogan puts it. ``countries``: {lower-case country name or code:
    the value country_id gets}; without it no country is read."""
    text = unicodedata.normalize('NFC', (text or '')[:MAX_BODY_CHARS])
    block = []
    for raw in _text_lines(text):
        line = _CJK_SPACE_RE.sub('', _clean_line(raw)).strip(' |')
        if line:
            block.append(line)
            if len(block) == _MAX_CARD_LINES:
                break
    return _parse_block(block, True, {}, CARD_FIELDS, name_line=None,
                        countries=countries)
