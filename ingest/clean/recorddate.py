"""A record's own publication date (a JSON line's "date_publish", a feed entry's pubDate) as the
archive keeps it: an ISO 8601 day, or None where the field holds no real day.

Scrapers write a missing date as a placeholder: Go's zero time "0001-01-01T00:00:00Z", a
Unix time of 0 ("1970-01-01"), a database's "9999-12-31". Archived, such a day sorted the
article first or last and put it in or out of every `search --since`. A day before
EARLIEST_YEAR or after LATEST_YEAR, or the Unix epoch's first day, is no date; nor is a day
after the record's own fetch time (a day's grace for time zones), where the record has one.
The bounds are fixed or the record's own, never the day of cleaning: `reclean` on another
day gives the same date. A Unix time in seconds or milliseconds ("1700000000") is read as
its day in UTC, as the fetch time's is (provenance.fetch_time).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from .dates import parse_date

EARLIEST_YEAR = 1000
LATEST_YEAR = 2100
UNIX_EPOCH = date(1970, 1, 1)
FETCH_GRACE = timedelta(days=1)
# A Unix time has 9 to 10 digits in seconds (2001 to 2286), 12 to 13 in milliseconds.
_UNIX_DIGITS = range(9, 14)


def record_date(value: str, fetched_at: str | None = None) -> str | None:
    """The record's publication day (YYYY-MM-DD) from its date field, or None (see above)."""
    text = value.strip()
    whole = text.split(".", 1)[0]
    if whole.isascii() and whole.isdigit() and len(whole) in _UNIX_DIGITS:
        seconds = int(whole) / (1000 if len(whole) > 11 else 1)
        try:
            day = datetime.fromtimestamp(seconds, timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            return None
    else:
        found = parse_date(text)
        if found is None:
            return None
        day = date.fromisoformat(found)
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR or day == UNIX_EPOCH:
        return None
    fetched = _day_of(fetched_at)
    if fetched is not None and day > fetched + FETCH_GRACE:
        return None
    return day.isoformat()


def _day_of(fetched_at: str | None) -> date | None:
    if not fetched_at:
        return None
    try:
        return date.fromisoformat(fetched_at[:10])  # its day where it was fetched: the grace covers the zones
    except ValueError:
        return None  # a fetch time that is no ISO date (kept as given): no bound
