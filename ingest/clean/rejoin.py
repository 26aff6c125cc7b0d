"""Lines a scraper broke a paragraph into, joined into one item again.

A hard wrap (html2text at 78 columns, lynx and w3m at 79-80) breaks a paragraph before
the word that would pass the width; a scraper that writes a text node a line
(BeautifulSoup's get_text("\\n")) breaks a sentence wherever a link starts or ends; a
Markdown paragraph's lines are one paragraph whatever they hold. `rejoin` joins each
such line to the one it goes on from and keeps, for each joined item, the line numbers
and texts it was made of, so that no removed line loses its place.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import compress, count, filterfalse, islice
from operator import itemgetter

from .credits import image_file_name
from .linkhints import ends_with_hint
from .lines import CLOSERS, SENTENCE_MARKS, TRUNCATED, last_mark
from .scripts import WIDE_CHARS, columns, joins_without_space
from .vocabulary import ADJACENT_ARTICLE_MARKERS

NO_WRAP_END = SENTENCE_MARKS | frozenset(":;：；")  # a line that ends so ends its paragraph (but a wrap's)
_NO_JOIN_START = frozenset("•●▪*|")
_MID_START_CHARS = frozenset(",;:!?)]}、。，．：；！？）.-")
_OPENERS = frozenset("([{“‘„")
_second = itemgetter(1)


# A hard-wrapped page (html2text wraps at 78 columns, lynx and w3m at 79-80) has paragraphs
# of lines that stop where the next word would not have fitted; a page's own lines are
# paragraphs, whose lengths spread far wider. Lengths are in columns: a wide character
# (CJK, Hangul) takes two, as in the tools that wrap.
WRAP_MIN_WIDTH = 60  # no tool wraps narrower
WRAP_MAX_WIDTH = 160  # a wrap wider than this is taken for paragraphs
WRAP_MIN_COLUMNS = 30  # lines this long count towards telling a wrap
WRAP_BAND = 20  # a wrapped line ends within this many columns of the width
WRAP_MIN_LINES = 8  # the page's lines in the band, at least
WRAP_MIN_SHARE = 0.3  # ... and this share of its lines of WRAP_MIN_COLUMNS or more (dev pages
# as saved: at most 0.22; wrapped at 78 columns: 0.24-0.9, 0.6 typical)
WRAP_OVERLONG = 0.05  # lines a wrap cannot break (a long URL) may pass the width
WRAP_SLACK = 2  # a character, or a space, more or less
# A short page (a brief of two or three paragraphs) has too few lines in the band to tell a
# wrap by their count: its wrap is told by each line the next line of its paragraph follows.
WRAP_SHORT_MIN_LINES = 4


def wrap_width(widths: list[int]) -> int | None:
    """The width a hard-wrapped page was wrapped at, or None when its lines are paragraphs.

    `widths` are the lines' lengths in columns. The width is the length that a few
    lines at most pass (WRAP_OVERLONG); the page is wrapped when at least
    WRAP_MIN_LINES lines, and WRAP_MIN_SHARE of its longer lines, end within
    WRAP_BAND columns below it, and it lies between WRAP_MIN_WIDTH and WRAP_MAX_WIDTH.
    """
    lengths = sorted(n for n in widths if n >= WRAP_MIN_COLUMNS)
    if len(lengths) < WRAP_MIN_LINES:
        return None
    width = lengths[int(len(lengths) * (1 - WRAP_OVERLONG))]
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return None
    full = sum(1 for n in lengths if width - WRAP_BAND < n <= width)
    return width if full >= max(WRAP_MIN_LINES, WRAP_MIN_SHARE * len(lengths)) else None


# A run of characters with no space and no wide character, as long as the narrowest wrap: a
# URL, a tracking pixel's address, a hash. No wrap breaks it, so the line it is on passes
# the width whatever the width is (lynx and w3m write such lines whole).
_UNBREAKABLE = re.compile(f"[^\\s{WIDE_CHARS}]{{{WRAP_MIN_WIDTH}}}")


def _unbreakable(line: str) -> bool:
    """Whether the line starts or ends with a run of WRAP_MIN_WIDTH characters that no wrap
    could break (_UNBREAKABLE: a tracker's address on a line of its own, a reference's URL
    after its number). Told by the first and last spaces, so that a line of prose costs two
    finds, not a scan."""
    first, last = line.find(" "), line.rfind(" ")
    if first >= 0 and first < WRAP_MIN_WIDTH and len(line) - 1 - last < WRAP_MIN_WIDTH:
        return False
    return _UNBREAKABLE.search(line) is not None


def _too_long_for_a_wrap(texts: list[str], lengths: list[int]) -> bool:
    """Whether so many lines pass WRAP_MAX_WIDTH characters that wrap_width would say None,
    told from the lines' `lengths` alone (a line takes at least its length in columns, at most
    twice). A line no wrap could break (_unbreakable) passes any width: it does not count, and
    the count stops where it is enough (a page of paragraphs is told by its first few)."""
    counted = sum(map((WRAP_MIN_COLUMNS // 2).__le__, lengths))  # at least wrap_width's lines
    enough = counted - int(counted * (1 - WRAP_OVERLONG))
    overlong = compress(texts, map(WRAP_MAX_WIDTH.__lt__, lengths))
    return sum(1 for _ in islice(filterfalse(_unbreakable, overlong), enough)) >= enough


def _lengths(lines: list[str]) -> list[int]:
    return list(map(len, lines))


_WIDE_CHAR = re.compile(f"[{WIDE_CHARS}]")


def _cut_where_the_width_falls(texts: list[str], lengths: list[int], width: int) -> bool:
    """Whether WRAP_MIN_LINES lines or more that hold wide characters (Chinese, Japanese,
    Korean) fill the width to the character or two: a wrap cuts such text where the width
    falls, while a page's own lines of a like length (a list of headlines) seldom meet it."""
    full = width - WRAP_SLACK
    return sum(1 for t, n in zip(texts, lengths) if full <= n <= width and _WIDE_CHAR.search(t)) >= WRAP_MIN_LINES


