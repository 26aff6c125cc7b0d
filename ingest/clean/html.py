"""HTML boilerplate removal: trafilatura, checked against the plain-text line classifier.

trafilatura (precision mode, no comments) gives the body and its metadata (title,
date). Its paragraphs then go through the plain-text shape rules (share rows,
related-story markers, copyright lines) and a leading repeat of the title is
dropped. When trafilatura keeps too little (it sometimes stops at the first
embedded widget), the page's block text is cleaned by the plain-text classifier
instead, if that finds clearly more text that contains what trafilatura found.
"""

from __future__ import annotations

import re

from trafilatura import bare_extraction

from . import rules as R
from .cleaned import Cleaned
from ..config import CleanOptions
from ..provenance import declared_language
from .htmltext import html_to_lines
from ..models import RemovedLine
from .text import clean_text

_TOKEN = re.compile(r"\w+")
# Use the line classifier's body when it has this many times trafilatura's words ...
LONGER = 1.4
# ... and contains at least this share of trafilatura's word 4-grams.
OVERLAP = 0.6


def _grams(text: str) -> set[tuple[str, ...]]:
    words = _TOKEN.findall(text)
    return {tuple(words[i:i + 4]) for i in range(max(1, len(words) - 3))}


def _extract(html: str, options: CleanOptions):
    try:
        return bare_extraction(html, include_comments=options.include_comments,
                               favor_precision=options.favor_precision, with_metadata=True,
                               output_format="python")
    except (ValueError, TypeError, AttributeError):  # malformed markup trafilatura rejects
        return None


def clean_html(html: str, options: CleanOptions) -> Cleaned:
    """Extract title, date and body paragraphs of an HTML page (empty body if none)."""
    doc = _extract(html, options) if html.strip() else None
    title = ((doc.title if doc else None) or "").strip() or None
    published = (doc.date if doc else None) or None
    paragraphs: list[str] = []
    removed: list[RemovedLine] = []
    for no, raw in enumerate((doc.text or "").splitlines() if doc else ()):
        line = raw.strip()
        if not line:
            continue
        if title and not paragraphs and line == title:
            removed.append(RemovedLine(no, line, R.TITLE))
            continue
        rule = R.match_line(line, len(line.split()))
        if rule is not None:
            removed.append(RemovedLine(no, line, rule))
        else:
            paragraphs.append(line)

    if getattr(options, "html_text_fallback", True):
        text = clean_text(html_to_lines(html), options)
        words = sum(len(p.split()) for p in paragraphs)
        if sum(len(p.split()) for p in text.paragraphs) > LONGER * max(1, words):
            mine = _grams("\n".join(paragraphs))
            if not paragraphs or len(mine & _grams("\n".join(text.paragraphs))) >= OVERLAP * len(mine):
                return Cleaned(title or text.title, published or text.published,
                               text.paragraphs, text.removed, *_page_meta(doc, html))
    return Cleaned(title, published, tuple(paragraphs), tuple(removed), *_page_meta(doc, html))


def _page_meta(doc, html: str) -> tuple[str | None, str | None, str | None, str | None]:
    """(url, site name, author, declared language) of the page, from trafilatura's metadata."""
    if doc is None:
        return None, None, None, declared_language(html)
    return (getattr(doc, "url", None), getattr(doc, "sitename", None), getattr(doc, "author", None),
            declared_language(html))
