"""Memory benchmark: peak RSS of an ingest of a folder of large plain-text files.

Generates N text files of SIZE MB each (default twelve of 45 MB, under the default
input.max_file_bytes of 50 MB) in a temporary folder, runs `python -m ingest.cli
ingest` on it in a subprocess and, while it runs, polls /proc for every process of
its tree (the writer and its worker processes): each one's VmHWM (its peak RSS).
Prints the writer's peak, the largest worker's peak, getrusage(RUSAGE_CHILDREN)'s
ru_maxrss (the largest process reaped) and the run's wall time and summary. The
target: under 400 MB for the writer and for the largest worker.

    python benchmarks/bigfiles.py [--files N] [--mb SIZE] [--workers W] [--max-clean-bytes B] [--timeout S] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from corpus import cli_env, vocabulary  # noqa: E402


def write_big_file(path: Path, megabytes: float, seed: int) -> None:
    """A plain-text 'article' of about `megabytes` MB: a title, then paragraphs of made-up words."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    block = []
    for _ in range(2000):  # about 200 KB of distinct paragraphs, repeated with a counter
        words = [rng.choice(vocab) for _ in range(rng.randint(15, 30))]
        block.append(words[0].capitalize() + " " + " ".join(words[1:]) + ".")
    target = int(megabytes * 1_000_000)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f"Report number {seed} from the archive\n\n")
        written, round_no = 0, 0
        while written < target:
            chunk = "\n\n".join(f"{p} Part {round_no}." for p in block) + "\n\n"
            fh.write(chunk)
            written += len(chunk)
            round_no += 1


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(p) for p in fh.read().split()]
    except OSError:
        return []


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(_children(p))
    return out


def _hwm_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def measure(command: list[str], cwd: Path, timeout: float) -> tuple[subprocess.CompletedProcess, int, dict[int, int], float]:
    """Run command; returns its result, its pid, the peak RSS (KB) of each process of its tree
    and the wall seconds. Past `timeout` seconds the tree is killed (exit -9), its peaks so far kept."""
    peaks: dict[int, int] = {}
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    while proc.poll() is None:
        if time.perf_counter() - start > timeout:
            os.killpg(proc.pid, 9)
            break
        for pid in _tree(proc.pid):
            hwm = _hwm_kb(pid)
            if hwm is not None:
                peaks[pid] = max(peaks.get(pid, 0), hwm)
        time.sleep(0.05)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    return subprocess.CompletedProcess(command, proc.returncode, out, err), proc.pid, peaks, wall


def main() -> None:
    """Generate the files, run the ingest, print the peaks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=12, help="number of files (default 12)")
    parser.add_argument("--mb", type=float, default=45.0, help="size of each file in MB (default 45)")
    parser.add_argument("--workers", type=int, default=2, help="input.workers (default 2)")
    parser.add_argument("--max-clean-bytes", type=int, help="input.max_clean_bytes (default: config.toml's)")
    parser.add_argument("--timeout", type=float, default=900, help="kill the ingest after this many seconds")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="newsarchive-bigfiles-"))
    work.mkdir(parents=True, exist_ok=True)
    folder, db, config = work / "in", work / "archive.db", work / "config.toml"
    try:
        folder.mkdir(exist_ok=True)
        for i in range(args.files):
            path = folder / f"big{i:02d}.txt"
            if not path.exists():
                write_big_file(path, args.mb, i)
        limit = "" if args.max_clean_bytes is None else f"max_clean_bytes = {args.max_clean_bytes}\n"
        config.write_text(f"[input]\nworkers = {args.workers}\n{limit}", encoding="utf-8")
        db.unlink(missing_ok=True)
        command = [sys.executable, "-m", "ingest.cli", "ingest", str(folder), "--db", str(db), "--config", str(config)]
        result, pid, peaks, wall = measure(command, ROOT, args.timeout)
        writer = peaks.pop(pid, 0)
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        summary = [line for line in result.stderr.splitlines() if "read" in line]
        print(f"{args.files} files of {args.mb:g} MB, workers {args.workers}: exit {result.returncode}, "
              f"{wall:.1f} s wall")
        print(f"  writer peak RSS        {writer / 1024:8.1f} MB")
        print(f"  largest worker peak    {max(peaks.values(), default=0) / 1024:8.1f} MB "
              f"({len(peaks)} worker processes seen)")
        print(f"  RUSAGE_CHILDREN maxrss {children / 1024:8.1f} MB (largest process of the tree)")
        for line in summary[-2:]:
            print(f"  {line}")
        if result.returncode != 0:
            print(result.stderr[-2000:])
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
