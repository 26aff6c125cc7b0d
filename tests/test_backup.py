"""`newsarchive backup`: one consistent, checked file, taken while the archive is in use; a
backup that cannot be made leaves nothing at its destination but what was there."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import SAMPLES, table_rows
from corpus import run
from store.backup import back_up
from store.connection import ArchiveError
from test_bad_archive import DAMAGED_TABLES, _damage_table, good_archive  # noqa: F401 (a fixture)

TABLES = ["articles", "raw_documents", "sightings", "_paragraphs", "passages", "ingest_runs"]


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def _header_journal(path: Path) -> bytes:
    """The file format bytes of an SQLite header: 1 1 for a rollback journal (one file), 2 2 for WAL."""
    return path.read_bytes()[18:20]


def test_backup_is_one_checked_file_that_reads_as_the_archive(cli, samples_db, tmp_path):
    copy = tmp_path / "backups" / "night.db"
    copy.parent.mkdir()
    result = cli("backup", copy, "--db", samples_db)
    articles = len(table_rows(samples_db, "articles"))
    assert f"to {copy}: {articles:,} articles" in result.stdout and "quick check passed" in result.stdout
    for table in TABLES:
        assert table_rows(copy, table) == table_rows(samples_db, table), table
    assert _header_journal(copy) == b"\x01\x01"  # no -wal file needed beside it
    assert _files(copy.parent) == {"night.db"}
    searched = [cli("search", "Guaido", "--json", "--db", db).stdout for db in (samples_db, copy)]
    assert searched[0] == searched[1] and searched[0].strip()


def test_a_folder_gets_the_archive_s_file_name(cli, samples_db, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    cli("backup", folder, "--db", samples_db)
    assert table_rows(folder / samples_db.name, "articles") == table_rows(samples_db, "articles")


def test_backup_holds_the_batches_still_in_the_wal(cli, samples_db, samples_copy, tmp_path):
    # A reader that stays open (datasette, a search) keeps the last ingest's pages in
    # archive.db-wal: a copy of archive.db alone would lack them.
    (samples_copy / "extra.txt").write_text("Harbour news\n\n" + "The northern pier reopened on Monday after "
                                            "divers finished repairs to its concrete pillars. " * 3,
                                            encoding="utf-8")
    reader = sqlite3.connect(samples_db)
    reader.execute("SELECT count(*) FROM articles").fetchone()
    try:
        cli("ingest", samples_copy, "--db", samples_db)
        plain_copy = tmp_path / "cp.db"
        shutil.copyfile(samples_db, plain_copy)
        articles = table_rows(samples_db, "articles")
        assert len(table_rows(plain_copy, "articles")) < len(articles)  # what cp would have kept
        copy = tmp_path / "backup.db"
        cli("backup", copy, "--db", samples_db)
        assert table_rows(copy, "articles") == articles
    finally:
        reader.close()


def test_a_write_during_the_backup_is_not_in_it_and_does_not_restart_it(samples_db, tmp_path):
    writer = sqlite3.connect(samples_db, isolation_level=None)
    before = table_rows(samples_db, "ingest_runs")
    steps: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        if not steps:  # another connection commits between the backup's first and second step
            writer.execute("UPDATE ingest_runs SET status = 'written meanwhile'")
        steps.append((done, total))

    try:
        report = back_up(samples_db, tmp_path / "backup.db", progress=progress, pages_per_step=4)
    finally:
        writer.close()
    total = steps[-1][1]
    assert steps[-1][0] == total and len(steps) == -(-total // 4)  # every page once: no restart
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)
    assert table_rows(report.path, "ingest_runs") == before  # the archive as the backup began
    assert all(row[-1] != "written meanwhile" for row in before)
    assert any("written meanwhile" in row for row in table_rows(samples_db, "ingest_runs"))


def test_an_existing_file_is_replaced_only_when_asked(cli, samples_db, tmp_path):
    copy = tmp_path / "backup.db"
    copy.write_bytes(b"last week's backup")
    result = cli("backup", copy, "--db", samples_db, code=2)
    assert "exists: give --replace" in result.output and copy.read_bytes() == b"last week's backup"
    cli("backup", copy, "--db", samples_db, "--replace")
    assert table_rows(copy, "articles") == table_rows(samples_db, "articles")


@pytest.mark.parametrize("target", ["archive.db", "archive.db-wal", "no/such/folder/b.db", "-"])
def test_the_archive_itself_a_missing_folder_or_a_stream_is_refused(cli, samples_db, target, monkeypatch):
    monkeypatch.chdir(samples_db.parent)
    before = samples_db.read_bytes()
    result = cli("backup", target, "--db", samples_db, "--replace", code=2)
    assert len(result.output.strip().splitlines()) == 1
    assert samples_db.read_bytes() == before and not (samples_db.parent / "-").exists()


@pytest.mark.parametrize("zeroed", [False, True], ids=["pointers", "zeroed"])
@pytest.mark.parametrize("table", DAMAGED_TABLES)
def test_a_damaged_archive_gives_no_backup_and_keeps_the_last_one(cli, tmp_path, good_archive, table, zeroed):
    damaged = tmp_path / "archive.db"
    _damage_table(good_archive, damaged, table, zeroed)
    backups = tmp_path / "backups"
    backups.mkdir()
    last = backups / "archive.db"
    shutil.copyfile(good_archive, last)
    result = cli("backup", backups, "--db", damaged, "--replace", code=1)
    assert "damaged" in result.output and "none was written" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert last.read_bytes() == good_archive.read_bytes() and _files(backups) == {"archive.db"}


def test_an_interrupted_backup_leaves_no_file(samples_db, tmp_path):
    copy = tmp_path / "backup.db"
    copy.write_bytes(b"last week's backup")

    def interrupt(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        back_up(samples_db, copy, replace=True, progress=interrupt, pages_per_step=4)
    assert copy.read_bytes() == b"last week's backup" and not list(tmp_path.glob("*partial*"))


# The backup's process may write files of at most 256 KB (a full disk, as the copy meets it).
FILE_SIZE_LIMIT = """
import resource, signal
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))
"""


def test_a_full_disk_is_one_line_and_leaves_no_file(tmp_path):
    db = tmp_path / "archive.db"
    assert run("ingest", SAMPLES, "--db", db).returncode == 0
    assert db.stat().st_size > 256 * 1024
    backups = tmp_path / "backups"
    backups.mkdir()
    result = run("backup", backups, "--db", db, prelude=FILE_SIZE_LIMIT)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "nothing was written there" in result.stderr
    assert _files(backups) == set()


def test_the_library_names_a_missing_archive(tmp_path):
    with pytest.raises(ArchiveError, match="no archive here"):
        back_up(tmp_path / "missing.db", tmp_path / "backup.db")


def _ids(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT location, article_id FROM sightings"))


def test_restore_puts_the_backup_in_place_and_keeps_the_file_it_replaced(cli, samples_db, samples_copy, tmp_path):
    backup = tmp_path / "backup.db"
    cli("backup", backup, "--db", samples_db)
    (samples_copy / "extra.txt").write_text("Harbour news\n\n" + "The northern pier reopened on Monday after "
                                            "divers finished repairs to its concrete pillars. " * 3,
                                            encoding="utf-8")
    cli("ingest", samples_copy, "--db", samples_db)
    before = {table: table_rows(samples_db, table) for table in TABLES}
    result = cli("restore", backup, "--db", samples_db)
    for table in TABLES:
        assert table_rows(samples_db, table) == table_rows(backup, table), table
    kept = [p for p in tmp_path.iterdir()  # the file itself, not its -wal or -shm
            if p.name.startswith("archive.db.replaced-") and not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and str(kept[0]) in result.stdout
    for table in TABLES:  # the replaced file, whole: what came after the backup is not lost
        assert table_rows(kept[0], table) == before[table], table
    cli("check", "--full", "--db", samples_db)
    cli("ingest", samples_copy, "--db", samples_db)  # what came after the backup, archived again
    assert len(table_rows(samples_db, "articles")) == len(before["articles"])
    assert {loc: i for loc, i in _ids(samples_db).items() if loc.startswith(str(SAMPLES))} == \
        {loc: i for loc, i in _ids(backup).items()}  # the backup's articles keep their ids


def test_restore_waits_for_no_ingest(cli, samples_db, tmp_path):
    from ingest.lock import WriterLock

    backup = tmp_path / "backup.db"
    cli("backup", backup, "--db", samples_db)
    before = samples_db.read_bytes()
    with WriterLock(samples_db):  # as a running ingest holds it
        result = cli("restore", backup, "--db", samples_db, code=75)
    assert "another ingest" in result.output
    assert samples_db.read_bytes() == before and not list(tmp_path.glob("*replaced*"))


@pytest.mark.parametrize("zeroed", [False, True], ids=["pointers", "zeroed"])
def test_a_damaged_backup_is_not_restored(cli, samples_db, tmp_path, good_archive, zeroed):
    backup = tmp_path / "backup.db"
    _damage_table(good_archive, backup, "articles", zeroed)
    before = samples_db.read_bytes()
    result = cli("restore", backup, "--db", samples_db, code=1)
    assert "damaged" in result.output and "the archive is as it was" in result.output
    assert samples_db.read_bytes() == before
    assert not list(tmp_path.glob("*replaced*")) and not list(tmp_path.glob("*partial*"))


def test_restore_of_a_lost_archive_needs_nothing_kept(cli, samples_db, tmp_path):
    backup = tmp_path / "backup.db"
    cli("backup", backup, "--db", samples_db)
    lost = tmp_path / "new" / "archive.db"
    lost.parent.mkdir()
    result = cli("restore", backup, "--db", lost)
    assert "kept as" not in result.stdout
    assert table_rows(lost, "articles") == table_rows(samples_db, "articles")
    assert not [p for p in lost.parent.iterdir() if "replaced" in p.name or "partial" in p.name]


def test_restore_of_no_backup_is_a_usage_error(cli, samples_db, tmp_path):
    result = cli("restore", tmp_path / "nothing.db", "--db", samples_db, code=2)
    assert "no such file" in result.output


def test_an_interrupt_during_the_swap_waits_for_its_end():
    # restore's swap (the -wal moved away, the copy renamed over the archive) runs with SIGINT
    # and SIGTERM held: one sent inside is delivered when the swap is done, not in between.
    import os
    import signal

    from store.backup import _signals_held

    received: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: received.append(signum))
    try:
        with _signals_held():
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(1000):  # bytecodes at which Python would run a delivered signal's handler
                pass
            inside = list(received)
        assert inside == [] and received == [signal.SIGTERM]
    finally:
        signal.signal(signal.SIGTERM, previous)
