"""Publication dates stated in text ("Published 3 May 2019", "05.06.2025 um 14:46", "19.10.19",
"1 de diciembre de 2017", "2017년 12월 1일", "4 ธันวาคม 2569") as ISO 8601 dates.

A written date is read from its words: month names of every language CLDR describes
(wide and abbreviated, in the format and stand-alone forms: "grudnia", "grudzień",
"déc.", "ธ.ค."), a number that a month word marks ("12월", "12月", "tháng 12"), and
the words date patterns join the parts with ("de", "г.", "년"), all generated from
CLDR into calendar_words.json (benchmarks/make_calendar_words.py); digits of any
script count ("२ दिसंबर २०१७"), and a Thai line's Buddhist-era year (over 2400) is the
Common Era's plus 543. Numeric forms ("05.06.2025") are read by pattern, and the rest
of a date line's forms by htmldate (trafilatura's date library).
"""

from __future__ import annotations

import json
import re
import unicodedata
import warnings
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from itertools import chain
from pathlib import Path

from htmldate import find_date as htmldate_find_date
from htmldate.extractors import custom_parse

from .lines import SENTENCE_STOPS
from .trie import trie
from .vocabulary import DAY_ORDINALS, STATED_DATE_LEADS, STATED_DATE_LINKS, YEAR_ERAS

_CALENDAR = json.loads(Path(__file__).with_name("calendar_words.json").read_text(encoding="utf-8"))
MONTH_NAMES: dict[str, int] = _CALENDAR["months"]  # case-folded, without a final "."
_MONTH_SUFFIXES = frozenset(w.strip("-") for w in _CALENDAR["month_suffixes"])  # "12월", "12月"
_MONTH_PREFIXES = frozenset(_CALENDAR["month_prefixes"])  # "tháng 12"
_FILLERS = frozenset(_CALENDAR["fillers"]) | frozenset(YEAR_ERAS)  # "de", "г", "년", "à"
_DAY_ORDINALS = frozenset(DAY_ORDINALS)  # only right after the day's number: "1er", "1st"
_DATE_WORDS = frozenset(_CALENDAR["extras"])  # weekdays and the day's periods ("am", "오후")

# A token is a run of digits, or a word: what lies between whitespace, digits and
# punctuation, with the dots inside it and one at its end ("ธ.ค.", "déc."). Each run is
# of characters the next part cannot start with, so a line is read in linear time.
_SEPARATORS = (r"\s,.:;/|()\[\]{}<>\"'’‘“”«»„‹›·•–—\-_+=*#@!?…、，。：；｜（）【】"
               "\u200e\u200f\u061c\u060c")
_TOKEN = re.compile(rf"(\d+)|([^{_SEPARATORS}\d]++(?:\.[^{_SEPARATORS}\d]++)*+\.?)")
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")
_THAI = re.compile("[\u0e00-\u0e7f]")
BUDDHIST_ERA_OFFSET = 543
BUDDHIST_ERA_FROM = 2400  # a Thai year above this is of the Buddhist era

_DAY, _MONTH, _YEAR_TOKEN, _WORD, _NUMBER = "D", "M", "Y", "W", "N"
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_LEAD = re.compile(r"^(published|posted|updated|last updated|first published|date)\b[:\s]*(on\s+)?",
                   re.IGNORECASE)


def _ascii_digit(m: re.Match) -> str:
    return str(unicodedata.digit(m[0]))


def ascii_digits(text: str) -> str:
    """The text with the digits of every script as ASCII digits ("२०१७" -> "2017")."""
    return text if text.isascii() else _OTHER_DIGIT.sub(_ascii_digit, text)


