"""The article's headline: the line that repeats the page's title, or says it in other words.

Saved web pages start with the document's <title> ("Headline - Site"); the article's
headline repeats it further down, and the body follows it. `headline_anchor` finds
that repeat, which anchors the body block (ingest.clean.blocks) unless the article lies
above it (`anchor_leads`: a repeat in a list under the article); `title_match` finds a
headline that words the title otherwise, for the article's title only; `title_line`
chooses the title among them and the line above the body; a line of as many digits as
letters (a date, a score) is never a title (`mostly_digits`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..normalize import normalize_text
from .dates import date_line
from .blocks import ANCHOR_REACH, ANCHOR_SHARE, best_block
from .labels import title_before
from .rules import crumb_separators, last_crumb
from .vocabulary import BYLINE_WORDS
from .scripts import columns, units

if TYPE_CHECKING:
    from lxml import etree

_NONWORD = re.compile(r"\W+")
# A separator's whitespace starts where a run of whitespace starts (a split always
# resumes after one), and is taken whole: tried at each space of a long run it was
# n**2 steps. A full-width bar or colon and a lone Hangul "ㅣ" (never a letter on its own)
# separate with or without spaces ("見出し｜サイト名", "見出し：新聞デジタル", "제목-정치ㅣ한국일보").
_TITLE_SEP = re.compile(r"(?<!\s)\s++(?:[|\-–—:»«›‹·•@]|::)\s+|(?<!\s)\s*+[｜：ㅣ]\s*")


# An ASCII line's non-word characters (\W: all but letters, digits and "_"), each a space.
_ASCII_NONWORD = str.maketrans({c: " " for c in map(chr, range(128)) if not (c.isalnum() or c == "_")})


def _key(text: str) -> str:
    low = text.lower()
    if low.isascii():  # the same words, without sre's sub (which costs about 0.5 us a word)
        return " ".join(low.translate(_ASCII_NONWORD).split())
    return _NONWORD.sub(" ", low).strip()


# A first line longer than this is no page title (the eval pages' are at most 188
# characters): each line is looked for in it, so its length multiplies the page's.
TITLE_MAX_CHARS = 1000


# A headline is at least this wide, in columns (scripts.columns): a Chinese, Japanese or
# Korean character takes two, so "市議会が新予算可決" (9 characters) is as wide as a
# 18-letter headline.
ANCHOR_MIN_COLUMNS = 12


_CUT = ("…", "...")
_OPENING = "\"'‘’“”„«»‹›「『（(【[ "  # what may open a headline before its first word


def headline_part(title: str) -> str:
    """The widest of a page title's parts ("Headline | Section | Site" -> "Headline")."""
    parts = _TITLE_SEP.split(title)
    widths = columns([_key(part) for part in parts])
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
    sep = _TITLE_SEP.match(line, len(head))
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
    if not line.endswith(_CUT):
        return None
    stem = line.rstrip("….").rstrip()
    if len(stem.split()) < HEADLINE_MIN_WORDS or not title.translate(_DASHES).startswith(stem.translate(_DASHES)):
        return None
    rest = _TITLE_SEP.search(title, len(stem))
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
    if " ".join(kept.split()) in title and columns([_key(kept)])[0] >= ANCHOR_MIN_COLUMNS:
        return kept
    return line


def _without_dates(line: str) -> str:
    """The line without the dates that a title's separators set off at its ends, where at
    least three words of letters are left ("08.11.2021 | Headline", "Headline - 12 May 2020";
    not "Weekly report 14. - 20. May 2025")."""
    spans, at = [], 0
    for sep in _TITLE_SEP.finditer(line):
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
    return kept if sum(1 for word in kept.split() if any(map(str.isalpha, word))) >= 3 else line


def without_date_above(line: str, above: str) -> str:
    """The headline `line` without the date it opens with where the line `above` it is that date
    alone (a date line, or a line the timestamp rule took: the caller tells; a blog's theme sets the post's date over its headline and again into it: "Jun 17" over
    "Jun 17 Headline"), and at least three words of letters are left. Else the line."""
    date = above.strip()
    if not date or not line.startswith(date) or not line[len(date):len(date) + 1].isspace():
        return line
    rest = line[len(date):].strip()
    return rest if sum(1 for word in rest.split() if any(map(str.isalpha, word))) >= 3 else line


def _opening(line: str) -> str:
    """The line's first four characters, lower-cased, that a title repeating it holds; or
    its first three letters or digits after a quote, which may open it in either style
    ("'Star Wars'", "‘Star Wars’")."""
    head = line[:4].lower()
    return head if head[:1].isalnum() else line.lstrip(_OPENING)[:3].lower()


