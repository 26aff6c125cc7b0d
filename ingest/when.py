"""Dates typed on the command line (`--since`, `--until`): parsed and checked, never compared as text.

Accepted: an ISO date or a prefix of one (`2019-11-19`, `2019-11`, `2019`), an ISO
date and time (`2019-11-19T08:30`), and relative days: `today`, `yesterday`, `7d`
(7 days ago), `2w` (14 days ago). Anything else, `19-11-2019` included (day first or
month first cannot be told apart), is an error that says what is accepted.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

ACCEPTED = "YYYY-MM-DD (or YYYY-MM, YYYY, an ISO date and time), today, yesterday, or Nd / Nw ago"
_RELATIVE = re.compile(r"(\d{1,5})\s*([dw])", re.IGNORECASE)
_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2}))?")


class DateError(ValueError):
    """A date on the command line that cannot be read; the message says what can."""


def parse_when(text: str, today: date | None = None) -> str:
    """The ISO form of a command-line date: 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or a full ISO datetime.

    The result compares correctly, as text, with the archive's ISO 8601 `published`
    values. `today` is for tests; it defaults to the local date.
    """
    value = text.strip()
    today = today or date.today()
    lowered = value.lower()
    if lowered == "today":
        return today.isoformat()
    if lowered == "yesterday":
        return (today - timedelta(days=1)).isoformat()
    relative = _RELATIVE.fullmatch(lowered)
    if relative:
        count, unit = int(relative.group(1)), relative.group(2)
        return (today - timedelta(days=count * (7 if unit == "w" else 1))).isoformat()
    partial = _PARTIAL.fullmatch(value)
    if partial:
        year, month = partial.groups()
        if month is not None and not 1 <= int(month) <= 12:
            raise DateError(f"{text!r} is not a date: month {month} (use {ACCEPTED})")
        return value
    try:
        parsed = datetime.fromisoformat(value) if "T" in value or " " in value else date.fromisoformat(value)
    except ValueError:
        raise DateError(f"{text!r} is not a date (use {ACCEPTED})") from None
    if len(value) < 10 or value[4] != "-":  # fromisoformat also takes 20191119 and week dates
        raise DateError(f"{text!r} is not a date (use {ACCEPTED})")
    return parsed.isoformat()
