"""Single-document inputs: an HTML page or a plain-text file, decoded for cleaning.

Also `clean_part`, which every reader uses to bound what is cleaned of an input.
"""

from __future__ import annotations

from ..decode import decode
from ..models import HTML, MARKDOWN, TEXT, RawDocument, Reject
from ..provenance import sniff_site
from .files import InputFile, source_of

HTML_SNIFF = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")


MARKDOWN_FILE = (".md", ".markdown")


def media_type(name: str, data: bytes) -> str:
    """HTML for a .html/.htm file or one whose first bytes open a page, Markdown for a .md
    or .markdown file, else plain text."""
    lower = name.lower().removesuffix(".gz")
    if lower.endswith((".html", ".htm")):
        return HTML
    if lower.endswith(MARKDOWN_FILE):
        return MARKDOWN
    head = data[:512].lstrip().lower()
    return HTML if head.startswith(HTML_SNIFF) else TEXT


def clean_part(data: bytes, limit: int, label: str | None = None) -> tuple[str | None, bool]:
    """The text to clean (at most `limit` bytes of the input, cut after a line break) and
    whether that is only a part of the input. `label` is the encoding the input's transport
    names (ingest.decode.decode).

    A larger document is cut, not rejected: its article is kept (its opening, which is
    where a news article is), the input is stored whole (nothing archived is lost, and a
    `reclean` with a larger limit cleans the rest), and the cut is recorded as a removed
    line with rule "max_clean_bytes". Cleaning costs memory and time in proportion to the
    text (a 45 MB file took 1 GB in a worker), so this bounds both by configuration.
    """
    if len(data) <= limit:
        return decode(data, label=label), False
    text = decode(data, limit, label)
    if text is None:
        return None, False
    cut = text.rfind("\n")
    if cut > 0:
        text = text[:cut + 1]
    else:
        cut = text.rfind(" ")  # one huge line: cut between words, if it has any
        text = text[:cut + 1] if cut > 0 else text
    return text, True


def document(item: InputFile, root_source: str | None, site_source: bool,
             max_clean_bytes: int | None) -> RawDocument | Reject:
    """A page or text file as a RawDocument, or a Reject if it is empty or binary."""
    data, location, sha = item.data, item.location, item.sha256
    if not data or data.isspace():  # isspace stops at the first other byte; strip() would copy
        return Reject(location, "empty file" if not data else "empty file (only whitespace)", sha)
    text, truncated = clean_part(data, max_clean_bytes or len(data))
    if text is None:
        return Reject(location, "binary file, or text in an encoding that could not be detected", sha)
    kind = media_type(item.path.name, data)
    site = sniff_site(text) if site_source and kind == HTML else None
    return RawDocument(location, sha, kind, data, text, source_of(item, site, root_source), truncated, len(data))
