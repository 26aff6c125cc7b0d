"""Lines of a plain-text page: words counted in any script, sentence ends (a page run
together on one line is read as its sentences by ingest.clean.runtogether).

The line classifier (ingest.clean.text) works on items: the page's stripped,
non-blank lines, where the lines a scraper broke a paragraph into are joined into
one item (ingest.clean.rejoin).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from itertools import compress, count, repeat
from operator import itemgetter

from ..normalize import normalize_text
from .scripts import ends_unpunctuated, unspaced_word_counts

# The full stops (and question marks) of the scripts that write a space after them, other than
# Latin: Arabic and Urdu, Devanagari and Bengali, Armenian, Ethiopic, Myanmar, Khmer, Tibetan.
SPACED_STOPS = "؟۔।॥։።။។།༎"
# What a line's last sentence ends with, as the rules that ask whether a line ends one or holds one
# read it (a tag line, a byline, a date line, a caption): Latin's and CJK's marks and those.
SENTENCE_STOPS = ".!?。！？" + SPACED_STOPS
# Sentence ends: those, the ellipsis and CJK's full- and half-width full stops. Thai and Lao have none (see
# sentence_ends).
_TERMINAL = frozenset(SENTENCE_STOPS + "…．｡")
# A run of this many words or more with a sentence's end that a page says twice is prose shown
# twice (a preview above a paywall's prompt, then the article; a whole article saved twice),
# not a repeated box or teaser (ingest.clean.scoring, ingest.clean.runtogether).
REPEAT_PROSE_WORDS = 40
SENTENCE_MARKS = _TERMINAL  # (the guard and ingest.clean.rejoin tell a sentence by the same marks)
CLOSERS = "\"'”’»)]】」』）*"
_CLOSER_SET = frozenset(CLOSERS)
# An end mark after an article's last sentence, as magazines print it ("... the end. ■",
# "...的课题。□"): the line still ends a sentence.
TOMBSTONES = "□■∎◼◾"
_TOMBSTONE_SET = frozenset(TOMBSTONES)


def last_mark(line: str) -> str:
    """The line's last character before its closing quotes or brackets and an end mark after
    them (TOMBSTONES): its full stop if it ends a sentence. "" for an empty line."""
    return line.rstrip(TOMBSTONES).rstrip().rstrip(CLOSERS)[-1:]


_last = itemgetter(-1)
first = itemgetter(0)  # a line's first character


def in_template(line: str, template: frozenset[str], sizes: frozenset[int]) -> bool:
    """Whether the line, normalised, is one of the source's template lines.

    The number of words survives normalisation (it only folds characters and
    collapses whitespace), so lines of a length no template line has are skipped
    without normalising them.
    """
    return len(line.split()) in sizes and normalize_text(line) in template


# Characters that show nothing and mean nothing at a line's edge: zero-width space, joiners,
# direction marks, word joiner, byte order mark. Some sites set a paragraph of one between
# their paragraphs (a line of U+200C), and a BOM or a word joiner after a full stop hides it.
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff")
_INVISIBLE_SET = frozenset(INVISIBLE)


# Spaces a page sets between words where a line must not break or a thinner gap is wanted:
# the no-break space, the typographic spaces (en, em, thin, hair ...), the narrow no-break space
# and the medium mathematical space. The rules' phrases are written with plain spaces ("weitere
# artikel zum thema"), and "Weitere\xa0Artikel\xa0zum\xa0Thema" matched none: the rules read a
# line with plain spaces (plain_spaces). One character for one: a line's length and the places
# in it stay. (Not the ideographic space: a CJK page sets it as a character of its own.)
WIDE_SPACES = ("\xa0", "\u202f", "\u205f", *map(chr, range(0x2000, 0x200b)))
_PLAIN = str.maketrans(dict.fromkeys(WIDE_SPACES, " "))


def has_wide_spaces(text: str) -> bool:
    """Whether the text holds one of WIDE_SPACES."""
    return any(map(text.__contains__, WIDE_SPACES))


def plain_spaces(text: str) -> str:
    """The text with each of WIDE_SPACES a plain space."""
    return text.translate(_PLAIN)


def lines_holding(page: str, starts: list[int], stems: Iterable[str]) -> set[int]:
    """The indices of the lines of `page` that hold one of `stems`, each found with str.find
    (the lines joined by newlines, line k starting at starts[k]): a page with none is
    scanned once a stem, and a line is looked for no further once it holds one."""
    hits = set()
    last = len(starts) - 1
    for stem in stems:
        at = page.find(stem)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            hits.add(k)
            at = page.find(stem, starts[k + 1]) if k < last else -1
    return hits


def _bare(line: str) -> str:
    """The line without whitespace and INVISIBLE characters at its edges."""
    i, j = 0, len(line)
    while i < j and (line[i] in _INVISIBLE_SET or line[i].isspace()):
        i += 1
    while j > i and (line[j - 1] in _INVISIBLE_SET or line[j - 1].isspace()):
        j -= 1
    return line[i:j]


def stripped_lines(text: str) -> list[str]:
    """The text's lines (str.splitlines) without whitespace and INVISIBLE characters at their
    edges: a line of only such characters is blank. (Inside a line they stay: a zero-width
    non-joiner is part of a Persian word.)"""
    lines = list(map(str.strip, text.splitlines()))
    if any(map(text.__contains__, INVISIBLE)):  # (a line's ends are looked at, not its every character)
        lines = [_bare(line) if line[:1] in _INVISIBLE_SET or line[-1:] in _INVISIBLE_SET else line for line in lines]
    return lines


# The whitespace str.split splits at that a line of str.splitlines can hold, but for a
# single space (tests/test_textclean.py checks the list).
OTHER_SPACE = ("  ", "\t", "\x1f", "\xa0", "\u1680", *map(chr, range(0x2000, 0x200b)), "\u202f",
                "\u205f", "\u3000")


def has_other_spaces(text: str) -> bool:
    """Whether the text holds whitespace other than single spaces and line breaks (OTHER_SPACE)."""
    return any(map(text.__contains__, OTHER_SPACE))


def word_counts(text: str, lines: list[str], unspaced: bool = False, other_spaces: bool | None = None) -> list[int]:
    """The number of words of each stripped line of the text.

    With `unspaced` (the text holds scripts written without spaces: CJK, Thai), the
    lines that hold such characters count them by characters (ingest.clean.scripts);
    the others, as every line of other texts, count len(line.split()).
    When the text holds no whitespace but single spaces and line breaks (as most
    do), that is the line's number of spaces plus one: counting them is faster
    than building the list of words. `other_spaces`: has_other_spaces(text), if known.
    """
    if has_other_spaces(text) if other_spaces is None else other_spaces:
        counts = list(map(len, map(str.split, lines)))
    else:
        counts = list(map((1).__add__, map(str.count, lines, repeat(" "))))
    if unspaced:  # most such pages are in other scripts with a few CJK links
        for i, n in unspaced_word_counts(lines).items():
            counts[i] = n
    return counts


# Full-width brackets only: a Latin line that ends "... (Photo: Reuters)" is mostly a caption.
_OPENING = {"】": "【", "）": "（"}
CREDIT_MAX_CHARS = 40


def _sentence_before(line: str, at: int) -> bool:
    """Whether the line's text before index `at` (a credit's start; -1: none found) ends a sentence."""
    return at > 0 and line[:at].rstrip().rstrip(CLOSERS)[-1:] in _TERMINAL


def _credit_after_sentence(line: str) -> bool:
    """Whether the line is a sentence followed by a bracketed credit of at most
    CREDIT_MAX_CHARS characters: "... 発表した。【エルサレム松岡大地】"."""
    opening = _OPENING.get(line[-1])
    if opening is None:
        return False
    return _sentence_before(line, line.rfind(opening, max(0, len(line) - CREDIT_MAX_CHARS)))


def signed_sentence(line: str) -> bool:
    """Whether the line is a sentence signed with its agency's copyright, at most CREDIT_MAX_CHARS
    characters after its full stop: "...と指摘している。(c)AFP/Aminu ABUBAKAR", "... on Monday. ©AFP"."""
    reach = max(0, len(line) - CREDIT_MAX_CHARS)
    return _sentence_before(line, max(line.rfind("©", reach), line.rfind("(c)", reach)))


# A line cut short for a teaser ("The council met on Tuesday and ...") ends no sentence.
TRUNCATED = ("...", "…", "..")


def _pictograph(char: str) -> bool:
    """Whether the character is an emoji of the emoji planes' blocks (U+1F000-1FAFF: faces,
    hands, objects), or a private-use character (U+E000-F8FF: an icon font's glyph, or one of
    the user-defined characters of GBK and Big5 that Chinese pages set after a full stop,
    "...挑选的。\ue004"). The older symbols (U+2600-27BF, "♥", "★", "☺") also mark ratings, list
    items and a comment's decoration: on readability-dev's pixnet page, saved as Markdown, a
    comment thread whose lines end "！♥" outweighed the post."""
    return ("\U0001f000" <= char <= "\U0001faff" and unicodedata.category(char) == "So") or "\ue000" <= char <= "\uf8ff"


# What may follow an emoji's pictograph: a variation selector, a skin tone modifier, a joiner.
_EMOJI_TAIL = "\ufe0f\u200d\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff"
_PICTOGRAPHS_FROM = "\ue000"  # every private-use character, emoji and emoji tail but the joiner is at or above it


def ends_with_pictograph(line: str, min_words: int, words: int | None = None) -> bool:
    """Whether a line of `min_words` words or more ends in emoji after its last word: a post's
    or a blog's sentence ends so ("... und das gefällt mir 😉"), with or without a full stop
    before the emoji. `words`: the line's word count where the page holds a script written
    without spaces (lines.word_counts: its characters), else the line's words are counted here."""
    core = line.rstrip(_EMOJI_TAIL)
    while core and _pictograph(core[-1]):
        core = core[:-1].rstrip(_EMOJI_TAIL)
    core = core.rstrip()
    if len(core) == len(line) or not core or (len(core.split()) if words is None else words) < min_words:
        return False
    return core[-1].isalnum() or core[-1] in _TERMINAL or core[-1] in _CLOSER_SET


