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
import random
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
_HANGUL_CHAR = re.compile("[\uac00-\ud7a3]")
_KANA_CHAR = re.compile("[\u3040-\u30ff]")
# a sentence: up to and including its terminal mark (CJK marks need no space after them)
_SENTENCE = re.compile(r"[^。！？!?.]*(?:[。！？]+[」』）”\"]*|[.!?]+(?=\s|$))")


def body_language(body: str) -> str | None:
    """"zh", "ja" or "ko" when over a third of the body is written in that script, else None.

    Korean separates words by spaces (Hangul is not among the scripts without spaces),
    so it is told by its own characters."""
    if len(_HANGUL_CHAR.findall(body)) > len(body) / 3:
        return "ko"
    han_and_kana = len(_NOSPACE_CHAR.findall(body))
    if han_and_kana <= len(body) / 3:
        return None
    return "ja" if len(_KANA_CHAR.findall(body)) > han_and_kana / 10 else "zh"


def cjk_sentences(eval_dir: Path) -> dict[str, list[str]]:
    """The distinct sentences (at least 12 characters, ending with a sentence mark) of
    the gold bodies of every eval set written in Chinese, Japanese or Korean, per language,
    in file order. Lines without a sentence mark (menus, captions, lists) are left out."""
    pools: dict[str, list[str]] = {"zh": [], "ja": [], "ko": []}
    seen: set[str] = set()
    for gold in sorted(eval_dir.glob("*/gold.jsonl")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            body = json.loads(line)["body"]
            language = body_language(body)
            if language is None:
                continue
            for paragraph in body.splitlines():
                for match in _SENTENCE.finditer(paragraph):
                    sentence = match.group().strip()
                    if len(sentence) >= 12 and sentence not in seen:
                        seen.add(sentence)
                        pools[language].append(sentence)
    return pools


def recombined_articles(pools: dict[str, list[str]], seed: int = 0) -> list[tuple[str, str, list[str]]]:
    """(language, title, paragraphs) articles made of the pooled sentences, each sentence
    used once (so two articles share no text but what make_dupes.py plants): shuffled per
    language with a fixed seed, a title and then 4-6 paragraphs of 2-4 sentences (Korean,
    whose paragraphs count words, not characters: 3-5)."""
    out = []
    for language, sentences in sorted(pools.items()):
        rng = random.Random(f"{language}-{seed}")
        pool = list(sentences)
        rng.shuffle(pool)
        joiner = " " if language == "ko" else ""
        low, high = (3, 5) if language == "ko" else (2, 4)
        while len(pool) >= 1 + 4 * low:
            title = pool.pop().rstrip("。.！？!?")[:40]
            paragraphs = []
            for _ in range(rng.randint(4, 6)):
                if len(pool) < low:
                    break
                paragraphs.append(joiner.join(pool.pop() for _ in range(min(len(pool), rng.randint(low, high)))))
            out.append((language, title, paragraphs))
    return out


def cjk_base(eval_dir: Path, out: Path) -> dict[str, int]:
    """A base folder (gold.jsonl + text/, as make_dupes.py reads it) of Chinese, Japanese
    and Korean articles recombined from the eval sets' gold bodies; articles per language."""
    (out / "text").mkdir(parents=True, exist_ok=True)
    records, counts = [], {}
    for number, (language, title, paragraphs) in enumerate(recombined_articles(cjk_sentences(eval_dir))):
        page_id = f"{language}-{number:04d}"
        body = "\n\n".join(paragraphs)
        (out / "text" / f"{page_id}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
        records.append(json.dumps({"id": page_id, "body": body}, ensure_ascii=False))
        counts[language] = counts.get(language, 0) + 1
    (out / "gold.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    return counts


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
        counts = cjk_base(SHARED / "eval", work / "base-cjk")
        print(f"Chinese, Japanese and Korean: {sum(counts.values())} base articles ({counts}) recombined "
              f"from the sentences of the gold bodies in {SHARED / 'eval'}")
        bases.append(("cjk ", work / "base-cjk"))
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
