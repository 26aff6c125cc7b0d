"""The five samples come out of the real CLI as shared/eval/seeds-gold.json says."""

from __future__ import annotations

import sqlite3

import pytest

from conftest import SAMPLES

SEED_FILES = sorted(p.name for p in SAMPLES.glob("*.txt"))


def stored_article(db_path, name: str) -> dict:
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    row = conn.execute(
        "SELECT a.* FROM articles a JOIN sightings s ON s.article_id = a.id WHERE s.location LIKE ?",
        [f"%/{name}"]).fetchone()
    assert row is not None, f"{name} was not archived"
    return dict(row)


@pytest.mark.parametrize("name", SEED_FILES)
def test_seed_title_and_date(samples_db, seeds_gold, name):
    article = stored_article(samples_db, name)
    assert article["title"] == seeds_gold[name]["title"]
    assert article["published"] == seeds_gold[name]["published"]


@pytest.mark.parametrize("name", SEED_FILES)
def test_seed_boilerplate_absent(samples_db, seeds_gold, name):
    text = stored_article(samples_db, name)["text"]
    lines = {line.strip() for line in text.split("\n")}
    for boilerplate in seeds_gold[name]["removed"]:
        assert boilerplate.strip() not in lines, boilerplate


@pytest.mark.parametrize("name", SEED_FILES)
def test_seed_body_paragraphs_in_order(samples_db, seeds_gold, name):
    paragraphs = stored_article(samples_db, name)["text"].split("\n\n")
    expected = seeds_gold[name]["body_paragraphs"]
    positions = [paragraphs.index(p) if p in paragraphs else -1 for p in expected]
    missing = [p[:60] for p, pos in zip(expected, positions) if pos < 0]
    assert not missing, missing
    assert positions == sorted(positions)


def test_removed_lines_keep_their_rule(samples_db, seeds_gold):
    conn = sqlite3.connect(samples_db)
    removed = conn.execute("SELECT text, rule FROM removed_lines").fetchall()
    texts = {t.strip() for t, _ in removed}
    assert all(rule for _, rule in removed)
    for name in SEED_FILES:
        for line in seeds_gold[name]["removed"]:
            assert line.strip() in texts, line


def test_guaido_paragraphs_share_a_passage(samples_db, seeds_gold):
    conn = sqlite3.connect(samples_db)
    passage_ids = []
    for name, first_words in seeds_gold["_near_duplicate_passages"][0]["members"]:
        article_id = stored_article(samples_db, name)["id"]
        row = conn.execute("SELECT passage_id FROM paragraphs WHERE article_id = ? AND text LIKE ?",
                           [article_id, first_words + "%"]).fetchone()
        assert row is not None, (name, first_words)
        passage_ids.append(row[0])
    assert passage_ids[0] is not None
    assert len(set(passage_ids)) == 1
