"""The raw inputs' bytes as raw_documents keeps them: compressed, recoverable exactly.

`raw_documents.content` holds an input's bytes as `content_encoding` says: 'zstd' (a
Zstandard frame, which records the content's size, a checksum, and the id of the
dictionary it was compressed with, if any) or NULL (the bytes as read: rows of archives
made before inputs were compressed, and inputs that do not get smaller). Every reader
gets the bytes through `decode` or `raw_content`, never from the column.

Zstandard (the `zstandard` package), level 3, not the standard library's zlib:
measured on the benchmark's plain-text corpus (6 KB an input) it compresses 2.25x
against zlib 6's 2.40x, but in 34 us an input against 148 us, in the writer process
whose time bounds the ingest; on the eval HTML pages (150 KB each) it compresses 5.5x
against zlib 6's 5.2x, at 480 MB/s against 74 MB/s, and it decompresses 2-3x faster.

A dictionary: small inputs share most of what makes them compressible (a site's
template, a language's words) with each other, not within themselves. Once an archive
holds TRAIN_AFTER inputs, the writer trains a dictionary (DICTIONARY_BYTES) on the
latest TRAIN_SAMPLES of them and keeps it in `_raw_dictionaries` (id = the id zstd
writes into each frame); later inputs are compressed with it. On the benchmark's
corpus that takes 0.14 s once and compresses 3.3x instead of 2.25x (large HTML pages
gain little: 6.0x instead of 5.9x). Inputs stored before keep their encoding.

One call compresses a whole input: the writer holds an input's bytes anyway, and the
compressed copy is smaller than they are, so memory stays bounded by
input.max_file_bytes.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from functools import lru_cache

ZSTD = "zstd"
LEVEL = 3
DICTIONARIES = "_raw_dictionaries"
TRAIN_AFTER = 500  # inputs stored before a dictionary is trained
TRAIN_SAMPLES = 1000  # the latest inputs it is trained on (at most TRAIN_BYTES of them)
TRAIN_BYTES = 16 * 2**20
DICTIONARY_BYTES = 110 * 1024  # zstd's own default size


class DamagedContent(ValueError):
    """A stored input's bytes no longer read back (the archive file was damaged where they lie)."""


def _zstd():
    import zstandard  # imported here: a search or a datasette page never needs it

    return zstandard


@lru_cache(maxsize=1)
def _compressor():
    return _zstd().ZstdCompressor(level=LEVEL, write_checksum=True)


@lru_cache(maxsize=1)
def _decompressor():
    return _zstd().ZstdDecompressor()


# decompressors of the dictionaries met, by id (zstd's random 32-bit id; should two
# archives' dictionaries share one, the frame's checksum fails and the dictionary is
# read again from the archive at hand)
_DICTIONARY_DECOMPRESSORS: dict[int, object] = {}


def create_table(conn: sqlite3.Connection) -> None:
    """The table of compression dictionaries (internal: hidden in datasette)."""
    conn.execute(f"CREATE TABLE IF NOT EXISTS {DICTIONARIES} (id INTEGER PRIMARY KEY, dictionary BLOB NOT NULL, "
                 f"samples INTEGER NOT NULL)")


def encode(content: bytes, compressor=None) -> tuple[bytes, str | None]:
    """(stored bytes, content_encoding) of an input: compressed (with the dictionary of
    `compressor`, a RawCompressor's) when that makes it smaller."""
    packed = (compressor or _compressor()).compress(content)
    if len(packed) < len(content):
        return packed, ZSTD
    return content, None


def decode(stored: bytes | str | None, encoding: str | None, conn: sqlite3.Connection | None = None) -> bytes | None:
    """An input's bytes, exactly as read, from its stored content and content_encoding
    (`conn`: the archive, for a frame compressed with one of its dictionaries)."""
    if stored is None:
        return None
    if isinstance(stored, str):  # a TEXT value some tool wrote: its UTF-8 bytes, as SQLite keeps them
        stored = stored.encode("utf-8", "surrogatepass")
    if encoding is None:
        return bytes(stored)
    if encoding != ZSTD:
        raise ValueError(f"raw_documents.content_encoding {encoding!r} is not one this newsarchive reads "
                         f"(zstd or NULL); upgrade newsarchive")
    try:
        return _decompressed(stored, conn)
    except _zstd().ZstdError as exc:  # zstd checks each frame's checksum: a damaged page tells
        raise DamagedContent(f"its stored bytes do not decompress ({exc})") from None


