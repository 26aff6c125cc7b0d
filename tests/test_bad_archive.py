"""Every reading command on a bad archive, and every out-of-range number, gets one line.

Through the real CLI (CliRunner): a missing, empty, non-SQLite, foreign-SQLite,
damaged, truncated or unreadable (a directory in its place: tests run as root, for
whom chmod 000 hides nothing) archive makes `stats`, `runs`, `show`, `dupes`,
`search` and `serve --print-metadata` print one line and exit 1, never a traceback;
numbers SQLite cannot hold, or outside an option's range, are usage errors (exit 2);
nonsense MinHash settings are refused when the config is loaded, naming the key.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from conftest import SAMPLES

COMMANDS = [["stats"], ["runs"], ["show", "1"], ["dupes"], ["dupes", "--passages"], ["search", "Guaido"],
            ["search", "Guaido", "--novel"], ["serve", "--print-metadata"], ["check"], ["check", "--full"]]


def _damage(good: Path, target: Path, keep: int, cut: bool = False) -> None:
    """A copy of the archive with everything after its first `keep` bytes overwritten by
    noise (or, with `cut`, cut off)."""
    data = bytearray(good.read_bytes())
    rng = random.Random(1)
    data[keep:] = b"" if cut else bytes(rng.randrange(256) for _ in range(len(data) - keep))
    target.write_bytes(bytes(data))


def make_bad(kind: str, folder: Path, good: Path) -> Path:
    """An archive path of the given kind of bad."""
    path = folder / f"{kind}.db"
    page = sqlite3.connect(good).execute("PRAGMA page_size").fetchone()[0]
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "not_sqlite":
        path.write_text("run 1: read 5, new 5\n", encoding="utf-8")
    elif kind == "foreign_sqlite":
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    elif kind == "directory":
        path.mkdir()
    elif kind == "damaged_schema":  # the schema page, past the file header
        data = bytearray(good.read_bytes())
        data[100:page] = bytes(page - 100)
        path.write_bytes(bytes(data))
    elif kind == "damaged_tables":  # every page but the schema's
        _damage(good, path, page)
    elif kind == "truncated":
        _damage(good, path, good.stat().st_size // 3, cut=True)
    return path  # "missing": nothing there


BAD = ["missing", "empty", "not_sqlite", "foreign_sqlite", "directory", "damaged_schema", "damaged_tables",
       "truncated"]


@pytest.fixture(scope="module")
def good_archive(tmp_path_factory) -> Path:
    """The samples archive, checkpointed into its one file."""
    from typer.testing import CliRunner

    from ingest.cli import app

    db = tmp_path_factory.mktemp("good") / "archive.db"
    result = CliRunner().invoke(app, ["ingest", str(SAMPLES), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    return db


def one_line_error(result) -> str:
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit), result.exception
    return lines[0]


@pytest.mark.parametrize("kind", BAD)
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_reading_a_bad_archive_prints_one_line(runner, tmp_path, good_archive, kind, command):
    from ingest.cli import app

    path = make_bad(kind, tmp_path, good_archive)
    result = runner.invoke(app, [*command, "--db", str(path)])
    assert result.exit_code == 1, (result.output, result.exception)
    assert str(path) in one_line_error(result) or "could not be" in result.output


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_the_good_archive_still_reads(runner, good_archive, command):
    from ingest.cli import app

    result = runner.invoke(app, [*command, "--db", str(good_archive)])
    assert result.exit_code == 0, (result.output, result.exception)


@pytest.mark.parametrize("args", [
    ["show", "9223372036854775808"],
    ["show", "-1"],
    ["show", "0"],
    ["search", "Guaido", "--window", "99999999999999999999"],
    ["search", "Guaido", "--window", "-1"],
    ["search", "Guaido", "--limit", "0"],
    ["search", "Guaido", "--limit", "99999999999999999999"],
    ["runs", "--limit", "99999999999999999999"],
    ["dupes", "--limit", "9223372036854775808"],
    ["show", "abc"],
], ids=" ".join)
def test_out_of_range_numbers_are_usage_errors(runner, good_archive, args):
    from ingest.cli import app

    result = runner.invoke(app, [*args, "--db", str(good_archive)])
    assert result.exit_code == 2, (result.output, result.exception)
    assert "--help" in one_line_error(result)


def test_the_largest_id_is_no_usage_error(cli, good_archive):
    result = cli("show", "9223372036854775807", "--db", good_archive, code=1)
    assert "no article with id 9223372036854775807" in one_line_error(result)


@pytest.mark.parametrize("setting, key", [
    ("num_perm = 1", "dedup.num_perm"),
    ("num_perm = 8", "dedup.num_perm"),
    ("num_perm = 100000", "dedup.num_perm"),
    ("paragraph_lsh_perms = 1", "dedup.paragraph_lsh_perms"),
    ("seed = -1", "dedup.seed"),
    ("seed = 4294967296", "dedup.seed"),
    ("article_jaccard = 0.0", "dedup.article_jaccard"),
    ("passage_containment = 1.5", "dedup.passage_containment"),
    ("article_lsh_threshold = -0.2", "dedup.article_lsh_threshold"),
])
def test_nonsense_dedup_settings_are_refused_before_the_run(runner, tmp_path, setting, key):
    from ingest.cli import app

    config = tmp_path / "config.toml"
    config.write_text(f"[dedup]\n{setting}\n", encoding="utf-8")
    db = tmp_path / "archive.db"
    result = runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(db), "--config", str(config)])
    assert result.exit_code == 2, (result.output, result.exception)
    assert key in one_line_error(result)
    assert not db.exists()  # refused before anything was opened


@pytest.mark.parametrize("kind", BAD)
def test_reclean_on_a_bad_archive_prints_one_line(runner, tmp_path, good_archive, kind):
    from ingest.cli import app

    path = make_bad(kind, tmp_path, good_archive)
    result = runner.invoke(app, ["reclean", "--db", str(path)])
    assert result.exit_code == 1, (result.output, result.exception)
    one_line_error(result)


@pytest.mark.parametrize("kind", ["not_sqlite", "directory", "damaged_schema", "damaged_tables", "truncated"])
def test_ingest_into_a_bad_archive_prints_one_line(runner, tmp_path, good_archive, kind):
    # (a missing or empty file is where a new archive is made)
    from ingest.cli import app

    path = make_bad(kind, tmp_path, good_archive)
    result = runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(path)])
    assert result.exit_code == 1, (result.output, result.exception)
    assert str(path) in one_line_error(result)


@pytest.mark.parametrize("full", [False, True], ids=["quick", "full"])
def test_check_finds_damage_in_pages_that_search_does_not_read(runner, tmp_path, good_archive, full):
    from ingest.cli import app

    # noise over the last page only: the file opens and `search` answers (it reads other
    # pages), but the check reads every page
    page = sqlite3.connect(good_archive).execute("PRAGMA page_size").fetchone()[0]
    damaged = tmp_path / "late.db"
    _damage(good_archive, damaged, good_archive.stat().st_size - page)
    assert runner.invoke(app, ["search", "Guaido", "--db", str(damaged)]).exit_code == 0
    result = runner.invoke(app, ["check", "--db", str(damaged), *(["--full"] if full else [])])
    assert result.exit_code == 1 and str(damaged) in one_line_error(result) and "damaged" in result.output
    fine = runner.invoke(app, ["check", "--db", str(good_archive), *(["--full"] if full else [])])
    assert fine.exit_code == 0 and fine.output.startswith("ok: ")


def _damage_table(good: Path, target: Path, table: str, zeroed: bool = False) -> None:
    """A copy of the archive whose b-tree of `table` has its root page's cell pointers
    overwritten, or (`zeroed`) the whole page zeroed, as a lost write leaves it: the rest of
    the file reads, that table (or index) does not, or not all of it."""
    with sqlite3.connect(good) as conn:
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()
    data = bytearray(good.read_bytes())
    if zeroed:
        data[(root - 1) * page:root * page] = bytes(page)
    else:
        at = (root - 1) * page + 8  # past the page's header: its cell pointer array
        data[at:at + 200] = b"\xff" * 200
    target.write_bytes(bytes(data))


DAMAGED_TABLES = ["articles", "raw_documents", "sightings", "_paragraphs", "passages", "articles_fts_data",
                  "articles_fts_config", "ingest_runs", "_settings", "idx_articles_published", "_lsh_articles_blocks"]


@pytest.mark.parametrize("zeroed", [False, True], ids=["pointers", "zeroed"])
@pytest.mark.parametrize("table", DAMAGED_TABLES)
@pytest.mark.parametrize("command", [*COMMANDS, ["export"], ["ingest", str(SAMPLES)], ["reclean"]], ids=" ".join)
def test_one_damaged_table_answers_or_prints_one_line(runner, tmp_path, good_archive, table, command, zeroed):
    # (a damaged page is read as SQLite finds it: an error, or rows it skips; never a traceback)
    from ingest.cli import app

    damaged = tmp_path / "damaged.db"
    _damage_table(good_archive, damaged, table, zeroed)
    result = runner.invoke(app, [*command, "--db", str(damaged)])
    assert result.exit_code in (0, 1), (result.output, result.exception)
    assert "Traceback" not in result.output and isinstance(result.exception, (SystemExit, type(None))), \
        result.exception
    if result.exit_code == 1:  # one line (a failed run's summary line above it)
        lines = result.output.strip().splitlines()
        assert lines[-1].startswith("Error: ") and len(lines) <= (2 if command[0] == "ingest" else 1), lines


@pytest.mark.parametrize("command", [["search", "Guaido"], ["show", "1"]], ids=" ".join)
def test_rows_sqlite_skipped_are_named_as_damage(runner, tmp_path, good_archive, command):
    # the articles table's page is damaged: SQLite skips its rows, the search index and the
    # sightings still name them (an article is never deleted)
    from ingest.cli import app

    damaged = tmp_path / "damaged.db"
    _damage_table(good_archive, damaged, "articles")
    result = runner.invoke(app, [*command, "--db", str(damaged)])
    assert result.exit_code == 1, (result.output, result.exception)
    line = one_line_error(result)
    assert "damaged" in line and "newsarchive check" in line and "backup" in line


def _alter_raw_input(archive: Path, compressed: bool) -> int:
    """Change one byte of a stored raw input (its zstd frame, or its bytes stored as read);
    the id of the input."""
    from store.rawcontent import decode

    with sqlite3.connect(archive) as conn:
        raw_id, content, encoding = conn.execute(
            "SELECT id, content, content_encoding FROM raw_documents ORDER BY id LIMIT 1").fetchone()
        if not compressed:
            content, encoding = decode(content, encoding, conn), None
        altered = bytearray(content)
        altered[len(altered) // 2] ^= 0x20
        conn.execute("UPDATE raw_documents SET content = ?, content_encoding = ? WHERE id = ?",
                     [bytes(altered), encoding, raw_id])
    return raw_id


@pytest.mark.parametrize("compressed", [True, False], ids=["zstd", "as-read"])
def test_check_full_reads_every_raw_input_back(runner, tmp_path, good_archive, compressed):
    from ingest.cli import app

    archive = tmp_path / "archive.db"
    archive.write_bytes(good_archive.read_bytes())
    raw_id = _alter_raw_input(archive, compressed)
    quick = runner.invoke(app, ["check", "--db", str(archive)])
    assert quick.exit_code == 0, quick.output  # SQLite's pages are whole: only the bytes they hold changed
    result = runner.invoke(app, ["check", "--full", "--db", str(archive)])
    assert result.exit_code == 1, (result.output, result.exception)
    line = one_line_error(result)
    assert f"raw input {raw_id}:" in line
    assert ("do not decompress" if compressed else "SHA-256 differs") in line
    fine = runner.invoke(app, ["check", "--full", "--db", str(good_archive)])
    assert fine.exit_code == 0 and "every raw input reads back" in fine.output


def _rows(archive: Path) -> dict[str, list]:
    """Every row of the tables a reclean rebuilds."""
    with sqlite3.connect(archive) as conn:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
                for table in ("articles", "raw_documents", "sightings", "article_redirects", "ingest_runs")}


@pytest.mark.parametrize("compressed", [True, False], ids=["zstd", "as-read"])
def test_reclean_refuses_a_damaged_raw_input_and_changes_nothing(runner, tmp_path, good_archive, compressed):
    # rebuilt from other bytes, the input's article would keep its id and sha256 but not its text
    from ingest.cli import app

    archive = tmp_path / "archive.db"
    archive.write_bytes(good_archive.read_bytes())
    _alter_raw_input(archive, compressed)
    before = _rows(archive)
    result = runner.invoke(app, ["reclean", "--db", str(archive)])
    assert result.exit_code == 1, (result.output, result.exception)
    line = one_line_error(result)
    assert "cannot be read back" in line and "restore it from a backup" in line
    assert _rows(archive) == before
    assert not list(tmp_path.glob("*.reclean*"))


def test_reclean_names_an_encoding_it_cannot_read(runner, tmp_path, good_archive):
    # (a later newsarchive's encoding: upgrade, not damage)
    from ingest.cli import app

    archive = tmp_path / "archive.db"
    archive.write_bytes(good_archive.read_bytes())
    with sqlite3.connect(archive) as conn:
        conn.execute("UPDATE raw_documents SET content_encoding = 'brotli' WHERE id = 1")
    before = _rows(archive)
    result = runner.invoke(app, ["reclean", "--db", str(archive)])
    assert result.exit_code == 1, (result.output, result.exception)
    line = one_line_error(result)
    assert "'brotli'" in line and "upgrade newsarchive" in line and "damaged" not in line
    assert _rows(archive) == before


@pytest.mark.parametrize("command, table", [("ingest", "articles"), ("reclean", "raw_documents")])
def test_rows_gone_from_a_damaged_page_point_to_check(runner, tmp_path, good_archive, command, table):
    # SQLite raises no corruption error here: the rows the command needs are simply not there
    # (the articles the run's new sightings of the same inputs name, an article's raw input)
    import shutil

    from ingest.cli import app

    damaged = tmp_path / "damaged.db"
    _damage_table(good_archive, damaged, table)
    args = ["reclean"]
    if command == "ingest":  # the samples seen again elsewhere
        args = ["ingest", str(shutil.copytree(SAMPLES, tmp_path / "again"))]
    result = runner.invoke(app, [*args, "--db", str(damaged)])
    assert result.exit_code == 1, (result.output, result.exception)
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith("Error: ") and "newsarchive check --full" in lines[-1], lines
