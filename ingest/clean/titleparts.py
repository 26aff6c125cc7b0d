"""The parts of a page's title and of its headline's line: which of them is the headline.

A page title sets the headline beside the site's name, a section or a date ("Headline |
Section | Site"): `headline_part` is its widest part, `without_site` drops the parts at its
ends that name the site or date the page (HTML metadata gives the site's name). A page's
headline line may carry more than the headline (a byline, a date, a rating's counts, a trail
of crumbs, a kicker or a deck run into it): `headline_alone` keeps the headline.
ingest.clean.headline finds the headline's line; this module says what of it is the title.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..normalize import normalize_text
from .dates import date_line
from .rules import crumb_separators, last_crumb
from .scripts import columns
from .vocabulary import BYLINE_WORDS

_NONWORD = re.compile(r"\W+")
# A separator's whitespace starts where a run of whitespace starts (a split always
# resumes after one), and is taken whole: tried at each space of a long run it was
# n**2 steps. A full-width bar or colon and a lone Hangul "ㅣ" (never a letter on its own)
# separate with or without spaces ("見出し｜サイト名", "見出し：新聞デジタル", "제목-정치ㅣ한국일보").
TITLE_SEPARATOR = re.compile(r"(?<!\s)\s++(?:[|\-–—:»«›‹·•@]|::)\s+|(?<!\s)\s*+[｜：ㅣ]\s*")


# An ASCII line's non-word characters (\W: all but letters, digits and "_"), each a space.
_ASCII_NONWORD = str.maketrans({c: " " for c in map(chr, range(128)) if not (c.isalnum() or c == "_")})


def title_key(text: str) -> str:
    """The text's words, lower-cased, a space between: how a title, its parts and a line are compared."""
    low = text.lower()
    if low.isascii():  # the same words, without sre's sub (which costs about 0.5 us a word)
        return " ".join(low.translate(_ASCII_NONWORD).split())
    return _NONWORD.sub(" ", low).strip()


# A headline is at least this wide, in columns (scripts.columns): a Chinese, Japanese or
# Korean character takes two, so "市議会が新予算可決" (9 characters) is as wide as a
# 18-letter headline.
ANCHOR_MIN_COLUMNS = 12


ELLIPSIS_ENDS = ("…", "...")  # how a headline cut short for a teaser ends


def headline_part(title: str) -> str:
    """The widest of a page title's parts ("Headline | Section | Site" -> "Headline")."""
    parts = TITLE_SEPARATOR.split(title)
    widths = columns([title_key(part) for part in parts])
    return parts[widths.index(max(widths))]


# What a page runs into its headline's line after the headline: a byline ("... Anymore by
# Nathan Tempey": a name, so no digit nor a lower-case word after "by") or the date and its
# icons' names ("...CUTPEN access_time2019/04/21 11:51").
_RUN_IN = re.compile(r"\s*(?:(?P<by>" + BYLINE_WORDS + r")\s+(?=[^\W\d_])|\S*?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2})",
                     re.IGNORECASE)


def headline_alone(line: str, title: str) -> str:
    """The headline `line` without what a page ran into it, where the page's `title` (its
    first line) names the headline: the byline or date after the title's headline part
    (headline_part; "... Anymore by Nathan Tempey"), two numbers or more after words of the
    title (_without_counts: "... Multiplikators 3.17 5 12", a rating's counts), a trail of two
    crumbs or more before the headline part ("Klima / News / Headline"); and, whatever the
    title says, the last crumb of a trail of two crumbs or more ("Home » Europe » Emden"), or a
    date that a title's separator sets off at either end of the line (_without_dates:
    "08.11.2021 | Headline"); the title's whole headline where the line is its first words cut
    with an ellipsis (_uncut); the title's headline after its kicker's colon where the line
    runs a kicker into it (_after_kicker: "Im Netz Daten gehackt"); what runs on after the title's headline that the title does not
    say (_runs_on: a deck, another site's name). Else the line."""
    if line in title:  # (most pages: the line repeats the title's headline, and nothing runs into it)
        return _without_dates(line)
    head = headline_part(title).strip()
    if len(head) < len(line):
        at = line.find(head)
        if at == 0:
            run_in = _RUN_IN.match(line, len(head))
            if run_in and not (run_in["by"] and line[run_in.end()].islower()) or _runs_on(line, head, title):
                return head
        elif at > 0 and at + len(head) == len(line) and _crumbs(line[:at]) >= 2:
            return head
    cut = _uncut(line, title) or _after_kicker(line, head)
    if cut is not None:
        return cut
    if _crumbs(line) >= 2 and (crumb := last_crumb(line)):  # a trail ("Home » Europe » Emden"): its last crumb
        return crumb
    return _without_dates(_without_counts(line, title))


