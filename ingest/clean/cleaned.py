"""The result type every cleaner returns."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import RemovedLine


@dataclass(frozen=True)
class Cleaned:
    """What a cleaner found in one document: metadata, body paragraphs, removed lines."""

    title: str | None
    published: str | None
    paragraphs: tuple[str, ...]
    removed: tuple[RemovedLine, ...]
    # what the page says of itself (HTML metadata), where it says it
    url: str | None = None
    site_name: str | None = None
    author: str | None = None
    language: str | None = None
    # UTF-8 bytes of the page's prose (ingest.clean.guard), where the cleaner measured it
    prose_bytes: int | None = None
