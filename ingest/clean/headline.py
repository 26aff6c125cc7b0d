"""The article's headline: the line that repeats the page's title, or says it in other words.

Saved web pages start with the document's <title> ("Headline - Site"); the article's
headline repeats it further down, and the body follows it. `headline_anchor` finds
that repeat, which anchors the body block (ingest.clean.blocks) unless the article lies
above it (`anchor_leads`: a repeat in a list under the article); `title_match` finds a
headline that words the title otherwise, for the article's title only; `title_line`
chooses the title among them and the line above the body. A page saved without its <title>
is titled by the line that says what the body says (`topic_headline`) or stands over the
date it came out (`dated_headline`). A line of as many digits as letters (a date, a score) is
never a title (titleparts.mostly_digits). What of the line is the title is
ingest.clean.titleparts's to say.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from . import rules as R
from .blocks import ANCHOR_REACH, ANCHOR_SHARE, best_block
from .labels import title_before
from .scripts import columns, units
from .titleparts import ANCHOR_MIN_COLUMNS, ELLIPSIS_ENDS, TITLE_SEPARATOR, headline_part, mostly_digits, title_key

if TYPE_CHECKING:
    from lxml import etree

_DATE_RULES = frozenset({R.TIMESTAMP, R.PUBLISHED})
# The date line under a headline lies at most this many lines above the body, and the headline at
# most this many above it.
DATED_REACH = 8
# A line of at most this many words over the date that says nothing of the body is a byline or a
# credit ("The Associated Press"): the headline is further up.
DATED_BYLINE_WORDS = 3

# A first line longer than this is no page title (the eval pages' are at most 188
# characters): each line is looked for in it, so its length multiplies the page's.
TITLE_MAX_CHARS = 1000


_OPENING = "\"'‘’“”„«»‹›「『（(【[ "  # what may open a headline before its first word


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
    titles = {title_key(texts[0]), title_key(headline_part(texts[0]))}
    return [i for i in candidates if title_key(texts[i]) in titles]


def headline_anchor(texts: list[str], words: list[int], rules: list) -> int | None:
    """Index of the headline that repeats the page's first line (a page title), or None.

    Saved web pages start with the document title ("Headline - Site"); the
    article's headline repeats it further down, and the body follows it. A line as wide as
    the title's widest part goes before an earlier one that is only near it: the site's name
    at the top of the page, a little narrower than the headline, is no headline.
    """
    if len(texts) < 3 or words[0] < 3 or len(texts[0]) > TITLE_MAX_CHARS:
        return None
    first = title_key(texts[0])
    longest = columns([title_key(headline_part(texts[0]))])[0]
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
            k = title_key(texts[i])
            if k not in first:  # (what both tests below need, before the line's width is measured)
                continue
            width = columns([k])[0]
            if width >= ANCHOR_MIN_COLUMNS and (width >= 0.85 * longest and k in first
                                                or width >= half and first.startswith(k)
                                                and not texts[i].endswith(ELLIPSIS_ENDS)):
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
    title, own = title_key(texts[0]), title_key(texts[anchor])
    at = title.find(own)
    if at <= 0 or at + len(own) != len(title):  # (most pages: the headline opens the title)
        return None
    before = title[:at]
    parts = {part.strip() for part in TITLE_SEPARATOR.split(texts[0])}
    earlier = {part for part in parts if (key := title_key(part)) and key in before
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
    parts = {key for part in TITLE_SEPARATOR.split(texts[0])
             if (key := title_key(part)) and columns([key])[0] >= ANCHOR_MIN_COLUMNS}
    for i in range(start - 1, max(0, start - 1 - ANCHOR_REACH), -1):
        if rules[i] is None and title_key(texts[i]) in parts:
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
    own = title_key(classified)
    if classified != extracted and f" {own} " in f" {title_key(extracted)} " and columns([own])[0] >= ANCHOR_MIN_COLUMNS:
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
    if len(head) > TITLE_MAX_CHARS or columns([title_key(head)])[0] < ANCHOR_MIN_COLUMNS:
        return title
    shown, said = title_key(head), title_key(title)
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
    """Index of the nearest line above the body (`start`, at most TITLE_REACH lines up) that may
    be a headline (_may_be_headline) and says what the body says (_says_the_topic; `said()`, the
    body's lead's topic_keys); or None.
    The headline of a page saved without its <title>, whose line just above the body is a byline
    or a share row's label as often as not."""
    for i in range(start - 1, max(0, start - TITLE_REACH) - 1, -1):
        if _may_be_headline(i, texts, words, rules, ends) and _says_the_topic(texts[i], said):
            return i
    return None


def _may_be_headline(i: int, texts: list[str], words: list[int], rules: list, ends: list[bool]) -> bool:
    """Whether line i may be a headline: three to thirty words, no rule, no sentence (_sentence),
    not mostly digits, no table's row, no address (_no_headline)."""
    return (rules[i] is None and 3 <= words[i] <= 30 and not _sentence(texts[i], ends[i])
            and not _no_headline(texts[i]))


_ASKS = ("?", "!", "？", "！")
# A headline that asks or exclaims has at most this many words (a deck that ends with a
# question has more: "Nach 42 Sitzungen hat ... beendet. Was bleibt - außer ...?").
ASKING_HEADLINE_MAX_WORDS = 20


def _sentence(line: str, ended: bool) -> bool:
    """Whether a line that ends as a sentence does (`ended`) is no headline: a question or an
    exclamation of ASKING_HEADLINE_MAX_WORDS words or fewer may be one ("Who is Rebecca Cooke?")."""
    return ended and not (line.rstrip().endswith(_ASKS) and len(line.split()) <= ASKING_HEADLINE_MAX_WORDS)


def dated_headline(texts: list[str], words: list[int], rules: list, ends: list[bool], start: int,
                   said: Callable[[], set[str]]) -> int | None:
    """Index of the nearest line over a date line that may be a headline (_may_be_headline), where
    it shares a word with what the body says (`said()`, the body's lead's topic_keys); or None.
    The date line lies at most DATED_REACH lines above the body (`start`), the headline at most
    DATED_REACH above it, and a short line between them that says nothing of the body is passed
    over (DATED_BYLINE_WORDS). A page saved without its <title> sets its headline over the date
    it came out, and a byline or a label under it ("Emirates inks $9 billion order ..." over
    "Published Wed, Nov 20 2019" over "Natasha Turak @NatashaTurak")."""
    dated = None
    for i in range(start - 1, max(0, start - 2 * DATED_REACH) - 1, -1):
        if rules[i] in _DATE_RULES:
            dated = i
        elif dated is None and start - i > DATED_REACH or dated is not None and dated - i > DATED_REACH:
            return None
        elif dated is not None and _may_be_headline(i, texts, words, rules, ends):
            if not topic_keys(texts[i]).isdisjoint(said()):
                return i
            if words[i] > DATED_BYLINE_WORDS:
                return None  # the nearest line that reads as a headline says something else
    return None
