"""How long each page of datasette's reading room takes on a given archive.

usage: python benchmarks/reading_room.py --db ARCHIVE [--repeat 5] [--seed 1]

Serves the archive as `newsarchive serve` does (store.datasette_serve.create_datasette)
and times pages through datasette's own client (the whole request: routing, SQL,
template), without a network in between: the articles table (datasette's table view
with its facets, ?_full=1 and its second page; the database page and the passages
table), article pages (random ones, the one repeating the most
passages, the original of the largest cluster), search (a frequent word, a rarer one,
two words, filtered by outlet, language and date), the most repeated passage, and the
largest cluster. Prints, per page, the median and the slowest of --repeat runs (wall
milliseconds) and the CPU milliseconds of the median run. The archive is only read.
The target (issue 26): every page under 500 ms on the 200,000-article benchmark archive.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import sqlite3
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from store.datasette_meta import database_name  # noqa: E402
from store.datasette_serve import create_datasette  # noqa: E402

TARGET_MS = 500


def pick_pages(db_path: Path, seed: int) -> list[tuple[str, str]]:
    """(label, path) of the pages to time, chosen from the archive (read-only)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    rng = random.Random(seed)
    top, = conn.execute("SELECT max(id) FROM articles").fetchone()
    ids = []
    while len(ids) < 3:
        row = conn.execute("SELECT id FROM articles WHERE id >= ? ORDER BY id LIMIT 1", [rng.randint(1, top)]).fetchone()
        ids.append(row[0])
    passage = conn.execute("SELECT id, first_article_id FROM passages ORDER BY occurrences DESC LIMIT 1").fetchone()
    cluster = conn.execute("SELECT duplicate_of FROM articles WHERE duplicate_of IS NOT NULL "
                           "GROUP BY duplicate_of ORDER BY count(*) DESC LIMIT 1").fetchone()
    repeating = conn.execute("SELECT article_id FROM paragraphs WHERE passage_id IS NOT NULL "
                             "GROUP BY article_id ORDER BY count(*) DESC LIMIT 1").fetchone()
    words = Counter()
    for i in ids:
        text, = conn.execute("SELECT substr(text, 1, 20000) FROM articles WHERE id = ?", [i]).fetchone()
        words.update(w.lower() for w in re.findall(r"[^\W\d_]{4,}", text or ""))
    common = [w for w, _ in words.most_common(3)] or ["the"]
    rare = [w for w, n in words.items() if n == 1][:2] or common
    source, language = conn.execute("SELECT source, language FROM articles WHERE id = ?", [ids[0]]).fetchone()
    # datasette's key for the second page of articles, newest first: "published,id" of the 100th row
    row = conn.execute("SELECT published, id FROM articles ORDER BY published DESC, id DESC LIMIT 1 OFFSET 99").fetchone()
    next_key = f"{row[0] or ''},{row[1]}" if row and row[0] is not None else None
    conn.close()
    db = quote(database_name(db_path))
    pages = [("database page", f"/{db}"), ("articles table", f"/{db}/articles"),
             ("articles table, every column", f"/{db}/articles?_full=1"),
             ("articles table, next page", f"/{db}/articles?_next={quote(next_key)}") if next_key else None,
             ("passages table", f"/{db}/passages")]
    pages = [p for p in pages if p]
    pages += [(f"article {i}", f"/{db}/-/article/{i}") for i in ids]
    if repeating:
        pages.append((f"article {repeating[0]} (most repeated passages)", f"/{db}/-/article/{repeating[0]}"))
    if cluster:
        pages.append((f"article {cluster[0]} (largest cluster's original)", f"/{db}/-/article/{cluster[0]}"))
        pages.append((f"cluster {cluster[0]} (largest)", f"/{db}/-/cluster/{cluster[0]}"))
    if passage:
        pages.append((f"passage {passage[0]} (most repeated)", f"/{db}/-/passage/{passage[0]}"))
    pages += [(f"search {common[0]!r} (frequent)", f"/{db}/-/search?q={quote(common[0])}"),
              (f"search {rare[0]!r} (rarer)", f"/{db}/-/search?q={quote(rare[0])}"),
              (f"search {' '.join(common[:2])!r}", f"/{db}/-/search?q={quote(' '.join(common[:2]))}"),
              (f"search {common[0]!r}, outlet", f"/{db}/-/search?q={quote(common[0])}&source={quote(source or '')}"),
              (f"search {common[0]!r}, outlet, language, since",
               f"/{db}/-/search?q={quote(common[0])}&source={quote(source or '')}&language={quote(language or '')}"
               f"&since=2000-01-01"),
              (f"search {common[0]!r}, 200 results", f"/{db}/-/search?q={quote(common[0])}&limit=200")]
    return pages


async def time_pages(db_path: Path, pages: list[tuple[str, str]], repeat: int) -> list[tuple[str, int, list, float]]:
    """(label, status, wall seconds of each run, CPU seconds of the median run) per page."""
    ds = create_datasette(db_path)
    await ds.invoke_startup()
    await ds.client.get("/")  # the first request starts datasette's threads
    results = []
    for label, path in pages:
        walls, cpus, status = [], [], 0
        for _ in range(repeat):
            cpu, wall = time.process_time(), time.perf_counter()
            response = await ds.client.get(path)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
            status = response.status_code
        median = sorted(range(repeat), key=lambda i: walls[i])[repeat // 2]
        results.append((label, status, walls, cpus[median]))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True, help="the archive to read")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    count, = conn.execute("SELECT count(*) FROM articles").fetchone()
    conn.close()
    print(f"{args.db}: {count:,} articles; {args.repeat} runs per page")
    results = asyncio.run(time_pages(args.db, pick_pages(args.db, args.seed), args.repeat))
    slow = 0
    for label, status, walls, cpu in results:
        median, worst = statistics.median(walls) * 1000, max(walls) * 1000
        slow += median > TARGET_MS
        print(f"{label:58} {status}  median {median:7.1f} ms  max {worst:7.1f} ms  cpu {cpu * 1000:7.1f} ms"
              f"{'  SLOW' if median > TARGET_MS else ''}")
    print(f"{len(results) - slow} of {len(results)} pages under {TARGET_MS} ms (median)")
    return 1 if slow or any(status != 200 for _, status, _, _ in results) else 0


if __name__ == "__main__":
    sys.exit(main())
