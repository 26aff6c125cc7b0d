"""Finding input files and reading their bytes (ingest.sources splits and decodes them).

Files and folders (recursively, following links once) with the configured endings,
optionally gzip-compressed. Reading never raises and never hangs for a bad file:
it becomes a Reject whose reason a person understands. Only regular files are
opened (a FIFO or a device would block or never end), and never more than
input.max_file_bytes (+1) bytes are read or decompressed.

Reading is split in two so the pipeline can skip known inputs cheaply:
`read_input` gives the bytes and their sha256; `ingest.sources.to_document` decodes them.

A Reject carries a fingerprint in `sha256` so that an unchanged bad input is not
reported again: the sha256 of the bytes when they could be read, else a
`stat:`/`link:` fingerprint of what could be seen (size, times, link target),
which changes when the file is fixed (chmod, rewrite, new link target).
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import io
import os
import re
import stat
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from ..config import InputOptions
from ..models import Reject

_CHUNK = 1 << 20
# What `printable` escapes: the backslash itself (so that an escape in the output can
# only come from an escape, and no two names print alike), C0 controls and DEL, C1
# controls, and surrogates (undecodable bytes of a file name).
_ESCAPED = re.compile(r"[\\\x00-\x1f\x7f-\x9f\ud800-\udfff]" if os.sep != "\\" else r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass(frozen=True)
class InputFile:
    """One input's content (decompressed if it was gzip) and its sha256, not yet decoded."""

    path: Path
    location: str
    sha256: str
    data: bytes


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xdc80 <= code <= 0xdcff:  # an undecodable byte of a name (surrogateescape)
        return f"\\x{code - 0xdc00:02x}"
    # a C1 control (or a surrogate that is no byte) as \\uNNNN: \\xNN would read as a byte
    return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """Text safe to store and print, in which no two texts look alike.

    Undecodable bytes of a file name become \\xNN (NN from 80 to ff), control characters
    and DEL \\x00-\\x1f, \\x7f, C1 controls \\u0080-\\u009f, and the backslash itself \\x5c
    (except where it is the path separator, on Windows). So every backslash in the result
    starts an escape and the escaping is injective: `new\\nline.txt` and a file literally
    named `new\\x0aline.txt` get different locations. Names without these characters are
    unchanged. Archives made before the backslash was escaped stored a name with a
    backslash as it was: the next ingest sees it at its new location, a new sighting of
    the same stored input (nothing is read or stored twice).
    """
    return _ESCAPED.sub(_escape, text)


def location_of(path: str | Path) -> str:
    """The absolute path as stored in the archive (see `printable` for odd bytes in names)."""
    text = os.fspath(path)
    if not os.path.isabs(text):
        text = str(Path(text).absolute())
    return printable(text)


def _wanted(name: str, options: InputOptions) -> bool:
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return lower.endswith(tuple(e.lower() for e in options.extensions))


def _stat_fingerprint(path: str | Path) -> str | None:
    try:
        st = os.stat(path)
    except OSError:
        try:
            st = os.lstat(path)
        except OSError:
            return None
    return f"stat:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_mode:o}"


_OUTSIDE = ("outside the folders named on the command line, so it is not read "
            "(set input.follow_links_outside = true in config.toml to follow such links)")


def _inside(real: str, roots: list[str]) -> bool:
    """Whether a resolved path is one of the roots or lies under one."""
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def _link_outside(path: str, roots: list[str]) -> Reject | None:
    """A Reject for a file that is a symbolic link to a regular file outside the roots.

    A broken link, a link loop or a link to a device is left to `read_input`, which says
    what is wrong with it (and reads none of them).
    """
    if not os.path.islink(path):
        return None
    target = os.path.realpath(path)
    if _inside(target, roots) or not os.path.isfile(target):
        return None
    shown = printable(target)
    return Reject(location_of(path), f"symbolic link to {shown}, {_OUTSIDE}", f"link:{shown}")


def walk(path: Path, options: InputOptions, roots: list[str]) -> Iterator[Path | Reject]:
    """The wanted files under a folder, in a stable order; a Reject for what cannot be listed
    or leads outside the roots (see `ingest.sources.find_inputs`)."""
    errors: list[OSError] = []
    seen: set[str] = set()
    confined = not options.follow_links_outside

    def failed() -> Iterator[Reject]:
        while errors:
            err = errors.pop(0)
            where = err.filename or path
            yield Reject(location_of(where), f"cannot list folder: {err.strerror or err}; its files were "
                                             f"not read", _stat_fingerprint(where))

    top = str(path.absolute())  # so every root below is absolute and joining names is enough
    for root, dirs, files in os.walk(top, followlinks=True, onerror=errors.append):
        yield from failed()
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            yield Reject(location_of(root), "folder is a link back into a folder already read (link loop); "
                                            "skipped", f"link:{real}")
            continue
        if confined and not _inside(real, roots):
            dirs[:] = []
            shown = printable(real)
            yield Reject(location_of(root), f"folder is a symbolic link to {shown}, {_OUTSIDE}", f"link:{shown}")
            continue
        seen.add(real)
        dirs.sort()
        for name in sorted(files):
            if _wanted(name, options):
                file = os.path.join(root, name)
                outside = _link_outside(file, roots) if confined else None
                yield outside or Path(file)
    yield from failed()


