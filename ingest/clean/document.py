"""clean(raw, options) -> Article: dispatch to the HTML or plain-text cleaner."""

from __future__ import annotations

from .cleaned import Cleaned
from ..config import CleanOptions
from .html import clean_html
from ..models import HTML, Article, RawDocument, Reject, RemovedLine
from ..normalize import normalize_text
from .text import clean_text


def clean_document(raw: RawDocument, options: CleanOptions,
                   template: frozenset[str] = frozenset()) -> Cleaned:
    """Run the cleaner that fits the document's media type."""
    if raw.media_type == HTML:
        return clean_html(raw.text, options)
    return clean_text(raw.text, options, template)


def drop_template_paragraphs(cleaned: Cleaned, template: frozenset[str]) -> Cleaned:
    """Remove paragraphs that are known template lines of the source (rule "template")."""
    if not template:
        return cleaned
    kept, removed = [], list(cleaned.removed)
    for position, paragraph in enumerate(cleaned.paragraphs):
        if normalize_text(paragraph) in template:
            removed.append(RemovedLine(position, paragraph, "template"))
        else:
            kept.append(paragraph)
    if len(kept) == len(cleaned.paragraphs):
        return cleaned
    return Cleaned(cleaned.title, cleaned.published, tuple(kept), tuple(removed))


def clean(raw: RawDocument, options: CleanOptions,
          template: frozenset[str] = frozenset()) -> Article | Reject:
    """A cleaned Article, or a Reject when no article text is left.

    `template` holds the source's learned template lines (normalised); they are
    removed from HTML and plain text alike.
    """
    cleaned = drop_template_paragraphs(clean_document(raw, options, template), template)
    if raw.truncated:  # the text was cut at input.max_clean_bytes: say so where removed lines are
        note = RemovedLine(raw.text.count("\n") + 1, f"[only the first {len(raw.text):,} characters of this "
                                                     f"{len(raw.content):,}-byte input were cleaned: "
                                                     f"input.max_clean_bytes]", "max_clean_bytes")
        cleaned = Cleaned(cleaned.title, cleaned.published, cleaned.paragraphs, cleaned.removed + (note,))
    if not cleaned.paragraphs:
        kind = "HTML page" if raw.media_type == HTML else "text"
        return Reject(raw.location, f"no article text found in this {kind} (all lines were boilerplate)",
                      raw.sha256)
    return Article(raw.location, raw.source, cleaned.title, cleaned.published,
                   cleaned.paragraphs, cleaned.removed)
