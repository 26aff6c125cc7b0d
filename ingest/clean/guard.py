"""The last check before a cleaned body is archived: is it the article, or what was left of it?

A cleaner that removes an article's body leaves the page's chrome (a site name, a
menu, a legal line). Archived, that chrome would stand for the article, and two
different stories with the same leftover chrome would hash alike and become one
article. So a body is measured against the page's prose, the text of its long
lines, in UTF-8 bytes: a byte count weighs a Chinese character (3 bytes) about as a
word of a few Latin letters, so the measure means the same in every script.

A body is refused when it holds less than `min_share` of the page's prose and no
sentence, or less than half that share whatever it holds. The second clause is
the bound: a short post under a long comment thread keeps its few sentences (the
303 dev pages' lowest share of a real body is 5.5%, a short post above its comments), a lone stray sentence of a page
whose article went does not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from .lines import SENTENCE_MARKS
from .rules import family
from .scripts import ends_unpunctuated

# A line of at least this many UTF-8 bytes is prose (a short sentence: 60 Latin letters, 20 CJK characters).
PROSE_LINE_BYTES = 60
# A sentence: a paragraph of at least this many bytes that ends a sentence (_is_sentence).
SENTENCE_BYTES = 60
# Closing quotes of every style (German and Czech close with “ and ‘) and brackets.
_CLOSERS = "\"'”’»“‘«›)]】」』）"
# No line shorter than this many characters can reach PROSE_LINE_BYTES (4 bytes a character at most).
_SHORTEST_PROSE_CHARS = PROSE_LINE_BYTES // 4


def prose_bytes(lines: Iterable[str]) -> int:
    """The UTF-8 size of the page's long lines (its prose), whitespace stripped.

    An ASCII line with no space in it is one token, not prose, however long: a URL, a hash, or
    the base64 blob a consent script or lazy loader keeps in an element's text (three of them,
    7,300 bytes each, made a short article look like 4% of its page).
    """
    total = 0
    for line in lines:
        if len(line) >= _SHORTEST_PROSE_CHARS:
            line = line.strip()
            if line.isascii():
                if len(line) >= PROSE_LINE_BYTES and (" " in line or "\t" in line):
                    total += len(line)
            else:
                size = len(line.encode("utf-8", "surrogatepass"))
                if size >= PROSE_LINE_BYTES:
                    total += size
    return total


def _is_sentence(paragraph: str) -> bool:
    """A paragraph of SENTENCE_BYTES or more that ends a sentence: with a full stop of its
    script (。, ।, ؟, ...) before closing quotes, or, in Thai or Lao, which have none, a word."""
    if len(paragraph.encode("utf-8", "surrogatepass")) < SENTENCE_BYTES:
        return False
    text = paragraph.rstrip()
    return text.rstrip(_CLOSERS)[-1:] in SENTENCE_MARKS or ends_unpunctuated(text)


def lost_body_reason(paragraphs: Sequence[str], page_prose: int, min_share: float,
                     removed_rules: Iterable[str] = ()) -> str | None:
    """Why this body is not the page's article, or None if it may be.

    `page_prose` is prose_bytes() of the whole page; `removed_rules` the rules of
    the removed lines, to name the family that removed most of them.
    """
    if min_share <= 0 or page_prose <= 0 or not paragraphs:
        return None
    body = sum(len(p.encode("utf-8", "surrogatepass")) for p in paragraphs)
    share = body / page_prose
    if share >= min_share or (share >= min_share / 2 and any(map(_is_sentence, paragraphs))):
        return None
    families = Counter(map(family, removed_rules)).most_common(1)
    by = f"; most removed lines went by rule {families[0][0]!r}" if families else ""
    return (f"what is left is {share:.0%} of the page's prose, below clean.min_body_share "
            f"({min_share:g}), so the article was probably removed as boilerplate{by}")
