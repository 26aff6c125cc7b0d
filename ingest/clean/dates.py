"""Publication dates stated in text ("Published 3 May 2019") as ISO 8601 dates."""

from __future__ import annotations

import re
from datetime import date

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
