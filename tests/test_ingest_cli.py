"""Ingest through the real CLI: idempotent reruns, sightings, rejects, config errors."""

from __future__ import annotations

import gzip
import shutil
import sqlite3

import pytest

from conftest import SAMPLES, table_rows

CONTENT_TABLES = ["articles", "sightings", "paragraphs", "passages", "removed_lines",
                  "raw_documents", "rejects", "_lsh_articles_runs", "_lsh_articles_blocks",
                  "_lsh_paragraphs_runs", "_lsh_paragraphs_blocks"]


def test_rerun_changes_nothing_but_the_run_record(cli, samples_db):
    before = {t: table_rows(samples_db, t) for t in CONTENT_TABLES}
    runs_before = table_rows(samples_db, "ingest_runs")
    result = cli("ingest", SAMPLES, "--db", samples_db)
    assert "new 0" in result.output
    assert {t: table_rows(samples_db, t) for t in CONTENT_TABLES} == before
    assert len(table_rows(samples_db, "ingest_runs")) == len(runs_before) + 1


def test_same_content_under_another_path_is_a_new_sighting(cli, samples_db, tmp_path):
    other = tmp_path / "mirror"
    other.mkdir()
    shutil.copy(SAMPLES / "000_7787a9d21136dbfa.txt", other / "copy.txt")
    articles = len(table_rows(samples_db, "articles"))
    cli("ingest", other, "--db", samples_db)
    conn = sqlite3.connect(samples_db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == articles
    rows = conn.execute("SELECT article_id FROM sightings WHERE location LIKE '%copy.txt'").fetchall()
    original = conn.execute("SELECT article_id FROM sightings WHERE location LIKE '%000_7787%'").fetchone()
    assert rows == [original]


def test_exact_duplicate_under_other_boilerplate_is_a_sighting(cli, samples_db, tmp_path):
    text = (SAMPLES / "002_6be69f8a55dac445.txt").read_text(encoding="utf-8")
    variant = tmp_path / "variant"
    variant.mkdir()
    (variant / "dup.txt").write_text(text.replace("- Advertisement -", "Share this:"), encoding="utf-8")
    articles = len(table_rows(samples_db, "articles"))
    result = cli("ingest", variant, "--db", samples_db)
    assert "exact duplicates 1" in result.output
    assert len(table_rows(samples_db, "articles")) == articles


def test_gzip_and_html_inputs(cli, db_path, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    body = (SAMPLES / "000_7787a9d21136dbfa.txt").read_bytes()
    (folder / "a.txt.gz").write_bytes(gzip.compress(body))
    paragraphs = "".join(f"<p>{p}</p>" for p in body.decode().split("\n\n")[2:])
    html = f"<html><head><title>Lavrov speaks</title></head><body><article><h1>Lavrov speaks</h1>{paragraphs}</article></body></html>"
    (folder / "b.html").write_text(html, encoding="utf-8")
    result = cli("ingest", folder, "--db", db_path)
    assert "read 2" in result.output and "rejected 0" in result.output
    conn = sqlite3.connect(db_path)
    assert {r[0] for r in conn.execute("SELECT media_type FROM raw_documents")} == {"text/plain", "text/html"}


def test_unusable_files_become_rejects_and_the_run_goes_on(cli, db_path, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "001_cbd5253d9990dd7e.txt", folder / "good.txt")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    result = cli("ingest", folder, "--db", db_path)
    assert "new 1" in result.output and "rejected 3" in result.output
    reasons = dict((loc.rsplit("/", 1)[1], reason) for _, _, loc, reason, *_ in table_rows(db_path, "rejects"))
    assert "binary" in reasons["binary.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "gzip" in reasons["broken.txt.gz"]
    cli("ingest", folder, "--db", db_path, "--strict", code=0)  # unchanged rejects are not retried


def test_strict_exits_1_on_a_new_reject(cli, db_path, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    cli("ingest", tmp_path / "empty.txt", "--db", db_path, "--strict", code=1)


def test_bad_config_key_is_named(cli, db_path, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[dedup]\nnum_perms = 64\n", encoding="utf-8")
    result = cli("ingest", SAMPLES, "--db", db_path, "--config", config, code=2)
    assert "dedup.num_perms" in result.output


def test_bad_config_value_is_named(cli, db_path, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[dedup]\npassage_jaccard = 1.5\n", encoding="utf-8")
    result = cli("ingest", SAMPLES, "--db", db_path, "--config", config, code=2)
    assert "dedup.passage_jaccard" in result.output


def test_archive_built_with_other_minhash_settings_refuses_to_open(cli, samples_db, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[dedup]\nnum_perm = 64\n", encoding="utf-8")
    result = cli("ingest", SAMPLES, "--db", samples_db, "--config", config, code=1)
    assert "num_perm=128" in result.output


def test_existing_archive_keeps_its_lsh_bands_when_the_config_changes_them(cli, tmp_path):
    import json

    wide, narrow = tmp_path / "wide.toml", tmp_path / "narrow.toml"
    wide.write_text("[dedup]\nparagraph_lsh_threshold = 0.3\nparagraph_lsh_perms = 64\n", encoding="utf-8")
    narrow.write_text("[dedup]\nparagraph_lsh_threshold = 0.5\nparagraph_lsh_perms = 16\n", encoding="utf-8")
    db = tmp_path / "archive.db"
    cli("ingest", str(next(SAMPLES.glob("000_*.txt"))), "--db", str(db), "--config", str(wide))

    def bands() -> tuple:
        settings = dict(table_rows(db, "_settings"))
        return json.loads(settings["paragraph_bands"]), json.loads(settings["paragraph_rows"])

    built_with = bands()
    cli("ingest", SAMPLES, "--db", str(db), "--config", str(narrow))
    assert bands() == built_with
    # the Guaido passage of 000 (indexed with the archive's bands) is found from 001
    assert table_rows(db, "passages")


def test_project_config_file_is_valid_and_complete():
    import dataclasses
    import tomllib

    from conftest import ROOT
    from ingest.config import Config, load_config

    loaded = load_config(ROOT / "config.toml")
    assert loaded == Config()  # the file and the code defaults agree
    data = tomllib.loads((ROOT / "config.toml").read_text())
    for section in dataclasses.fields(Config):
        assert set(data[section.name]) == {f.name for f in dataclasses.fields(getattr(loaded, section.name))}


def test_a_negative_filter_memory_is_an_error_naming_the_key(tmp_path):
    from ingest.config import load_config

    path = tmp_path / "c.toml"
    path.write_text("[archive]\nfilter_memory_mb = -1\n")
    with pytest.raises(ValueError, match="archive.filter_memory_mb"):
        load_config(path)


def test_a_run_given_many_files_by_name_keeps_the_first_names_and_the_count(cli, tmp_path, db_path):
    import json

    from store.archive import RUN_PATHS_KEPT

    folder = tmp_path / "in"
    folder.mkdir()
    files = []
    for i in range(RUN_PATHS_KEPT + 5):  # as `newsarchive ingest $(find ...)` names them
        path = folder / f"{i:04d}.txt"
        path.write_text(f"Story {i}\n\nA short story number {i} about nothing in particular.\n", encoding="utf-8")
        files.append(path)
    cli("ingest", *files, "--db", db_path)
    (paths,), = sqlite3.connect(db_path).execute("SELECT paths FROM ingest_runs").fetchall()
    kept = json.loads(paths)
    assert kept[:-1] == [str(p) for p in files[:RUN_PATHS_KEPT]] and kept[-1] == "... and 5 more"
