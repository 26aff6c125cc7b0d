"""Scraped articles as JSON Lines: one article a line, as news-please, fundus, Scrapy,
newspaper4k and trafilatura's JSON output write them.

A .jsonl (or .ndjson, optionally .gz) file is read as a file and then split into one
input per line: its location is the file's with `#L<line number>`, its raw bytes are
the line's (kept byte for byte, so the file is the concatenation of what the archive
holds), and it is deduplicated and retried like any file. A line that is not a JSON
object, or has no article text, is a reject that names the line; the rest of the file
is read. The body is the record's HTML (cleaned as a page) or else its text (cleaned
as plain text); its URL, title, date, author and site come from the record's fields,
tried in the order the config lists them (`input.record_*_fields`), and win over what
the cleaner reads from the body. When it was fetched (news-please's `date_download`, a
`fetched_at` or `crawled_at`) is kept with the sighting.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any, Iterator

from ..config import InputOptions
from ..models import HTML, MARKDOWN, TEXT, RawDocument, RecordMeta, Reject
from ..provenance import canonical_url, fetch_time, site_of
from .files import InputFile, source_of

RECORD_FILE = (".jsonl", ".ndjson")
# A record's location: its file's, then #L and its line number.
_RECORD_LOCATION = re.compile(r"\.(?:jsonl|ndjson)(?:\.gz)?#L\d+$", re.IGNORECASE)


def is_file(name: str) -> bool:
    """Whether a file (by name) holds one scraped article a line."""
    return name.lower().removesuffix(".gz").endswith(RECORD_FILE)


def is_location(location: str) -> bool:
    """Whether a stored location names one line of a record file."""
    return _RECORD_LOCATION.search(location) is not None


def split_lines(data: bytes, location: str) -> Iterator[tuple[str, bytes]]:
    """(location of the line, the line's bytes) for each non-blank line of a record file."""
    for number, line in enumerate(data.split(b"\n"), 1):
        if line.strip():
            yield f"{location}#L{number}", line


def line_sha256(line: bytes) -> str:
    """The sha256 of a record's bytes (its identity, as a file's bytes are a file's)."""
    return hashlib.sha256(line).hexdigest()


def _first(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):  # authors: ["A", "B"]
        value = ", ".join(str(v) for v in value if v not in (None, ""))
    if isinstance(value, dict):  # {"name": ...} as some scrapers write an author or publisher
        value = value.get("name") or value.get("title") or ""
    text = " ".join(str(value).split())
    return text or None


def parse(line: bytes, location: str, sha256: str, options: InputOptions) -> tuple[str, str, RecordMeta] | Reject:
    """A record's body, its media type (HTML, TEXT or MARKDOWN: the kind of field it came
    from) and its metadata; or a Reject naming the line."""
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return Reject(location, f"not a JSON line ({exc.__class__.__name__}: {exc})"[:300], sha256)
    except RecursionError:  # [[[[... a few thousand deep: json's decoder recurses
        return Reject(location, "a JSON value nested too deeply to read, not an article", sha256)
    if not isinstance(record, dict):
        return Reject(location, f"a JSON {type(record).__name__}, not an object with an article", sha256)
    for fields, kind in ((options.record_html_fields, HTML), (options.record_text_fields, TEXT),
                         (options.record_markdown_fields, MARKDOWN)):
        body = _first(record, fields)
        if isinstance(body, str) and body.strip():
            break
    else:
        wanted = ", ".join(options.record_html_fields + options.record_text_fields
                           + options.record_markdown_fields)
        return Reject(location, f"no article text in this record (looked for {wanted}: "
                                f"set input.record_text_fields)", sha256)
    meta = RecordMeta(url=_text(_first(record, options.record_url_fields)),
                      title=_text(_first(record, options.record_title_fields)),
                      published=_text(_first(record, options.record_date_fields)),
                      author=_text(_first(record, options.record_author_fields)),
                      site=_text(_first(record, options.record_site_fields)),
                      fetched_at=fetch_time(_text(_first(record, options.record_fetched_fields))))
    return body, kind, meta


def split(item: InputFile) -> list[InputFile]:
    """The file as one input a non-blank line."""
    return [InputFile(item.path, location, line_sha256(line), line)
            for location, line in split_lines(item.data, item.location)]


def document(item: InputFile, root_source: str | None, site_source: bool,
             options: InputOptions) -> RawDocument | Reject:
    """One line as a RawDocument with the record's own fields (RecordMeta), or a Reject naming it."""
    parsed = parse(item.data, item.location, item.sha256, options)
    if isinstance(parsed, Reject):
        return parsed
    body, kind, meta = parsed
    cut = body[:options.max_clean_bytes]
    site = (meta.site or (site_of(canonical_url(meta.url), None) if meta.url else None)) if site_source else None
    return RawDocument(item.location, item.sha256, kind, item.data, cut,
                       source_of(item, site, root_source), len(cut) < len(body), len(item.data), meta)
