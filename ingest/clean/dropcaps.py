"""Drop caps: an article's first letter set apart from the rest of its word.

A page that prints its first letter large, floated beside the paragraph, comes out of a
converter with the letter apart: "T he Davis Cup Final began", "W hale whisperer Hori
Parata", "D as von Montag an", or the letter on a line of its own above "urkey, Poland
and ...". A reader sees one word there; search and near-duplicate shingles saw two, so
nobody finds "Whale" or "Turkey" in that paragraph.

A letter and the word after it are one word again only where the page says so: the
joined word ("whale") stands elsewhere on the page more often than the piece after the
letter ("hale") does, its own occurrence counted. So "A stray thought" (a page that also
says "astray" once), Czech "V pondělí" and "I am" are left as they are: the page never
writes "vpondělí", and "stray" is as common as "astray". Only a body paragraph's first
word is looked at, and of those that open with a letter set apart only the first
DROP_CAP_MAX_CANDIDATES: each costs two `str.find` of the page (and, where the joined word is
on the page, two scans that count): the work is bounded by that count.
"""

from __future__ import annotations

import re
from itertools import compress, count
from operator import not_

# The body paragraphs opening with a letter set apart that are looked at, from the first: a
# drop cap opens the article or one of its sections.
DROP_CAP_MAX_CANDIDATES = 24

# A capital, one space and the lower-case rest of its word (letters only, at least one).
_SPLIT = re.compile(r"([^\W\d_]) ([^\W\d_]+)(?![\w'’-])")
_WORD = re.compile(r"[^\W\d_]+")


def _uses(page: str, word: str) -> int:
    """How often `word` (lower case) stands on the page as a word of its own, in any case."""
    # A literal between two one-character lookarounds: linear in the page.
    pattern = re.compile(r"(?<![\w'’-])" + re.escape(word) + r"(?![\w'’-])", re.IGNORECASE)
    return sum(1 for _ in pattern.finditer(page))


def _one_word(letter: str, rest: str, page: str) -> bool:
    """Whether the page writes `letter` + `rest` as one word more often than `rest` alone."""
    joined = letter + rest
    if page.find(joined) < 0 and page.find(joined.lower()) < 0:
        return False  # most candidates ("A new", "I was"): two finds of the page
    return _uses(page, joined.lower()) > _uses(page, rest.lower())


def joined_drop_cap(paragraph: str, page: str) -> str | None:
    """The paragraph with a drop cap set apart at its start ("T he ...") joined to its word
    ("The ..."), or None if it opens with none. `page`: the whole page's text, the evidence."""
    m = _SPLIT.match(paragraph)
    if m is None or not m.group(1).isupper() or not m.group(2).islower():
        return None
    if not _one_word(m.group(1), m.group(2), page):
        return None
    return m.group(1) + paragraph[m.start(2):]


def lone_drop_cap(letter: str, paragraph: str, page: str) -> str | None:
    """The paragraph with `letter`, a line of its own just above it, put back at its start
    ("T" above "urkey, Poland ..." gives "Turkey, Poland ..."), or None if it is no drop cap."""
    if len(letter) != 1 or not letter.isupper() or not paragraph[:1].islower():
        return None
    m = _WORD.match(paragraph)
    if m is None or not m.group().islower() or not _one_word(letter, m.group(), page):
        return None
    return letter + paragraph


def mend_drop_caps(texts: list[str], labels: list, start: int, end: int, page: str) -> None:
    """Join, in `texts`, the drop cap that opens a body item (one of `start`..`end` with no
    label) to its word: one set apart by a space, or one alone on a removed item just above."""
    left = DROP_CAP_MAX_CANDIDATES
    for i in compress(count(start), map(not_, labels[start:end])):
        line = texts[i]
        if line[1:2] == " ":
            mended = joined_drop_cap(line, page)
        elif line[:1].islower() and i > 0 and labels[i - 1] and len(texts[i - 1]) == 1:
            mended = lone_drop_cap(texts[i - 1], line, page)
        else:
            continue
        if mended is not None:
            texts[i] = mended
        left -= 1
        if not left:
            break