def _short_page_wrap(nos: list[int], texts: list[str], widths: list[int]) -> int | None:
    """The width a short page was wrapped at, or None: its widest line (no line passes it)
    lies between WRAP_MIN_WIDTH and WRAP_MAX_WIDTH, and every line of WRAP_MIN_COLUMNS or
    more that the next line follows directly was broken where that line's first word would
    not have fitted (before a Chinese or Japanese character: at the width, to a character or
    two), WRAP_SHORT_MIN_LINES lines at least. A greedy wrap breaks every line of a paragraph
    but its last so; lines of a list or a menu, of lengths of their own, seldom all are."""
    width = max(widths, default=0)
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return None
    fill = width - WRAP_SLACK
    broken = 0
    for k in range(1, len(texts)):
        before = widths[k - 1]
        if before < WRAP_MIN_COLUMNS or nos[k] - nos[k - 1] != 1:
            continue
        first = _first_word(texts[k])
        if before + 1 + columns([first])[0] <= fill or _WIDE_CHAR.match(first) and before < fill:
            return None
        broken += 1
    return width if broken >= WRAP_SHORT_MIN_LINES else None


def _first_word(line: str) -> str:
    """What a wrap must fit of the line's start: its first word, up to a space. (A wrap inside a
    run of Chinese or Japanese fills its line to the width, which fits no word at all.)"""
    space = line.find(" ")
    return line[:space] if space > 0 else line


# A line that starts with a mark that closes a clause or a bracket (", who said", ") and",
# "。") starts no paragraph: a scraper that puts each piece of text between tags on a line
# of its own (BeautifulSoup's get_text("\n"), lxml's itertext) broke a sentence at a link
# there. Not the quotes ” ’ » «: some languages open a quotation with them. A "." starts a
# fragment only before a space ('. The next'), not a word (".NET") or an ellipsis. A hyphen
# before two letters or more is the rest of a compound word whose first part was a link
# ("Radon" + "-Situation", "Metroid" + "-inspired"); not a command's flag ("-s"), a bullet
# ("- item") or an ad marker that ends with a hyphen too ("-Anzeige-").
_MID_SENTENCE_START = re.compile(r"[,;:!?)\]}、。，．：；！？）]|\.(?![\w.])|-(?=[^\W\d_]{2})(?!.*-$)")
# A piece of a sentence that long, starting in lower case, continues even a short line
# (a link's text: "the" + "airline" + "had said a flight carrying ..."); shorter ones
# continue only a line of five words or more, as menus of lower-case entries are.
FRAGMENT_MIN_WORDS = 4


# Japanese case particles and Chinese 的: a line that starts with one, followed by anything but
# more kana ("は13日、", "に1メートルの", "と" alone; not "はてな", "のりもの"), or with a compound
# particle ("によると"), goes on with a sentence a link broke ("気象庁" + "は13日、..."): no
# sentence starts with a bare particle.
_PARTICLES = frozenset("はがをにへでとのもや的")
_COMPOUND_PARTICLES = ("によると", "によれば", "について", "に対し", "には", "では", "とは", "への", "での",
                       "との", "から", "まで")
