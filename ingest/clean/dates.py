"""Publication dates stated in text ("Published 3 May 2019", "05.06.2025 um 14:46") as ISO 8601 dates."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from htmldate.extractors import custom_parse

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
_MONTHS.update({name[:3]: i for name, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_PATTERNS = [
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})"),
]
_LEAD = re.compile(r"^(published|posted|updated|last updated|first published|date)\b[:\s]*(on\s+)?",
                   re.IGNORECASE)


def parse_date(text: str) -> str | None:
    """The first calendar date written in the text, as YYYY-MM-DD, or None."""
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            parts = m.groupdict()
            month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS.get(parts["month"].lower())
            if not month:
                continue
            try:
                return date(int(parts["year"]), month, int(parts["day"])).isoformat()
            except ValueError:
                continue
    return None


def find_published(line: str) -> str | None:
    """The date of a dateline such as "Published 3 May 2019" or "Posted: May 3, 2019"."""
    if not _LEAD.match(line.strip()):
        return None
    return parse_date(line)


# The date line between an article's headline and its body: "05.06.2025 um 14:46",
# "Stand: 28.04.2023 16:11 Uhr", "12. MÄR 2025 18:03", "2025年1月14日 10:30". Such a line is
# short, holds a year and another number; htmldate (trafilatura's date library) reads the
# numeric and month-name forms of many languages, a CJK date is read here.
DATE_LINE_MAX_CHARS = 80
DATE_REACH = 12  # lines above the body looked at, at most
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_DIGIT_RUNS = re.compile(r"\d+")
_DOTTED_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d\d)(?!\d)")  # 05.06.2025
_CJK_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_EARLIEST = datetime(1990, 1, 1)


def find_date(line: str, latest: datetime | None = None) -> str | None:
    """The calendar date a short date line states (YYYY-MM-DD), or None: a line of at most
    DATE_LINE_MAX_CHARS with a year and another number, read no later than `latest`
    (default: tomorrow)."""
    if len(line) > DATE_LINE_MAX_CHARS or not _YEAR.search(line) or len(_DIGIT_RUNS.findall(line)) < 2:
        return None
    latest = latest or datetime.now() + timedelta(days=1)
    found = _common_date(line)  # the common forms first: htmldate may try dateutil (ms)
    if found is not None:
        return found.isoformat() if _EARLIEST.date() <= found <= latest.date() else None
    return custom_parse(line, "%Y-%m-%d", _EARLIEST, latest)


def _common_date(line: str) -> date | None:
    """A date in a form read here: 2025年1月14日, 05.06.2025, an ISO or English one (parse_date)."""
    for pattern, order in ((_CJK_DATE, (1, 2, 3)), (_DOTTED_DATE, (3, 2, 1))):
        m = pattern.search(line)
        if m:
            try:
                return date(*(int(m[k]) for k in order))
            except ValueError:
                return None
    found = parse_date(line)
    return date.fromisoformat(found) if found else None


def date_above(texts: list[str], start: int, top: int | None) -> str | None:
    """The first date (find_date) of the lines between the headline `top` (or DATE_REACH
    lines up, at most) and the body's first line `start`."""
    lo = max(0, start - DATE_REACH) if top is None else max(top + 1, start - DATE_REACH)
    for line in texts[lo:start]:
        found = find_date(line)
        if found:
            return found
    return None
