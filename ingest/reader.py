"""Which reader turned an input away: the code and settings that decide whether an input is taken.

A rejected input that has not changed is passed over on later runs: reading it again
would reject it again. That holds only while the reader is the same. An upgrade can read
what an older version could not (a page in an encoding it now knows, a body its cleaner
now finds), and so can other input or cleaning settings (a higher size limit). So each
reject records the reader that made it (`reader_id`): this package's version and a hash of
its code, with the `input` and `clean` sections of the configuration. Only rejects made
by the current reader count as known; an input rejected by another is read once more, and
a new reject row records the outcome if it is turned away again.

The hash covers every module of the `ingest` package (decoding, the sources, cleaning and
its shipped data), so no one has to remember to bump a number: any change to them is a new
reader. That retries rejects after some changes that could not take them; a retry costs a
read of inputs that failed before, once.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from functools import cache
from pathlib import Path

from . import __version__
from .config import Config

_PACKAGE = Path(__file__).resolve().parent
_CODE_SUFFIXES = (".py", ".json")
# input settings that change how the work is done, not what is taken
_HOW_NOT_WHAT = frozenset({"workers"})


@cache
def _code_hash() -> str:
    """A hash of the ingest package's modules and data files (their paths and bytes)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.suffix in _CODE_SUFFIXES and p.is_file()):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def reader_id(config: Config) -> str:
    """The identity of the reader this configuration makes: version, code hash and the
    settings that decide rejects, as one short string ("0.1.0-1a2b3c4d5e6f")."""
    read = {key: value for key, value in dataclasses.asdict(config.input).items() if key not in _HOW_NOT_WHAT}
    settings = json.dumps({"input": read, "clean": dataclasses.asdict(config.clean)}, sort_keys=True, default=str)
    digest = hashlib.sha256((_code_hash() + settings).encode()).hexdigest()[:12]
    return f"{__version__}-{digest}"
