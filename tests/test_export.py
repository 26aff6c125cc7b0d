"""`newsarchive export`: the archive out as JSON Lines, CSV or Parquet, with clusters, passages, locations."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest



def jsonl(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_every_article_with_its_cluster_passages_and_locations(cli, samples_db):
    rows = jsonl(cli("export", "--db", samples_db))
    conn = sqlite3.connect(samples_db)
    assert [r["id"] for r in rows] == [i for i, in conn.execute("SELECT id FROM articles ORDER BY id")]
    for row in rows:
        text, duplicate_of = conn.execute("SELECT text, duplicate_of FROM articles WHERE id = ?",
                                          [row["id"]]).fetchone()
        assert row["text"] == text and row["duplicate_of"] == duplicate_of
        assert row["locations"] == [loc for loc, in conn.execute(
            "SELECT location FROM sightings WHERE article_id = ? ORDER BY id", [row["id"]])]
        assert row["passage_ids"] == [p for p, in conn.execute(
            "SELECT DISTINCT passage_id FROM paragraphs WHERE article_id = ? AND passage_id IS NOT NULL "
            "ORDER BY passage_id", [row["id"]])]
    assert any(row["passage_ids"] for row in rows)  # the samples repeat the Guaidó passage


def test_originals_and_a_query_narrow_the_export(cli, samples_db):
    everything = jsonl(cli("export", "--db", samples_db))
    originals = jsonl(cli("export", "--originals", "--db", samples_db))
    assert [r for r in everything if r["duplicate_of"] is None] == originals
    found = jsonl(cli("export", "--query", "Guaido", "--db", samples_db))
    searched = jsonl(cli("search", "Guaido", "--all", "--json", "--limit", "100", "--db", samples_db))
    assert {r["id"] for r in found} == {h["id"] for h in searched} and found


def test_csv_has_a_header_and_the_same_rows(cli, samples_db, tmp_path):
    out = tmp_path / "a.csv"
    cli("export", "--format", "csv", "--output", out, "--db", samples_db)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [int(r["id"]) for r in rows] == [r["id"] for r in jsonl(cli("export", "--db", samples_db))]


def test_parquet_round_trips(cli, samples_db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "a.parquet"
    cli("export", "--format", "parquet", "--output", out, "--db", samples_db)
    assert pq.read_table(out).to_pylist() == jsonl(cli("export", "--db", samples_db))


@pytest.mark.parametrize("args", [["--format", "xml"], ["--format", "parquet"], ["--since", "19-11-2019"]])
def test_bad_options_are_one_line_usage_errors(runner, samples_db, args):
    from ingest.cli import app
    result = runner.invoke(app, ["export", *args, "--db", str(samples_db)])
    assert result.exit_code == 2 and result.output.strip().count("\n") == 0


def test_export_of_a_missing_archive_is_one_line(runner, tmp_path):
    from ingest.cli import app
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and result.output.strip().count("\n") == 0