def _tokens(text: str) -> list[tuple[str, object]]:
    """The date's parts in `text` (ASCII digits): (kind, value) for each day-sized number
    (D), four-digit number (Y), other number (N), month (M: its name, or a number its
    marker makes one) and other word (W); the pattern words between them are left out."""
    out: list[tuple[str, object]] = []
    prefixed = False  # the last word was a month's prefix ("tháng")
    end = -1  # where the last number ended
    low = text.casefold()
    for m in _TOKEN.finditer(low):
        digits = m.group(1)
        if digits is not None:
            if len(digits) > 4:  # no part of a date (and int() of a long run is slow, or refused)
                out.append((_NUMBER, 0))
                prefixed, end = False, m.end()
                continue
            value = int(digits)
            at = m.start()
            if prefixed and 1 <= value <= 12:
                out.append((_MONTH, value))
            elif at >= 2 and low[at - 1] == "." and low[at - 2].isdigit():
                out.append((_NUMBER, value))  # a version's or a decimal's part ("4.2.3 April 2014")
            else:
                kind = _DAY if len(digits) <= 2 else _YEAR_TOKEN if len(digits) == 4 else _NUMBER
                out.append((kind, value))
            prefixed, end = False, m.end()
            continue
        word = m.group(2).rstrip(".")
        prefixed = False
        month = MONTH_NAMES.get(word)
        if month:
            out.append((_MONTH, month))
        elif word in _MONTH_SUFFIXES and m.start() == end and out[-1][0] == _DAY and 1 <= out[-1][1] <= 12:
            out[-1] = (_MONTH, out[-1][1])
        elif word in _MONTH_PREFIXES:
            prefixed = True
        elif word in _FILLERS or word in _DAY_ORDINALS and m.start() == end:
            pass
        else:
            out.append((_WORD, word))
    return out


def _named_date(tokens: list[tuple[str, object]], thai: bool) -> date | None:
    """The first day, month and year next to each other (fillers, weekdays and the day's
    periods aside) in one of the orders dates are written in: 1 December 2017, December 1 2017,
    2017 December 1; "31 Donnerstag Okt 2019", as a blog theme sets its date, too."""
    if any(kind == _WORD and value in _DATE_WORDS for kind, value in tokens):
        tokens = [(kind, value) for kind, value in tokens if kind != _WORD or value not in _DATE_WORDS]
    for i in range(len(tokens) - 2):
        (a, x), (b, y), (c, z) = tokens[i:i + 3]
        if b == _MONTH and a == _DAY and c == _YEAR_TOKEN:
            day, month, year = x, y, z
        elif b == _MONTH and a == _YEAR_TOKEN and c == _DAY:
            day, month, year = z, y, x
        elif a == _MONTH and b == _DAY and c == _YEAR_TOKEN:
            day, month, year = y, x, z
        else:
            continue
        if thai and year > BUDDHIST_ERA_FROM:
            year -= BUDDHIST_ERA_OFFSET
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


def _numeric_date(pattern: re.Pattern[str], text: str, order: tuple[int, int, int]) -> date | None | bool:
    """The date of the pattern's first match (its groups year, month and day in `order`);
    None if it does not match, False if the match is no calendar day."""
    m = pattern.search(text)
    if m is None:
        return None
    try:
        return date(*(int(m[k]) for k in order))
    except ValueError:
        return False


def _iso_date(text: str) -> date | None:
    """The date of the first "2025-06-05" in the text, or None."""
    return _numeric_date(_ISO, text, (1, 2, 3)) or None


# A dateline or a metadata value states its date within this many characters (a longer text
# is read that far: its words are read one by one, in Python).
PARSE_MAX_CHARS = 200


def parse_date(text: str) -> str | None:
    """The first calendar date written in the text's first PARSE_MAX_CHARS characters with a
    month's name (in any language CLDR describes) or as YYYY-MM-DD, as YYYY-MM-DD, or None."""
    text = ascii_digits(text[:PARSE_MAX_CHARS])
    found = _named_date(_tokens(text), _THAI.search(text) is not None) or _iso_date(text)
    return found.isoformat() if found else None


