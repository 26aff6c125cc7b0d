"""WARC files (CC-NEWS, Browsertrix, Heritrix, `wget --warc-file`): one input per HTML response.

A .warc (or .warc.gz, read decompressed like any .gz input) is split by warcio into its
records. Each `response` record whose HTTP Content-Type is HTML is an input of its own:
its location is the file's with `#<offset>` (the record's offset in the decompressed
file), its raw bytes the whole record (WARC and HTTP headers and payload, byte for byte),
its URL the record's WARC-Target-URI and its fetch time (kept with the sighting) its
WARC-Date. Request, metadata, revisit, warcinfo and non-HTML records are passed over as
`Skipped` records (the run's summary counts them by kind); a truncated or unreadable record
is a reject that names its offset, and the records before it are read. What warcio writes
of a damaged record to stderr itself, or logs, stays out of the run's output: the reject says it.
"""

from __future__ import annotations

import hashlib
import logging
import re
from contextlib import redirect_stderr
from io import BytesIO, StringIO
from typing import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..decode import content_type_charset
from ..models import HTML, RawDocument, RecordMeta, Reject, Skipped
from ..provenance import canonical_url, fetch_time, site_of, sniff_site
from .files import InputFile, source_of
from .pages import clean_part

WARC_FILE = ".warc"
# What warcio raises on a damaged record: its own error, a bad number or a cut stream, and an
# AttributeError where a record's header lacks its WARC-Target-URI (warcio 1.8 reads None's
# startswith). Each ends the file's reading with a reject that names the record's offset.
_UNREADABLE = (ArchiveLoadFailed, ValueError, EOFError, OSError, AttributeError)
# warcio logs a WARC-Target-URI it mends ("Replacing spaces in invalid WARC-Target-URI"): with no
# handler of the program's own, Python printed that to a nightly run's output.
logging.getLogger("warcio").addHandler(logging.NullHandler())
logging.getLogger("warcio").propagate = False
_WARC_LOCATION = re.compile(r"\.warc(?:\.gz)?#\d+$", re.IGNORECASE)


def is_file(name: str) -> bool:
    """Whether a file (by name) is a WARC file."""
    return name.lower().removesuffix(".gz").endswith(WARC_FILE)


def is_location(location: str) -> bool:
    """Whether a stored location names one record of a WARC file."""
    return _WARC_LOCATION.search(location) is not None


def _is_html_response(record) -> bool:
    return _skipped_kind(record) is None


def _skipped_kind(record) -> str | None:
    """None for an HTML response record; else what the record is, for the skipped count."""
    if record.rec_type != "response":
        return str(record.rec_type or "unknown")[:40]
    if record.http_headers is None:
        return "response (not HTTP)"
    kind = (record.http_headers.get_header("Content-Type") or "").lower()
    if "html" in kind:
        return None
    return f"response ({kind.split(';')[0].strip()[:40] or 'no content type'})"


def split_records(data: bytes, location: str) -> Iterator[tuple[str, str, bytes] | Reject | Skipped]:
    """(location, sha256, the record's bytes) of each HTML response record; a Skipped for
    every other record; a Reject for a truncated or unreadable record (the rest of the file
    cannot be found after it)."""
    iterator = ArchiveIterator(BytesIO(data))
    records = iter(iterator)
    end = 0
    while True:
        try:
            with redirect_stderr(StringIO()):  # warcio writes its own warnings of a damaged record there
                record = next(records, None)
                if record is None:
                    break
                skipped = _skipped_kind(record)
                iterator.read_to_end()
        except _UNREADABLE as exc:
            why = (f"its header has no WARC-Target-URI, which warcio needs ({exc})" if isinstance(exc, AttributeError)
                   else f"{type(exc).__name__}: {exc}")
            yield Reject(f"{location}#{end}", f"unreadable WARC record ({why})"[:300],
                         f"warc:{hashlib.sha256(data[end:]).hexdigest()}")
            return
        offset, length = iterator.get_record_offset(), iterator.get_record_length()
        end = offset + length
        if skipped is not None:
            yield Skipped(f"{location}#{offset}", skipped)
        else:
            raw = data[offset:end]
            yield f"{location}#{offset}", hashlib.sha256(raw).hexdigest(), raw
    if data[end:].strip():
        yield Reject(f"{location}#{end}", "truncated WARC record: the file ends inside it",
                     f"warc:{hashlib.sha256(data[end:]).hexdigest()}")


def parse(raw: bytes) -> tuple[bytes, RecordMeta, str | None] | None:
    """The HTML payload of one stored response record, its URL and the charset its HTTP
    Content-Type names, or None if it has no HTML payload."""
    try:
        with redirect_stderr(StringIO()):
            record = next(iter(ArchiveIterator(BytesIO(raw))), None)
            if record is None or not _is_html_response(record):
                return None
            payload = record.content_stream().read()
    except _UNREADABLE:
        return None
    headers = record.rec_headers
    charset = content_type_charset(record.http_headers.get_header("Content-Type") or "")
    return payload, RecordMeta(url=headers.get_header("WARC-Target-URI"),
                               fetched_at=fetch_time(headers.get_header("WARC-Date"))), charset


def split(item: InputFile) -> list[InputFile | Reject | Skipped]:
    """The file as one input an HTML response record, a Skipped for every other record
    and a Reject for a truncated one."""
    return [part if isinstance(part, (Reject, Skipped)) else InputFile(item.path, *part)
            for part in split_records(item.data, item.location)]


def document(item: InputFile, root_source: str | None, site_source: bool,
             max_clean_bytes: int | None) -> RawDocument | Reject:
    """One stored response record as a RawDocument (its page to clean, its URL), or a Reject."""
    parsed = parse(item.data)
    if parsed is None:
        return Reject(item.location, "not an HTML response record of a WARC file", item.sha256)
    payload, meta, charset = parsed
    text, truncated = clean_part(payload, max_clean_bytes or len(payload), charset) if payload.strip() else (None, False)
    if text is None:
        return Reject(item.location, "the WARC record's page is empty, binary, or in an encoding that could "
                                     "not be detected", item.sha256)
    site = (sniff_site(text) or site_of(canonical_url(meta.url), None)) if site_source else None
    return RawDocument(item.location, item.sha256, HTML, item.data, text, source_of(item, site, root_source),
                       truncated, len(item.data), meta)
