"""Near-duplicate detection quality on labelled corpora built by shared/eval/make_dupes.py.

usage: python benchmarks/dedup.py [--seeds 7 8] [--base DIR] [--keep DIR] [--no-cjk] [--generated N]
For each seed: build the corpus, ingest it into a fresh archive, print the scorer's line;
then the same, beside the English one, on two corpora of Chinese, Japanese and Korean
news (benchmarks/cjk_text.py): "cjk", whose base articles are the real sentences of the
eval sets' gold bodies in those languages, recombined, each used once (few: about 20);
"cjkgen", N base articles per language generated from the words of those bodies.
Skips (exit 0) when ../shared is not there.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ingest.config import load_config  # noqa: E402
from ingest.pipeline import ingest  # noqa: E402

from cjk_text import cjk_sentences, generated_article, piece_pools, recombined_articles  # noqa: E402

def write_base(out: Path, articles: list[tuple[str, str, list[str]]]) -> dict[str, int]:
    """A base folder (gold.jsonl + text/<id>.txt, title on its first line, as make_dupes.py
    reads it) of (language, title, paragraphs) articles; how many per language."""
    (out / "text").mkdir(parents=True, exist_ok=True)
    records, counts = [], {}
    for number, (language, title, paragraphs) in enumerate(articles):
        page_id = f"{language}-{number:04d}"
        body = "\n\n".join(paragraphs)
        (out / "text" / f"{page_id}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
        records.append(json.dumps({"id": page_id, "body": body}, ensure_ascii=False))
        counts[language] = counts.get(language, 0) + 1
    (out / "gold.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    return counts


def generated_articles(eval_dir: Path, per_language: int, seed: int = 3) -> list[tuple[str, str, list[str]]]:
    """`per_language` Chinese, Japanese and Korean articles each, of word-sized pieces of the
    eval sets' gold bodies (cjk_text.generated_article), 4-6 paragraphs long."""
    pools, rng, out = piece_pools(eval_dir), random.Random(seed), []
    for language in ("zh", "ja", "ko"):
        while sum(1 for a in out if a[0] == language) < per_language:
            title, paragraphs = generated_article(rng, pools[language], language)
            if len(paragraphs) >= 4:
                out.append((language, title, paragraphs))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, nargs="+", default=[7, 8])
    parser.add_argument("--base", type=Path, default=SHARED / "eval" / "aeb-dev")
    parser.add_argument("--config", type=Path, default=ROOT / "config.toml")
    parser.add_argument("--keep", type=Path, help="keep corpora and archives in this folder")
    parser.add_argument("--no-cjk", action="store_true", help="skip the Chinese, Japanese and Korean corpora")
    parser.add_argument("--generated", type=int, default=60, help="generated base articles per language")
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
        counts = write_base(work / "base-cjk", recombined_articles(cjk_sentences(SHARED / "eval")))
        print(f"cjk: {sum(counts.values())} base articles {counts} of the sentences of the Chinese, Japanese "
              f"and Korean gold bodies in {SHARED / 'eval'}, recombined, each used once")
        bases.append(("cjk ", work / "base-cjk"))
        counts = write_base(work / "base-cjkgen", generated_articles(SHARED / "eval", args.generated))
        print(f"cjkgen: {sum(counts.values())} base articles {counts} generated from their words")
        bases.append(("cjkgen ", work / "base-cjkgen"))
    for label, base in bases:
        for seed in args.seeds:
            name = f"{label.strip() or 'base'}-{seed}"
            corpus, db = work / f"corpus-{name}", work / f"archive-{name}.db"
            for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                stale.unlink(missing_ok=True)
            subprocess.run([sys.executable, str(make), str(base), str(corpus), "--seed", str(seed)],
                           check=True, capture_output=True)
            start = time.perf_counter()
            # the site folders alone: truth.json beside them is the answer key, no article
            summary = ingest(sorted(p for p in corpus.iterdir() if p.is_dir()), db, config)
            seconds = time.perf_counter() - start
            scored = subprocess.run([sys.executable, str(score), str(corpus), str(db)],
                                    check=True, capture_output=True, text=True).stdout.strip().splitlines()
            print(f"{label}seed {seed}: {summary.read} files ingested in {seconds:.1f} s, "
                  f"{len(summary.rejected)} rejected; {scored[0]}")
            print(f"{label}seed {seed}: {scored[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