_KANA = re.compile("[\u3041-\u309f\u30a0-\u30ff]")
# What a line that a particle's sentence goes on from ends with when a link of its own stands
# between: a particle or a comma ("気象庁は" + "高知県" + "と"). Else the link starts the
# sentence, and the line before it is a headline or the end of another.
_PARTICLE_LINK_AFTER = _PARTICLES | frozenset("、，（「")


def _particle_start(line: str) -> bool:
    """Whether the line starts with a bare or compound particle (see _PARTICLES)."""
    return (len(line) == 1 or line[0] == "的" or _KANA.match(line, 1) is None
            or line.startswith(_COMPOUND_PARTICLES))


def _mid_sentence(texts: list[str], heads: str) -> set[int]:
    """The items (after the first) that start with a mark no paragraph starts with."""
    return {k for k in compress(count(1), map(_MID_START_CHARS.__contains__, islice(heads, 1, None)))
            if _MID_SENTENCE_START.match(texts[k])}


def _particle_starts(texts: list[str], heads: str) -> set[int]:
    """The items (after the first) that start with a Japanese particle or Chinese 的 (_PARTICLES)."""
    if _PARTICLES.isdisjoint(heads):
        return set()
    return {k for k in compress(count(1), map(_PARTICLES.__contains__, islice(heads, 1, None)))
            if _particle_start(texts[k])}


# A link to the previous or next article, its marker and a colon before the headline ("vorheriger
# Artikel: ..."): a line of its own in lower case, which no sentence goes on with. The colon comes
# within ADJACENT_REACH characters (no marker has more than 20).
_ADJACENT_ARTICLE = re.compile("(?:" + "|".join(ADJACENT_ARTICLE_MARKERS) + r")\s?:", re.IGNORECASE)
ADJACENT_REACH = 30


def _stands_alone(line: str) -> bool:
    """Whether a line that starts in lower case is no piece of a sentence: an image's file name
    ("google.JPG" under a headline: credits.image_file_name) or a link to the previous or next
    article (_ADJACENT_ARTICLE). The cheap tests first: most such lines are prose."""
    if " " not in line:
        return image_file_name(line)
    return line.find(":", 0, ADJACENT_REACH) >= 0 and _ADJACENT_ARTICLE.match(line) is not None


def _continuations(nos: list[int], texts: list[str], heads: str,
                   mid: set[int] = frozenset()) -> tuple[list[int], set[int]]:
    """Items that may continue the item before them: the very next line, starting in lower
    case or with a mark that closes a clause (`mid`, see _mid_sentence) or, on a
    hard-wrapped page, after a line the wrap filled; and the set of those that follow a
    line the wrap filled (whatever their first character)."""
    cands = [k for k in compress(count(1), map(str.islower, islice(heads, 1, None)))
             if nos[k] - nos[k - 1] == 1 and not _stands_alone(texts[k])]
    if mid:
        cands = sorted(cands + [k for k in mid if nos[k] - nos[k - 1] == 1])
    if len(texts) <= WRAP_SHORT_MIN_LINES:
        return cands, set()
    lengths = _lengths(texts)
    if _too_long_for_a_wrap(texts, lengths):
        return cands, set()
    widths = columns(texts)
    # the lines no wrap could break (a tracker's address, a link list's URLs) tell nothing of
    # its width: lynx writes "52. https://..." whole, as wide as its own lines or wider
    unbreakable = [k for k in compress(count(), map(WRAP_MIN_WIDTH.__lt__, lengths)) if _unbreakable(texts[k])]
    measured, measured_lengths = widths, lengths
    if unbreakable:
        measured, measured_lengths = list(widths), list(lengths)
        for k in unbreakable:
            measured[k] = measured_lengths[k] = 0
    width = wrap_width(measured)
    measure = columns
    if width is None:  # a tool that gives a wide character one column, as lynx does
        if lengths != widths and (width := wrap_width(measured_lengths)) is not None:
            if _cut_where_the_width_falls(texts, lengths, width):
                widths, measure = lengths, _lengths
            else:
                width = None  # lines of a like length in characters (a list of headlines), not a wrap
    if width is None:  # too few lines in the band to tell by their count: a short page's wrap?
        width = _short_page_wrap(nos, texts, widths)
    if width is None:
        return cands, set()
    after_long = [k for k in range(1, len(texts)) if nos[k] - nos[k - 1] == 1
                  and widths[k - 1] > width - WRAP_BAND - WRAP_SLACK]
    fill = width - WRAP_SLACK
    firsts = measure([_first_word(texts[k]) for k in after_long])
    filled = {k for k, first_word in zip(after_long, firsts) if widths[k - 1] + 1 + first_word > fill}
    return sorted(filled.union(cands)), filled


