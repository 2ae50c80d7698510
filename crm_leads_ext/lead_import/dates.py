# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Reading the dates of purchased lists: ISO with or without a time; day,
month and year written with dots, dashes or slashes; month and weekday
names in English, Vietnamese and Chinese; the Chinese 年月日 form. A value
is read only when it has one reading: 02/03/2027 needs the file's date
order, 5-Mar-2027 does not. Pure Python, no query."""
import calendar
import datetime
import re
import unicodedata

from odoo import _

DAY_FIRST = 'dmy'
MONTH_FIRST = 'mdy'

EN_MONTHS = {
    'january': 1, 'jan': 1, 'february': 2, 'feb': 2, 'march': 3, 'mar': 3,
    'april': 4, 'apr': 4, 'may': 5, 'june': 6, 'jun': 6, 'july': 7,
    'jul': 7, 'august': 8, 'aug': 8, 'september': 9, 'sept': 9, 'sep': 9,
    'october': 10, 'oct': 10, 'november': 11, 'nov': 11, 'december': 12,
    'dec': 12,
}
EN_WEEKDAYS = {
    'monday': 0, 'mon': 0, 'tuesday': 1, 'tues': 1, 'tue': 1,
    'wednesday': 2, 'wed': 2, 'thursday': 3, 'thurs': 3, 'thur': 3,
    'thu': 3, 'friday': 4, 'fri': 4, 'saturday': 5, 'sat': 5,
    'sunday': 6, 'sun': 6,
}
# Vietnamese months are "tháng" and a number, in figures or in words
# (tháng Giêng and tháng Chạp are the first and last); weekdays are "thứ"
# and the day's number from Monday, the second day (thứ Hai), and Sunday
# is "Chủ nhật"
VI_NUMBERS = {
    'một': 1, 'giêng': 1, 'hai': 2, 'ba': 3, 'tư': 4, 'bốn': 4, 'năm': 5,
    'sáu': 6, 'bảy': 7, 'tám': 8, 'chín': 9, 'mười': 10, 'mười một': 11,
    'mười hai': 12, 'chạp': 12,
}
VI_NUMBER_WORDS = '|'.join(
    r'\s+'.join(re.escape(part) for part in word.split())
    for word in sorted(VI_NUMBERS, key=len, reverse=True))
VI_MONTH_RE = re.compile(
    r'(?:tháng|thg)\s*(%s|\d{1,2})(?!\w)' % VI_NUMBER_WORDS)
VI_WEEKDAY_RE = re.compile(
    r'(?<!\w)(?:chủ\s*nhật|cn|(?:thứ|th|t)\s*(hai|ba|tư|năm|sáu|bảy|[2-7]))'
    r'(?!\w)')
ZH_DIGITS = {'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4,
             '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
ZH_NUMBER = r'[0-9〇零一二两三四五六七八九十]{1,4}'
ZH_DATE_RE = re.compile(
    r'^(%(n)s)\s*年\s*(%(n)s)\s*月\s*(%(n)s)\s*[日号號]?$' % {'n': ZH_NUMBER})
ZH_WEEKDAY_RE = re.compile(
    r'[(（]?(?:星期|礼拜|禮拜|周|週)([一二三四五六日天])[)）]?')
ZH_WEEKDAYS = {'一': 0, '二': 1, '三': 2, '四': 3, '五': 4, '六': 5,
               '日': 6, '天': 6}
EN_WORD_RE = re.compile(r'[a-z]+')
ORDINAL_RE = re.compile(r'(\d)(?:st|nd|rd|th)(?![a-z])')
# a time after the date: ISO's T, seconds and fractions, a UTC offset, an
# AM/PM mark (Vietnamese SA/CH)
TIME_RE = re.compile(
    r'(?:t|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:am|pm|sa|ch)?'
    r'\s*(?:z|[+-]\d{2}:?\d{2})?$')
# words that are neither a day, a month, a year nor a weekday: "ngày 5
# tháng 3 năm 2027", "mùng 5", "the 5th of March"
FILLER_RE = re.compile(r'(?<!\w)(?:ngày|mùng|mồng|năm|of|the)(?!\w)')
SEPARATOR_RE = re.compile(r'[\s,./\-]+')
# relative dates say when the list was written, not when the deal closes
RELATIVE_RE = re.compile(
    r'(?<![a-z])(?:today|tomorrow|yesterday|tonight|now|next|last|this|ago|'
    r'days?|weeks?|months?|years?|asap|soon)(?![a-z])|'
    r'(?<!\w)(?:hôm nay|ngày mai|hôm qua|ngày kia|tuần|tới|sau|nữa|trước|'
    r'bây giờ)(?!\w)|'
    r'今天|明天|后天|後天|昨天|前天|下周|下週|上周|上週|本周|本週|下星期|'
    r'下个月|下個月|上个月|上個月|明年|去年|今年|天后|天後')


class DateParser(object):
    """Reads a date cell. ``order``: DAY_FIRST, MONTH_FIRST or None, how to
    read a value whose day and month could be swapped (02/03/2027); None
    refuses such a value. (Its messages are translated in the language of
    ``self.env``.)"""

    def __init__(self, env, order=None):
        self.env = env
        self.order = order

    def _prepare(self, value):
        """Lower case, full-width digits and punctuation made ASCII
        (NFKC), a trailing time removed. (text, error)"""
        text = unicodedata.normalize('NFKC', value).strip().lower()
        time = TIME_RE.search(text)
        if time:
            hour, minute, second = (int(part or 0) for part in time.groups())
            if hour > 23 or minute > 59 or second > 59:
                return None, _("'%s' is not a date: its time is not a time "
                               "of day") % value
            text = text[:time.start()].strip()
        return text, None

    def parse(self, value):
        """(date, error message): the date of ``value``, else the reason
        it has none."""
        text, error = self._prepare(value)
        if error:
            return None, error
        weekdays = []

        def weekday(number):
            weekdays.append(number)
            return ' '

        text = ZH_WEEKDAY_RE.sub(
            lambda match: weekday(ZH_WEEKDAYS[match.group(1)]), text)
        chinese = ZH_DATE_RE.match(text.strip())
        if chinese:
            parts = [_chinese_number(part) for part in chinese.groups()]
            if len(chinese.group(1)) != 4 or None in parts:
                return None, self._unreadable(value)
            return self._date(value, parts[0], parts[1], parts[2], weekdays)
        text = VI_MONTH_RE.sub(lambda match: ' m%d ' % _vi_number(
            match.group(1)), text)
        text = VI_WEEKDAY_RE.sub(lambda match: weekday(
            6 if match.group(1) is None else _vi_number(match.group(1)) - 2),
            text)
        text = ORDINAL_RE.sub(r'\1', text)

        def english(match):
            word = match.group(0)
            if word in EN_MONTHS:
                return ' m%d ' % EN_MONTHS[word]
            if word in EN_WEEKDAYS:
                return weekday(EN_WEEKDAYS[word])
            return word

        text = EN_WORD_RE.sub(english, text)
        text = FILLER_RE.sub(' ', text)
        tokens = [token for token in SEPARATOR_RE.split(text) if token]
        months = [int(token[1:]) for token in tokens
                  if token.startswith('m') and token[1:].isdigit()]
        numbers = [token for token in tokens if token.isdigit()]
        if len(months) + len(numbers) != len(tokens) or len(weekdays) > 1:
            return None, self._unreadable(value)
        if len(months) == 1 and len(numbers) == 2:
            years = [number for number in numbers if len(number) == 4]
            if len(years) != 1:
                return None, self._short_year(value)
            days = [number for number in numbers if number != years[0]] or \
                years
            if len(days[0]) > 2:
                return None, self._unreadable(value)
            return self._date(value, int(years[0]), months[0], int(days[0]),
                              weekdays)
        if months or len(numbers) != 3 or \
                any(len(number) > 4 for number in numbers):
            return None, self._unreadable(value)
        first, second, third = numbers
        if len(first) == 4:
            if len(second) > 2 or len(third) > 2:
                return None, self._unreadable(value)
            return self._date(value, int(first), int(second), int(third),
                              weekdays)
        if len(third) != 4:
            return None, self._short_year(value)
        if len(first) > 2 or len(second) > 2:
            return None, self._unreadable(value)
        order = self.order_of(int(first), int(second))
        if order is None:
            if int(first) > 12:
                return None, _(
                    "'%(value)s' is not a date: neither %(first)s nor "
                    "%(second)s is a month") % {
                        'value': value, 'first': int(first),
                        'second': int(second)}
            order = self.order
            if order is None:
                return None, _(
                    "'%s' can be read day first or month first: choose the "
                    "date order of the file in the import form") % value
        day, month = (first, second) if order == DAY_FIRST else \
            (second, first)
        return self._date(value, int(third), int(month), int(day), weekdays)

    @staticmethod
    def order_of(first, second):
        """The only order in which ``first`` and ``second`` (the two
        numbers before the year) make a day and a month: DAY_FIRST,
        MONTH_FIRST, or None when both or neither do. A day and month of
        the same number read the same both ways."""
        if first == second and first <= 12:
            return DAY_FIRST
        if first > 12 >= second:
            return DAY_FIRST
        if second > 12 >= first:
            return MONTH_FIRST
        return None

    def order_hint(self, value):
        """The date order ``value`` proves (a day above 12 before or after
        the month), else None. For the wizard's default."""
        text, error = self._prepare(value)
        if error:
            return None
        numbers = [token for token in SEPARATOR_RE.split(text) if token]
        if len(numbers) != 3 or not all(
                number.isdigit() for number in numbers) or \
                len(numbers[2]) != 4 or len(numbers[0]) > 2 or \
                len(numbers[1]) > 2:
            return None
        first, second = int(numbers[0]), int(numbers[1])
        if first == second:
            return None
        return self.order_of(first, second)

    def _date(self, value, year, month, day, weekdays):
        if not 1 <= month <= 12:
            return None, _("'%(value)s' is not a date: there is no month "
                           "%(month)d") % {'value': value, 'month': month}
        if year < 1:
            return None, self._unreadable(value)
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            return None, _(
                "'%(value)s' is not a date: month %(month)d of %(year)d has "
                "%(days)d days") % {'value': value, 'month': month,
                                    'year': year, 'days': days}
        date = datetime.date(year, month, day)
        if weekdays and weekdays[0] != date.weekday():
            return None, _("'%s' is not a date: its day of the week is not "
                           "that of the date") % value
        return date, None

    def _unreadable(self, value):
        if RELATIVE_RE.search(unicodedata.normalize('NFKC', value).lower()):
            return _("'%s' is a relative date: write the date itself (e.g. "
                     "2027-03-05)") % value
        return _("'%s' is not a date (expected e.g. 2027-03-05, 5 March "
                 "2027 or 2027年3月5日)") % value

    def _short_year(self, value):
        return _("'%s' is not a date: its year needs four digits") % value


def _vi_number(word):
    word = ' '.join(word.split())
    return int(word) if word.isdigit() else VI_NUMBERS[word]


def _chinese_number(text):
    """An integer written in figures, in Chinese digits (二〇二七) or in
    Chinese numerals up to 99 (二十五); None otherwise."""
    if text.isdigit():
        return int(text)
    if '十' not in text:
        if not all(char in ZH_DIGITS for char in text):
            return None
        return int(''.join(str(ZH_DIGITS[char]) for char in text))
    tens, __, units = text.partition('十')
    if len(tens) > 1 or len(units) > 1 or \
            any(char not in ZH_DIGITS for char in tens + units):
        return None
    return (ZH_DIGITS[tens] if tens else 1) * 10 + \
        (ZH_DIGITS[units] if units else 0)