def find_published(line: str) -> str | None:
    """The date of a dateline such as "Published 3 May 2019" or "Posted: May 3, 2019"."""
    if not _LEAD.match(line.strip()):
        return None
    return parse_date(line)


# The date line between an article's headline and its body: "05.06.2025 um 14:46",
# "Stand: 28.04.2023 16:11 Uhr", "12. MÄR 2025 18:03", "2025年1月14日 10:30",
# "1 de diciembre de 2017 3:00 AM PST". Such a line is short, holds a year and another number.
DATE_LINE_MAX_CHARS = 80
DATE_REACH = 12  # lines above the body looked at, at most
# The article's head: its first items, where a date line under a standfirst, with the byline, is
# the article's ("Von dpa 30.04.2024, 18:58" after the first paragraph; a standfirst of two
# sentences, a photo's credit and the byline may come before it: 4 left Sermitsiaq's out, 6 also
# took five date lines of outside pages, 8 found the same days on fundus-dev; a date further down
# is more often a dated entry or a quoted post's.)
DATE_HEAD_ITEMS = 6
# A date line has at most this many words that are no part of a date, a weekday or a time
# of day ("Publicado el ... h", "Stand: ... Uhr"): a caption or a headline with a date has more.
DATE_LINE_OTHER_WORDS = 3
_YEAR = re.compile(r"(?<!\d)(?:19|20|25)\d\d(?!\d)")  # 25xx: a Thai year
# Four digits in any script: what a date line has, looked for before its digits are made ASCII.
FOUR_DIGITS = re.compile(r"\d{4}")
_DIGIT_RUNS = re.compile(r"\d+")
_DOTTED_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d\d)(?!\d)")  # 05.06.2025
_SENTENCE_END = tuple(SENTENCE_STOPS)
_EARLIEST = datetime(1990, 1, 1)


# A dotted date with a two-digit year, as German, Polish or Czech papers write a dateline
# ("19.10.19, 08:16 Uhr", "Kultur, 2.11.22"): day, month, year in every language that writes
# it so. Not inside a longer run of numbers and dots (a version "1.2.19.5", an address).
_DOTTED_SHORT_YEAR = re.compile(r"(?<![\w.])([0-9]{1,2}\.\s?[0-9]{1,2}\.\s?)([0-9]{2})(?!\w|\.[0-9])")


# A date's year run into the next number with no space, as a page's text shows two <time>
# elements side by side (published and updated: "19. Dezember 202219. Dezember 2022", "4 de mayo
# de 202207:59 hs", "15/01/201614/01/2016"): a year after a word and a space, or after a numeric
# date's separator, is cut from the digits that follow it.
_FIVE_DIGITS = re.compile(r"[0-9]{5}")
_GLUED_YEAR = re.compile(r"(?:(?<=[^\W\d_] )|(?<=[^\W\d_][.,] )|(?<=[0-9][/.-]))((?:19|20)[0-9]{2})(?=[0-9])")


def _full_year(m: re.Match) -> str:
    """A _DOTTED_SHORT_YEAR match with its year in full: this century's up to next year, else the
    last one's ("19" -> 2019, "97" -> 1997)."""
    year = int(m[2])
    return f"{m[1]}{2000 + year if year <= date.today().year % 100 + 1 else 1900 + year}"


def _short_line(line: str) -> str | None:
    """The line with ASCII digits, a dotted date's two-digit year in full and a year cut from the
    number it runs into, if it may be a date line (at most DATE_LINE_MAX_CHARS, a year and another
    number), else None."""
    if len(line) > DATE_LINE_MAX_CHARS:
        return None
    if not FOUR_DIGITS.search(line):
        if "." not in line:
            return None
        line, n = _DOTTED_SHORT_YEAR.subn(_full_year, line, count=1)
        if not n:
            return None
    line = ascii_digits(line)
    if _FIVE_DIGITS.search(line):
        line = _GLUED_YEAR.sub(r"\1 ", line)
    if not _YEAR.search(line) or len(_DIGIT_RUNS.findall(line)) < 2:
        return None
    return line


