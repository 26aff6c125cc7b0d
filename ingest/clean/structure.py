"""An extractor's reading checked against the page's markup: section headings it dropped, link lists it kept.

trafilatura (and readability) read a page by its DOM, and two of their habits
lose the shape of an article:
- a section heading or a list item between two paragraphs the reading holds is
  sometimes left out (trafilatura's precision mode recovers only the paragraphs of
  a page whose article container it does not find), so the article's sections run
  together. Such a page line (all of its text in an <h2>..<h6> or in an <li>, none
  of it a link to another page or in a <figure>; a list item no link to a place on
  the page either: a table of contents) is put back at its place when the page
  lines on either side of it (or of its run of such lines) are two successive
  lines of the reading. So is a paragraph of the page (all of it in a <p>; none of
  it in a <figure>, an <aside>, a <blockquote>, a <video> or a <math>, nor wholly a
  link; no line of a small box around an image: a caption outside a <figure>, a
  teaser card, ingest.clean.htmltext.media_captions) that the line classifier's reading keeps
  as well: two readings and the markup agree that it is the article's (trafilatura
  drops a paragraph now and then, e.g. one that opens with a link). Above the reading's
  first line, the page lines of its markup that the classifier keeps come back too
  (restore_opening): trafilatura drops an <article>'s text before its first <br>;
- a box of teasers inside the article (each teaser a paragraph or a headline that
  is one link to another page) is kept as text. A run of MIN_LINK_RUN or more
  consecutive lines of the reading, each wholly a link and no list item's own
  text, goes with rule "markup:link-list". A list of links ("See also",
  references) is kept: that is content as often as not.

And before any of it, a paragraph trafilatura cut at its source's line breaks (it keeps
them when its fallback reads the page) is made one line again where its pieces, joined,
are exactly one page line (rejoin_broken_lines), a line that is a page line but for
the soft hyphens trafilatura drops gets them back (restore_soft_hyphens), and a line that
lost a few words of a paragraph the line classifier keeps too (an inline link in a <span>
trafilatura takes for a widget) is that paragraph again (restore_dropped_words).

Both use only the markup (ingest.clean.htmltext's line kinds) and the page's order,
in every script alike; a restored line must not be the headline (or a run of its
words), nor already in the reading, nor a line a shape rule names or took out. Soft hyphens
are left out when lines are compared (trafilatura drops them, the page keeps them).
"""

from __future__ import annotations

from collections import Counter

from . import rules as R
from .choose import containment, grams
from .scripts import units
from .htmltext import ANCHOR, APART, FIGURE, HAS_LINK, HEADING, ITEM_TEXT, LINK, LIST_ITEM, PARAGRAPH
from ..models import RemovedLine
from store.textform import SOFT_HYPHEN

# A run of this many reading lines, each wholly a link, is a link list (as a gallery
# is three slides, ingest.clean.gallery).
MIN_LINK_RUN = 3
# A page line is in the reading when this share of its 4-grams is (as ingest.clean.html's IN_BODY).
IN_READING = 0.5
# A line is looked up among the lines that start with its first this many characters ...
_PREFIX = 8
# ... of which at most this many are kept a key.
MAX_SAME_START = 16
# trafilatura's list-item marker at a line's start.
_MARKS = ("- ", "* ", "\u2022 ")


def _plain(text: str) -> str:
    """The text without soft hyphens (one extractor keeps them, another drops them)."""
    return text.replace(SOFT_HYPHEN, "")


def _unmarked(line: str) -> str:
    """The line without trafilatura's list-item marker."""
    return line[2:] if line.startswith(_MARKS) else line


def link_lists(body: list[str], page_lines: list[str], kinds: list[int]) -> tuple[list[str], list[RemovedLine]]:
    """The reading without its runs of MIN_LINK_RUN or more lines that are each wholly a link
    on the page and no list item (see the module docstring), and those lines, removed."""
    link_lines = {line for line, kind in zip(page_lines, kinds) if kind & LINK and not kind & ITEM_TEXT}
    if len(link_lines) < MIN_LINK_RUN:
        return body, []
    flags = [line in link_lines and not line.startswith(_MARKS) for line in body]
    kept: list[str] = []
    removed: list[RemovedLine] = []
    start = 0
    while start < len(body):
        end = start + 1
        while end < len(body) and flags[end] == flags[start]:
            end += 1
        if flags[start] and end - start >= MIN_LINK_RUN:
            removed += [RemovedLine(no, body[no], R.LINK_LIST) for no in range(start, end)]
        else:
            kept += body[start:end]
        start = end
    return kept, removed


