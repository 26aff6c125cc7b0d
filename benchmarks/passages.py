"""A background passage repeated in every article: does its cost grow with its copies?

Wire stories repeat background paragraphs (the Guaidó passage of the samples) for
months, so one passage can recur in thousands of archived articles. This generates
ROUNDS x PER_ROUND distinct stories (different sites, so no two are near-duplicate
articles), each with the same background paragraph, lightly edited, at a random
place; ingests them a round at a time (one run per round, like one night each); and
prints the milliseconds an article took in each round and the last/first ratio.
A flat line means a new copy costs the same whatever the passage's size; a rising one
means the passage's upkeep is proportional to the copies already archived.

    python benchmarks/passages.py [--rounds 5] [--per-round 100] [--closing | --syndicated] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from synthetic import SITE_BOILERPLATE, Doc, light_edit, make_vocabulary, paragraph, sentence, write_docs  # noqa: E402

from ingest.config import Config  # noqa: E402
from ingest.pipeline import ingest  # noqa: E402


def make_round(rng: random.Random, vocab: list[str], background: str, first: int, count: int,
               closing: bool = False, syndicated: list[str] | None = None) -> list[Doc]:
    """`count` distinct stories, each carrying an edited copy of the background, or with
    `closing` the background word for word as its last paragraph; or with `syndicated`,
    `count` lightly edited copies of that one story."""
    sites = sorted(SITE_BOILERPLATE)
    if syndicated:
        return [Doc(sites[i % len(sites)], f"copy{i:06d}", "wire", "Wire story", [light_edit(p, rng) for p in syndicated])
                for i in range(first, first + count)]
    docs = []
    for i in range(first, first + count):
        paras = [paragraph(rng, vocab) for _ in range(rng.randint(8, 14))]
        if closing:
            paras.append(background)
        else:
            paras.insert(rng.randint(1, len(paras)), light_edit(background, rng))
        docs.append(Doc(sites[i % len(sites)], f"story{i:06d}", f"s{i}", sentence(rng, vocab, 8).rstrip("."), paras))
    return docs


def main() -> int:
    """Generate, ingest round by round, print the cost per article of each round."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--per-round", type=int, default=100)
    parser.add_argument("--closing", action="store_true",
                        help="the paragraph closes every article word for word (a disclaimer the cleaner keeps)")
    parser.add_argument("--syndicated", action="store_true",
                        help="one story syndicated: every article a lightly edited copy of it (one growing cluster)")
    parser.add_argument("--workdir", type=Path, help="work here (default: a new temporary folder)")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="newsarchive-passages-"))
    db = work / "archive.db"
    db.unlink(missing_ok=True)
    rng = random.Random(5)
    vocab = make_vocabulary(rng)
    background = paragraph(rng, vocab, 3)
    story = [paragraph(rng, vocab) for _ in range(12)] if args.syndicated else None
    config = Config()
    costs = []
    for n in range(args.rounds):
        folder = work / f"round{n:02d}"
        if not folder.exists():
            write_docs(make_round(rng, vocab, background, n * args.per_round, args.per_round, args.closing, story),
                       folder)
        start = time.perf_counter()
        summary = ingest([folder], db, config)
        costs.append(1000 * (time.perf_counter() - start) / args.per_round)
        print(f"round {n + 1:2d}: {summary.new} new, {summary.near_duplicates} near-duplicates, "
              f"{summary.repeated_passages} repeated-passage paragraphs, "
              f"{costs[-1]:.1f} ms an article", flush=True)
    with sqlite3.connect(db) as conn:
        occurrences = conn.execute("SELECT max(occurrences) FROM passages").fetchone()[0]
        cluster = conn.execute("SELECT max(n) FROM (SELECT count(*) AS n FROM articles "
                               "GROUP BY coalesce(duplicate_of, id))").fetchone()[0]
    print(f"largest passage: {occurrences or 0} articles; largest cluster: {cluster} articles; "
          f"last/first round {costs[-1] / costs[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
