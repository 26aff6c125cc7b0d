"""One multi-megabyte article: search and datasette's ranked search show a short snippet.

FTS5's snippet() costs the square of an article's matches (16 s for "the" in 5 MB), so
snippets come from a bounded stretch of the article (store.search._snippets); the
timings are in benchmarks/bigarticle.py. These tests check what is shown.
"""

from __future__ import annotations

import json
import random
import re
import sqlite3
from pathlib import Path

import pytest

from conftest import SAMPLES
from store.datasette_meta import load_packaged
from store.datasette_serve import create_datasette
from store.search import SNIPPET_FIRST_CHARS, SNIPPET_SCAN_CHARS, SNIPPET_WHOLE_CHARS

COMMON = ["the"] * 6 + ["of", "and", "to", "in", "a", "said", "committee"]


def long_text(size: int, planted: dict[int, str], seed: int = 4) -> str:
    """About `size` characters of English-like paragraphs ("the" is a word in 15), with
    each planted word inserted once at about its offset."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(2000)]
    paragraphs, total = [], 0
    pending = sorted(planted.items())
    while total < size:
        words = [rng.choice(COMMON) if rng.random() < 0.4 else rng.choice(vocab) for _ in range(60)]
        if pending and total >= pending[0][0]:
            words[30] = pending.pop(0)[1]
        paragraphs.append(" ".join(words).capitalize() + ".")
        total += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


@pytest.fixture(scope="module")
def big_db(tmp_path_factory) -> Path:
    """The samples plus one article of 2.5 MB, ingested through the CLI."""
    from typer.testing import CliRunner

    from ingest.cli import app

    folder = tmp_path_factory.mktemp("big")
    inputs = folder / "inputs"
    inputs.mkdir()
    for sample in SAMPLES.iterdir():
        (inputs / sample.name).write_bytes(sample.read_bytes())
    planted = {SNIPPET_FIRST_CHARS * 3: "zanzibar", SNIPPET_SCAN_CHARS + 300_000: "quixotic"}
    text = long_text(int(2.5 * 2**20), planted)
    (inputs / "report.txt").write_text("The report of the committee\n\n" + text, encoding="utf-8")
    db = folder / "archive.db"
    result = CliRunner().invoke(app, ["ingest", str(inputs), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        size = conn.execute("SELECT max(length(text)) FROM articles").fetchone()[0]
    assert size > SNIPPET_SCAN_CHARS * 2  # it was archived whole
    return db


def big_id(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id FROM articles ORDER BY length(text) DESC LIMIT 1").fetchone()[0]


def hits(cli, db: Path, query: str) -> list[dict]:
    result = cli("search", query, "--json", "--db", db)
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("word", ["the", "committee", "said"])
def test_common_word_gets_a_short_marked_snippet(cli, big_db, word):
    found = {hit["id"]: hit for hit in hits(cli, big_db, word)}
    snippet = found[big_id(big_db)]["snippet"]
    assert len(snippet) < 400
    assert re.search(rf"\[{word}\]", snippet, re.IGNORECASE), snippet


def test_word_further_in_is_found_within_the_bounded_stretch(cli, big_db):
    # in the first MB but past the first 64 KB: marked; past the first MB: the
    # article is still a hit (the index has all of it), its snippet is its beginning
    (near,) = hits(cli, big_db, "zanzibar")
    assert "[zanzibar]" in near["snippet"] and near["snippet"].startswith(" … ")
    (far,) = hits(cli, big_db, "quixotic")
    assert far["id"] == big_id(big_db) and "[" not in far["snippet"] and 0 < len(far["snippet"]) < 400


def test_short_articles_keep_fts5_snippets(cli, big_db):
    found = hits(cli, big_db, "Guaido")
    assert len(found) >= 3 and all("[Guaid" in hit["snippet"] for hit in found)


@pytest.mark.asyncio
async def test_datasette_ranked_search_shows_a_short_snippet(big_db):
    ds = create_datasette(big_db)
    response = await ds.client.get(f"/{big_db.stem}/search.json?q=the&source=&_shape=array")
    assert response.status_code == 200, response.text
    rows = {row["id"]: row for row in response.json()}
    snippet = rows[big_id(big_db)]["snippet"]
    assert len(snippet) < 400 and "[the]" in snippet.lower()
    short = [row for key, row in rows.items() if key != big_id(big_db)]
    assert short and all("[the]" in row["snippet"].lower() for row in short)


def test_canned_search_bounds_snippets_as_the_cli_does():
    sql = load_packaged()["databases"]["archive"]["queries"]["search"]["sql"]
    assert sql.count(f"> {SNIPPET_WHOLE_CHARS}") == 1 and "snippet(articles_fts" in sql
