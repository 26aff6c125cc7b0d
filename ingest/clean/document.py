"""clean(raw, options) -> Article: dispatch to the HTML or plain-text cleaner."""

from __future__ import annotations

import dataclasses

from .cleaned import Cleaned
from ..config import CleanOptions
from .dumps import without_link_numbers
from .embedded import with_embedded_body
from .guard import lost_body_reason, prose_bytes
from .html import clean_html, extracted_text
from .htmltext import html_to_lines
from .linkhints import without_hints
from .markdown import headline_line, link_characters, looks_like_markdown, markdown_to_text, paragraphs
from .recorddate import record_date
from ..models import HTML, MARKDOWN, Article, RawDocument, Reject, RemovedLine
from ..normalize import normalize_text
from .text import clean_text
from ..provenance import canonical_url, detect_language, site_of
from store.textform import typed_form


def clean_document(raw: RawDocument, options: CleanOptions,
                   template: frozenset[str] = frozenset()) -> Cleaned:
    """Run the cleaner that fits the document's media type (a scraped record's text is
    already an article body: only its shape rules run, see html.extracted_text). Markdown
    (a .md file, a record's markdown field, or text that looks_like_markdown) loses its
    markup first (ingest.clean.markdown), a text browser's dump its link numbers
    (ingest.clean.dumps). The text is read, and its title and body are
    given, as readers type them (store.textform: composed, without soft hyphens, which an
    HTML page's entities may bring back), so that search finds their words, and without the
    hints for screen readers that a link opens a new tab (ingest.clean.linkhints)."""
    cleaned = _cleaned(raw, options, template)
    if raw.media_type != HTML and raw.meta is None:  # (the text cleaner takes them out itself)
        return cleaned
    body = "\n".join(cleaned.paragraphs)
    if without_hints(body) is body:  # (one scan of the body for each opening character)
        return cleaned
    return dataclasses.replace(cleaned, paragraphs=tuple(filter(None, map(without_hints, cleaned.paragraphs))))


def _cleaned(raw: RawDocument, options: CleanOptions, template: frozenset[str]) -> Cleaned:
    source = typed_form(raw.text)
    if raw.media_type == HTML:
        cleaned = with_embedded_body(clean_html(source, options), source, options.min_body_share)
        return dataclasses.replace(cleaned, title=cleaned.title and typed_form(cleaned.title),
                                   paragraphs=tuple(map(typed_form, cleaned.paragraphs)))
    markdown = raw.media_type == MARKDOWN or looks_like_markdown(source)
    text = markdown_to_text(source) if markdown else without_link_numbers(source)
    if raw.meta is not None:
        return extracted_text(text, raw.meta.title and typed_form(raw.meta.title))
    return clean_text(text, options, template, saved_widths=not markdown,
                      paragraph_nos=paragraphs(source) if markdown else None,
                      links=link_characters(source) if markdown else None,
                      headline=headline_line(source) if markdown else None)


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
    return dataclasses.replace(cleaned, paragraphs=tuple(kept), removed=tuple(removed))


def clean(raw: RawDocument, options: CleanOptions,
          template: frozenset[str] = frozenset()) -> Article | Reject:
    """A cleaned Article, or a Reject when no article text is left.

    `template` holds the source's learned template lines (normalised); they are
    removed from HTML and plain text alike. A body that is only a sliver of the
    page's prose (ingest.clean.guard) is rejected with that reason: archived, such
    leftover chrome would stand for the article, and two stories with the same
    chrome would become one.
    """
    cleaned = drop_template_paragraphs(clean_document(raw, options, template), template)
    if raw.truncated:  # the text was cut at input.max_clean_bytes: say so where removed lines are
        note = RemovedLine(raw.text.count("\n") + 1, f"[only the first {len(raw.text):,} characters of this "
                                                     f"{raw.size or len(raw.content):,}-byte input were cleaned: "
                                                     f"input.max_clean_bytes]", "max_clean_bytes")
        cleaned = dataclasses.replace(cleaned, removed=cleaned.removed + (note,))
    kind = "HTML page" if raw.media_type == HTML else "text"
    if not cleaned.paragraphs:
        return Reject(raw.location, f"no article text found in this {kind} (all lines were boilerplate)",
                      raw.sha256)
    min_share = options.min_body_share
    if min_share > 0:
        prose = cleaned.prose_bytes
        if prose is None:
            prose = prose_bytes(html_to_lines(raw.text).splitlines() if raw.media_type == HTML
                                else raw.text.splitlines())
        reason = lost_body_reason(cleaned.paragraphs, prose, min_share, (r.rule for r in cleaned.removed))
        if reason:
            return Reject(raw.location, f"no article text found in this {kind}: {reason}", raw.sha256)
    if raw.meta is not None:  # a scraped record's own fields win over what the body says
        meta = raw.meta
        published = record_date(meta.published, meta.fetched_at) if meta.published else None  # ISO 8601
        cleaned = dataclasses.replace(cleaned, title=typed_form(meta.title or "") or cleaned.title,
                                      published=published or cleaned.published, url=meta.url or cleaned.url,
                                      author=typed_form(meta.author or "") or cleaned.author,
                                      site_name=meta.site or cleaned.site_name)
    canonical = canonical_url(cleaned.url)
    language = cleaned.language
    if language is None and options.detect_language:
        language = detect_language("\n".join(cleaned.paragraphs[:20]))
    return Article(raw.location, raw.source, cleaned.title, cleaned.published,
                   cleaned.paragraphs, cleaned.removed, url=cleaned.url, canonical_url=canonical,
                   site=site_of(canonical or cleaned.url, cleaned.site_name),
                   author=(cleaned.author or "").strip()[:300] or None, language=language)
