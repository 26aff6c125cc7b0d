"""HTML to plain-text lines: one line per block element, scripts and styles skipped.

The plain-text line classifier (ingest.clean.text) reads these lines as one of
the HTML cleaner's three readings; the document title comes first, as in a page
saved as text. Line breaks inside a text node are source formatting and become
spaces (except inside <pre>). tree_to_block_lines also tells what markup each
line's text sits in (a heading, a list item, a link), for ingest.clean.structure.
"""

from __future__ import annotations

import itertools
import re

from lxml import etree

from .pagetree import parse_markup

_BLOCK = frozenset(
    "p div br h1 h2 h3 h4 h5 h6 li ul ol tr td th table section article header footer "
    "blockquote figure figcaption nav aside main form dl dt dd pre hr address option button "
    "label".split())
_SKIP = frozenset(
    "script style noscript template svg iframe head select textarea canvas object embed".split())
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
_HEADINGS = frozenset("h2 h3 h4 h5 h6".split())  # <h1> is the headline: metadata, not a section
_APART = frozenset("aside blockquote video audio math".split())  # text apart from the running prose
_MARKED = _HEADINGS | _APART | {"li", "figure", "a", "p"}  # the elements that give their text a mark (_mark)
_MEDIA = ("img", "picture", "video")
# A box around an image of more blocks than this is the article, not a caption's box.
MAX_BOX_BLOCKS = 8

# What a line's text sits in (bits of tree_to_block_lines' kinds).
HEADING = 1  # all of it inside a section heading (<h2> to <h6>)
LIST_ITEM = 2  # all of it inside a list item (<li>)
ITEM_TEXT = 64  # all of it a list item's own text (no block between it and its <li>: a list of links)
LINK = 4  # all of it inside links to other pages (<a href> not "#...")
HAS_LINK = 8  # some of it inside such a link
FIGURE = 16  # some of it inside a <figure> (a caption, a credit)
ANCHOR = 32  # some of it inside a link to a place on the page (<a href="#...">: a table of contents)
PARAGRAPH = 128  # all of it inside a paragraph (<p>)
APART = 256  # some of it apart from the running prose: in an <aside>, a <blockquote>, a <video> or
# <audio> (the text a browser shows when it cannot play it), a <math> (its TeX annotation)
_ALL = HEADING | LIST_ITEM | ITEM_TEXT | LINK | PARAGRAPH


def _join_source_lines(text: str) -> str:
    """The text node with each line break and the whitespace around it made one space: line
    breaks inside a text node are source formatting, not blocks (except in <pre>). Split
    and stripped, not a regex: `\\s*\\n\\s*` retried its run of spaces at every space, a
    text node of 80,000 spaces took 13 s."""
    if "\n" not in text:
        return text
    parts = text.split("\n")
    last = len(parts) - 1
    kept = [parts[0].rstrip()] + [part for part in (p.strip() for p in parts[1:last]) if part] + \
        [parts[last].lstrip()]
    return " ".join(kept)


def html_to_lines(html: str) -> str:
    """The visible text of an HTML page, one block per line (title line first)."""
    if not html.strip():
        return ""
    root = parse_markup(html)
    return "" if root is None else tree_to_lines(root)


def tree_to_lines(root: etree._Element) -> str:
    """The visible text of a parsed page, one block per line (title line first); reads only."""
    return "\n".join(_walk(root)[0])


def tree_to_block_lines(root: etree._Element) -> tuple[list[str], list[int]]:
    """tree_to_lines(root).splitlines() and, for each line, the bits (HEADING, LIST_ITEM,
    LINK, HAS_LINK, FIGURE, ANCHOR, PARAGRAPH, APART) that say what markup its text sits in;
    reads only."""
    lines: list[str] = []
    kinds: list[int] = []
    for line, kind in zip(*_walk(root)):
        parts = line.splitlines()  # a line separator other than \n (U+2028, ...) splits it too
        lines += parts
        kinds += [kind] * len(parts)
    return lines, kinds


def media_captions(root: etree._Element, limit: int = 500) -> frozenset[str]:
    """The lines of the small boxes around images and videos: captions outside a <figure>
    (<div><div><img><button>Zoom</button></div><p>caption</p></div>), credits, a card's text.

    From each of the first `limit` images and videos, up to three elements up, while the
    element holds at most MAX_BOX_BLOCKS blocks: a box of more is the article around the
    image, and neither it nor what is above it is taken.
    """
    out: set[str] = set()
    seen: set[etree._Element] = set()  # the elements themselves (kept alive: an id() is reused)
    for count, media in enumerate(root.iter(*_MEDIA)):
        if count >= limit:
            break
        top = None  # the largest box around the image: its lines hold the smaller boxes' lines
        box = media.getparent()
        for _ in range(3):
            if box is None or box in seen:
                break
            seen.add(box)
            if sum(1 for _ in itertools.islice(box.iter(*_BLOCK), MAX_BOX_BLOCKS + 1)) > MAX_BOX_BLOCKS:
                break
            top, box = box, box.getparent()
        if top is not None and any(not text.isspace() for text in top.itertext()):
            out.update(_walk(top, title=False)[0])
    return frozenset(out)


