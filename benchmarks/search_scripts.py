"""Search latency for words in Chinese, Japanese, Korean and English on a mixed archive.

usage: python benchmarks/search_scripts.py [-n 200000] [--keep DIR] [--queries 100]

1. Builds (or, with --keep and an archive already there, reuses) an archive of N
   articles: a tenth each in Chinese, Japanese and Korean, the rest English. Each
   article is recombined, deterministically, from pieces of the gold bodies of
   ../shared/eval (English clauses, Korean words, Japanese and Chinese word-sized
   stretches: see `pieces`), so its words are real words with real frequencies while
   articles are distinct.
   They are written as JSON Lines files of 1,000 records and ingested in one run.
2. Queries, each category drawn from the archive's own text (so frequent words are
   asked more often, as users do): a two-character Chinese word, a Japanese word of
   kanji followed by kana, the stem of a Korean word (its first syllables, found
   where a particle follows), an English word. Prints median and p95 ms of
   `store.search.search` (ranked, folded, with snippets) per category and CPU time,
   then the same with novel=True (`search --novel`).
Skips (exit 0) when ../shared is not there.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from cjk_text import generated_article, piece_pools  # noqa: E402

from ingest.config import load_config  # noqa: E402

RECORDS_PER_FILE = 1000
SHARES = {"zh": 0.1, "ja": 0.1, "ko": 0.1, "en": 0.7}
# a clause: up to and including a comma or a sentence mark
QUERY_SHAPES = {
    "zh": re.compile("[\u4e00-\u9fff]{2}"),  # any two ideographs of the text
    "ja": re.compile("[\u4e00-\u9fff]{1,2}[\u3041-\u3093]{1,2}"),  # kanji with their kana ending
    "ko": re.compile("(?<![\uac00-\ud7a3])[\uac00-\ud7a3]{2,3}(?=[은는이가을를의에도][ .,])"),  # a stem before a particle
    "en": re.compile(r"\b[a-z]{5,12}\b"),
}


def write_corpus(folder: Path, n: int, pools: dict[str, list[str]], seed: int = 1) -> int:
    """N articles as JSON Lines files under folder; returns how many files."""
    rng = random.Random(seed)
    languages = [language for language, share in SHARES.items() for _ in range(round(share * 100))]
    folder.mkdir(parents=True, exist_ok=True)
    files = 0
    for start in range(0, n, RECORDS_PER_FILE):
        lines = []
        for k in range(start, min(n, start + RECORDS_PER_FILE)):
            language = rng.choice(languages)
            title, paragraphs = generated_article(rng, pools[language], language)
            lines.append(json.dumps({"url": f"https://{language}.example/{k}", "title": title,
                                     "text": "\n\n".join(paragraphs)}, ensure_ascii=False))
        (folder / f"part{files:04d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        files += 1
    return files


def queries(db, per_language: int, seed: int = 2) -> dict[str, list[str]]:
    """Query words per language, drawn from the texts of random articles of that language."""
    rng = random.Random(seed)
    out: dict[str, list[str]] = {}
    top = db.execute("SELECT max(id) FROM articles").fetchone()[0]
    for language, shape in QUERY_SHAPES.items():
        found: list[str] = []
        tries = 0
        while len(found) < per_language and tries < per_language * 50:
            tries += 1
            row = db.execute("SELECT text FROM articles WHERE id >= ? AND url LIKE ? LIMIT 1",
                             [rng.randint(1, top), f"https://{language}.example/%"]).fetchone()
            words = shape.findall(row[0]) if row else []
            if words:
                found.append(rng.choice(words))
        out[language] = found
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=200_000)
    parser.add_argument("--keep", type=Path, help="build the archive in this folder, or reuse the one there")
    parser.add_argument("--queries", type=int, default=100, help="queries per language")
    parser.add_argument("--config", type=Path, default=ROOT / "config.toml")
    args = parser.parse_args()
    if not (SHARED / "eval").exists():
        print(f"skipped: {SHARED / 'eval'} is not there")
        return 0
    from ingest.pipeline import ingest
    from store.archive import connect
    from store.search import search

    work = args.keep or Path(tempfile.mkdtemp(prefix="newsarchive-search-"))
    work.mkdir(parents=True, exist_ok=True)
    db_path = work / f"archive-{args.n}.db"
    if not db_path.exists():
        pools = piece_pools(SHARED / "eval")
        print("pieces per language: " + ", ".join(f"{k} {len(v)}" for k, v in pools.items()))
        files = write_corpus(work / f"corpus-{args.n}", args.n, pools)
        start = time.perf_counter()
        summary = ingest([work / f"corpus-{args.n}"], db_path, load_config(args.config))
        print(f"built: {summary.read} articles from {files} files in {time.perf_counter() - start:.0f} s "
              f"({summary.new} new, {len(summary.rejected)} rejected)")
    db = connect(db_path, readonly=True)
    articles, = db.execute("SELECT count(*) FROM articles").fetchone()
    print(f"archive: {articles} articles ({db_path})")
    asked = queries(db, args.queries)
    for novel in (False, True):
        for language, words in asked.items():
            wall, cpu, empty = [], [], 0
            for word in words:
                start, start_cpu = time.perf_counter(), time.process_time()
                hits = search(db, word, limit=10, novel=novel)
                wall.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
                empty += not hits
            wall.sort()
            label = f"{language} --novel" if novel else language
            print(f"{label}: {len(words)} queries (e.g. {' '.join(words[:4])}): median {statistics.median(wall):.1f} "
                  f"ms, p95 {wall[int(len(wall) * 0.95) - 1]:.1f} ms, CPU median {statistics.median(cpu):.1f} ms; "
                  f"{empty} found nothing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
