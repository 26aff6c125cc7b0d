"""Does one huge article slow search and datasette for everyone?

Builds an archive of NORMAL ordinary articles (2-12 KB) plus BIG articles of SIZE MB each,
all of English-like text ("the" is about 5% of the words, "committee" about 0.3%, as in a
long report), through the real ingest, then times, each alone and then all at once:

- `newsarchive search the` and `newsarchive search committee` (real processes),
- the datasette canned ranked search for "the" (three requests at once, as a busy page),
- `select 1` on the same datasette (what any other visitor waits for),

against a real `newsarchive serve` process. Every command has a timeout (--timeout);
one that hits it is reported as "timeout", not waited for.

    python benchmarks/bigarticle.py [--big 2] [--size 5] [--normal 300] [--timeout 120] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from corpus import cli_command, cli_env  # noqa: E402
from synthetic import make_vocabulary  # noqa: E402

# frequent English words and their share of running text (about what a news report has)
COMMON = {"the": 5.5, "of": 3.0, "and": 2.8, "to": 2.6, "in": 2.0, "a": 2.0, "is": 1.0, "that": 1.0,
          "for": 1.0, "on": 1.0, "was": 1.0, "with": 1.0, "as": 0.8, "by": 0.8, "it": 0.8, "at": 0.6,
          "committee": 0.3, "said": 0.5, "has": 0.5, "be": 0.5}


def big_text(rng: random.Random, size: int) -> str:
    """About `size` characters of paragraphs with English-like word frequencies."""
    vocab = make_vocabulary(random.Random(1), 3000)
    words = list(COMMON) + vocab
    weights = list(COMMON.values()) + [(100 - sum(COMMON.values())) / len(vocab)] * len(vocab)
    paragraphs, total = [], 0
    while total < size:
        sentences = (" ".join(rng.choices(words, weights, k=rng.randint(8, 24))).capitalize() + "."
                     for _ in range(rng.randint(3, 6)))
        paragraphs.append(" ".join(sentences))
        total += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


def build(workdir: Path, big: int, size_mb: float, normal: int) -> Path:
    """Write the inputs and ingest them with the real CLI; returns the archive's path."""
    inputs = workdir / "inputs"
    rng = random.Random(5)
    (inputs / "normal").mkdir(parents=True, exist_ok=True)
    for i in range(normal):  # 2-12 KB each, different enough to be no near-duplicates
        text = f"Story {i} of the day\n\n" + big_text(rng, rng.randint(2_000, 12_000))
        (inputs / "normal" / f"story{i}.txt").write_text(text, encoding="utf-8")
    (inputs / "reports").mkdir(parents=True, exist_ok=True)
    for i in range(big):
        text = f"Annual report {i} of the committee\n\n" + big_text(rng, int(size_mb * 2**20))
        (inputs / "reports" / f"report{i}.txt").write_text(text, encoding="utf-8")
    db = workdir / "archive.db"
    started = time.perf_counter()
    done = subprocess.run(cli_command("ingest", inputs, "--db", db), env=cli_env(), cwd=ROOT,
                          capture_output=True, text=True)
    print(f"ingest: exit {done.returncode} in {time.perf_counter() - started:.1f} s: "
          f"{done.stderr.strip().splitlines()[:1]}")
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed_cli(args: list[str], timeout: float) -> str:
    started = time.perf_counter()
    try:
        done = subprocess.run(cli_command(*args), env=cli_env(), cwd=ROOT, capture_output=True,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout"
    longest = max((len(line) for line in done.stdout.splitlines()), default=0)
    return f"{time.perf_counter() - started:6.2f} s (exit {done.returncode}, longest line {longest} chars)"


def timed_get(url: str, timeout: float) -> str:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        body, status = exc.read(), exc.code
    except OSError as exc:
        return f"error/timeout ({exc})"
    return f"{time.perf_counter() - started:6.2f} s (HTTP {status}, {len(body):,} bytes)"


def measure(db: Path, timeout: float) -> None:
    """Time each command alone, then all of them at once, against a real server."""
    port = free_port()
    server = subprocess.Popen(cli_command("serve", "--port", port, "--db", db), env=cli_env(), cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/{db.stem}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}.json?sql=select+1", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        jobs = {
            "search the": lambda: timed_cli(["search", "the", "--db", str(db)], timeout),
            "search committee": lambda: timed_cli(["search", "committee", "--db", str(db)], timeout),
            **{f"datasette search the #{i}": (lambda: timed_get(f"{base}/search.json?q=the&source=&_shape=array",
                                                                 timeout)) for i in (1, 2, 3)},
            "datasette select 1": lambda: timed_get(f"{base}.json?sql=select+1&_shape=array", timeout),
        }
        print("alone:")
        for name in ("search the", "search committee", "datasette search the #1", "datasette select 1"):
            print(f"  {name:<26} {jobs[name]()}")
        print("all at once (select 1 sent 0.5 s after the others):")
        results: dict[str, str] = {}

        def run(name: str) -> None:
            if name == "datasette select 1":
                time.sleep(0.5)
            results[name] = jobs[name]()

        threads = [threading.Thread(target=run, args=(name,)) for name in jobs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for name in jobs:
            print(f"  {name:<26} {results[name]}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:  # stuck in one long SQLite step
            server.kill()
            server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", type=int, default=2, help="huge articles")
    parser.add_argument("--size", type=float, default=5.0, help="MB per huge article")
    parser.add_argument("--normal", type=int, default=300, help="ordinary articles")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per command")
    parser.add_argument("--workdir", type=Path, default=None, help="reuse or keep the archive here")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bigarticle-"))
    db = workdir / "archive.db"
    if not db.exists():
        workdir.mkdir(parents=True, exist_ok=True)
        db = build(workdir, args.big, args.size, args.normal)
    print(f"archive {db} ({db.stat().st_size / 2**20:.0f} MB)")
    measure(db, args.timeout)


if __name__ == "__main__":
    main()
