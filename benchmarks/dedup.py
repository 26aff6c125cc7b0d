"""Near-duplicate detection quality on labelled corpora built by shared/eval/make_dupes.py.

usage: python benchmarks/dedup.py [--seeds 7 8] [--base DIR] [--keep DIR] [--no-cjk]
For each seed: build the corpus, ingest it into a fresh archive, print the scorer's line;
then the same on a corpus built from the pages of every ../shared/eval set whose body is
written without spaces (Chinese, Japanese, Thai), beside the English one.
Skips (exit 0) when ../shared is not there.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from ingest.config import load_config  # noqa: E402
from ingest.normalize import NOSPACE  # noqa: E402
from ingest.pipeline import ingest  # noqa: E402

_NOSPACE_CHAR = re.compile(f"[{NOSPACE}]")


def nospace_base(eval_dir: Path, out: Path) -> int:
    """A base folder (gold.jsonl + text/) of the eval pages whose body is mostly in scripts
    without spaces; returns how many pages it holds."""
    (out / "text").mkdir(parents=True, exist_ok=True)
    kept = []
    for gold in sorted(eval_dir.glob("*/gold.jsonl")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            body, page = record["body"], gold.parent / "text" / f"{record['id']}.txt"
            if page.exists() and len(_NOSPACE_CHAR.findall(body)) > len(body) / 3:
                (out / "text" / page.name).write_bytes(page.read_bytes())
                kept.append(line)
    (out / "gold.jsonl").write_text("\n".join(kept) + "\n", encoding="utf-8")
    return len(kept)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, nargs="+", default=[7, 8])
    parser.add_argument("--base", type=Path, default=SHARED / "eval" / "aeb-dev")
    parser.add_argument("--config", type=Path, default=ROOT / "config.toml")
    parser.add_argument("--keep", type=Path, help="keep corpora and archives in this folder")
    parser.add_argument("--no-cjk", action="store_true", help="skip the corpus in scripts without spaces")
    args = parser.parse_args()
    make, score = SHARED / "eval" / "make_dupes.py", SHARED / "eval" / "score_dupes.py"
    if not (make.exists() and score.exists() and args.base.exists()):
        print(f"skipped: {SHARED} (make_dupes.py, score_dupes.py, aeb-dev) is not there")
        return 0
    config = load_config(args.config)
    work = args.keep or Path(tempfile.mkdtemp(prefix="newsarchive-dedup-"))
    work.mkdir(parents=True, exist_ok=True)
    bases = [("", args.base)]
    if not args.no_cjk:
        pages = nospace_base(SHARED / "eval", work / "base-nospace")
        print(f"scripts without spaces: {pages} base pages from {SHARED / 'eval'}")
        bases.append(("nospace ", work / "base-nospace"))
    for label, base in bases:
        for seed in args.seeds:
            name = f"{label.strip() or 'base'}-{seed}"
            corpus, db = work / f"corpus-{name}", work / f"archive-{name}.db"
            for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                stale.unlink(missing_ok=True)
            subprocess.run([sys.executable, str(make), str(base), str(corpus), "--seed", str(seed)],
                           check=True, capture_output=True)
            start = time.perf_counter()
            summary = ingest([corpus], db, config)
            seconds = time.perf_counter() - start
            scored = subprocess.run([sys.executable, str(score), str(corpus), str(db)],
                                    check=True, capture_output=True, text=True).stdout.strip().splitlines()
            print(f"{label}seed {seed}: {summary.read} files ingested in {seconds:.1f} s, "
                  f"{len(summary.rejected)} rejected; {scored[0]}")
            print(f"{label}seed {seed}: {scored[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
