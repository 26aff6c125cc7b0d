"""The line rules of ingest.clean.rules, run on a whole page at once: match_lines.

Most lines of a page match no rule, and finding that out line by line (lower-casing,
stripping, splitting off the first word, a dozen tests) is what costs. Each rule
of ingest.clean.rules can only match a line that passes a test that can be made on the joined,
lower-cased page: its first word (after _KEY_STRIP characters) or first character,
a separator or phrase the rule's pattern needs, or its last word. A regex scan of
the line starts, str.find for the separators and phrases, and a test of the last
words find the few lines that pass one; only those go through rules._match.

Each test belongs to a gate that holds for lines of up to so many words; "caption"
gates the caption and copyright rules, "crumb" the breadcrumb separators (_match's
`captioned`, `crumbed`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, chain, compress, count, repeat
from operator import add, attrgetter, le

from .consent import cookie_notices
from .credits import PLACED_BRACKET, PLACED_MAX_WORDS
from .lines import has_wide_spaces, plain_spaces
from .linkhints import BRACKETED, HINTS
from .notices import page_notices
from .scripts import probe
from .trie import trie
# rules' own word sets and one-line matcher: this module is the page-at-once half of rules
from .rules import (_BULLET_START, _BYLINE_FIRST, _KEY_STRIP, _READ_MORE_LAST, _RELATED_FIRST, _SHORT_FIRST,
                    _TIMESTAMP_FIRST, COOKIES, ENDED_MAX_WORDS, _match)
from .vocabulary import (AGENCIES, CAPTION_LABELS, CAPTION_NAMES, COMMENT_ENDS, END_CREDIT_WORDS, RIGHTS_RESERVED, SHARE_ROW_FILLERS,
                         SHARE_PROMPT_VERBS, SHARE_ROW_WORDS, SUBSCRIBE_WORDS)

_GATE_LIMITS = {"caption": 10**9, "any": 10**9, "pipe": 16, "short": 8, "crumb": 8, "placed": PLACED_MAX_WORDS}


class _Gates:
    """Named empty groups that tag a pattern's branches with a gate: <gate>_<n>."""

    def __init__(self) -> None:
        self.limits: dict[str, int] = {}

    def __call__(self, gate: str) -> str:
        name = f"{gate}_{len(self.limits)}"
        self.limits[name] = _GATE_LIMITS[gate]
        return f"(?P<{name}>)"


def _char_class(chars: str) -> str:
    return "[" + "".join(map(re.escape, chars)) + "]"


_KS = _char_class(_KEY_STRIP)
_SPACE = r"[^\S\n]"
# A first word (see _match) in a word set: the first space-free run after the leading
# _KEY_STRIP characters, less trailing _KEY_STRIP characters, is in the set (a no-break space
# ends it too: "Lea:\xa0Consejo ...").
_FIRST_WORD_END = _char_class(_KEY_STRIP.replace(" ", "")) + "*(?=[ \xa0\n])"
# Letters none of which is a digit (lower-case Latin and Cyrillic, Arabic, kana, CJK
# ideographs, Hangul): a key starting with another character may start with a digit
# (str.isdigit). Short lines in those scripts are then no candidates for that alone.
_LETTER_RANGES = [("a", "z"), ("ß", "ö"), ("ø", "ÿ"), ("а", "я"), ("ё", "ё"), ("\u0621", "\u064a"),
                  ("\u3040", "\u30ff"), ("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uac00", "\ud7a3")]
_NOT_LETTER = "[^\\W_" + "".join(f"{a}-{b}" for a, b in _LETTER_RANGES) + "]"
assert not any(map(str.isdigit, map(chr, chain.from_iterable(range(ord(a), ord(b) + 1)
                                                              for a, b in _LETTER_RANGES))))
assert "\n" not in _KEY_STRIP and all(w[:1].isalpha() for w in COMMENT_ENDS)
_gate = _Gates()
_first_words_short = _SHORT_FIRST | _TIMESTAMP_FIRST | _BYLINE_FIRST | SHARE_ROW_WORDS | SHARE_ROW_FILLERS