def title_repeats(texts: list[str], candidates: list[int]) -> list[int]:
    """Those of the `candidates` (indexes of lines after the first) that repeat the page's
    first line, its <title>, or that title's headline part, whole (case and punctuation
    aside). A line some rule took for a caption by its media label is the headline when it
    repeats the title: "VIDEO: Voting on NYCHA's Future", "Erstes Bild: So könnte die
    Seilbahn aussehen" under a <title> of the same words."""
    if not candidates or len(texts[0]) > TITLE_MAX_CHARS:
        return []
    first = texts[0].lower()
    candidates = [i for i in candidates if i > 0 and _opening(texts[i]) in first]  # (cheap: most are no repeat)
    if not candidates:
        return []
    titles = {_key(texts[0]), _key(headline_part(texts[0]))}
    return [i for i in candidates if _key(texts[i]) in titles]


def headline_anchor(texts: list[str], words: list[int], rules: list) -> int | None:
    """Index of the headline that repeats the page's first line (a page title), or None.

    Saved web pages start with the document title ("Headline - Site"); the
    article's headline repeats it further down, and the body follows it. A line as wide as
    the title's widest part goes before an earlier one that is only near it: the site's name
    at the top of the page, a little narrower than the headline, is no headline.
    """
    if len(texts) < 3 or words[0] < 3 or len(texts[0]) > TITLE_MAX_CHARS:
        return None
    first = _key(texts[0])
    longest = columns([_key(headline_part(texts[0]))])[0]
    # A headline the title starts with, and half of it, needs no separator after it
    # ("标题_科技_腾讯网": an underscore also joins a headline's own parts), unless it is
    # cut short (a teaser's "Headline that goes…")
    half = columns([first])[0] / 2
    first_low = texts[0].lower()
    found = None
    for i in range(1, len(texts)):
        if rules[i] is not None or not 3 <= words[i] <= 40:  # (the cheap tests first: most lines fail one)
            continue
        if _opening(texts[i]) in first_low:
            k = _key(texts[i])
            if k not in first:  # (what both tests below need, before the line's width is measured)
                continue
            width = columns([k])[0]
            if width >= ANCHOR_MIN_COLUMNS and (width >= 0.85 * longest and k in first
                                                or width >= half and first.startswith(k)
                                                and not texts[i].endswith(_CUT)):
                if width >= longest:
                    return i
                if found is None:
                    found = i
    return found


def anchor_leads(anchor: int | None, scores: list[float], positive: list[int],
                 densest: tuple[int, int, float]) -> int | None:
    """`anchor` (headline_anchor), or None when it repeats the title below the article: the
    page's densest block (`densest`, best_block(scores, positive)) ends above it, and what
    follows it within ANCHOR_REACH items scores under ANCHOR_SHARE of that block. (The
    headline in a "recent posts" list, a related-stories box or a footer under the article:
    taken for the anchor, it damps the article above away for the weak text under the list.)"""
    if anchor is None:
        return None
    _, end, best = densest
    if best <= 0 or end > anchor:
        return anchor
    near = [i for i in positive if anchor < i <= anchor + ANCHOR_REACH]
    return anchor if near and best_block(scores, near)[2] >= ANCHOR_SHARE * best else None


# How far above the body a headline is looked for, in lines, when the page does not
# repeat its title exactly (a page's menu comes before it: the nearest is taken on a tie)
TITLE_REACH = 60
TITLE_MIN_SHARE = 0.5  # of the words of the line and of the title's headline part together


def title_words(title: str) -> set[str]:
    """The words of a page title's headline part (headline_part), lower-cased, as
    scripts.units counts them (in scripts written without spaces, its characters)."""
    return set(units(headline_part(title).lower()))


def title_share(line: set[str], title: set[str]) -> float:
    """The share of the words of a line and a title together (sets of units) that both have."""
    return len(line & title) / len(line | title) if line else 0.0