def _decompressed(stored: bytes, conn: sqlite3.Connection | None) -> bytes:
    dict_id = _zstd().get_frame_parameters(stored).dict_id
    if not dict_id:
        return _decompressor().decompress(stored)
    if conn is None:
        raise ValueError("this input was compressed with a dictionary of its archive: pass the archive's connection")
    cached = _DICTIONARY_DECOMPRESSORS.get(dict_id)
    if cached is not None:
        try:
            return cached.decompress(stored)
        except _zstd().ZstdError:  # another archive's dictionary of the same id: the checksum tells
            pass
    row = conn.execute(f"SELECT dictionary FROM {DICTIONARIES} WHERE id = ?", [dict_id]).fetchone()
    if row is None:
        raise ValueError(f"raw input compressed with dictionary {dict_id}, which {DICTIONARIES} lacks")
    _DICTIONARY_DECOMPRESSORS[dict_id] = _zstd().ZstdDecompressor(dict_data=_zstd().ZstdCompressionDict(row[0]))
    return _DICTIONARY_DECOMPRESSORS[dict_id].decompress(stored)


def has_encoding(conn: sqlite3.Connection) -> bool:
    """Whether the archive's raw_documents has content_encoding (archives made before
    inputs were compressed have not, until opened for writing)."""
    return any(row[1] == "content_encoding" for row in conn.execute("PRAGMA table_info(raw_documents)"))


def content_sql(conn: sqlite3.Connection, alias: str = "") -> str:
    """The SQL for the two columns `decode` takes, of raw_documents (as `alias`)."""
    prefix = f"{alias}." if alias else ""
    encoding = f"{prefix}content_encoding" if has_encoding(conn) else "NULL"
    return f"{prefix}content, {encoding}"


def damaged_inputs(conn: sqlite3.Connection) -> Iterator[str]:
    """What is wrong with each stored input that no longer reads back as the bytes it was
    archived as: its content does not decompress, or its SHA-256 is not the one recorded.
    Every input is read, one at a time (`newsarchive check --full`)."""
    rows = conn.execute(f"SELECT id, sha256, {content_sql(conn)} FROM raw_documents ORDER BY id")
    for raw_id, sha256, stored, encoding in rows:
        try:
            read_back(stored, encoding, sha256, conn)
        except ValueError as exc:  # DamagedContent, or an encoding or dictionary the archive lacks
            yield f"raw input {raw_id}: {exc}"


def read_back(stored: bytes | str | None, encoding: str | None, sha256: str,
              conn: sqlite3.Connection | None = None) -> bytes | None:
    """`decode`, and DamagedContent where the bytes are not the ones archived under `sha256`."""
    content = decode(stored, encoding, conn)
    if content is not None and hashlib.sha256(content).hexdigest() != sha256:
        raise DamagedContent("its stored bytes are not the ones archived (SHA-256 differs)")
    return content


def raw_content(conn: sqlite3.Connection, raw_id: int) -> bytes | None:
    """The bytes of the stored input with this id (None if there is none)."""
    row = conn.execute(f"SELECT {content_sql(conn)} FROM raw_documents WHERE id = ?", [raw_id]).fetchone()
    return decode(*row, conn) if row else None


class RawCompressor:
    """The writer's compressor: with the archive's latest dictionary, once it has one."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._compressor = None
        self._untrainable = False  # training failed once (too few or too alike inputs): not again this run
        self._load()

    def _load(self) -> None:
        row = self.conn.execute(f"SELECT dictionary FROM {DICTIONARIES} ORDER BY rowid DESC LIMIT 1").fetchone() \
            if self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [DICTIONARIES]).fetchone() else None
        if row is not None:
            dictionary = _zstd().ZstdCompressionDict(row[0])
            dictionary.precompute_compress(level=LEVEL)  # digested once, not at every input
            self._compressor = _zstd().ZstdCompressor(level=LEVEL, write_checksum=True, dict_data=dictionary)

    def maybe_train(self) -> bool:
        """Train the archive's dictionary if it has none and holds TRAIN_AFTER inputs
        (inside the caller's transaction); whether it did."""
        if self._compressor is not None or self._untrainable:
            return False
        self._load()  # one may have been carried over (reclean)
        if self._compressor is not None:
            return False
        if self.conn.execute("SELECT count(*) FROM (SELECT 1 FROM raw_documents LIMIT ?)",
                             [TRAIN_AFTER]).fetchone()[0] < TRAIN_AFTER:
            return False
        samples, size = [], 0
        for raw_id, length in self.conn.execute("SELECT id, length(content) FROM raw_documents ORDER BY id DESC "
                                                "LIMIT ?", [TRAIN_SAMPLES]).fetchall():
            if size + (length or 0) > TRAIN_BYTES:
                continue
            content = raw_content(self.conn, raw_id)
            if content and size + len(content) <= TRAIN_BYTES:
                samples.append(content)
                size += len(content)
        try:
            trained = _zstd().train_dictionary(DICTIONARY_BYTES, samples)
        except Exception:  # noqa: BLE001 - too few or too alike samples: stay without one
            self._untrainable = True
            return False
        self.conn.execute(f"INSERT OR IGNORE INTO {DICTIONARIES} (id, dictionary, samples) VALUES (?, ?, ?)",
                          [trained.dict_id(), trained.as_bytes(), len(samples)])
        self._load()
        return True

    def compress(self, content: bytes) -> bytes:
        """A zstd frame of the content (with the dictionary, if the archive has one)."""
        return (self._compressor or _compressor()).compress(content)
