"""The raw inputs' bytes as raw_documents keeps them: compressed, recoverable exactly.

`raw_documents.content` holds an input's bytes as `content_encoding` says: 'zstd' (a
Zstandard frame, which records the content's size) or NULL (the bytes as read: rows of
archives made before inputs were compressed, and inputs that do not get smaller).
Every reader gets the bytes through `decode` (or `raw_content`), never from the column.

Zstandard (the `zstandard` package), level 3, not the standard library's zlib:
measured on the benchmark's plain-text corpus (6 KB an input) it compresses 2.25x
against zlib 6's 2.40x, but in 34 us an input against 148 us, in the writer process
whose time bounds the ingest; on the eval HTML pages (150 KB each) it compresses 5.5x
against zlib 6's 5.2x, at 480 MB/s against 74 MB/s, and it decompresses 2-3x faster.
One call compresses a whole input: the writer holds an input's bytes anyway, and the
compressed copy is smaller than they are, so memory stays bounded by input.max_file_bytes.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache

ZSTD = "zstd"
LEVEL = 3


@lru_cache(maxsize=1)
def _compressor():
    import zstandard  # imported here: a search or a datasette page never needs it

    return zstandard.ZstdCompressor(level=LEVEL)


@lru_cache(maxsize=1)
def _decompressor():
    import zstandard

    return zstandard.ZstdDecompressor()


def encode(content: bytes) -> tuple[bytes, str | None]:
    """(stored bytes, content_encoding) of an input: compressed when that makes it smaller."""
    packed = _compressor().compress(content)
    if len(packed) < len(content):
        return packed, ZSTD
    return content, None


def decode(stored: bytes | str | None, encoding: str | None) -> bytes | None:
    """An input's bytes, exactly as read, from its stored content and content_encoding."""
    if stored is None:
        return None
    if isinstance(stored, str):  # a TEXT value some tool wrote: its UTF-8 bytes, as SQLite keeps them
        stored = stored.encode("utf-8", "surrogatepass")
    if encoding is None:
        return bytes(stored)
    if encoding == ZSTD:
        return _decompressor().decompress(stored)
    raise ValueError(f"raw_documents.content_encoding {encoding!r} is not one this newsarchive reads "
                     f"(zstd or NULL); upgrade newsarchive")


def has_encoding(conn: sqlite3.Connection) -> bool:
    """Whether the archive's raw_documents has content_encoding (archives made before
    inputs were compressed have not, until opened for writing)."""
    return any(row[1] == "content_encoding" for row in conn.execute("PRAGMA table_info(raw_documents)"))


def content_sql(conn: sqlite3.Connection, alias: str = "") -> str:
    """The SQL for the two columns `decode` takes, of raw_documents (as `alias`)."""
    prefix = f"{alias}." if alias else ""
    encoding = f"{prefix}content_encoding" if has_encoding(conn) else "NULL"
    return f"{prefix}content, {encoding}"


def raw_content(conn: sqlite3.Connection, raw_id: int) -> bytes | None:
    """The bytes of the stored input with this id (None if there is none)."""
    row = conn.execute(f"SELECT {content_sql(conn)} FROM raw_documents WHERE id = ?", [raw_id]).fetchone()
    return decode(*row) if row else None
