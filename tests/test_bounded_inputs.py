"""Inputs bounded by configuration: batches cut by bytes, documents cleaned up to
input.max_clean_bytes, one location per input whatever its name, and no link that
leads out of the folders named on the command line followed unless configured."""

from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path

from conftest import SAMPLES

from ingest.config import InputOptions
from ingest.pipeline import batched
from ingest.sources import find_inputs, input_size
from store.rawcontent import raw_content

SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def write_config(path: Path, archive: str = "", inputs: str = "") -> Path:
    path.write_text(f"[archive]\n{archive}\n[input]\nworkers = 1\n{inputs}\n", encoding="utf-8")
    return path


def test_batches_are_cut_by_bytes_and_a_larger_input_is_a_batch_alone(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    sizes = [9_000, 9_000, 9_000, 60_000, 4_000, 4_000, 30_000]
    for i, size in enumerate(sizes):
        (folder / f"{i}.txt").write_bytes(b"word " * (size // 5))
    plain = b"gzip text " * 4_000
    (folder / "7.txt.gz").write_bytes(gzip.compress(plain))
    options, limit = InputOptions(), 25_000
    items = list(find_inputs([folder], options))
    weights = [input_size(item, options) for item in items]
    assert weights == [*sizes, len(plain)]  # a gzip file weighs what it holds

    batches = list(batched(items, 100, limit, lambda item: input_size(item, options)))
    assert [item for batch in batches for item in batch] == items  # nothing lost or reordered
    weight = dict(zip(items, weights))
    totals = [sum(weight[item] for item in batch) for batch in batches]
    for batch, total in zip(batches, totals):
        assert total <= limit or len(batch) == 1, (batch, total)
    for batch, following in zip(batches, batches[1:]):  # each batch is cut only where it must be
        assert sum(weight[item] for item in batch) + weight[following[0]] > limit
    assert any(len(batch) == 1 and weight[batch[0]] > limit for batch in batches)
    assert [len(b) for b in batched(items, 2, limit, lambda item: input_size(item, options))][0] == 2  # count too


def test_a_folder_of_inputs_larger_than_batch_bytes_is_archived_whole(cli, tmp_path):
    folder, db = tmp_path / "in", tmp_path / "archive.db"
    folder.mkdir()
    for sample in SAMPLE_FILES:
        (folder / sample.name).write_bytes(sample.read_bytes())
    config = write_config(tmp_path / "config.toml", archive="batch_bytes = 1")  # every input alone
    result = cli("ingest", folder, "--db", db, "--config", config)
    assert f"read {len(SAMPLE_FILES)}" in result.output
    assert rows(db, "SELECT count(*) FROM sightings")[0][0] == len(SAMPLE_FILES)


def test_text_above_max_clean_bytes_is_cleaned_in_part_and_stored_whole(cli, tmp_path):
    folder, db = tmp_path / "in", tmp_path / "archive.db"
    folder.mkdir()
    article = SAMPLE_FILES[0].read_bytes()
    tail = b"\n\nThe committee heard a long series of further statements from every member present today.\n" * 400
    data = article + tail
    (folder / "long.txt").write_bytes(data)
    limit = len(article) + 100
    config = write_config(tmp_path / "config.toml", inputs=f"max_clean_bytes = {limit}")
    cli("ingest", folder, "--db", db, "--config", config)

    (text,) = rows(db, "SELECT text FROM articles")[0]
    assert len(text.encode()) <= limit
    first_paragraph = article.decode().split("\n\n")[2]
    assert first_paragraph[:80] in text  # the article is kept
    with sqlite3.connect(db) as conn:  # the input is stored whole (compressed: store.rawcontent)
        assert [raw_content(conn, i) for (i,) in conn.execute("SELECT id FROM raw_documents")] == [data]
    notes = rows(db, "SELECT text FROM removed_lines WHERE rule = 'max_clean_bytes'")
    assert len(notes) == 1 and f"{len(data):,}-byte input" in notes[0][0] and "\n" not in notes[0][0]

    small = write_config(tmp_path / "whole.toml", inputs=f"max_clean_bytes = {len(data)}")
    cli("ingest", folder, "--db", tmp_path / "whole.db", "--config", small)
    assert not rows(tmp_path / "whole.db", "SELECT 1 FROM removed_lines WHERE rule = 'max_clean_bytes'")


def test_names_that_escaped_alike_get_their_own_locations(cli, tmp_path):
    folder, db = tmp_path / "in", tmp_path / "archive.db"
    folder.mkdir()
    names = {"new\nline.txt": SAMPLE_FILES[0], "new\\x0aline.txt": SAMPLE_FILES[1], "plain.txt": SAMPLE_FILES[2]}
    for name, sample in names.items():
        (folder / name).write_bytes(sample.read_bytes())
    result = cli("ingest", folder, "--db", db)
    assert "read 3" in result.output and "new 3" in result.output
    locations = {r[0] for r in rows(db, "SELECT location FROM sightings")}
    assert len(locations) == 3
    assert str(folder / "plain.txt") in locations  # an ordinary name is stored as it is
    assert all("\n" not in location for location in locations)
    again = cli("ingest", folder, "--db", db)
    assert "unchanged 3" in again.output


def test_links_out_of_the_named_folders_are_rejected_unless_configured(cli, tmp_path):
    folder, outside, db = tmp_path / "in", tmp_path / "private", tmp_path / "archive.db"
    folder.mkdir()
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_bytes(SAMPLE_FILES[0].read_bytes())
    secret.chmod(0o600)
    (outside / "more.txt").write_bytes(SAMPLE_FILES[1].read_bytes())
    (folder / "story.txt").write_bytes(SAMPLE_FILES[2].read_bytes())
    (folder / "inside-link.txt").symlink_to("story.txt")  # a link within the folder still works
    (folder / "secret-link.txt").symlink_to(secret)
    (folder / "private-folder").symlink_to(outside, target_is_directory=True)

    result = cli("ingest", folder, "--db", db)
    rejects = dict(rows(db, "SELECT location, reason FROM rejects"))
    for link in ("secret-link.txt", "private-folder"):
        reason = rejects[str(folder / link)]
        assert "outside the folders named on the command line" in reason and "follow_links_outside" in reason
        assert str(folder / link) in result.output
    sighted = {r[0] for r in rows(db, "SELECT location FROM sightings")}
    assert sighted == {str(folder / "story.txt"), str(folder / "inside-link.txt")}

    named = cli("ingest", folder / "secret-link.txt", "--db", db)  # named on the command line: followed
    assert "new 1" in named.output
    assert str(folder / "secret-link.txt") in {r[0] for r in rows(db, "SELECT location FROM sightings")}

    cli("ingest", folder, outside, "--db", tmp_path / "both.db")  # the target folder is named too
    assert not rows(tmp_path / "both.db", "SELECT reason FROM rejects WHERE reason LIKE '%outside%'")

    today = tmp_path / "today"  # a named folder that is itself a link: its target is the folder named
    today.symlink_to(folder, target_is_directory=True)
    cli("ingest", today, "--db", tmp_path / "today.db")
    outside_rejects = {r[0] for r in rows(tmp_path / "today.db", "SELECT location FROM rejects WHERE reason LIKE '%outside%'")}
    assert outside_rejects == {str(today / "secret-link.txt"), str(today / "private-folder")}
    assert str(today / "story.txt") in {r[0] for r in rows(tmp_path / "today.db", "SELECT location FROM sightings")}

    config = write_config(tmp_path / "config.toml", inputs="follow_links_outside = true")
    followed = cli("ingest", folder, "--db", db, "--config", config)
    assert "rejected 0" in followed.output, followed.output
    sighted = {r[0] for r in rows(db, "SELECT location FROM sightings")}
    assert str(folder / "private-folder" / "more.txt") in sighted
    assert str(folder / "secret-link.txt") in sighted
