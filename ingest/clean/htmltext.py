"""HTML to plain-text lines: one line per block element, scripts and styles skipped.

The plain-text line classifier (ingest.clean.text) reads these lines as one of
the HTML cleaner's three readings; the document title comes first, as in a page
saved as text. Line breaks inside a text node are source formatting and become
spaces (except inside <pre>).
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

_BLOCK = frozenset(
    "p div br h1 h2 h3 h4 h5 h6 li ul ol tr td th table section article header footer "
    "blockquote figure figcaption nav aside main form dl dt dd pre hr address option button "
    "label".split())
_SKIP = frozenset(
    "script style noscript template svg iframe head select textarea canvas object embed".split())
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


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
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    return tree_to_lines(root)


def tree_to_lines(root: etree._Element) -> str:
    """The visible text of a parsed page, one block per line (title line first); reads only."""
    out: list[str] = []
    title = root.find(".//title")
    if title is not None and title.text:
        out.append(title.text + "\n")
    body = root.find("body")
    stack = [(body if body is not None else root, False)]
    pre = 0  # how many <pre> elements we are inside
    # Iterative walk: (element, closing) pairs, so deep pages cannot overflow the stack.
    while stack:
        el, closing = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if closing:
            if tag in _BLOCK:
                out.append("\n")
            pre -= tag == "pre"
            if el.tail:
                out.append(el.tail if pre else _join_source_lines(el.tail))
            continue
        if tag is None or tag in _SKIP:
            if el.tail:
                out.append(el.tail if pre else _join_source_lines(el.tail))
            continue
        if tag in _BLOCK:
            out.append("\n")
        pre += tag == "pre"
        if el.text:
            out.append(el.text if pre else _join_source_lines(el.text))
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)