# A list item's marker: a bullet or dash, or a number, before a space ("+ Added", "2. Mix").
_LIST_MARKER = re.compile(r"(?:[-+*•●▪◦·・–—>|]|\d{1,3}[.)])\s")


def _marker(line: str) -> str:
    """The list marker the line starts with (a number's digits stand as "0"), or ""."""
    m = _LIST_MARKER.match(line)
    return "" if m is None else "0" if line[0].isdigit() else line[0]


def _wrapped_on(texts: list[str], p: int, k: int, filled: set[int]) -> bool:
    """Whether line k, after line p that the wrap filled, goes on with p's paragraph whatever
    p ends with: the wrap also breaks at a sentence's end. Not after a teaser cut short
    ("..."), and after a sentence's end only if line k ends one too or is filled in its turn
    (a headline the wrap did not break follows a paragraph that fills its last line)."""
    last = texts[p].rstrip(CLOSERS)
    if last.endswith(TRUNCATED):
        return False
    return last_mark(last) not in NO_WRAP_END or last_mark(texts[k]) in NO_WRAP_END or k + 1 in filled


# A link's text on a line of its own, between two pieces of its sentence, has at most this
# many words ("Australia", "Tasman Sea", "the Pacific island areas").
BRIDGE_WORDS = 6
# A link after a line too short to be continued by itself ("Das" + "Phishingradar" + "der
# Verbraucherzentrale warnt, ...": the link's text is the sentence's subject) joins it when the
# rest of the sentence after the link has this many words or more: a menu's entries are not
# followed by a long lower-case piece. Not after a line the page repeats ("Article content", a
# label between paragraphs), which opens no sentence.
BRIDGE_REST_WORDS = 8


def _link_bridges(nos: list[int], words: list[int], heads: str, mid: set[int]) -> set[int]:
    """On a page saved a text node a line (some lines start mid-sentence, `mid`), the short
    lines (BRIDGE_WORDS words at most) between a line and one that goes on with its sentence
    (starting in lower case or with a mark that closes a clause): a link's text, starting
    with a letter or digit in whatever case ("... east of", "Australia", "across the",
    "Tasman Sea", ", and"), not a command ("$ make") or a note ("^ Smith (2015)")."""
    n = len(nos)
    return {k for k in range(1, n - 1)
            if words[k] <= BRIDGE_WORDS and heads[k].isalnum() and nos[k] - nos[k - 1] == 1
            and nos[k + 1] - nos[k] == 1 and (k + 1 in mid or heads[k + 1].islower())}


# A line of this many words or more that is the first or last part of the page's title is its
# headline ("iPhone 14: Warum sich das Warten wirklich lohnt" under the title "iPhone 14: Warum
# sich das Warten wirklich lohnt - Macwelt"), unless it is a link's text inside a sentence
# (_link_bridges: "... has released" / "Raspberry Pi 3" / "with the same price tag"); a shorter
# one may be a menu's entry.
TITLE_PART_MIN_WORDS = 3


def title_part(line: str, title: str) -> bool:
    """Whether the line is the page title's first or last part: the title starts or ends with it,
    a space or a mark (not a letter or digit) beside it."""
    n = len(line)
    if len(title) <= n:
        return False
    return (title.startswith(line) and not title[n].isalnum()) or (title.endswith(line) and not title[-n - 1].isalnum())


def _joined(group: list[tuple[int, str]], unspaced: bool, glue: bool = False) -> str:
    """The item's text: its lines joined by a space, or by nothing beside Chinese or Japanese
    (a wrap inside a run of them splits no word) and, with `glue` (the page has lines that
    start mid-sentence), before a line that starts with a mark closing a clause (", who said")
    and after one that ends with an opening bracket or quote."""
    if not unspaced and not glue:
        return " ".join(map(_second, group))
    parts = [group[0][1]]
    for _, line in islice(group, 1, None):
        glued = (glue and (_MID_SENTENCE_START.match(line) or parts[-1][-1] in _OPENERS)
                 or unspaced and joins_without_space(parts[-1], line))
        parts.append(line if glued else " " + line)
    return "".join(parts)