def title_match(texts: list[str], words: list[int], rules: list, ends: list[bool], start: int) -> int | None:
    """Index of the line above the body (at most TITLE_REACH lines above it), or the body's
    first line if it is no sentence, that shares the most words with the page's first
    line, its <title> (its widest part, headline_part): more than TITLE_MIN_SHARE of the
    two's words together. A headline that says the title in other words ("Emirates inks
    $9 billion order ..." under "Emirates inks order ... | CNBC"); a sentence of the body
    is never taken for it, nor one of several lines alike (a list of teasers), whose
    first may be the page's first line."""
    if len(texts) < 3 or len(texts[0]) > TITLE_MAX_CHARS:
        return None
    title = title_words(texts[0])
    best, best_share = None, TITLE_MIN_SHARE
    alike = set()  # the lines that match: two different ones are a list of teasers alike
    last = start if start < len(texts) and not ends[start] else start - 1
    for i in range(max(1, start - TITLE_REACH), last + 1):
        if rules[i] is not None or words[i] < 2:
            continue
        share = title_share(set(units(texts[i].lower())), title)
        if share > TITLE_MIN_SHARE:
            alike.add(texts[i])
        if share > best_share or share == best_share > TITLE_MIN_SHARE:  # the nearest on a tie
            best, best_share = i, share
    return best if len(alike) == 1 else None


def mostly_digits(line: str) -> bool:
    """True when a line has at least as many digits as letters: a date and time
    ("05.06.2025 um 14:46"), a score ("Palm Bay 18 22 13 17 — 70"), never a headline."""
    digits = sum(map(str.isdigit, line))
    return digits > 0 and digits >= sum(map(str.isalpha, line))


def named_headline(texts: list[str], words: list[int], rules: list, ends: list[bool], anchor: int | None,
                   start: int, end: int) -> int | None:
    """Index of the line that says the page's title: the headline that repeats it (`anchor`)
    where there is one before the body's `end` (or the headline under it, where the anchor is
    the site's banner: headline_below_banner), else the line that words it otherwise
    (title_match), or None."""
    if anchor is None or anchor >= end:
        return title_match(texts, words, rules, ends, start)
    below = headline_below_banner(texts, rules, anchor, start)
    return anchor if below is None else below


def headline_below_banner(texts: list[str], rules: list, anchor: int, start: int) -> int | None:
    """Index of the headline under a headline anchor that is the site's banner, or None.

    The anchor repeats the <title>'s widest part (headline_anchor). Where that part is the
    title's last one, and an earlier part stands alone on a line, without a rule, between the
    anchor and the body's `start`, that line is the headline and the anchor the site's name,
    wider than the headline ("Scherenschnitt (3) | gnaddrig ad libitum"): a headline comes
    under the site's banner, and before the site's name in a <title>. The earlier part must be
    a headline's width (ANCHOR_MIN_COLUMNS): a kicker's or a section's name is narrower. A title
    that ends with the site's name after its headline ("Einheit der Woche | Lagen-Pyramide mit
    GA2 - SWIM.DE") does not end with its anchor, the headline, and the anchor stays."""
    title, own = _key(texts[0]), _key(texts[anchor])
    at = title.find(own)
    if at <= 0 or at + len(own) != len(title):  # (most pages: the headline opens the title)
        return None
    before = title[:at]
    parts = {part.strip() for part in _TITLE_SEP.split(texts[0])}
    earlier = {part for part in parts if (key := _key(part)) and key in before
               and columns([key])[0] >= ANCHOR_MIN_COLUMNS}
    for i in range(anchor + 1, start):
        if texts[i] in earlier and rules[i] is None:
            return i
    return None


def title_part_above(texts: list[str], rules: list, start: int) -> int | None:
    """The nearest line above the body's first line `start`, up to ANCHOR_REACH lines up and
    passing over lines with a rule, that is one of the <title>'s (`texts[0]`) parts, a headline's
    width (ANCHOR_MIN_COLUMNS), with no rule: the headline of a page whose headline has too few
    words to be taken for one, where the title's widest part is the site's tagline ("Winterhechte"
    under "Winterhechte | fisch.example | Das Magazin für Fischer und Angler"). None if there is
    none."""
    if len(texts[0]) > TITLE_MAX_CHARS:
        return None
    parts = {key for part in _TITLE_SEP.split(texts[0])
             if (key := _key(part)) and columns([key])[0] >= ANCHOR_MIN_COLUMNS}
    for i in range(start - 1, max(0, start - 1 - ANCHOR_REACH), -1):
        if rules[i] is None and _key(texts[i]) in parts:
            return i
    return None


# An e-mail address or a web address written out: a contact line, a link's target, no headline.
_ADDRESS = re.compile(r"[^\s@]@[^\s@]+\.\w|www\.|https?://", re.IGNORECASE)


def addressed(line: str) -> bool:
    """Whether the line holds an e-mail address or a web address written out ("info@site.example",
    "www.site.example"): a contact line or a link's target, no headline."""
    return ("@" in line or "www" in line or "http" in line) and _ADDRESS.search(line) is not None


def table_row(line: str) -> bool:
    """Whether the line is a table's row as a page's text shows it, its cells a tab apart
    ("Name\tYear\tTechnique"): no headline."""
    return "\t" in line


