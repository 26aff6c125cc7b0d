"""Frozen records that flow between the pipeline's stages (see DESIGN.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

TEXT = "text/plain"
HTML = "text/html"
MARKDOWN = "text/markdown"  # text as scrapers save pages in Markdown (ingest.clean.markdown)


@dataclass(frozen=True)
class RecordMeta:
    """What a record (a JSON line, a WARC record, a feed entry: ingest.sources) says of its article, beside its body."""

    url: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    site: str | None = None
    fetched_at: str | None = None  # when the crawler fetched it (ISO 8601), where the input says


@dataclass(frozen=True)
class RawDocument:
    """One input as read from disk: decoded text plus where it came from."""

    location: str
    sha256: str
    media_type: str
    content: bytes
    text: str
    source: str
    truncated: bool = False  # `text` is only the first part of `content` (input.max_clean_bytes)
    size: int = 0  # len(content) as read: workers get the document without its bytes
    meta: RecordMeta | None = None  # for a record (JSON line, WARC record, feed entry): its own fields


@dataclass(frozen=True)
class Reject:
    """An input that could not be taken, with a reason a person understands, on one line
    (a library's error text may hold line breaks: they become spaces)."""

    location: str
    reason: str
    sha256: str | None = None

    def __post_init__(self) -> None:
        if "\n" in self.reason or "\r" in self.reason:
            object.__setattr__(self, "reason", " ".join(self.reason.split()))


@dataclass(frozen=True)
class Skipped:
    """A record of a file that is not an article and is passed over on purpose (a WARC
    request, metadata or revisit record, a response that is not HTML): counted, not kept."""

    location: str
    kind: str  # what it is, e.g. "request", "revisit", "response (image/jpeg)"


class RemovedLine(NamedTuple):
    """A line the cleaner dropped, with its position and the rule that dropped it.

    A NamedTuple, not a dataclass: a page yields hundreds and this is faster to build.
    """

    line_no: int
    text: str
    rule: str


@dataclass(frozen=True)
class Article:
    """A cleaned article: what the archive stores as text."""

    location: str
    source: str
    title: str | None
    published: str | None
    paragraphs: tuple[str, ...]
    removed: tuple[RemovedLine, ...] = field(default_factory=tuple)
    url: str | None = None  # as found in the input
    canonical_url: str | None = None  # ingest.provenance.canonical_url
    site: str | None = None
    author: str | None = None
    language: str | None = None

    @property
    def text(self) -> str:
        """The kept paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)