def _date_of(line: str, tokens: list[tuple[str, object]] | None, latest: datetime | None) -> str | None:
    """find_date of a _short_line, given its _tokens if they were read."""
    latest = latest or datetime.now() + timedelta(days=1)
    found = _dotted_date(line)  # the common forms first: htmldate may try dateutil (ms)
    if found is None:
        tokens = _tokens(line) if tokens is None else tokens
        found = _named_date(tokens, _THAI.search(line) is not None) or _iso_date(line)
        if found is None and any(kind == _MONTH for kind, _ in tokens):
            return None  # a month's name with no day next to it ("4.2.3 April 2014", a version)
    if found:  # (not an impossible "31.02.2025": htmldate reads it)
        return found.isoformat() if _EARLIEST.date() <= found <= latest.date() else None
    with warnings.catch_warnings():
        # dateutil, which htmldate asks, warns of a word it takes for a time zone's name
        # ("2019 PM 99 5h READ"): noise in a nightly run's output, and no date of ours either way
        warnings.simplefilter("ignore")
        try:
            found_iso = custom_parse(line, "%Y-%m-%d", _EARLIEST, latest)
        except (ValueError, OverflowError):
            # it reads a reference's "2014;6:38-72." as a time in a zone 72 hours off, a
            # datetime that raises as soon as it is compared (dateutil#1508)
            return None
    return None if found_iso is None or _from_today(line, found_iso) else found_iso


def _from_today(line: str, found: str) -> bool:
    """Whether the date htmldate read in the line took its day or month from the day it ran:
    dateutil fills what a line lacks from today ("2019/12" reads as 2019-12-<today>), so the
    same page would get another date on another day's run. A day or month is stated when the
    line holds it as a number of one or two digits (a day that is also the month's number,
    twice) or the month by a name, or the whole date as its digits."""
    today = datetime.now()
    _, month, day = map(int, found.split("-"))
    if day != today.day and month != today.month:
        return False
    digits = ascii_digits(line)
    if found.replace("-", "") in re.sub(r"\D", "", digits):
        return False
    numbers = Counter(int(run) for run in re.findall(r"\d+", digits) if len(run) <= 2)
    low = digits.casefold()
    named = any(name in low for name in MONTH_NAMES)
    month_stated = named or numbers[month] > 0
    day_stated = numbers[day] > (0 if named or day != month else 1)
    return day == today.day and not day_stated or month == today.month and not month_stated


def find_date(line: str, latest: datetime | None = None) -> str | None:
    """The calendar date a short date line states (YYYY-MM-DD), or None: a line of at most
    DATE_LINE_MAX_CHARS with a year and another number, read no later than `latest`
    (default: tomorrow) and not before 1990."""
    short = _short_line(line)
    return None if short is None else _date_of(short, None, latest)


def date_line(line: str, latest: datetime | None = None, other_words: int = DATE_LINE_OTHER_WORDS) -> bool:
    """Whether the line is a date line: it states a date (find_date), is no embedded post's
    signature nor a table's row, has at most `other_words` words besides the date's, weekdays and
    times of day, and does not end as a sentence ends after such a word of two letters or more
    ("Am 1. Dezember 2017 starb er.")."""
    return line_date(line, latest, other_words) is not None