def _no_headline(line: str) -> bool:
    """Whether the line reads as no headline whatever its rule: mostly digits (a date), a line
    that introduces what follows, a table's row, a line with an address."""
    return mostly_digits(line) or introduces(line) or table_row(line) or addressed(line)


def introduces(line: str) -> bool:
    """Whether the line ends with a colon: it introduces what follows it ("Sie befinden sich
    hier:", "Das Wichtigste in Kürze:", a kicker "Tanz in der Lokremise:" over the rest of its
    headline), and is no headline itself."""
    return line[-1:] in (":", "：")


def title_line(texts: list[str], words: list[int], rules: list, ends: list[bool], headline: int | None,
               above: int | None) -> int | None:
    """Index of the article's headline line: `headline` (named_headline), else `above`, the
    line just above the body (a byline, a caption or a share row's label as often as the
    headline), and never a date (a line of mostly digits, or one with a rule: `above` is
    chosen by the rules before the date lines had theirs), nor a table's row (table_row), nor a
    line with an address (addressed)."""
    if headline is None:
        headline = above
    while headline is not None and (rules[headline] is not None or _no_headline(texts[headline])):
        # the headline is above it (a line with a rule: a date line, text.mark_date_lines)
        headline = title_before(words, rules, ends, headline)
    return headline


# A first line is the page's <title> when this share of its headline part's words
# (_topic_keys) are in the body: a skip link, a cookie notice or a menu row of a page
# saved without its <title> shares few.
FIRST_LINE_TOPIC_SHARE = 0.5
FIRST_LINE_MIN_KEYS = 3  # fewer is chance: "Jump to content" shares its two with many a page
TOPIC_LEAD_CHARS = 2000  # of the body, for body_lead (1000 / 4000 / all: see docs/performance.md)


def topic_keys(text: str) -> set[str]:
    """The words of `text` that say what it is about: those of four letters or more, and in
    scripts written without spaces each pair of neighbouring characters (scripts.units)."""
    found = units(text.lower())
    keys = {unit for unit in found if len(unit) >= 4}
    single = [unit for unit in found if len(unit) == 1 and not unit.isascii()]
    keys.update(map(str.__add__, single, single[1:]))
    return keys


def _says_the_topic(line: str, said: Callable[[], set[str]]) -> bool:
    """Whether a line says what the body says: FIRST_LINE_MIN_KEYS words that say what it is
    about (topic_keys) or more, FIRST_LINE_TOPIC_SHARE of them among `said()` (the body's
    lead's, computed once a line has the words to be tested)."""
    keys = topic_keys(line)
    return len(keys) >= FIRST_LINE_MIN_KEYS and len(keys & said()) >= FIRST_LINE_TOPIC_SHARE * len(keys)


def body_lead(texts: list[str], labels: list, start: int, end: int) -> str:
    """The body's first TOPIC_LEAD_CHARS characters or so (its kept lines in [start, end)),
    in which a headline's words are looked for: the lead says what the article is about,
    and the work stays bounded however long the article."""
    lead, size = [], 0
    for i in range(start, end):
        if not labels[i]:
            lead.append(texts[i])
            size += len(texts[i])
            if size >= TOPIC_LEAD_CHARS:
                break
    return "\n".join(lead)


def _told(line: str, said: set[str]) -> float:
    """The share of a line's topic_keys that are among `said` (0 for a line with none)."""
    keys = topic_keys(line)
    return len(keys & said) / len(keys) if keys else 0.0


def told_title(extracted: str, classified: str, page_title: str, said: Callable[[], set[str]]) -> str:
    """The title of an HTML page, from trafilatura's (`extracted`: its metadata's, or the
    page's only <h1>) and the line classifier's (`classified`: the page's headline line).

    The classifier's where trafilatura's holds its words and more (a section's or the site's
    name, "Chronik: Lotte Tobisch ist tot", "Einheit der Woche | Lagen-Pyramide mit GA2", or
    the same words with other quotes: the metadata's title dresses the headline the page
    shows), if it is a headline's width (ANCHOR_MIN_COLUMNS: a menu's "News" in "Headline -
    News" is none); and where trafilatura's is neither the page's <title> (`page_title`, its
    first line; under TITLE_MIN_SHARE of the two's words in common, title_share) nor says
    what the article says (under FIRST_LINE_TOPIC_SHARE of its topic_keys among `said()`, the
    topic_keys of the article's lead, computed only for a title that needs them)
    while the classifier's does: the only <h1> is at times a menu's, a section's or a
    newsletter box's heading ("Hauptmenü", "Pressemitteilungen", "Get Slate in your
    inbox."). Else trafilatura's."""
    own = _key(classified)
    if classified != extracted and f" {own} " in f" {_key(extracted)} " and columns([own])[0] >= ANCHOR_MIN_COLUMNS:
        return classified
    if title_share(set(units(extracted.lower())), title_words(page_title)) >= TITLE_MIN_SHARE:
        return extracted
    if _told(extracted, said()) < FIRST_LINE_TOPIC_SHARE <= _told(classified, said()):
        return classified
    return extracted