# A title with no separator (the headline alone) of at least this many words is the headline in
# a line that goes on after it: what follows is a deck run into it ("Dezuka Suisan: Deep-Fried
# Fish Cakes, Hot and Fresh Welcome to the Flavor Capital of Northern Japan").
RUN_ON_MIN_WORDS = 3


def _runs_on(line: str, head: str, title: str) -> bool:
    """Whether the line, which starts with the title's headline part `head`, goes on with what the
    title does not say: after a title that is the headline alone (RUN_ON_MIN_WORDS words or
    more), anything after a space; after any title, a part that a title separator sets off and
    the title does not hold ("Headline | Other Site" under "Headline | This Site"; not "Headline –
    ein Projekt" under "Headline – ein Projekt | Site")."""
    after = line[len(head):]
    if head == title.strip() and after[:1].isspace() and len(head.split()) >= RUN_ON_MIN_WORDS:
        return True
    sep = TITLE_SEPARATOR.match(line, len(head))
    rest = " ".join(line[sep.end():].split()) if sep else ""
    return bool(rest) and rest not in " ".join(title.split())


# A kicker run into the headline's line has at most this many words; the headline after it, at
# least this many.
KICKER_MAX_WORDS = 5
KICKER_HEADLINE_MIN_WORDS = 3


def _after_kicker(line: str, head: str) -> str | None:
    """The headline after the kicker that the title's headline part `head` sets off with a colon
    ("Im Netz: Daten gehackt"), where the line ends with it and runs a kicker into it with no
    colon ("Im Netz Daten gehackt", or another kicker: "Nach Corona-Lockerungen Autohäuser
    rechnen ..." under "Corona-Lockerungen: Autohäuser rechnen ..."); else None. A headline
    part that opens in lower case goes on a sentence ("Apple's Vision Pro is the Retina display
    moment" under "Apple's Vision Pro hands-on: the Retina display moment")."""
    _, colon, rest = head.partition(": ")
    rest = rest.strip()
    if not colon or len(rest.split()) < KICKER_HEADLINE_MIN_WORDS or not line.endswith(rest):
        return None
    before = line[:len(line) - len(rest)]
    if not before[-1:].isspace() or not 0 < len(before.split()) <= KICKER_MAX_WORDS or ":" in before:
        return None
    first = next((c for c in rest if c.isalpha()), "")
    return None if before.rstrip()[-1:] in ".!?;," or first.islower() else rest


# A headline cut with an ellipsis has at least this many words before it.
HEADLINE_MIN_WORDS = 4
_DASHES = str.maketrans("–—‐‑−", "-----")  # a dash is a dash whichever the title and the line set


def _uncut(line: str, title: str) -> str | None:
    """The title's whole headline where the line is its first words cut with an ellipsis
    ("... Ermittlungen zu Trittenheimer Fall gehen…", a teaser's length), up to the title's next
    separator; None if the line is no such cut."""
    if not line.endswith(ELLIPSIS_ENDS):
        return None
    stem = line.rstrip("….").rstrip()
    if len(stem.split()) < HEADLINE_MIN_WORDS or not title.translate(_DASHES).startswith(stem.translate(_DASHES)):
        return None
    rest = TITLE_SEPARATOR.search(title, len(stem))
    whole = title[:rest.start() if rest else len(title)].strip()
    return whole if len(whole) > len(stem) else None


# The most characters after a headline's last letter that _without_counts cuts ("3.17 5 12").
_TAIL_MAX_CHARS = 24


def _crumbs(text: str) -> int:
    """How many separators of a trail of crumbs `text` holds, each between spaces ("Klima / News /
    Headline": rules.crumb_separators), one at its end too."""
    return crumb_separators(text.rstrip() + " ")


def _without_counts(line: str, title: str) -> str:
    """The line without the numbers (and marks) after its last letter, two or more (a rating's
    counts), where the title holds the line without them but not with them, and what is left
    is as wide as a headline."""
    lettered = len(line)
    while lettered and not line[lettered - 1].isalpha():
        lettered -= 1
    tail = line[lettered:]
    if not 0 < len(tail) <= _TAIL_MAX_CHARS or sum(1 for part in tail.split() if any(map(str.isdigit, part))) < 2:
        return line  # (one number is the headline's own: "... by the end of 2019")
    title = " ".join(title.split())  # (a no-break space in the line is a space in the title)
    if " ".join(line.split()) in title:
        return line
    cut = len(line)
    while cut > lettered and " ".join(line[:cut].split()) not in title:
        cut -= 1
    kept = line[:cut].rstrip()
    if " ".join(kept.split()) in title and columns([title_key(kept)])[0] >= ANCHOR_MIN_COLUMNS:
        return kept
    return line