def line_date(line: str, latest: datetime | None = None, other_words: int = DATE_LINE_OTHER_WORDS) -> str | None:
    """The date (YYYY-MM-DD) of a date line (date_line), or None: the line read once, not once
    to tell it is one and again for its date."""
    short = _short_line(line)
    # an embedded post's signature, "— Name (@handle) June 1, 2017"; a table's row as an HTML
    # reading writes one, "| Founded | February 28, 1998 |"
    if short is None or "(@" in line or line.startswith("|"):
        return None
    tokens = _tokens(short)  # the words first: most lines with a year have too many to be read
    other = [kind == _WORD and value not in _DATE_WORDS for kind, value in tokens]
    if sum(other) > other_words:
        return None
    # (a one-letter word with its dot is an abbreviation: "10:30 น.", "15 h."; so is a unit
    # right after a time of day: "a las 07:46hrs.", "09:01 hrs.")
    if (line.rstrip().endswith(_SENTENCE_END) and other and other[-1] and len(tokens[-1][1]) > 1
            and _TIME_UNIT_END.search(line) is None):
        return None
    return _date_of(short, tokens, latest)


# A time of day, then a unit of at most four letters and a full stop, ending the line.
_TIME_UNIT_END = re.compile(r"(?<!\d)\d{1,2}[:.]\d\d[^\S\n]?[^\W\d_]{1,4}\.\s*\Z")
_DATE_ORDERS = frozenset(((_DAY, _MONTH, _YEAR_TOKEN), (_MONTH, _DAY, _YEAR_TOKEN), (_YEAR_TOKEN, _MONTH, _DAY)))
_LEADING_MARKS = " |·•-–—/"


def opening_date(line: str, latest: datetime | None = None) -> str | None:
    """The date a short line (find_date's) opens with, weekdays aside, whatever follows it: a
    dateline with its byline or its kind after the date ("November 3, 2025 by Jane Porter
    5 Comments", "03.11.2025 - Meldung - Verkehr und Stadtplanung"), or None."""
    short = _short_line(line)
    if short is None:
        return None
    head = short.lstrip(_LEADING_MARKS)
    if head[:1].isdigit() and (_DOTTED_DATE.match(head) or _ISO.match(head)):
        return _date_of(head[:12], None, latest)
    tokens = _tokens(short)
    first = next((i for i, (kind, value) in enumerate(tokens) if kind != _WORD or value not in _DATE_WORDS),
                 len(tokens))  # the first token that is no weekday
    if tuple(kind for kind, _ in tokens[first:first + 3]) not in _DATE_ORDERS:
        return None
    return _date_of(short, tokens[first:first + 3], latest)


# A line of fields, a date among them: "Gunter Frank / 22.04.2020 / 06:15 / Foto: Name / 150",
# "By Jane Porter | March 3, 2025 | 5 min read", "Politik · 03.11.2025 · 14:00".
_FIELD_BREAKS = (" | ", " / ", " • ", " · ")
_FIELD_BREAK = re.compile("|".join(map(re.escape, _FIELD_BREAKS)))
FIELDED_MAX_CHARS = 2 * DATE_LINE_MAX_CHARS


def holds_year(line: str) -> bool:
    """Whether the line holds four digits in a row, as a year is written. An ASCII line without
    "19", "20" or "25" (the centuries _YEAR reads) is told so by str.find, without sre."""
    if line.isascii() and "20" not in line and "19" not in line and "25" not in line:
        return False
    return FOUR_DIGITS.search(line) is not None


def fielded_date(line: str, latest: datetime | None = None) -> str | None:
    """The date of the first field of a line of fields (parted by " | ", " / ", " • " or " · ")
    that is a date line or opens with a date, or None."""
    if len(line) > FIELDED_MAX_CHARS or not any(map(line.__contains__, _FIELD_BREAKS)) or not holds_year(line):
        return None
    fields = _FIELD_BREAK.split(line)
    if len(fields) < 2:
        return None
    for field in fields:
        found = line_date(field, latest) or opening_date(field, latest)
        if found:
            return found
    return None


# A time of day ("12:55", "03:25:55"): a post's or a comment's stamp holds one beside its date.
_CLOCK = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")


