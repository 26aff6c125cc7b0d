"""The parsed page as a browser lays it out, before any reader sees it.

Every reader of a page (trafilatura, readability-lxml, the line classifier's block lines)
works on the one tree parse_page returns, after as_laid_out has changed in it what
browsers show otherwise than its markup says:
- a <noscript> holding an article is shown (scripts are off: a browser shows it);
- a table that lays out the page, not data, is read as blocks: old pages (Chinese portals
  of the 2000s, small papers' sites) put their menus, article and comments in the cells
  of nested tables, and trafilatura wrote each row as one "| cell | cell |" line, the
  article's paragraphs run together inside one cell, beside the menus and comments; a
  box of links laid out in a table's cells became a "| link | link |" row of the body.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree
from trafilatura.utils import load_html

# An XML declaration ahead of an XHTML page's markup (<?xml version="1.0" encoding="utf-8"?>):
# lxml refuses a str that carries one ("Unicode strings with encoding declaration are not
# supported"); the text is decoded already, so the declaration says nothing more. Bounded: a
# declaration is a few dozen characters.
_XML_DECLARATION = re.compile(r"\A\s{0,200}<\?xml[^>]{0,500}\?>")


def parse_markup(html: str) -> etree._Element | None:
    """The page's tree as lxml.html parses it (completed inside <html><body>), without the XML
    declaration an XHTML page may open with; None for markup lxml cannot read."""
    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (ValueError, etree.ParserError):
        return None


def parse_page(html: str) -> etree._Element | None:
    """The page's tree, or None if it cannot be parsed.

    trafilatura's load_html turns down a page without "html" in its first 50 characters
    that parses into fewer than two elements, taking it for no HTML at all; but that is
    what a scraper writes when it saves an article's container alone
    (<div class="story"><div class="body"><p>...</p></div></div>). Such a page is parsed
    as lxml completes it (inside <html><body>)."""
    try:
        root = load_html(html)
    except (ValueError, TypeError, etree.ParserError):
        root = None
    if root is not None or not html.lstrip().startswith("<"):
        return root
    return parse_markup(html)


# A <noscript> with this many paragraphs of NOSCRIPT_PROSE_CHARS or more holds an article; on the
# dev sets and trafilatura's and Postlight's pages, those asking to turn scripts on have 1 to 4
NOSCRIPT_PARAGRAPHS = 5
NOSCRIPT_PROSE_CHARS = 80


def _shown_without_scripts(root: etree._Element) -> None:
    """Turn each <noscript> that holds an article (NOSCRIPT_PARAGRAPHS paragraphs of prose)
    into a <div>, as a browser with scripts off shows it: Blogger's template puts the post
    in a script template, for scripts to lay out, and again in a <noscript>; every reader
    drops both. A <noscript> asking to turn scripts on, or holding a tracking image, stays,
    and so does one whose paragraphs the page shows elsewhere (the body is not read twice)."""
    noscripts = list(root.iter("noscript"))
    if not noscripts:
        return
    shown: set[str] | None = None
    for element in noscripts:
        prose = [text for text in (" ".join(p.text_content().split()) for p in element.iter("p"))
                 if len(text) >= NOSCRIPT_PROSE_CHARS]
        if len(prose) < NOSCRIPT_PARAGRAPHS:
            continue
        if shown is None:  # the paragraphs outside every <noscript>
            shown = {" ".join(p.text_content().split()) for p in root.iter("p")
                     if next(p.iterancestors("noscript"), None) is None}
        if not shown.intersection(prose):
            element.tag = "div"


# A table cell holding this many characters of text, or a table of its own, lays out the page:
# a data table's cell holds a figure, a name, a sentence
LAYOUT_CELL_CHARS = 200
# A table whose text is this share links or more is a menu or a box of links, laid out in
# cells: read as blocks, its links are lines the link rules know. (At 0.6, readability-dev's
# Wikipedia lists, whose names are links, lose rows.)
NAVIGATION_LINK_SHARE = 0.8
_CELLS = etree.XPath("./tr/td | ./tr/th | ./*/tr/td | ./*/tr/th")
_ROWS = etree.XPath("./tr | ./*/tr | ./thead | ./tbody | ./tfoot")


def _holds_text(cell: etree._Element, chars: int) -> bool:
    """Whether the element's text runs to `chars` characters (its pieces stripped; it stops
    counting there, so a cell holding the whole page costs no more than a short one)."""
    total = 0
    for piece in cell.itertext():
        total += len(piece.strip())
        if total >= chars:
            return True
    return False


def _text_size(element: etree._Element) -> int:
    """The characters of the element's text, its pieces stripped."""
    return sum(len(piece.strip()) for piece in element.itertext())


def _lays_out(table: etree._Element) -> bool:
    """Whether a table lays out the page: one of its cells holds a table, or its text is
    links (NAVIGATION_LINK_SHARE: a menu, a box of related stories), or a cell holds a
    paragraph's worth of text (LAYOUT_CELL_CHARS) that is most of the table's (a data
    table's longest cell, a film's plot in a list of films, is a small part of it)."""
    cells = _CELLS(table)
    if any(cell.find(".//table") is not None for cell in cells):
        return True
    whole = _text_size(table)
    if whole and sum(_text_size(a) for a in table.iter("a")) >= NAVIGATION_LINK_SHARE * whole:
        return True
    long = [cell for cell in cells if _holds_text(cell, LAYOUT_CELL_CHARS)]
    return any(_text_size(cell) * 2 >= whole for cell in long)


def _tables_as_blocks(root: etree._Element) -> None:
    """Read each table that lays out the page (_lays_out) as blocks: it, its row groups,
    rows and cells become <div>s, in reading order; data tables stay tables."""
    for table in list(root.iter("table")):
        if _lays_out(table):
            for element in [*_CELLS(table), *_ROWS(table), table]:
                element.tag = "div"


def as_laid_out(root: etree._Element) -> None:
    """Change the tree to what a browser shows (see the module docstring)."""
    _shown_without_scripts(root)
    _tables_as_blocks(root)