# The page's one <h1> is the title where it shares this much of its and the metadata title's
# words together (title_share): the headline the page shows, which the metadata words for
# search engines and social cards ("Why My Friend Became a Grocery Store on Instagram" over
# "Chasing Instagram Analytics, My Friend Became a Grocery Store"). On trafilatura's even half
# 0.2, 0.3 and 0.4 gave 351, 349 and 348 titles right of 423 (334 before): the middle was taken.
SHOWN_SHARE = 0.3


def shown_headline(root: etree._Element, title: str) -> str:
    """The headline the HTML page shows (its only <h1>, one run of text: a kicker set in an
    element of its own runs into it) where it says the metadata's `title` (trafilatura's, as
    told_title left it) in words of its own (SHOWN_SHARE), as wide as a headline; else `title`.
    Not where either holds the other: that is the same headline, dressed with a site's name,
    a date or a label, or cut short."""
    heads = [[" ".join(piece.split()) for piece in h1.itertext() if piece.strip()] for h1 in root.iter("h1")]
    heads = [pieces for pieces in heads if pieces]
    if len(heads) != 1 or len(heads[0]) != 1:
        return title
    head = heads[0][0]
    if len(head) > TITLE_MAX_CHARS or columns([_key(head)])[0] < ANCHOR_MIN_COLUMNS:
        return title
    shown, said = _key(head), _key(title)
    if shown in said or said in shown:
        return title
    return head if title_share(set(units(head.lower())), set(units(title.lower()))) >= SHOWN_SHARE else title


def first_line_title(texts: list[str], words: list[int], rules: list, start: int,
                     said: Callable[[], set[str]]) -> int | None:
    """0 when the page's first line reads as its <title> above the body (`start`; `said()`,
    the topic_keys of the body's lead, body_lead): at least three words, no rule, not mostly
    digits, at most TITLE_MAX_CHARS, it says the topic (_says_the_topic) in its headline
    part, and not alike the next line (the first of a list of teasers, on a page saved
    without its <title>). A page that names no headline line (named_headline) is better
    titled by it than by the line above its body, which is a byline ("Natasha Turak
    @NatashaTurak"), a label or a caption as often as not."""
    if (not 0 < start or rules[0] is not None or words[0] < 3 or len(texts[0]) > TITLE_MAX_CHARS
            or mostly_digits(texts[0])):
        return None
    if title_share(set(units(texts[1].lower())), set(units(texts[0].lower()))) > TITLE_MIN_SHARE:
        return None  # the first of a list of lines alike (teasers), as title_match
    return 0 if _says_the_topic(headline_part(texts[0]), said) else None


def topic_headline(texts: list[str], words: list[int], rules: list, ends: list[bool], start: int,
                   said: Callable[[], set[str]]) -> int | None:
    """Index of the nearest line above the body (`start`, at most TITLE_REACH lines up) that
    says what the body says (_says_the_topic; `said()`, the body's lead's topic_keys): three to
    thirty words, no rule, no sentence, not mostly digits, no table's row, no address; or None.
    The headline of a page saved without its <title>, whose line just above the body is a byline
    or a share row's label as often as not."""
    for i in range(start - 1, max(0, start - TITLE_REACH) - 1, -1):
        if rules[i] is not None or not 3 <= words[i] <= 30 or ends[i] or _no_headline(texts[i]):
            continue
        if _says_the_topic(texts[i], said):
            return i
    return None


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
    pieces = _TITLE_SEP.split(title)
    if len(pieces) < 2:
        return title
    keys = _site_keys(site_name, url)
    spans = [m.span() for m in _TITLE_SEP.finditer(title)]
    first, last = 0, len(pieces) - 1
    while last > first and (mostly_digits(pieces[last]) or _names_site(pieces[last], keys)):
        last -= 1
    while first < last and (mostly_digits(pieces[first]) or _names_site(pieces[first], keys)):
        first += 1
    start = spans[first - 1][1] if first else 0
    end = spans[last][0] if last < len(spans) else len(title)
    return title[start:end].strip() or title
