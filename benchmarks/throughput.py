"""Ingest throughput against the storage floor, flat cost, memory and search latency.

usage: python benchmarks/throughput.py [-n 20000] [--workdir DIR] [--queries 200]
                                      [--passage-span 5000]

1. Generates N plain-text articles (about 5-6 KB, ~10% near-duplicates, reused
   background passages that come and go, per-site boilerplate) with
   tests/synthetic.py, taken in story order across sites, so every tenth holds the
   same mix.
2. Storage floor: read every file, drop short lines, insert with sqlite-utils
   insert_all in one transaction into a table with FTS5 triggers.
   Schema floor: the same lines, written as the archive's schema (DESIGN.md) stores
   them, with nothing else: raw input (compressed), article with its text (novel text
   NULL: the same), its full-text row, paragraphs (offsets into the text), sighting, in
   one transaction per batch on the archive's own connection settings. No cleaning,
   dedup or index: what storage alone costs.
3. `ingest` (clean, article + paragraph dedup, store, FTS) of the same files in a
   child process, timing each tenth of the corpus and measuring peak RSS.
4. Search latency: ranked queries with snippets, 1-3 terms, some matching most rows.
Prints articles/s for the three, the ratios, first/last decile times (and the CPU time of
the writer and of the workers per tenth), peak RSS, median/p95 search latency, and the
size of each part of the archive and of the schema floor (SQLite's dbstat: a table with
its indexes, an FTS5 table with its shadow tables, an LSH index's runs and blocks) in MB
and bytes per article, beside the storage floor's file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import sqlite_utils  # noqa: E402

from ingest.config import load_config  # noqa: E402
from store.connection import sql_string  # noqa: E402
from store.schema import FTS_TOKENIZE  # noqa: E402

from synthetic import make_docs, write_docs  # noqa: E402

# Background passages come and go with the news: a story reuses one of those that came
# up in the last PASSAGE_SPAN stories (about a week of a large newsroom's output). Drawn
# from the whole corpus instead (--passage-span 0), the first tenth can repeat few
# passages and the last almost only repeats, so the tenths measure a change of mix.
PASSAGE_SPAN = 5000


def storage_floor(paths: list[Path], db_path: Path) -> float:
    """Seconds to read, drop short lines and insert_all with FTS5 triggers in one transaction."""
    db = sqlite_utils.Database(db_path, recreate=True)
    db["docs"].create({"id": int, "path": str, "text": str}, pk="id")
    db["docs"].enable_fts(["text"], create_triggers=True, tokenize=FTS_TOKENIZE)
    start = time.perf_counter()

    def rows():
        for path in paths:
            lines = path.read_text(encoding="utf-8").splitlines()
            yield {"path": str(path), "text": "\n".join(l for l in lines if len(l.split()) >= 5)}

    with db.atomic():
        db["docs"].insert_all(rows(), batch_size=500)
    return time.perf_counter() - start


def remove_archive(db_path: Path) -> None:
    """Delete a SQLite file left by an earlier run, with its write-ahead log."""
    for stale in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        stale.unlink(missing_ok=True)


SCHEMA_FLOOR_TABLES = f"""
CREATE TABLE raw_documents (id INTEGER PRIMARY KEY, sha256 TEXT UNIQUE, media_type TEXT, content BLOB,
                            content_encoding TEXT);
CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, text TEXT, source TEXT, content_hash TEXT UNIQUE,
                       novel_text TEXT, raw_id INTEGER REFERENCES raw_documents(id));
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id',
                                             tokenize={sql_string(FTS_TOKENIZE)});
CREATE TABLE _paragraphs (id INTEGER PRIMARY KEY, article_id INTEGER REFERENCES articles(id), position INTEGER,
                          text_start INTEGER, text_length INTEGER);
