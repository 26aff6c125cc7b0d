"""Write ingest/clean/calendar_words.json: the words of written dates in every language
CLDR describes, for ingest/clean/dates.py.

    pip install babel   # only to run this script; nothing at run time needs it
    python benchmarks/make_calendar_words.py [--out FILE]

From CLDR (through Babel), for every base locale (331 in Babel 2.19):
- months: each month's name, wide and abbreviated, in the format ("1 grudnia") and
  stand-alone ("grudzień") forms, case-folded, a final "." dropped, and with a prefix
  that a date pattern writes against it ("d בMMMM y": "בדצמבר"). A name that locales give
  to different months ("listopad": November in Polish and Czech, October in Croatian)
  goes to the month most locales give it, and is left out on a tie. Names of one
  character, or with a digit, are left out.
- month_suffixes / month_prefixes: what a numbered month name adds to its number
  ("12월", "12月", "tháng 12"): after such a word, or before it, a number is the month.
- fillers: the literal words of the date and date-time patterns ("d 'de' MMMM 'de' y",
  "y년 MMMM d일", "{1} 'à' {0}", "d MMMM y 'г'."), the words a date line joins its parts with.
  Also the names of years, months and days as units ("năm", "ngày": "ngày 1 tháng 12 năm
  2017") and the eras' short names ("n. Chr.").
- extras: weekday names, the names of the day's periods ("AM", "오후", "午後"), the words of
  the time patterns ("HH 'h' mm"), of hours and minutes as units ("Std.") and the short
  names of time zones ("PST", "MEZ"): the other words a date line is made of (dates.date_line).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from babel import Locale, localedata
from babel.dates import get_date_format, get_datetime_format, get_time_format

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "ingest" / "clean" / "calendar_words.json"

_FIELD = re.compile(r"([A-Za-z])\1*")
_QUOTED = re.compile(r"'([^']*)'")
_SPLIT = re.compile(r"[\s,.:;/|()\[\]{}\-–—‏‎،]+")
_NUMBERED = re.compile(r"^(\D*?)\s*(\d+)\s*(\D*)$")
_ATTACHED = re.compile(r"([^\sA-Za-z'{}0-9,.\-/]+)(?=MMM)")


def _key(name: str) -> str:
    return name.casefold().strip().rstrip(".")


def _literals(pattern: str) -> list[str]:
    """The literal words of a CLDR date pattern: its quoted text, and what is neither a
    field (a run of one ASCII letter) nor punctuation."""
    words = []
    for text in _QUOTED.findall(pattern):
        words += _SPLIT.split(text)
    rest = _FIELD.sub(" ", _QUOTED.sub(" ", pattern)).replace("{0}", " ").replace("{1}", " ")
    words += _SPLIT.split(rest)
    return [_key(w) for w in words if w.strip()]


def build() -> dict:
    """The calendar words of all base locales (see the module's docstring)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    suffixes, prefixes, fillers, extras = set(), set(), set(), set()
    for ident in sorted(localedata.locale_identifiers()):
        if "_" in ident:
            continue
        try:
            loc = Locale.parse(ident)
        except Exception:  # a locale Babel lists but cannot load
            continue
        attached = set()
        for width in ("full", "long", "medium"):
            pattern = get_date_format(width, locale=loc).pattern
            attached.update(_key(p) for p in _ATTACHED.findall(pattern))
            fillers.update(_literals(pattern))
            fillers.update(_literals(get_datetime_format(width, locale=loc)))
            extras.update(_literals(get_time_format(width, locale=loc).pattern))
        units = loc._data["unit_display_names"]
        for unit, kept in (("year", fillers), ("month", fillers), ("day", fillers), ("hour", extras),
                           ("minute", extras)):
            kept.update(_key(name) for name in units.get("duration-" + unit, {}).values())
        for width in ("abbreviated", "narrow"):
            fillers.update(_key(name) for name in loc.eras.get(width, {}).values())
        for zone in loc.meta_zones.values():
            extras.update(_key(name) for name in zone.get("short", {}).values())
        names: dict[str, int] = {}
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for month, name in loc.months[context][width].items():
                    key = _key(name)
                    m = _NUMBERED.match(key)
                    if m and int(m[2]) == month:
                        if m[1]:
                            prefixes.add(m[1].strip())
                        if m[3]:
                            suffixes.add(m[3].strip())
                        continue
                    if len(key) < 2 or any(c.isdigit() for c in key):
                        continue
                    names[key] = month
                    for prefix in attached:
                        names[prefix + key] = month
                for day, name in loc.days[context][width].items():
                    extras.add(_key(name))
            for width in ("wide", "abbreviated"):
                extras.update(_key(n) for n in loc.day_periods.get(context, {}).get(width, {}).values())
        for key, month in names.items():
            votes[key][month] += 1
    fillers = {f for f in fillers if _word(f, 1)}
    months = {}
    for key, count in sorted(votes.items()):
        (best, n), *rest = count.most_common(2) + [(None, 0)]
        if n > rest[0][1] and _word(key, 3):
            months[key] = best
    fillers -= set(months)  # "dez": December in German, days in another language's units
    extras = {e for e in extras if _word(e, 1)} - set(months) - fillers
    return {"months": months, "month_suffixes": sorted(filter(_marker, suffixes)),
            "month_prefixes": sorted(filter(_marker, prefixes)), "fillers": sorted(fillers), "extras": sorted(extras)}


def _latin(word: str) -> bool:
    return all(ord(c) < 0x250 or "\u0400" <= c <= "\u04ff" for c in word)


def _word(word: str, latin_min: int) -> bool:
    """Whether a name is one word, without a digit, of at least `latin_min` characters if it
    is written in the Latin or Cyrillic alphabets (a two-letter Latin month abbreviation
    is a common word: "de", "no", "se"), of at least one otherwise ("मई")."""
    return (bool(word) and not any(c.isdigit() or c.isspace() or c in "#'’" for c in word)
            and len(word) >= (latin_min if _latin(word) else 1))


def _marker(word: str) -> bool:
    """A numbered month's prefix or suffix worth reading: one word of two Latin letters or
    more ("tháng", "thg"), or of another script ("月", "월")."""
    return _word(word.strip("-"), 2) and "." not in word


def main(argv: list[str] | None = None) -> int:
    """Write the file."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    data = build()
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n",
                        encoding="utf-8")
    print(f"{args.out}: {len(data['months'])} month names, suffixes {data['month_suffixes']}, "
          f"prefixes {data['month_prefixes']}, {len(data['fillers'])} fillers, {len(data['extras'])} other words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
