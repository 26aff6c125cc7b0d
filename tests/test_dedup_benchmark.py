"""benchmarks/dedup.py builds a labelled corpus with shared/eval/make_dupes.py, ingests it and
scores the archive with score_dupes.py; here on a base of a few aeb-dev pages (skipped when
../shared is not there)."""

from __future__ import annotations

import json
import sys

import pytest

from corpus import ROOT, load_benchmark_script

EVAL = ROOT.parent / "shared" / "eval"
pytestmark = pytest.mark.skipif(
    not all((EVAL / name).exists() for name in ("make_dupes.py", "score_dupes.py", "aeb-dev")),
    reason="../shared/eval (make_dupes.py, score_dupes.py, aeb-dev) is not there")


@pytest.fixture
def small_base(tmp_path):
    """Eight aeb-dev pages laid out as make_dupes.py reads a base."""
    base = tmp_path / "base"
    (base / "text").mkdir(parents=True)
    rows = (EVAL / "aeb-dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines()[:8]
    for row in rows:
        page = json.loads(row)["id"]
        (base / "text" / f"{page}.txt").write_bytes((EVAL / "aeb-dev" / "text" / f"{page}.txt").read_bytes())
    (base / "gold.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return base


def test_every_article_of_the_corpus_is_ingested_and_its_answer_key_is_not(small_base, tmp_path, monkeypatch,
                                                                           capsys):
    keep = tmp_path / "keep"
    monkeypatch.setattr(sys, "argv", ["dedup.py", "--seeds", "3", "--base", str(small_base), "--no-cjk",
                                      "--keep", str(keep)])
    assert load_benchmark_script("dedup").main() == 0
    out = capsys.readouterr().out
    articles = [path for path in (keep / "corpus-base-3").rglob("*") if path.is_file() and path.name != "truth.json"]
    assert articles
    assert f"{len(articles)} files ingested" in out
    assert " 0 rejected;" in out
    assert "articles F1" in out and "passages F1" in out