CREATE INDEX paragraphs_article ON _paragraphs (article_id, position);
CREATE TABLE sightings (id INTEGER PRIMARY KEY, article_id INTEGER REFERENCES articles(id), location TEXT);
"""


def schema_floor(paths: list[Path], db_path: Path, batch_size: int) -> float:
    """Seconds to write the short-line-free text as the archive's schema stores it, and no
    more: the ingest's ceiling, whatever its cleaning and dedup cost (see the docstring)."""
    from store.connection import open_connection
    from store.rawcontent import encode
    from store.writes import spans

    remove_archive(db_path)
    conn = open_connection(db_path)
    conn.executescript(SCHEMA_FLOOR_TABLES)
    start = time.perf_counter()
    for first in range(0, len(paths), batch_size):
        raws, articles, paragraphs, sightings = [], [], [], []
        for article_id, path in enumerate(paths[first:first + batch_size], start=first + 1):
            data = path.read_bytes()
            content = data.decode("utf-8")
            kept = [line for line in content.splitlines() if len(line.split()) >= 5]
            text = "\n\n".join(kept)
            raws.append((article_id, hashlib.sha256(data).hexdigest(), "text/plain", *encode(data)))
            articles.append((article_id, kept[0][:100] if kept else None, text, path.parent.name,
                             hashlib.sha256(text.encode("utf-8")).hexdigest(), None, article_id))
            paragraphs += [(article_id, position, start, length)
                           for position, (start, length) in enumerate(spans(kept))]
            sightings.append((article_id, str(path)))
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO raw_documents VALUES (?, ?, ?, ?, ?)", raws)
        conn.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)", articles)
        # one statement a batch: FTS5 flushes its pending terms at every statement that
        # writes it, so a trigger per row costs about three times as much
        conn.execute("INSERT INTO articles_fts (rowid, title, text) SELECT id, title, text FROM articles "
                     "WHERE id > ?", [first])
        conn.executemany("INSERT INTO _paragraphs (article_id, position, text_start, text_length) VALUES (?, ?, ?, ?)",
                         paragraphs)
        conn.executemany("INSERT INTO sightings (article_id, location) VALUES (?, ?)", sightings)
        conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])

def high_water_mb(pid="self"):
    # VmHWM: this process's own peak. ru_maxrss is not: Linux carries the parent's
    # peak across fork and exec, and this child is forked from a benchmark holding
    # the whole corpus in memory.
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024

from ingest.config import load_config
from ingest.pipeline import ingest
paths = json.load(open(sys.argv[2]))
config = load_config(sys.argv[4])
def workers_cpu():  # of the worker processes ended so far (each tenth's pool ends with it)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime

