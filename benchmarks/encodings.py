"""Are legacy-encoded files read as their writers meant? ingest.decode on files labelled
with their encoding, a folder per encoding.

usage: python benchmarks/encodings.py FOLDER [--misses]

FOLDER holds a folder per encoding, named by its label (Big5, GB2312, SHIFT_JIS, EUC-KR,
windows-1251-russian, iso-8859-2-hungarian, ...), of files in that encoding: chardet's
tests/ folder is such a corpus (https://github.com/chardet/chardet, 424 files in 50
encodings, pages and feeds from the web). A file is read right when decode() returns what
its labelled encoding reads, or what a browser's superset of it reads (GB2312 files as GBK,
Shift_JIS as windows-31j, ISO-8859-1 as windows-1252). Folders of encodings this
newsarchive does not decode on purpose (UTF-16 and UTF-32 without a byte order mark, EBCDIC)
count like any other: the score is for comparing runs. Exits 0 with a message when FOLDER
is absent.
"""

from __future__ import annotations

import argparse
import codecs
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ingest.decode import browser_codec, decode, detect_encoding  # noqa: E402

# chardet's folder names that name no codec of Python's as they stand
_FOLDER_CODECS = {"maccyrillic": "mac_cyrillic", "macroman": "mac_roman", "ibm855": "cp855",
                  "ibm866": "cp866", "euc-tw": ""}


def codecs_of(folder: str) -> set[str]:
    """The codecs whose reading of a file labelled `folder` is right: the label's, and the
    browser's superset of it. Empty for a label no codec of Python's reads."""
    label = folder.lower()
    parts = label.split("-")  # "windows-1251-russian", "iso-8859-2-czech": the language goes
    if parts[0] == "windows":
        label = "-".join(parts[:2])
    elif label.startswith("iso-8859-"):
        label = "-".join(parts[:3])
    label = _FOLDER_CODECS.get(label, label)
    if not label:
        return set()
    try:
        found = {label, browser_codec(label)} - {None}
        return {codecs.lookup(name).name for name in found}
    except LookupError:
        return set()


def read_right(data: bytes, right: set[str]) -> bool:
    """Whether decode() reads the bytes as one of the `right` codecs does."""
    readings = set()
    for codec in right:
        try:
            readings.add(data.decode(codec))
        except UnicodeDecodeError:
            continue
    return decode(data) in readings


def _read_as(data: bytes) -> str | None:
    """The encoding decode() reads the bytes in (None: binary)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return detect_encoding(data)
    return "utf-8"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, help="a folder per encoding (chardet's tests/)")
    ap.add_argument("--misses", action="store_true", help="name each file read wrong, and as what")
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder} is not a folder: nothing to measure (see the docstring for a corpus)")
        return 0
    right, total = Counter(), Counter()
    for sub in sorted(p for p in args.folder.iterdir() if p.is_dir()):
        wanted = codecs_of(sub.name)
        for path in sorted(p for p in sub.iterdir() if p.is_file()):
            data = path.read_bytes()
            total[sub.name] += 1
            if read_right(data, wanted):
                right[sub.name] += 1
            elif args.misses:
                print(f"  {sub.name}/{path.name}: read as {_read_as(data)}")
    print(f"{'encoding':28} files  right")
    for name in sorted(total):
        print(f"{name:28} {total[name]:5}  {right[name]:5}")
    print(f"{'all':28} {sum(total.values()):5}  {sum(right.values()):5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