# The line's start: after a newline, a caption word (_CAPTION), a first word, a first
# character (a digit, a bullet, "(" or "+"), "http" or "www." (_URL); in this order.
_PAGE_STARTS = re.compile("\n(?:" + "|".join(f"(?:{pattern})" + _gate(gate) for gate, pattern in [
    ("caption", trie((w, "") for w in CAPTION_NAMES + CAPTION_LABELS)),
    ("any", _KS + "*+" + trie((w, _FIRST_WORD_END) for w in _RELATED_FIRST | SHARE_PROMPT_VERBS)),
    ("short", _KS + "*+(?:" + trie((w, _FIRST_WORD_END) for w in _first_words_short)
     + "|" + _NOT_LETTER + ")"),
    ("short", _char_class("(+" + "".join(sorted(_BULLET_START)))),
    ("short", "http|www\\."),
]) + ")")


def _after(gate_patterns: list[tuple[str, str]]) -> str:
    return "|".join(f"(?:{pattern})" + _gate(gate) for gate, pattern in gate_patterns)


_captions, _agencies = trie((w, "") for w in CAPTION_NAMES), trie((w, "") for w in AGENCIES)
_end_credits = trie((w, "") for w in END_CREDIT_WORDS)
# Anywhere in the line: a character, then what must follow it for _CAPTION, _CAPTION_TAIL,
# _COPYRIGHT, _PIPES, _URL or _has_crumb_separator to match (tried in this order).
# Each with the gates its character can open on a line (see _candidates).
_PAGE_ANCHORS = [(ch, re.compile(re.escape(ch) + "(?:" + _after(rest) + ")"), frozenset(g for g, _ in rest))
                 for ch, rest in [
    ("(", [("caption", f"{_SPACE}*(?:{_captions}|{_agencies})|c\\)"), ("placed", PLACED_BRACKET)]),
    ("|", [("caption", f"{_SPACE}*(?:{_captions}|{_agencies})"), ("pipe", "")]),
    ("[", [("caption", f"{_SPACE}*{_captions}")]),
    ("/", [("caption", f"{_SPACE}*{_agencies}"), ("crumb", "(?<= /) ")]),
    *((ch, [("caption", f"(?<={_SPACE}{ch}){_SPACE}*{_captions}|{_SPACE}+{_agencies}")]) for ch in "-–—"),
    ("©", [("caption", "")]),
    ("@", [("short", "")]),
    *((ch, [("crumb", f"(?<= {ch}) ")]) for ch in ">»›→"),
]]
# Phrases found with str.find: the copyright rule's words, and the breadcrumb separator
# " :: " (":" is too common a character to look at each).
# (Each with its scripts.probe: a page that lacks that character is not searched.)
_PAGE_PHRASES = [(gate, w, probe(w)) for gate, w in [*(("caption", w) for w in ("copyright", *RIGHTS_RESERVED)),
                                                     ("crumb", " :: "), *(("short", w) for w in SUBSCRIBE_WORDS)]]
# The last word (key.endswith(COMMENT_ENDS)), as the first of the reversed line.
# And a screen reader's hint that its link opens a new window, at the line's end (linkhints:
# "Click to share on Twitter (Opens in new window)", "（新しいウィンドウで開く）").
_PAGE_ENDS = re.compile("\n" + _KS + "*+" + trie((w[::-1], "") for w in COMMENT_ENDS + _READ_MORE_LAST + HINTS + BRACKETED
                                                 + tuple(hint + "）" for hint in HINTS + BRACKETED)))
# A caption's credit at the line's end (_CAPTION_END): a colon, then the line's last 1-60
# characters (one such colon a line: none of them is a colon); before the colon, read
# backwards, the credit word and a space or 。 before it. One pattern a colon character:
# sre then skips to it (with a class of both it tried each character, the colon and the
# newline were as slow).
_CREDIT_COLONS = [(colon, re.compile(colon + "(?=[^.!?。\n:：]{1,60}+\n)")) for colon in ":："]
_CREDIT_BEFORE_COLON = re.compile("\\A[^\\S\n]*" + trie((w[::-1], "") for w in END_CREDIT_WORDS) + "(?:[^\\S\n]|。)")
_LIMITS = _gate.limits
_match_start = re.Match.start
_lastgroup = attrgetter("lastgroup")