def _mark(el: etree._Element, tag: str) -> int:
    """The bit an element gives the text inside it (0: none)."""
    if tag in _HEADINGS:
        return HEADING
    if tag == "li":
        return LIST_ITEM
    if tag == "figure":
        return FIGURE
    if tag == "p":
        return PARAGRAPH
    if tag in _APART:
        return APART
    if tag == "a":
        href = el.get("href")
        return 0 if href is None else ANCHOR if href.startswith("#") else LINK
    return 0


def _walk(root: etree._Element, title: bool = True) -> tuple[list[str], list[int]]:
    """The page's (or an element's) block lines (whitespace collapsed, none empty) and their
    kinds; the document title first unless `title` is False."""
    out: list[str] = []
    kinds: list[int] = []  # the markup each piece of `out` sits in
    head = root.find(".//title") if title else None
    if head is not None and head.text:
        out.append(head.text + "\n")
        kinds.append(0)
    body = root.find("body") if title else None
    stack = [(body if body is not None else root, False)]
    pre = 0  # how many <pre> elements we are inside
    # how many elements of each mark we are inside
    inside = {HEADING: 0, LIST_ITEM: 0, LINK: 0, ANCHOR: 0, FIGURE: 0, PARAGRAPH: 0, APART: 0}
    kind = 0  # the marks of the elements we are inside
    item = [False]  # per block element we are inside, innermost last: whether it is an <li>
    # Iterative walk: (element, closing) pairs, so deep pages cannot overflow the stack.
    while stack:
        el, closing = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if closing:
            if tag in _BLOCK:
                out.append("\n")
                kinds.append(0)
                item.pop()
            pre -= tag == "pre"
            if tag in _MARKED and (mark := _mark(el, tag)):
                inside[mark] -= 1
                if not inside[mark]:
                    kind &= ~mark
            if el.tail and el is not root:  # the root's tail is outside it
                out.append(el.tail if pre else _join_source_lines(el.tail))
                kinds.append(kind | (ITEM_TEXT if item[-1] else 0))
            continue
        if tag is None or tag in _SKIP:
            if el.tail:
                out.append(el.tail if pre else _join_source_lines(el.tail))
                kinds.append(kind | (ITEM_TEXT if item[-1] else 0))
            continue
        if tag in _BLOCK:
            out.append("\n")
            kinds.append(0)
            item.append(tag == "li")
        pre += tag == "pre"
        if tag in _MARKED and (mark := _mark(el, tag)):
            inside[mark] += 1
            kind |= mark
        if el.text:
            out.append(el.text if pre else _join_source_lines(el.text))
            kinds.append(kind | (ITEM_TEXT if item[-1] else 0))
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    return _lines(out, kinds)


def _lines(pieces: list[str], kinds: list[int]) -> tuple[list[str], list[int]]:
    """The pieces of text cut into lines at their line breaks, whitespace collapsed, empty
    lines left out; a line's kind holds HEADING, LIST_ITEM, ITEM_TEXT, LINK and PARAGRAPH where
    all of its pieces with text do, HAS_LINK, FIGURE, ANCHOR and APART where any does."""
    lines: list[str] = []
    line_kinds: list[int] = []
    parts: list[str] = []  # the pieces of the line being read
    every, some = _ALL, 0
    for piece, piece_kind in zip(pieces, kinds):
        if piece == "\n" and not parts:  # a block's edge after an empty line: most of them
            continue
        cut = piece.split("\n") if "\n" in piece else None
        for no, part in enumerate(cut or (piece,)):
            if no:  # a line break: the line read so far is done
                line = _SPACE.sub(" ", "".join(parts)).strip()
                if line:
                    lines.append(line)
                    line_kinds.append(every | (HAS_LINK if some & LINK else 0) | (some & (FIGURE | ANCHOR | APART)))
                parts, every, some = [], _ALL, 0
            if part:
                parts.append(part)
                if not part.isspace():
                    every &= piece_kind
                    some |= piece_kind
    line = _SPACE.sub(" ", "".join(parts)).strip()
    if line:
        lines.append(line)
        line_kinds.append(every | (HAS_LINK if some & LINK else 0) | (some & (FIGURE | ANCHOR | APART)))
    return lines, line_kinds