def stamp_line(line: str, latest: datetime | None = None) -> bool:
    """Whether the line is a comment's or a post's stamp: a short line (find_date) that states a
    date and a time of day, whatever else it holds ("# re: Title 2004-12-27 12:55 Name", "Name
    says: 3 June 2019 at 10:15")."""
    return (len(line) <= DATE_LINE_MAX_CHARS and _CLOCK.search(line) is not None
            and find_date(line, latest) is not None)


def _dotted_date(line: str) -> date | None | bool:
    """The date of the first "05.06.2025" in the line; None if there is none, False if
    it is no calendar day."""
    return _numeric_date(_DOTTED_DATE, line, (3, 2, 1))


# The lines right under the headline read for its date line, however far below the body starts
# (a list of the most read stories may stand between them): 3 to 6 gave the same dates on the
# dev sets and trafilatura's even half.
UNDER_HEADLINE_REACH = 4


def date_above(texts: list[str], start: int, top: int | None) -> str | None:
    """The first date (find_date) of the lines between the headline `top` and the body's first
    line `start`: the UNDER_HEADLINE_REACH lines under the headline, then the DATE_REACH lines
    over the body (with no headline, only those)."""
    if top is None:
        lines = range(max(0, start - DATE_REACH), start)
    else:
        under = min(start, top + 1 + UNDER_HEADLINE_REACH)
        lines = chain(range(top + 1, under), range(max(under, start - DATE_REACH), start))
    for i in lines:
        found = find_date(texts[i])
        if found:
            return found
    return None


# A lede that opens with its dateline: "Feb. 23, 2015 -- Life-threatening ...", "Düsseldorf,
# 22. November 2022 - Der Öko-Energieversorger ...", "NEW YORK, Dec. 3, 2025 /PRNewswire/ -- ...":
# within its first LEDE_DATE_CHARS characters a dash (or a wire's /Name/ and a dash) after a date
# and nothing else but a place of at most LEDE_PLACE_WORDS words and its comma.
LEDE_DATE_CHARS = 60
LEDE_PLACE_WORDS = 3
_LEDE_DASH = re.compile(r"(?<=\s)(?:--?|[–—])(?=\s)|/[^/\n]{1,30}/[^\S\n]{0,3}--")


def lede_date(paragraph: str) -> str | None:
    """The date a paragraph opens with, as a lede's dateline (see above), or None."""
    m = _LEDE_DASH.search(paragraph, 0, LEDE_DATE_CHARS)
    if m is None:
        return None
    head = paragraph[:m.start()].rstrip()
    place, comma, rest = head.partition(",")
    if comma and len(place.split()) <= LEDE_PLACE_WORDS and not any(map(str.isdigit, place)):
        head = rest
    return line_date(head, other_words=0)


# A page whose headline and body have no date between them may have its date further up, a byline
# block of several authors or a caption between it and the body ("03 November 2025" over the
# headline and eight authors' names): the timestamps, bylines, date lines and lines that open with
# a date this many items above the body are read, the nearest first. On trafilatura's evaluation
# pages with a labelled date, text mode got it right on 190 -> 233 of the even half's 362 and on
# 191 -> 236 of the held-out odd half's 366, wrong on 15 -> 18 and 13 -> 17; fundus-dev's pages
# got their named day on 75 -> 85, none on 49 -> 32. Lines that open with a date and breadcrumbs
# that are date lines, later: even half 247 -> 254 right, no more wrong.
DATE_BEFORE_REACH = 20


def nearest_date(texts: list[str], lines: Iterable[int]) -> str | None:
    """The date (stamped_date) of the first of `lines` (indices of `texts`) that holds one."""
    for i in lines:
        found = stamped_date(texts[i])
        if found:
            return found
    return None


def stamped_date(line: str) -> str | None:
    """The date a timestamp or a byline states: a short line's (find_date), else its date field
    (fielded_date), else the one after its word of publishing (stated_date, within the line)."""
    return find_date(line) or fielded_date(line) or stated_date(line, within=True)


