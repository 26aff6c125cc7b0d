"""clean(raw, options) -> Article: dispatch to the HTML or plain-text cleaner."""

from __future__ import annotations

from .cleaned import Cleaned
from .config import CleanOptions
from .htmlclean import clean_html
from .models import HTML, Article, RawDocument, Reject
from .textclean import clean_text


def clean_document(raw: RawDocument, options: CleanOptions,
                   template: frozenset[str] = frozenset()) -> Cleaned:
    """Run the cleaner that fits the document's media type."""
    if raw.media_type == HTML:
        return clean_html(raw.text, options)
    return clean_text(raw.text, options, template)


def clean(raw: RawDocument, options: CleanOptions,
          template: frozenset[str] = frozenset()) -> Article | Reject:
    """A cleaned Article, or a Reject when no article text is left."""
    cleaned = clean_document(raw, options, template)
    if not cleaned.paragraphs:
        kind = "HTML page" if raw.media_type == HTML else "text"
        return Reject(raw.location, f"no article text found in this {kind} (all lines were boilerplate)",
                      raw.sha256)
    return Article(raw.location, raw.source, cleaned.title, cleaned.published,
                   cleaned.paragraphs, cleaned.removed)
