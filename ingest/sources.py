"""Finding input files and reading them into RawDocuments (or Rejects).

Files and folders (recursively, following links once) with the configured endings,
optionally gzip-compressed. Reading never raises for a bad file: it becomes a
Reject whose reason a person understands.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import zlib
from pathlib import Path
from typing import Iterator

from charset_normalizer import from_bytes

from .config import InputOptions
from .models import HTML, TEXT, RawDocument, Reject

_HTML_SNIFF = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")


def _wanted(name: str, options: InputOptions) -> bool:
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return lower.endswith(tuple(e.lower() for e in options.extensions))


def find_inputs(paths: list[str | Path], options: InputOptions) -> Iterator[Path | Reject]:
    """Every wanted file under the paths, in a stable order; missing paths and link loops are Rejects."""
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield Reject(str(path.absolute()), "no such file or folder")
            continue
        if path.is_file():
            yield path.absolute()
            continue
        seen: set[str] = set()
        for root, dirs, files in os.walk(path, followlinks=True):
            real = os.path.realpath(root)
            if real in seen:
                dirs[:] = []
                yield Reject(str(Path(root).absolute()), "folder is a link back into a folder already read (link loop); skipped")
                continue
            seen.add(real)
            dirs.sort()
            for name in sorted(files):
                if _wanted(name, options):
                    yield Path(root, name).absolute()


def _media_type(name: str, data: bytes) -> str:
    lower = name.lower().removesuffix(".gz")
    if lower.endswith((".html", ".htm")):
        return HTML
    head = data[:512].lstrip().lower()
    return HTML if head.startswith(_HTML_SNIFF) else TEXT


def decode(data: bytes) -> str | None:
    """Decode bytes as UTF-8, else as the encoding charset-normalizer detects; None if binary."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data[:8192]:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def read_bytes(path: Path, options: InputOptions) -> bytes | Reject:
    """The file's content, decompressed if it ends in .gz; a Reject if it cannot be read."""
    location = str(path)
    limit = options.max_file_bytes
    try:
        if path.stat().st_size > limit:
            return Reject(location, f"file is larger than the limit of {limit:,} bytes (input.max_file_bytes)")
        data = path.read_bytes()
    except PermissionError:
        return Reject(location, "permission denied: the file cannot be read")
    except IsADirectoryError:
        return Reject(location, "is a folder, not a file")
    except OSError as exc:
        return Reject(location, f"cannot read file: {exc.strerror or exc}")
    if not path.name.lower().endswith(".gz"):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            plain = fh.read(limit + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error, OSError) as exc:
        return Reject(location, f"broken gzip file: {exc}", hashlib.sha256(data).hexdigest())
    if len(plain) > limit:
        return Reject(location, f"decompressed content is larger than the limit of {limit:,} bytes "
                                f"(input.max_file_bytes)", hashlib.sha256(data).hexdigest())
    return plain


def read_document(path: Path, options: InputOptions, root_source: str | None = None) -> RawDocument | Reject:
    """Read one file into a RawDocument, or a Reject saying why it cannot be used."""
    data = read_bytes(path, options)
    if isinstance(data, Reject):
        return data
    location = str(path)
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        return Reject(location, "empty file", sha)
    text = decode(data)
    if text is None:
        return Reject(location, "binary file, or text in an encoding that could not be detected", sha)
    source = root_source or path.parent.name
    return RawDocument(location, sha, _media_type(path.name, data), data, text, source)