def date_head(texts: list[str], start: int, end: int) -> str | None:
    """The date (find_date) of the first date line (date_line) among the first DATE_HEAD_ITEMS
    lines of the body [start, end): one under the standfirst, which the body starts with."""
    return next(filter(None, map(line_date, texts[start:min(end, start + DATE_HEAD_ITEMS)])), None)


def page_date(found: str | None, html: str, url: str | None = None) -> str | None:
    """An HTML page's publication date from trafilatura's (`found`), unless that is a 1 January
    which htmldate reads only in its extensive search of the page's text: a year alone ("© 2019",
    a year in a sentence) taken for a day. Such a page is asked again without that search (its
    metadata, date elements and URL): what they say stands, and without it the page has none.
    On trafilatura's evaluation pages (the even half), 25 of 495 got a 1 January, 23 of them from
    that search alone: 22 have no labelled date and one another day; the page labelled 1 January,
    and one whose metadata says it, keep theirs."""
    if not found or not found.endswith("-01-01"):
        return found or None
    try:
        return htmldate_find_date(html, extensive_search=False, original_date=True, url=url)
    except (ValueError, TypeError):  # markup htmldate cannot read: no date it can stand by
        return None


# A line that says when the article came out, anywhere from STATED_REACH items above the body to
# as many below it ("Veröffentlicht am 16.08.2019" under the article; "Veröffentlicht am 1. November
# 2023 09:35 von Claudio Kummerfeld Twitter Facebook", too long for a date line): its lead word
# (vocabulary.STATED_DATE_LEADS), a colon or a small word, then the date within STATED_DATE_CHARS
# characters. Asked only of a page no other date line gave a date. On trafilatura's evaluation
# pages with a labelled date, text mode got it right on 233 -> 242 of the even half's and 236 ->
# 247 of the held-out odd half's, wrong on 18 -> 19 and 17 -> 18; fundus-dev's named day 85 -> 86.
STATED_REACH = 20
STATED_MAX_WORDS = 30  # a dateline with a byline and share links; an article's paragraph is longer
STATED_FIRSTS = frozenset(lead[0] for lead in STATED_DATE_LEADS)  # (a line is tried only if it starts so)
STATED_DATE_CHARS = 60
# (matched on the line's first characters lower-cased: a factored alternation, not one that ignores case)
_STATED = re.compile(trie((lead, "") for lead in STATED_DATE_LEADS) + r"\b[^\w\n]{0,3}"
                     r"(?:(?:" + "|".join(map(re.escape, STATED_DATE_LINKS)) + r")\s+)?")
_STATED_HEAD_CHARS = max(map(len, STATED_DATE_LEADS)) + 3 + max(map(len, STATED_DATE_LINKS)) + 2


def stated_date(line: str, within: bool = False) -> str | None:
    """The date a line states after its lead word ("Erschienen am: 01.11.2023"), or None.
    `within`: the lead word may stand anywhere in the line, after a title and a byline
    ("„Title“ von Name Veröffentlicht am 11. Juni 2019"), not only at its start."""
    if within and not holds_year(line):  # (its date's year: most lines have none)
        return None
    line = line.strip()
    if within:
        low = line.lower()  # (one character for one: the match's place is the line's)
        # a lead word after a character that ends a word (sre skips to the leads' first letters)
        m = next((m for m in _STATED.finditer(low) if not m.start() or not low[m.start() - 1].isalnum()),
                 None) if len(low) == len(line) else None
    else:
        m = _STATED.match(line[:_STATED_HEAD_CHARS].lower())
    if m is None:
        return None
    rest = ascii_digits(line[m.end():m.end() + STATED_DATE_CHARS])
    if not _YEAR.search(rest):
        return None
    found = _dotted_date(rest)
    if found is None:
        return parse_date(rest)
    latest = (datetime.now() + timedelta(days=1)).date()
    return found.isoformat() if found and _EARLIEST.date() <= found <= latest else None