def input_size(item: "Path | InputFile | Reject", options: InputOptions) -> int:
    """About how many bytes reading an input will hold in memory (for cutting batches by
    bytes): a file's size, a gzip file's uncompressed size from its trailer (at most
    input.max_file_bytes), 0 for a reject or what cannot be looked at."""
    if isinstance(item, InputFile):
        return len(item.data)
    if not isinstance(item, Path):
        return 0
    try:
        st = os.stat(item)
        if not stat.S_ISREG(st.st_mode):  # never open a FIFO here: it could block
            return 0
        size = st.st_size
        if item.name.lower().endswith(".gz") and size >= 18:
            fd = os.open(item, os.O_RDONLY | os.O_NONBLOCK)
            try:
                size = max(size, int.from_bytes(os.pread(fd, 4, st.st_size - 4), "little"))
            finally:
                os.close(fd)
    except OSError:
        return 0
    return min(size, options.max_file_bytes + 1)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "named pipe (FIFO)"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket"), (stat.S_ISDIR, "folder")):
        if test(mode):
            return name
    return "special file"


def read_capped(read: Callable[[int], bytes], limit: int, first: int = _CHUNK) -> bytes | None:
    """At most limit bytes from a read(n) function; None if there are more."""
    chunks, total, want = [], 0, first
    while True:
        chunk = read(max(1, min(want, limit + 1 - total)))
        want = _CHUNK
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            return None


def _stat_reject(path: Path, location: str, exc: OSError) -> Reject:
    """Why a file cannot even be looked at (missing, link loop, dangling link, permissions)."""
    if exc.errno == errno.ELOOP:
        return Reject(location, "symbolic link loop: the link leads back to itself", "link:loop")
    if exc.errno == errno.ENOENT and os.path.islink(path):
        target = printable(os.readlink(path))
        return Reject(location, f"broken symbolic link: it points to {target}, which does not exist",
                      f"link:{target}")
    if exc.errno == errno.ENOENT:
        return Reject(location, "the file disappeared before it could be read")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return Reject(location, "permission denied: the file (or a folder above it) cannot be read",
                      _stat_fingerprint(path))
    return Reject(location, f"cannot read file: {exc.strerror or exc}", _stat_fingerprint(path))


def _open_regular(path: Path, location: str, limit: int) -> bytes | Reject:
    """The bytes of a regular file of at most limit bytes, or a Reject."""
    try:
        st = os.stat(path)
    except OSError as exc:
        return _stat_reject(path, location, exc)
    if not stat.S_ISREG(st.st_mode):
        return Reject(location, f"not a regular file but a {_kind(st.st_mode)}; only files are read",
                      _stat_fingerprint(path))
    too_large = Reject(location, f"file is larger than the limit of {limit:,} bytes (input.max_file_bytes)",
                       _stat_fingerprint(path))
    if st.st_size > limit:
        return too_large
    try:
        # O_NONBLOCK: should the file have been swapped for a FIFO since stat(), open() must not hang.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        return _stat_reject(path, location, exc)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return Reject(location, "not a regular file; only files are read", _stat_fingerprint(path))
        data = read_capped(lambda n: os.read(fd, n), limit, first=st.st_size + 1)
    except OSError as exc:
        return Reject(location, f"cannot read file: {exc.strerror or exc}", _stat_fingerprint(path))
    finally:
        os.close(fd)
    return too_large if data is None else data


def gunzip(data: bytes, location: str, limit: int) -> bytes | Reject:
    """The decompressed content of gzip data (at most limit bytes), or a Reject saying why not."""
    sha = hashlib.sha256(data).hexdigest()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            plain = read_capped(fh.read, limit)
    except (gzip.BadGzipFile, EOFError, zlib.error, OSError) as exc:
        return Reject(location, f"broken gzip file: {exc}", sha)
    if plain is None:
        return Reject(location, f"decompressed content is larger than the limit of {limit:,} bytes "
                                f"(input.max_file_bytes); a gzip bomb or a file too large", sha)
    return plain


# gzip's magic number and its one compression method (deflate)
GZIP_MAGIC = b"\x1f\x8b\x08"


def read_input(path: Path, options: InputOptions) -> InputFile | Reject:
    """The file's content (decompressed if it ends in .gz, or starts as gzip data does: a
    page saved as the server sent it, Content-Encoding gzip, by a scraper that did not
    decompress it) and its sha256, or a Reject."""
    location = location_of(path)
    data = _open_regular(path, location, options.max_file_bytes)
    if isinstance(data, Reject):
        return data
    if path.name.lower().endswith(".gz") or data.startswith(GZIP_MAGIC):
        data = gunzip(data, location, options.max_file_bytes)
        if isinstance(data, Reject):
            return data
    return InputFile(path, location, hashlib.sha256(data).hexdigest(), data)


def source_of(item: InputFile, site: str | None, root_source: str | None) -> str:
    """An input's source: the site it names, else the given root source, else its folder's name."""
    return site or root_source or printable(item.path.parent.name)
