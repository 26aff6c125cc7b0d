"""Incremental ingest benchmark: how long a night with nothing new takes.

Generates N small article files (default 10,000), ingests them once, then times a
second ingest of the same folder, which must read and hash every file but clean
nothing and write nothing (one lookup per batch). Prints the seconds of both
runs, for the library call (`ingest.pipeline.ingest`) and, unless --no-cli, for
the `newsarchive ingest` command (which adds interpreter start-up and imports).

    python benchmarks/incremental.py [N] [--keep DIR] [--no-cli]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from corpus import cli_command, cli_env, write_corpus  # noqa: E402

from ingest.config import Config  # noqa: E402
from ingest.pipeline import ingest  # noqa: E402


def timed(label: str, func) -> object:
    """Run func, print how long it took, return its result."""
    start = time.perf_counter()
    result = func()
    print(f"{label:<44}{time.perf_counter() - start:8.3f} s", flush=True)
    return result


def main() -> None:
    """Generate, ingest, re-ingest; print the timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=10_000, help="number of files (default 10000)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--no-cli", action="store_true", help="skip the timing through the CLI")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="newsarchive-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    folder, db = work / "in", work / "archive.db"
    if not folder.exists():
        timed(f"generate {args.n:,} files", lambda: write_corpus(folder, args.n, with_rejects=True))
    config = Config()
    first = timed("first ingest (library)", lambda: ingest([folder], db, config))
    print(f"    new {first.new}, exact duplicates {first.exact_duplicates}, rejected {len(first.rejected)}")
    second = timed("second ingest, nothing new (library)", lambda: ingest([folder], db, config))
    print(f"    unchanged {second.unchanged} of {second.read}, new {second.new}")
    assert second.new == 0 and second.unchanged == second.read, "a nothing-new run changed something"
    if not args.no_cli:
        command = cli_command("ingest", folder, "--db", db)
        timed("second ingest, nothing new (CLI, with start-up)",
              lambda: subprocess.run(command, cwd=ROOT, env=cli_env(), check=True, capture_output=True))
        timed("CLI start-up alone (--help)",
              lambda: subprocess.run(cli_command("--help"), cwd=ROOT, env=cli_env(), check=True,
                                     capture_output=True))
    print(f"archive and corpus in {work}")


if __name__ == "__main__":
    main()