def rejoin(nos: list[int], texts: list[str], words: list[int], heads: str,
           unspaced: bool = False, saved_widths: bool = True, paragraphs: list[int] | None = None):
    """Merge hard-wrapped continuation lines into the line they continue.

    A continuation directly follows the previous non-blank line (no blank line
    between) and starts in lower case or, on a page wrapped at a width (wrap_width),
    follows a line that is full: its next word would not have fitted. The line it
    continues has at least five words (with what was already joined to it; fewer where a
    link's text joins it that the rest of its sentence follows, of BRIDGE_REST_WORDS words or
    more, and the line is no label the page repeats), does not start with a bullet and does
    not end with closing punctuation, before any closing quotes or brackets ('the "new
    budget"' continues, '"We will."' does not);
    with `saved_widths` (the lines are as saved: lines rebuilt from markup are not), a line
    after one the wrap filled continues it whatever that one ends with (_wrapped_on) and
    whatever bullet it starts with, but for the list marker of the item it would join.
    `paragraphs`, for Markdown, gives each line number's paragraph (markdown.paragraphs):
    the lines of one paragraph are one item, whatever they start or end with. A line that
    repeats the page's first line (its title), or its first or last part (title_part), starts an
    item: it is the headline, whatever case it starts in, not the rest of the menu entry above it.
    `heads` holds each line's first character; `unspaced`: the page holds scripts
    written without spaces. Returns the merged lists and, for each merged item,
    the (line number, text) pairs it was made of.
    """
    mid = _mid_sentence(texts, heads)
    particled = _particle_starts(texts, heads)
    if particled:
        mid |= particled
    cands, filled = _continuations(nos, texts, heads, mid)
    bridges = _link_bridges(nos, words, heads, mid) if mid else set()
    if bridges:
        cands = sorted(bridges.union(cands))
    soft: set[int] = set()
    if paragraphs is not None:
        ids = [paragraphs[no] for no in nos]
        soft = {k for k in range(1, len(ids)) if ids[k] == ids[k - 1]}
        cands = sorted(soft.union(cands))
    if not cands:
        return nos, texts, words, {}
    root: dict[int, int] = {}
    total = list(words)
    title = texts[0]  # the page's first line, its <title> as a browser saves it
    seen = Counter(texts) if bridges else None  # (how often each line occurs: asked of bridges only)
    for k in cands:
        p = k - 1
        r = root.get(p, p)
        if k in soft:  # one Markdown paragraph
            root[k] = r
            total[r] += words[k]
            continue
        if texts[k] == title or words[k] >= TITLE_PART_MIN_WORDS and k not in bridges and title_part(texts[k], title):
            continue  # the headline that repeats the page's title, in lower case ("cron.weekly issue #130: ...")
        if saved_widths and k in filled and _marker(texts[k]) and _marker(texts[k]) == _marker(texts[r]):
            continue  # a list's next item, not the rest of the one before
        if k in filled and (ends_with_hint(texts[k], words[k]) or ends_with_hint(texts[p], words[p])):
            continue  # a link alone on its line, in a row of them as long as a wrap's lines
        if k + 1 in particled and k in bridges:  # a link before a particle: how does the line above end?
            if texts[p][-1] in _PARTICLE_LINK_AFTER:  # mid-sentence ("気象庁は" + "高知県" + "と")
                root[k] = r
                total[r] += words[k]
            continue  # else the link starts its sentence ("気象庁" + "は...")
        if ((total[r] >= 5 or k in mid or words[k] >= FRAGMENT_MIN_WORDS and heads[k].islower()
             or k in bridges and words[k + 1] >= BRIDGE_REST_WORDS and seen[texts[p]] == 1)
                and last_mark(texts[p]) not in NO_WRAP_END and texts[r][0] not in _NO_JOIN_START
                or saved_widths and k in filled and total[r] >= 5 and _wrapped_on(texts, p, k, filled)):
            root[k] = r
            total[r] += words[k]
    if not root:
        return nos, texts, words, {}
    new_nos: list[int] = []
    new_texts: list[str] = []
    new_words: list[int] = []
    members: dict[int, list[tuple[int, str]]] = {}
    kept = 0  # the lines between two joined ones are copied a slice at a time
    for i in sorted(root):
        new_nos += nos[kept:i]
        new_texts += texts[kept:i]
        new_words += total[kept:i]
        kept = i + 1
        at = len(new_texts) - 1  # the item the line joins (its root: a joined line adds no item)
        group = members.get(at)
        if group is None:
            group = members[at] = [(new_nos[at], new_texts[at])]
        group.append((nos[i], texts[i]))
    new_nos += nos[kept:]
    new_texts += texts[kept:]
    new_words += total[kept:]
    # Joined once per item: adding each line to the growing text copied it each time
    # (a 1 MB paragraph of short wrapped lines took 0.6 s, 4 MB ten).
    glue = not mid.isdisjoint(root)
    for at, group in members.items():
        new_texts[at] = _joined(group, unspaced, glue)
    return new_nos, new_texts, new_words, members