def _candidates(page: str, starts: list[int], n_words: list[int]) -> tuple[set[int], ...]:
    """The lines that may match a rule, and of them those that may end with a comment
    word, have a breadcrumb separator, and may match the caption or copyright rules
    (sets of indices; see _match).

    `page` is the lower-cased lines, each after a newline, and a final newline;
    line k starts at starts[k]. A gate that does not hold for the line's number of
    words does not count.
    """
    limits = _LIMITS
    # Line starts: at most one match a line.
    hits = list(_PAGE_STARTS.finditer(page))
    lines = list(map(bisect_right, repeat(starts), map(_match_start, hits)))
    gates = list(map(_lastgroup, hits))
    found = set(compress(lines, map(le, map(n_words.__getitem__, lines), map(limits.__getitem__, gates))))
    captioned = set(compress(lines, map(str.startswith, gates, repeat("caption"))))
    # Last words: key.endswith(COMMENT_ENDS or _READ_MORE_LAST), up to ENDED_MAX_WORDS words (a
    # comment's head has at most 16, a teaser's blurb more), as first words of the
    # reversed page.
    end = len(page) - 1
    ended: set[int] = set()
    reversed_page = page[::-1]
    for m in _PAGE_ENDS.finditer(reversed_page):
        k = bisect_right(starts, end - m.start()) - 1
        if n_words[k] <= ENDED_MAX_WORDS:
            ended.add(k)
    for colon, after in _CREDIT_COLONS:
        at = page.find(colon)
        if at < 0:
            continue
        for m in after.finditer(page, at):
            at = m.start()
            k = bisect_right(starts, at) - 1
            if _CREDIT_BEFORE_COLON.match(page[at - 1:starts[k] - 1:-1]):  # the line before it, reversed
                found.add(k)
                captioned.add(k)
    found |= ended
    crumbed: set[int] = set()
    marked = {"caption": captioned, "crumb": crumbed}  # the gates _match is told about
    # Separators and phrases anywhere. A line on which a character has opened each gate
    # it can open has nothing more to give: the search goes on at the next line (a line
    # of 500,000 "@" is one step, not 500,000).
    find = page.find
    for char, after, gates_of_char in _PAGE_ANCHORS:
        # str.find skips to the character's first place some 20 times faster than sre
        # scans for it, and most pages have none of most of these characters.
        at = find(char)
        if at < 0:
            continue
        search = after.search
        m = search(page, at)
        line, opened = -1, set()
        while m:
            at = m.start()
            k = bisect_right(starts, at) - 1
            if k != line:
                line, opened = k, set()
            gate = m.lastgroup.partition("_")[0]
            if n_words[k] <= limits[m.lastgroup]:
                found.add(k)
                if gate in marked:
                    marked[gate].add(k)
            opened.add(gate)
            m = search(page, starts[k + 1] if opened >= gates_of_char else at + 1)
    for gate, phrase, char in _PAGE_PHRASES:
        if char and char not in page:
            continue
        at = find(phrase)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            if n_words[k] <= _GATE_LIMITS[gate]:
                found.add(k)
                if gate in marked:
                    marked[gate].add(k)
            at = find(phrase, starts[k + 1])
    # A caption match hides what else the same character starts.
    return found, ended, crumbed | captioned, captioned


def match_lines(lines: list[str], n_words: list[int], wide_spaces: bool | None = None) -> list[str | None]:
    """match_line of each stripped line of a page, with its number of words; `wide_spaces`:
    whether the lines hold lines.WIDE_SPACES, if known (each search of a page costs).

    The same results as match_line, faster: tests on the whole page find the
    lines that may match a rule (see _candidates); the others match none. A line
    that occurs again on the page (a menu repeated at the foot) is looked at once.
    """
    index = dict(zip(lines, count()))  # identical lines have the same words and rule
    if len(index) == len(lines):
        return _match_page(lines, n_words, wide_spaces)
    rule_of = dict(zip(index, _match_page(list(index), list(map(n_words.__getitem__, index.values())), wide_spaces)))
    return list(map(rule_of.__getitem__, lines))


def _match_page(lines: list[str], n_words: list[int], wide_spaces: bool | None) -> list[str | None]:
    rules: list[str | None] = [None] * len(lines)
    lows = list(map(str.lower, lines))
    page = "\n" + "\n".join(lows) + "\n"
    # as match_line reads a line: its no-break and thin spaces plain (one character for one)
    if has_wide_spaces(page) if wide_spaces is None else wide_spaces:
        lines, lows, page = list(map(plain_spaces, lines)), list(map(plain_spaces, lows)), plain_spaces(page)
    starts = list(accumulate(map(add, map(len, lows), repeat(1)), initial=1))
    found, ended, crumbed, captioned = _candidates(page, starts, n_words)
    for k in found:
        rules[k] = _match(lines[k], n_words[k], lows[k], k in ended, k in crumbed, k in captioned)
    for k in cookie_notices(page, starts, lows):
        if rules[k] is None:
            rules[k] = COOKIES
    for k, rule in page_notices(page, starts, lows, n_words):
        if rules[k] is None:
            rules[k] = rule
    return rules