def _by_start(lines) -> dict[str, list[str]]:
    """The lines by their first _PREFIX characters, at most MAX_SAME_START a key (bounded
    work: a page of ten thousand lines that start alike is a listing, not an article)."""
    index: dict[str, list[str]] = {}
    for line in lines:
        same = index.setdefault(line[:_PREFIX], [])
        if len(same) < MAX_SAME_START:
            same.append(line)
    return index


def rejoin_broken_lines(lines: list[str], page_lines: list[str]) -> list[str]:
    """The reading's lines with a paragraph the extractor cut at its source's line breaks
    made one line again: consecutive lines, none a page line, that joined by spaces are
    exactly one page line (trafilatura keeps the line breaks inside a <p> of a page saved
    hard-wrapped; a paragraph in pieces is no paragraph for the archive's passages)."""
    page = set(page_lines)
    by_start: dict[str, list[str]] = {}  # made when a line is not a page line
    out: list[str] = []
    no = 0
    while no < len(lines):
        line = lines[no].strip()
        if line and line not in page and no + 1 < len(lines):
            by_start = by_start or _by_start(page)
            for whole in by_start.get(line[:_PREFIX], ()):
                if not whole.startswith(line):
                    continue
                at, end = len(line), no + 1  # how much of `whole` the pieces cover; the next piece
                while at < len(whole) and end < len(lines):
                    piece = lines[end].strip()
                    if not piece or piece in page or not whole.startswith(" " + piece, at):
                        break
                    at, end = at + 1 + len(piece), end + 1
                if at == len(whole) and end > no + 1:
                    out.append(whole)
                    no = end
                    break
            else:
                out.append(lines[no])
                no += 1
            continue
        out.append(lines[no])
        no += 1
    return out


def restore_soft_hyphens(lines: list[str], page_lines: list[str]) -> list[str]:
    """The reading's lines with the soft hyphens (U+00AD) of the page put back: trafilatura
    drops them, so a line that is a page line but for its soft hyphens is that page line
    (with trafilatura's list-item marker kept), and the reading compares with the line
    classifier's, which reads the page's lines as written. (The body loses them in the end,
    as every stored text does: store.textform.)"""
    hyphenated = {_plain(line): line for line in page_lines if SOFT_HYPHEN in line}
    if not hyphenated:
        return lines
    out = []
    for line in lines:
        text = line.strip()
        mark = text[:2] if text.startswith(_MARKS) else ""
        whole = hyphenated.get(text) or (mark and hyphenated.get(text[2:]))
        out.append(mark + whole if whole else line)
    return out


# A page line whose words the reading's line holds in order but for at most this many (and
# at most a fifth of the page line's) is that line with an inline element dropped.
MAX_DROPPED_WORDS = 6


def _holds_in_order(whole: list[str], part: list[str]) -> bool:
    """Whether the words `part` appear in `whole` in order (a subsequence), first and last alike."""
    if not part or whole[0] != part[0] or whole[-1] != part[-1]:
        return False
    it = iter(whole)
    return all(word in it for word in part)