# A headline a date is cut off keeps at least this many words of letters.
DATE_CUT_MIN_WORDS = 3


def _without_dates(line: str) -> str:
    """The line without the dates that a title's separators set off at its ends, where at
    least three words of letters are left ("08.11.2021 | Headline", "Headline - 12 May 2020";
    not "Weekly report 14. - 20. May 2025")."""
    spans, at = [], 0
    for sep in TITLE_SEPARATOR.finditer(line):
        spans.append((at, sep.start()))
        at = sep.end()
    if not spans:
        return line
    spans.append((at, len(line)))
    first, last = 0, len(spans) - 1
    while first < last and date_line(line[slice(*spans[first])], other_words=0):
        first += 1
    while last > first and date_line(line[slice(*spans[last])], other_words=0):
        last -= 1
    kept = line[spans[first][0]:spans[last][1]]
    return kept if _lettered_words(kept) >= DATE_CUT_MIN_WORDS else line


def without_date_above(line: str, above: str) -> str:
    """The headline `line` without the date it opens with where the line `above` it is that date
    alone (a date line, or a line the timestamp rule took: the caller tells; a blog's theme sets
    the post's date over its headline and again into it: "Jun 17" over "Jun 17 Headline"), and
    at least DATE_CUT_MIN_WORDS words of letters are left. Else the line."""
    date = above.strip()
    if not date or not line.startswith(date) or not line[len(date):len(date) + 1].isspace():
        return line
    rest = line[len(date):].strip()
    return rest if _lettered_words(rest) >= DATE_CUT_MIN_WORDS else line


def _lettered_words(text: str) -> int:
    """How many of the text's words hold a letter."""
    return sum(1 for word in text.split() if any(map(str.isalpha, word)))


def mostly_digits(line: str) -> bool:
    """True when a line has at least as many digits as letters: a date and time
    ("05.06.2025 um 14:46"), a score ("Palm Bay 18 22 13 17 — 70"), never a headline."""
    digits = sum(map(str.isdigit, line))
    return digits > 0 and digits >= sum(map(str.isalpha, line))


# A title part names the site when its letters and digits are the site's name or its
# address's (cbc.ca: "cbc", "cbcca") with at most this many more ("CBC News", "NTV Haber").
SITE_PART_EXTRA = 6
SITE_PART_MAX_WORDS = 4


def _letters(text: str) -> str:
    """Letters and digits of `text`, as normalize_text folds them ("Seznam Zprávy" -> "seznamzpravy")."""
    return "".join(filter(str.isalnum, normalize_text(text)))


def _site_keys(site_name: str | None, url: str | None) -> set[str]:
    """The site's name (HTML metadata) and its address's name, as _letters: "cbc" and "cbcca"
    for www.cbc.ca, "mdr" and "mdrde" for www.mdr.de."""
    keys = {_letters(site_name)} if site_name else set()
    try:
        host = (urlsplit(url).hostname or "") if url else ""
    except ValueError:
        host = ""
    labels = host.removeprefix("www.").split(".")
    if len(labels) >= 2:
        keys.update((_letters(labels[-2]), _letters("".join(labels[-2:]))))
    return {key for key in keys if len(key) >= 2}


def _names_site(part: str, keys: set[str]) -> bool:
    key = _letters(part)
    if not key or len(part.split()) > SITE_PART_MAX_WORDS:
        return False
    return any(key == site or len(key) <= len(site) + SITE_PART_EXTRA and (key.startswith(site) or key.endswith(site))
               for site in keys)


def without_site(title: str, site_name: str | None, url: str | None) -> str:
    """The title without the parts at its ends that name the site or date the page ("Headline
    | CBC News", "見出し：朝日新聞デジタル", "Headline | DW | 28.04.2023"): a part between
    separators whose letters are the site's name (`site_name`, HTML metadata) or its
    address's (`url`), with SITE_PART_EXTRA more at most, or a part of mostly digits. At
    least one part stays."""
    pieces = TITLE_SEPARATOR.split(title)
    if len(pieces) < 2:
        return title
    keys = _site_keys(site_name, url)
    spans = [m.span() for m in TITLE_SEPARATOR.finditer(title)]
    first, last = 0, len(pieces) - 1
    while last > first and (mostly_digits(pieces[last]) or _names_site(pieces[last], keys)):
        last -= 1
    while first < last and (mostly_digits(pieces[first]) or _names_site(pieces[first], keys)):
        first += 1
    start = spans[first - 1][1] if first else 0
    end = spans[last][0] if last < len(spans) else len(title)
    return title[start:end].strip() or title
