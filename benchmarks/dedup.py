"""Near-duplicate detection quality on labelled corpora built by shared/eval/make_dupes.py.

usage: python benchmarks/dedup.py [--seeds 7 8] [--base DIR] [--keep DIR]
For each seed: build the corpus, ingest it into a fresh archive, print the scorer's line.
Skips (exit 0) when ../shared is not there.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from ingest.config import load_config  # noqa: E402
from ingest.pipeline import ingest  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, nargs="+", default=[7, 8])
    parser.add_argument("--base", type=Path, default=SHARED / "eval" / "aeb-dev")
    parser.add_argument("--config", type=Path, default=ROOT / "config.toml")
    parser.add_argument("--keep", type=Path, help="keep corpora and archives in this folder")
    args = parser.parse_args()
    make, score = SHARED / "eval" / "make_dupes.py", SHARED / "eval" / "score_dupes.py"
    if not (make.exists() and score.exists() and args.base.exists()):
        print(f"skipped: {SHARED} (make_dupes.py, score_dupes.py, aeb-dev) is not there")
        return 0
    config = load_config(args.config)
    work = args.keep or Path(tempfile.mkdtemp(prefix="newsarchive-dedup-"))
    work.mkdir(parents=True, exist_ok=True)
    for seed in args.seeds:
        corpus, db = work / f"corpus-{seed}", work / f"archive-{seed}.db"
        for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            stale.unlink(missing_ok=True)
        subprocess.run([sys.executable, str(make), str(args.base), str(corpus), "--seed", str(seed)],
                       check=True, capture_output=True)
        start = time.perf_counter()
        summary = ingest([corpus], db, config)
        seconds = time.perf_counter() - start
        scored = subprocess.run([sys.executable, str(score), str(corpus), str(db)],
                                check=True, capture_output=True, text=True).stdout.strip().splitlines()
        print(f"seed {seed}: {summary.read} files ingested in {seconds:.1f} s; {scored[0]}")
        print(f"seed {seed}: {scored[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