def sentence_ends(texts: list[str], words: list[int] | None = None,
                   min_words: int = 0) -> list[bool]:
    """Whether each line ends with terminal punctuation, before closing quotes or brackets.

    With `words` (the page holds unspaced scripts), a line of at least min_words
    words that ends in a Thai or Lao letter also ends a sentence: those scripts
    have no full stop.
    """
    lasts = list(map(_last, texts))
    ends = list(map(_TERMINAL.__contains__, lasts))
    for i in compress(count(), map(_CLOSER_SET.__contains__, lasts)):
        ends[i] = texts[i].rstrip(CLOSERS)[-1:] in _TERMINAL or _credit_after_sentence(texts[i])
    for i in compress(count(), map(_TOMBSTONE_SET.__contains__, lasts)):
        ends[i] = last_mark(texts[i]) in _TERMINAL
    if words is not None:
        for i, line in enumerate(texts):
            if not ends[i] and words[i] >= min_words and ends_unpunctuated(line):
                ends[i] = True
    for i in compress(count(), map(_PICTOGRAPHS_FROM.__le__, lasts)):  # CJK letters too: checked below
        if not ends[i]:
            ends[i] = ends_with_pictograph(texts[i], min_words, None if words is None else words[i])
    for i in compress(count(), ends):
        if texts[i].rstrip(CLOSERS).endswith(TRUNCATED):  # "[…]" too
            ends[i] = False
    return ends


