"""How often the cleaner finds a page's publication date, on pages whose name states it.

    python benchmarks/dates.py [--sets fundus-dev] [--show]

The fundus pages are named after their publisher and publication day
("at-DiePresse_2025_06_05"). For each set with such names, the plain-text and the HTML
pages are cleaned (ingest.clean.clean_document) and each `published` is counted as the
page's day, another day, or none. `--show` prints each page that did not get its day,
with the date found.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from boilerplate import read_pages  # noqa: E402

from ingest.clean import clean_document  # noqa: E402
from ingest.config import CleanOptions  # noqa: E402

_NAMED_DAY = re.compile(r"_((?:19|20)\d\d)_(\d\d)_(\d\d)$")


def named_day(location: str) -> str | None:
    """The day a page's file name ends with ("..._2025_06_05.txt" -> "2025-06-05"), or None."""
    m = _NAMED_DAY.search(Path(location).name.split(".")[0])
    return "-".join(m.groups()) if m else None


def count_dates(folder: Path, html: bool, show: bool = False) -> Counter:
    """Counts of same / other / none over the folder's pages whose names state their day."""
    counts: Counter = Counter()
    options = CleanOptions()
    for raw in read_pages(folder, html):
        day = named_day(raw.location)
        if day is None:
            continue
        found = clean_document(raw, options).published
        verdict = "none" if found is None else "same" if found[:10] == day else "other"
        counts[verdict] += 1
        if show and verdict != "same":
            print(f"  {verdict:5} {Path(raw.location).name}: {found}")
    return counts


def main(argv: list[str] | None = None) -> int:
    """Print the counts per set and mode."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="*", default=["fundus-dev"], help="sets of ../shared/eval")
    ap.add_argument("--show", action="store_true", help="print the pages that did not get their day")
    args = ap.parse_args(argv)
    for name in args.sets:
        for mode, html in (("text", False), ("html", True)):
            folder = SHARED / "eval" / name / mode
            if not folder.is_dir():
                continue
            c = count_dates(folder, html, args.show)
            total = sum(c.values())
            print(f"{name:12} {mode:4}  pages {total:4}  same {c['same']:4}  other {c['other']:4}  none {c['none']:4}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
