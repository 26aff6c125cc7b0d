"""Lines of a plain-text page: words counted in any script, sentence ends, hard wraps rejoined.

The line classifier (ingest.clean.text) works on items: the page's stripped,
non-blank lines, where a hard-wrapped sentence's lines are joined into one item
(rejoin keeps the line numbers and texts each item was made of, so that no
removed line loses its place).
"""

from __future__ import annotations

from itertools import compress, count, islice, repeat
from operator import itemgetter

from ..normalize import normalize_text
from .scripts import ends_unpunctuated, unspaced_word_counts

# Sentence ends: Latin, CJK (full- and half-width), Arabic/Urdu, Devanagari, Armenian,
# Ethiopic, Myanmar, Khmer. Thai and Lao have none (see sentence_ends).
_TERMINAL = frozenset(".!?…。！？．｡؟۔।॥։።။។")
_CLOSERS = "\"'”’»)]】」』）*"
_CLOSER_SET = frozenset(_CLOSERS)
_last = itemgetter(-1)
_NO_WRAP_END = _TERMINAL | frozenset(":;：；")
_NO_JOIN_START = frozenset("•●▪*|")
first = itemgetter(0)  # a line's first character
_second = itemgetter(1)


def in_template(line: str, template: frozenset[str], sizes: frozenset[int]) -> bool:
    """Whether the line, normalised, is one of the source's template lines.

    The number of words survives normalisation (it only folds characters and
    collapses whitespace), so lines of a length no template line has are skipped
    without normalising them.
    """
    return len(line.split()) in sizes and normalize_text(line) in template


# The whitespace str.split splits at that a line of str.splitlines can hold, but for a
# single space (tests/test_textclean.py checks the list).
OTHER_SPACE = ("  ", "\t", "\x1f", "\xa0", "\u1680", *map(chr, range(0x2000, 0x200b)), "\u202f",
                "\u205f", "\u3000")


def word_counts(text: str, lines: list[str], unspaced: bool = False) -> list[int]:
    """The number of words of each stripped line of the text.

    With `unspaced` (the text holds scripts written without spaces: CJK, Thai), the
    lines that hold such characters count them by characters (ingest.clean.scripts);
    the others, as every line of other texts, count len(line.split()).
    When the text holds no whitespace but single spaces and line breaks (as most
    do), that is the line's number of spaces plus one: counting them is faster
    than building the list of words.
    """
    if any(map(text.__contains__, OTHER_SPACE)):
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


def _credit_after_sentence(line: str) -> bool:
    """Whether the line is a sentence followed by a bracketed credit of at most
    CREDIT_MAX_CHARS characters: "... 発表した。【エルサレム松岡大地】"."""
    opening = _OPENING.get(line[-1])
    if opening is None:
        return False
    at = line.rfind(opening, max(0, len(line) - CREDIT_MAX_CHARS))
    return at > 0 and line[:at].rstrip().rstrip(_CLOSERS)[-1:] in _TERMINAL


# A line cut short for a teaser ("The council met on Tuesday and ...") ends no sentence.
_TRUNCATED = ("...", "…", "..")


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
        ends[i] = texts[i].rstrip(_CLOSERS)[-1:] in _TERMINAL or _credit_after_sentence(texts[i])
    if words is not None:
        for i, line in enumerate(texts):
            if not ends[i] and words[i] >= min_words and ends_unpunctuated(line):
                ends[i] = True
    for i in compress(count(), ends):
        if texts[i].endswith(_TRUNCATED):
            ends[i] = False
    return ends


def rejoin(nos: list[int], texts: list[str], words: list[int], heads: str):
    """Merge hard-wrapped continuation lines into the line they continue.

    A continuation directly follows the previous non-blank line (no blank line
    between) and starts in lower case; the line it continues has at least five
    words (with what was already joined to it), does not start with a bullet and
    does not end with closing punctuation, before any closing quotes or brackets
    ('the "new budget"' continues, '"We will."' does not). `heads` holds each
    line's first character. Returns the merged lists and, for each merged item,
    the (line number, text) pairs it was made of.
    """
    cands = [k for k in compress(count(1), map(str.islower, islice(heads, 1, None)))
             if nos[k] - nos[k - 1] == 1]
    if not cands:
        return nos, texts, words, {}
    root: dict[int, int] = {}
    total = list(words)
    for k in cands:
        p = k - 1
        r = root.get(p, p)
        last = texts[p]
        if (total[r] >= 5 and last.rstrip(_CLOSERS)[-1:] not in _NO_WRAP_END
                and texts[r][0] not in _NO_JOIN_START):
            root[k] = r
            total[r] += words[k]
    if not root:
        return nos, texts, words, {}
    new_nos: list[int] = []
    new_texts: list[str] = []
    new_words: list[int] = []
    members: dict[int, list[tuple[int, str]]] = {}
    for i, (no, line) in enumerate(zip(nos, texts)):
        r = root.get(i)
        if r is None:
            new_nos.append(no)
            new_texts.append(line)
            new_words.append(total[i])
            continue
        at = len(new_texts) - 1
        group = members.get(at)
        if group is None:
            group = members[at] = [(new_nos[at], new_texts[at])]
        group.append((no, line))
    # Joined once per item: adding each line to the growing text copied it each time
    # (a 1 MB paragraph of short wrapped lines took 0.6 s, 4 MB ten).
    for at, group in members.items():
        new_texts[at] = " ".join(map(_second, group))
    return new_nos, new_texts, new_words, members
