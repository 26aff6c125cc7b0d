"""Drop caps: an article's first letter set apart from the rest of its word.

A page that prints its first letter large, floated beside the paragraph, comes out of a
converter with the letter apart: "T he Davis Cup Final began", "W hale whisperer Hori
Parata", "D as von Montag an", or the letter on a line of its own above "urkey, Poland
and ...". A reader sees one word there; search and near-duplicate shingles saw two, so
nobody finds "Whale" or "Turkey" in that paragraph.

A letter and the word after it are one word again only where the page says so: the joined
word ("whale") stands on the page more often than the piece after the letter ("hale") does,
its own occurrence counted. So "A stray thought" (a page that also says "astray" once), Czech
"V pondělí" and "I am" are left as they are: the page never writes "vpondělí", and "stray" is
as common as "astray".

Only the body's first DROP_CAP_PARAGRAPHS paragraphs are looked at; one that opens with a
letter apart costs two `str.find` of the page (and, where the joined word is on the page, two
scans that count up to DROP_CAP_MOST_USES).
"""

from __future__ import annotations

import re
from itertools import compress, count, islice
from operator import not_

# The body's paragraphs, from the first, whose first word is looked at: a drop cap opens the
# article (a few pages set one at each section's start too; those stay apart).
DROP_CAP_PARAGRAPHS = 3
# How many uses of a word are counted at most: a page that writes "the" and "he" alone this
# often each is no evidence either way.
DROP_CAP_MOST_USES = 64

_LETTER = r"[^\W\d_]"
_JOINERS = "_'’-"  # what joins a word to more of it ("’s", "co-op")
_WORD_END = r"(?![\w'’-])"
# A capital, one space and the lower-case rest of its word (letters only, at least one).
_SPLIT = re.compile(rf"({_LETTER}) ({_LETTER}+){_WORD_END}")
_WORD = re.compile(f"{_LETTER}+")


def _is_part(char: str) -> bool:
    """Whether a character next to a word makes it part of a longer word ("’s", "co-op")."""
    return char.isalnum() or char in _JOINERS


def _uses(text: str, word: str, most: int) -> int:
    """How often `word` (lower case) stands in `text` as a word of its own, in lower case or
    capitalised, counted up to `most`."""
    n = 0
    for form in {word, word.capitalize()}:
        # sre skips to the literal's next place; the character before is checked here
        for m in re.finditer(re.escape(form) + _WORD_END, text):
            at = m.start()
            if at == 0 or not _is_part(text[at - 1]):
                n += 1
                if n >= most:
                    return n
    return n


def _one_word(letter: str, rest: str, text: str) -> bool:
    """Whether `text` writes `letter` + `rest` as one word more often than `rest` alone."""
    joined = (letter + rest).lower()
    if text.find(joined) < 0 and text.find(joined.capitalize()) < 0:
        return False  # most candidates ("A new", "I was"): two finds
    uses = _uses(text, joined, DROP_CAP_MOST_USES)
    return _uses(text, rest.lower(), uses) < uses


def _set_apart(paragraph: str) -> tuple[str, str] | None:
    """The capital and the lower-case rest of the word a paragraph opens with, when a space
    parts them ("T he ..." gives ("T", "he")), else None."""
    m = _SPLIT.match(paragraph)
    if m is None or not m.group(1).isupper() or not m.group(2).islower():
        return None
    return m.group(1), m.group(2)


def joined_drop_cap(paragraph: str, text: str) -> str | None:
    """The paragraph with a drop cap set apart at its start ("T he ...") joined to its word
    ("The ..."), or None if it opens with none. `text`: the evidence, the page around it."""
    parts = _set_apart(paragraph)
    if parts is None or not _one_word(*parts, text):
        return None
    return parts[0] + paragraph[2:]


def lone_drop_cap(letter: str, paragraph: str, text: str) -> str | None:
    """The paragraph with `letter`, a line of its own just above it, put back at its start
    ("T" above "urkey, Poland ..." gives "Turkey, Poland ..."), or None if it is no drop cap."""
    if len(letter) != 1 or not letter.isupper():
        return None
    m = _WORD.match(paragraph)
    if m is None or not m.group().islower() or not _one_word(letter, m.group(), text):
        return None
    return letter + paragraph


def mend_drop_caps(texts: list[str], labels: list, start: int, end: int, page: str) -> None:
    """Join, in `texts`, the drop cap that opens one of the body's first DROP_CAP_PARAGRAPHS
    items (of `start`..`end`, those with no label) to its word: one set apart by a space, or
    one alone on a removed item just above. `page`: the page's text, the evidence."""
    for i in islice(compress(count(start), map(not_, labels[start:end])), DROP_CAP_PARAGRAPHS):
        line = texts[i]
        if line[1:2] == " ":
            mended = joined_drop_cap(line, page)
        elif i and labels[i - 1] and len(texts[i - 1]) == 1 and line[:1].islower():
            mended = lone_drop_cap(texts[i - 1], line, page)
        else:
            continue
        if mended is not None:
            texts[i] = mended
