"""HTML boilerplate removal with trafilatura, keeping its metadata."""

from __future__ import annotations

import re

from trafilatura import bare_extraction

from .cleaned import Cleaned
from .config import CleanOptions

_BLANKS = re.compile(r"\n\s*\n+")


def clean_html(html: str, options: CleanOptions) -> Cleaned:
    """Extract title, date and body paragraphs of an HTML page (empty body if none)."""
    doc = bare_extraction(html, include_comments=options.include_comments,
                          favor_precision=options.favor_precision, with_metadata=True,
                          output_format="python")
    if doc is None:
        return Cleaned(None, None, (), ())
    title = (doc.title or "").strip() or None
    paragraphs = [p.strip() for p in (doc.text or "").splitlines() if p.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    return Cleaned(title, doc.date or None, tuple(paragraphs), ())
