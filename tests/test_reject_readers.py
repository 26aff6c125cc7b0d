"""An unchanged reject is passed over only while the reader that made it reads: after an
upgrade or a change of the input or clean settings, it is read once more, on its own
(ingest.reader)."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3

from conftest import SAMPLES

from ingest.config import Config
from ingest.reader import reader_id

SAMPLE = SAMPLES / "001_cbd5253d9990dd7e.txt"


def rejects(db) -> list[tuple]:
    return sqlite3.connect(db).execute("SELECT run_id, reason, reader_id FROM rejects ORDER BY id").fetchall()


def articles(db) -> int:
    return sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]


def test_a_file_too_large_for_one_setting_is_taken_after_the_limit_is_raised(cli, db_path, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "story.txt")
    small = tmp_path / "small.toml"
    small.write_text("[input]\nmax_file_bytes = 1000\n", encoding="utf-8")
    cli("ingest", folder, "--db", db_path, "--config", small)
    assert articles(db_path) == 0 and "input.max_file_bytes" in rejects(db_path)[0][1]
    cli("ingest", folder, "--db", db_path, "--config", small)  # the same reader: passed over
    assert len(rejects(db_path)) == 1
    result = cli("ingest", folder, "--db", db_path)  # the default limit: another reader, no flag needed
    assert "new 1" in result.output and articles(db_path) == 1
    assert len(rejects(db_path)) == 1  # the old reject stays, as history


def test_a_reject_an_older_version_made_is_read_once_more(cli, db_path, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 10)
    cli("ingest", folder, "--db", db_path)
    ((run, reason, reader),) = rejects(db_path)
    assert reader == reader_id(Config())
    # an archive written before rejects named their reader holds NULL there
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE rejects SET reader_id = NULL")
    cli("ingest", folder, "--db", db_path)
    again = rejects(db_path)
    assert len(again) == 2 and again[1][0] > run and again[1][1:] == (reason, reader)  # still binary, now known
    cli("ingest", folder, "--db", db_path)
    assert len(rejects(db_path)) == 2  # passed over from then on


def test_the_reader_changes_with_what_decides_rejects_not_with_how_the_work_is_done():
    config = Config()
    assert reader_id(config) == reader_id(Config())
    assert reader_id(dataclasses.replace(config, clean=dataclasses.replace(config.clean, min_body_share=0.2))) \
        != reader_id(config)
    assert reader_id(dataclasses.replace(config, input=dataclasses.replace(config.input, max_file_bytes=10))) \
        != reader_id(config)
    assert reader_id(dataclasses.replace(config, input=dataclasses.replace(config.input, workers=4))) \
        == reader_id(config)


def test_strict_fails_on_new_rejects_not_on_inputs_rejected_again(cli, db_path, tmp_path):
    """After an upgrade the old rejects are read once more; those turned away again are
    reported as such, and a nightly --strict run fails only for a reject it has not seen."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 10)
    cli("ingest", folder, "--db", db_path, "--strict", code=1)
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE rejects SET reader_id = 'older'")  # as an earlier version left it
    again = cli("ingest", folder, "--db", db_path, "--strict", "--json", code=0)
    summary = json.loads(again.stdout)
    assert summary["rejected"] == 1 and summary["rejected_again"] == 1
    listed = {line.split()[1]: line for line in cli("runs", "--db", db_path).stdout.splitlines() if line.startswith("run ")}
    assert "rejected again 1" in listed["2"] and "again" not in listed["1"]  # said where there is one
    (folder / "other.txt").write_bytes(bytes(range(255, -1, -1)) * 10)  # a new binary file
    newer = cli("ingest", folder, "--db", db_path, "--strict", code=1)
    assert "rejected 1" in newer.output and "again" not in newer.output  # binary.txt is unchanged now