marks, peaks, cpu, start = [], [], [], time.perf_counter()
bounds = [len(paths) * i // 10 for i in range(11)]
for lo, hi in zip(bounds, bounds[1:]):
    t, writer, workers = time.perf_counter(), time.process_time(), workers_cpu()
    ingest(paths[lo:hi], sys.argv[3], config)
    marks.append(time.perf_counter() - t)
    cpu.append((time.process_time() - writer, workers_cpu() - workers))
    peaks.append(high_water_mb())
total = time.perf_counter() - start
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # counts pages shared with this one
print(json.dumps({"seconds": total, "deciles": marks, "cpu": cpu, "peaks": peaks, "peak_rss_mb": peaks[-1],
                  "worker_peak_rss_mb": workers}))
"""


def run_ingest(paths: list[Path], db_path: Path, config: Path, workdir: Path) -> dict:
    """Ingest the files a tenth at a time (ten runs, like ten nights) in a child process."""
    listing = workdir / "paths.json"
    listing.write_text(json.dumps([str(p) for p in paths]))
    out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(listing), str(db_path), str(config)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def nightly_start(db_path: Path, work: Path, config_path: Path) -> tuple[float, float, int]:
    """Seconds to open the archive (loading the LSH filters its budget holds), and to
    ingest one batch of new articles into it (opening included): how soon a night's run
    gets going."""
    from ingest.pipeline import ingest
    from store.archive import Archive

    config = load_config(config_path)
    night = work / "night"
    if not night.exists():
        write_docs(make_docs(config.archive.batch_size, seed=97, dup_rate=0.1, passage_rate=0.05,
                             paragraphs=(12, 18))[: config.archive.batch_size], night)
    start = time.perf_counter()
    Archive.open(db_path, config.dedup, filter_memory=config.archive.filter_memory).close()
    opened = time.perf_counter() - start
    start = time.perf_counter()
    summary = ingest([night], db_path, config)
    return opened, time.perf_counter() - start, summary.new


CLI_RUNS = 5


def search_latency(db_path: Path, queries: int, seed: int = 1) -> tuple[float, float, list[float]]:
    """Median and p95 ms of ranked searches, and the seconds of CLI_RUNS end-to-end CLI
    searches (the first one after the ingest may find the interpreter's files out of
    the page cache)."""
    from store.archive import connect
    from store.search import search

    db = connect(db_path, readonly=True)
    words = [w for (w,) in db.execute("SELECT title FROM articles ORDER BY random() LIMIT 200")]
    vocab = sorted({w for t in words if t for w in t.split() if len(w) > 3})
    # the words in most articles: a fifth of the queries is one of them
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms USING fts5vocab(main, 'articles_fts', 'row')")
    common = [r[0] for r in db.execute("SELECT term FROM temp.terms ORDER BY doc DESC LIMIT 5")]
    rng = random.Random(seed)
    times = []
    for i in range(queries):
        terms = rng.sample(vocab, rng.randint(1, 3)) if vocab else ["news"]
        if common and i % 5 == 0:
            terms = [rng.choice(common)]
        start = time.perf_counter()
        search(db, " ".join(terms), limit=10)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    cli = []
    for _ in range(CLI_RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "from ingest.cli import app; app()", "search",
                        " ".join(rng.sample(vocab, 2)) if vocab else "news", "--db", str(db_path)],
                       cwd=ROOT, check=True, capture_output=True)
        cli.append(time.perf_counter() - start)
    return statistics.median(times), times[int(len(times) * 0.95) - 1], cli


def parts(db_path: Path) -> list[tuple[str, int, int]]:
    """(part, bytes, pages) of each part of a SQLite file, largest first, from the dbstat
    virtual table: a table with its indexes (`articles` + `idx_articles_*`), an FTS5 table
    with its shadow tables (`articles_fts_data`, `_docsize`, ...), an LSH index's runs and
    blocks. Bytes are whole pages (what the file holds), free pages a part of their own."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        owner = {name: table for name, table in conn.execute("SELECT name, tbl_name FROM sqlite_master")}
        fts = [name for name, in conn.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")]
        sizes: dict[str, list[int]] = {}
        for name, size, pages in conn.execute("SELECT name, sum(pgsize), count(*) FROM dbstat GROUP BY name"):
            part = owner.get(name, name)
            part = next((f for f in fts if part.startswith(f + "_")), part)
            part = re.sub(r"^(_lsh_\w+?)_(runs|blocks)$", r"\1", part)
            total = sizes.setdefault(part, [0, 0])
            total[0] += size
            total[1] += pages
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
        if free:
            sizes["(free pages)"] = [free * page_size, free]
    finally:
        conn.close()
    return sorted(((part, size, pages) for part, (size, pages) in sizes.items()), key=lambda p: -p[1])


def print_parts(label: str, db_path: Path, articles: int, floor_bytes: int) -> None:
    """The size of each part of an archive (see `parts`), in MB, bytes per article and
    share of the storage floor's file, parts under 0.1% of the file summed as `other`."""
    found = parts(db_path)
    total = sum(size for _, size, _ in found)
    print(f"{label}: {total / 2**20:,.1f} MB in pages, {total / articles:,.0f} bytes per article, "
          f"{total / floor_bytes:.2f}x the storage floor's file ({floor_bytes / 2**20:,.1f} MB, "
          f"{floor_bytes / articles:,.0f} bytes per article)")
    shown = [p for p in found if p[1] >= total / 1000]
    other = [p for p in found if p[1] < total / 1000]
    if other:
        shown.append((f"other ({len(other)} parts)", sum(p[1] for p in other), sum(p[2] for p in other)))
    for part, size, _ in shown:
        print(f"  {part:32s} {size / 2**20:8.1f} MB {size / articles:8,.0f} B/article {100 * size / total:5.1f}%")


def file_mb(db: Path) -> float:
    """Megabytes of a SQLite file with its write-ahead log."""
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists()) / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=20000, help="articles to generate")
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--config", type=Path, default=ROOT / "config.toml")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--passage-span", type=int, default=PASSAGE_SPAN,
                        help="a story reuses passages of the last this many stories; 0: of the whole corpus")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="newsarchive-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    span = args.passage_span or None
    corpus = work / (f"corpus-{args.n}-span{span}" if span else f"corpus-{args.n}")
    if not corpus.exists():  # generated once per folder (kept with --workdir)
        stories = int(args.n / 1.1)
        write_docs(make_docs(stories, seed=11, dup_rate=0.1, passage_rate=0.05, paragraphs=(12, 18),
                             passage_span=span)[: args.n], corpus)
    # in the order a feed delivers them: stories interleaved across sites, a syndicated
    # copy beside its original. Sorted by folder, the first three tenths held one site
    # and no near-duplicate at all, and the tenths measured a change of mix, not of size.
    paths = sorted(corpus.rglob("*.txt"), key=lambda p: (p.name, p.parent.name))
    size = sum(p.stat().st_size for p in paths) / len(paths)
    print(f"corpus: {len(paths)} articles, {size / 1024:.1f} KB average, in {corpus}")
    floor = storage_floor(paths, work / "floor.db")
    print(f"storage floor: {len(paths) / floor:,.0f} articles/s ({floor:.1f} s)")
    schema = schema_floor(paths, work / "schema-floor.db", load_config(args.config).archive.batch_size)
    print(f"schema floor: {len(paths) / schema:,.0f} articles/s ({schema:.1f} s); ratio to floor {floor / schema:.2f}")
    db = work / "archive.db"
    remove_archive(db)
    result = run_ingest(paths, db, args.config, work)
    rate = len(paths) / result["seconds"]
    print(f"ingest: {rate:,.0f} articles/s ({result['seconds']:.1f} s); ratio to floor {rate * floor / len(paths):.2f}")
    print(f"size on disk: archive {file_mb(db):,.0f} MB, storage floor {file_mb(work / 'floor.db'):,.0f} MB, "
          f"schema floor {file_mb(work / 'schema-floor.db'):,.0f} MB")
    articles = sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute("SELECT count(*) FROM articles").fetchone()[0]
    floor_bytes = sum(size for _, size, _ in parts(work / "floor.db"))
    print_parts(f"archive parts ({articles} articles)", db, articles, floor_bytes)
    print_parts("schema floor parts", work / "schema-floor.db", len(paths), floor_bytes)
    remove_archive(work / "schema-floor.db")
    deciles = result["deciles"]
    print(f"deciles: first {deciles[0]:.2f} s, last {deciles[-1]:.2f} s, last/first {deciles[-1] / deciles[0]:.2f} "
          f"(all: {' '.join(f'{d:.2f}' for d in deciles)})")
    # CPU time moves less than wall time with a machine's load, so a tenth that ran in a
    # slow phase of a shared machine shows here as the same work, not as growth
    writer, workers = zip(*result["cpu"])
    print(f"CPU seconds per tenth: writer first {writer[0]:.2f}, last {writer[-1]:.2f}, last/first "
          f"{writer[-1] / writer[0]:.2f} (all: {' '.join(f'{w:.1f}' for w in writer)}); workers first "
          f"{workers[0]:.2f}, last {workers[-1]:.2f} (all: {' '.join(f'{w:.1f}' for w in workers)})")
    print(f"peak RSS: {result['peak_rss_mb']:.0f} MB (after each tenth: "
          f"{' '.join(f'{p:.0f}' for p in result['peaks'])}); largest worker process {result['worker_peak_rss_mb']:.0f} MB")
    opened, first_batch, new = nightly_start(db, work, args.config)
    print(f"a night's start: archive opened in {opened:.2f} s; a first batch of {new} new articles "
          f"ingested in {first_batch:.2f} s (opening included)")
    median, p95, cli = search_latency(db, args.queries)
    print(f"search: median {median:.1f} ms, p95 {p95:.1f} ms; CLI end to end {statistics.median(cli):.2f} s "
          f"(median of {len(cli)}; first {cli[0]:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
