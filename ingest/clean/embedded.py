"""The article a page carries in its scripts, for pages whose markup holds none of it.

Pages that JavaScript renders (the state a React, Next.js or Nuxt page ships for the
browser, JSON-LD's `articleBody`) carry the article as a string inside a <script>.
trafilatura and readability read only the markup, so such a page cleans to its
headline and menus, and the guard (ingest.clean.guard) then rejects it: the article
would be lost. Here, only for such a page, the scripts' JSON string literals are
read (a page whose markup body has under MIN_EMBEDDED_PROSE bytes of prose, or one the
guard would reject): one that holds HTML paragraphs (two or more <p> or <br>) is read as HTML, a
JSON-LD `articleBody` as plain text, and the one with the most prose (long lines, in
UTF-8 bytes) becomes the body when it holds at least EMBEDDED_FACTOR times the prose
the markup gave. Its lines then go through the shape rules, as a scraper's body does
(ingest.clean.html.extracted_text). The lines it replaces are kept as removed lines
(rule "extractor:embedded").

Bounded: the page is the cleaner's (input.max_clean_bytes), the literal pattern
runs in linear time (possessive), at most MAX_LITERALS long literals are decoded,
and this runs only for pages whose markup gave no article.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator

from . import rules as R
from .cleaned import Cleaned
from .guard import lost_body_reason, prose_bytes
from .html import extracted_text
from .htmltext import tree_to_lines
from .pagetree import parse_markup
from ..models import RemovedLine

# A string shorter than this (characters, escapes included) holds no article.
MIN_LITERAL_CHARS = 400
# Decode at most this many long literals of a page (a page of data has thousands).
MAX_LITERALS = 200
# The embedded body must hold this many times the prose of the body it replaces.
EMBEDDED_FACTOR = 10
# ...and at least this much prose (UTF-8 bytes: a few sentences).
MIN_EMBEDDED_PROSE = 300
# A decoded string with this many paragraph tags is HTML.
MIN_PARAGRAPH_TAGS = 2

_LITERAL = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_ARTICLE_BODY = re.compile(r'"articleBody"\s*+:\s*+("(?:[^"\\]++|\\.)*+")', re.DOTALL)
_PARAGRAPH_TAG = re.compile(r"<(?:p|br)\b", re.IGNORECASE)


def _scripts(html: str) -> Iterator[tuple[bool, str]]:
    """(is JSON-LD, text) of each <script> of the page."""
    root = parse_markup(html)
    if root is None:
        return
    for script in root.iter("script"):
        text = script.text or ""
        if len(text) >= MIN_LITERAL_CHARS:
            yield "ld+json" in (script.get("type") or "").lower(), text


def _decoded(literal: str) -> str | None:
    try:
        value = json.loads(literal)
    except ValueError:  # a JavaScript string JSON does not read (\x escapes, ...)
        return None
    return value if isinstance(value, str) else None


def _lines(value: str, as_html: bool) -> list[str]:
    """A decoded string's lines: block lines of its HTML, else its own lines."""
    if as_html:
        root = parse_markup(value)
        if root is None:
            return []
        lines = tree_to_lines(root).splitlines()
    else:
        lines = value.splitlines()
    return [line.strip() for line in lines if line.strip()]


def embedded_body(html: str) -> list[str]:
    """The lines of the article a page carries in its scripts (the candidate with the most
    prose), or [] when none holds MIN_EMBEDDED_PROSE."""
    best: list[str] = []
    best_prose = MIN_EMBEDDED_PROSE - 1
    decoded = 0
    for is_json_ld, text in _scripts(html):
        pattern = _ARTICLE_BODY if is_json_ld else _LITERAL
        for match in pattern.finditer(text):
            literal = match.group(match.lastindex or 0)
            if len(literal) < MIN_LITERAL_CHARS:
                continue
            if decoded >= MAX_LITERALS:
                return best
            decoded += 1
            value = _decoded(literal)
            if value is None:
                continue
            as_html = len(_PARAGRAPH_TAG.findall(value, 0, 100_000)) >= MIN_PARAGRAPH_TAGS
            if not (as_html or is_json_ld):
                continue
            lines = _lines(value, as_html)
            prose = prose_bytes(lines)
            if prose > best_prose:
                best, best_prose = lines, prose
    return best


def _lost(cleaned: Cleaned, min_share: float) -> bool:
    """Whether the markup's body is no article: empty, less prose than MIN_EMBEDDED_PROSE
    ("Loading…"), or a share of the page the guard rejects."""
    if prose_bytes(cleaned.paragraphs) < MIN_EMBEDDED_PROSE:
        return True
    if cleaned.prose_bytes is None:
        return False
    return lost_body_reason(cleaned.paragraphs, cleaned.prose_bytes, min_share) is not None


def with_embedded_body(cleaned: Cleaned, html: str, min_share: float) -> Cleaned:
    """The cleaned page, its body replaced by the article its scripts carry when the markup
    gave none (_lost) and the scripts' holds EMBEDDED_FACTOR times its prose."""
    if not _lost(cleaned, min_share):
        return cleaned
    body = embedded_body(html)
    if not body or prose_bytes(body) < EMBEDDED_FACTOR * prose_bytes(cleaned.paragraphs):
        return cleaned
    shaped = extracted_text("\n".join(body), cleaned.title)  # share rows, ad markers, ... as in any reading
    if not shaped.paragraphs:
        return cleaned
    replaced = tuple(RemovedLine(no, line, R.EXTRACTOR_EMBEDDED) for no, line in enumerate(cleaned.paragraphs))
    return dataclasses.replace(cleaned, paragraphs=shaped.paragraphs,
                               removed=cleaned.removed + replaced + shaped.removed)