def restore_dropped_words(lines: list[str], page_lines: list[str], kinds: list[int],
                          kept: frozenset[str], captions: frozenset[str] = frozenset()) -> list[str]:
    """The reading's lines with inline words the extractor dropped put back: a line that is no
    page line but holds, in order, the words of a page line but for at most MAX_DROPPED_WORDS
    of them (a link inside the paragraph, in a <span> trafilatura takes for a widget) is that
    page line, if it is a paragraph the line classifier's reading also keeps (`kept`), as
    _agreed_paragraph says: a <p> with nothing in a figure or set apart (a formula's TeX
    annotation, which trafilatura rightly drops), not wholly a link, no caption (`captions`)."""
    page = set(page_lines)
    candidates = [line for line, kind in zip(page_lines, kinds) if _agreed_paragraph(line, kind, kept, captions)]
    if not candidates:
        return lines
    by_start = _by_start(candidates)
    split: dict[str, list[str]] = {}  # each candidate's words, split once (a page line may be long)
    out = []
    for line in lines:
        text = line.strip()
        mark = text[:2] if text.startswith(_MARKS) else ""
        bare = text[len(mark):]
        whole = None
        if bare and bare not in page:
            words = bare.split()
            for cand in by_start.get(bare[:_PREFIX], ()):
                cw = split.get(cand)
                if cw is None:
                    cw = split[cand] = cand.split()
                extra = len(cw) - len(words)
                if 0 < extra <= min(MAX_DROPPED_WORDS, len(cw) // 5) and _holds_in_order(cw, words):
                    whole = cand
                    break
        out.append(mark + whole if whole else line)
    return out


# How many page lines above its first a reading's opening may have lost (bounds the walk).
MAX_OPENING_LINES = 3


def restore_opening(body: list[str], page_lines: list[str], kinds: list[int], title: str | None,
                    agreed: frozenset[str], captions: frozenset[str] = frozenset(),
                    removed: list[RemovedLine] | tuple[RemovedLine, ...] = ()) -> list[str]:
    """The reading with the article's first paragraphs it lost put back: trafilatura drops the
    text of an <article> that comes before its first <br> ("<article>First ...<br><br>Second
    ...</article>"). The page lines right above the reading's first (at most
    MAX_OPENING_LINES) are put back while each is of the same markup as that first line
    (a <p> as a <p>, a text run as a text run), none of it a link, in a figure or set apart,
    no caption, no run of the headline's words, named by no shape rule nor taken out of the
    reading by one (`removed`), and kept by the line classifier's reading too (`agreed`)."""
    if not body or not agreed:
        return body
    try:
        at = page_lines.index(body[0])
    except ValueError:
        return body
    kind = kinds[at]
    if kind & (FIGURE | APART | LINK | ANCHOR | HAS_LINK):
        return body
    title_words = _title_words(title)
    taken = {r.text for r in removed}
    opening: list[str] = []
    for no in range(at - 1, max(-1, at - 1 - MAX_OPENING_LINES), -1):
        line = page_lines[no]
        if (kinds[no] != kind or line not in agreed or line in captions or line in body or line in taken
                or _in_title(_plain(line), title_words) or R.match_line(line, len(line.split())) is not None):
            break
        opening.append(line)
    return opening[::-1] + body if opening else body


def _restorable(kind: int) -> bool:
    """A section heading or a list item, none of it a link to another page, in a figure or set
    apart (an aside, a quote, a video's fallback text, a formula's TeX annotation); a list
    item none of it a link to a place on the page either (a table of contents)."""
    if kind & (HAS_LINK | FIGURE | APART):
        return False
    return bool(kind & HEADING or (kind & LIST_ITEM and not kind & ANCHOR))


class _Held:
    """Whether the reading (its lines without list markers and soft hyphens) holds a page
    line: as a line, at the start of one (a heading run into its paragraph, "Page Inspector
    Examine the HTML ..."), as a line cut in two by a line break the extractor kept, or as
    most of its 4-grams (a kicker and headline run together, "KickerHeadline")."""

    def __init__(self, body: list[str]) -> None:
        self.lines = set(body)
        self.by_start = _by_start(body)
        self.short_starts = {line[:end] for line in body for end in range(1, min(_PREFIX, len(line)))
                             if not line[end].isalnum()}  # "Cliffs" of "Cliffs are ..."
        self.grams = grams(" ".join(body))

    def holds(self, line: str) -> bool:
        """See the class docstring."""
        if line in self.lines or line in self.short_starts:
            return True
        for kept in self.by_start.get(line[:_PREFIX], ()) if len(line) >= _PREFIX else ():
            if kept.startswith(line):
                if len(kept) == len(line) or not kept[len(line)].isalnum():
                    return True
            elif line.startswith(kept) and 2 * len(kept) >= len(line):
                return True
        return containment(grams(line), self.grams) >= IN_READING


def _title_words(title: str | None) -> str:
    """The title's words (units, without soft hyphens) between spaces, and one at each end: what
    _in_title looks a line's words up in."""
    return " " + " ".join(units(_plain(title or ""))) + " "


def _in_title(line: str, title_words: str) -> bool:
    """Whether the line's words are a run of the title's (the headline or its kicker);
    `title_words` is _title_words(title)."""
    words = " ".join(units(line))
    return bool(words) and f" {words} " in title_words


def _agreed_paragraph(line: str, kind: int, agreed: frozenset[str], captions: frozenset[str]) -> bool:
    """A paragraph (<p>) of the page, none of it in a figure, an aside, a quote or a video, not
    wholly a link, no line of a box around an image, that the line classifier's reading keeps."""
    return bool(kind & PARAGRAPH and not kind & (FIGURE | APART | LINK | ANCHOR) and line in agreed
                and line not in captions)


def restore_sections(body: list[str], page_lines: list[str], kinds: list[int], title: str | None,
                     removed: list[RemovedLine] | tuple[RemovedLine, ...] = (),
                     agreed: frozenset[str] = frozenset(), captions: frozenset[str] = frozenset()) -> list[str]:
    """The reading with the section headings and list items it left out between two of its
    own lines put back at their place, and the paragraphs of `agreed` (the line classifier's
    reading) that are no caption of `captions` (see the module docstring); a line of
    `removed` (the reading's lines a rule took out: a gallery's slides) is not put back."""
    if len(body) < 2:
        return body
    at: dict[str, int] = {}  # a line of the reading (also without its list marker) -> its place
    for no, line in enumerate(body):
        at.setdefault(line, no)
        at.setdefault(_unmarked(line), no)
    taken = {_unmarked(r.text) for r in removed}
    candidates = [no for no, (line, kind) in enumerate(zip(page_lines, kinds))
                  if (_restorable(kind) or _agreed_paragraph(line, kind, agreed, captions))
                  and line not in at and line not in taken
                  and R.match_line(line, len(line.split())) is None]
    if not candidates:
        return body
    owner: dict[tuple[str, ...], int] = {}  # 4-gram -> the first body line that holds it (made when needed)

    def place(line: str) -> int | None:
        """The body line this page line is, or lies inside; None when not in the body or
        wordless (a lone "-" or "|" between two blocks is no paragraph of the article)."""
        if line in at:
            return at[line] if units(line) else None
        line_grams = grams(line)
        if not owner:
            for no, body_line in enumerate(body):
                for gram in grams(body_line):
                    owner.setdefault(gram, no)
        found = Counter(owner[g] for g in line_grams if g in owner)
        if found and sum(found.values()) >= IN_READING * len(line_grams):
            return found.most_common(1)[0][0]
        return None

    gaps: list[tuple[int, int]] = []  # (page line to put back, body line it goes before)
    first = 0
    while first < len(candidates):  # a run of such lines (a part and its first section) is one gap
        last = first
        while last + 1 < len(candidates) and candidates[last + 1] == candidates[last] + 1:
            last += 1
        prev, after = candidates[first] - 1, candidates[last] + 1
        if prev >= 0 and after < len(page_lines):
            here = place(page_lines[prev])
            there = place(page_lines[after]) if here is not None else None
            if there is not None and here < there:
                gaps += [(no, there) for no in candidates[first:last + 1]]
        first = last + 1
    # Not the headline (or its kicker), nor a line the reading holds: looked at only for lines in a gap.
    title_words = _title_words(title)
    plain_body = [_plain(_unmarked(line)) for line in body]
    held = _Held(plain_body) if gaps else None
    before: dict[int, list[str]] = {}  # body line -> the page lines to put back before it
    for no, there in gaps:
        line = _plain(page_lines[no])
        if not _in_title(line, title_words) and not held.holds(line):
            before.setdefault(there, []).append(page_lines[no])
    if not before:
        return body
    out: list[str] = []
    for no, line in enumerate(body):
        out += before.get(no, [])
        out.append(line)
    return out
