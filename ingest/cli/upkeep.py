"""The commands that look after the archive and hand it on: check, backup, restore, export, serve."""

from __future__ import annotations

import os
import socket
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Optional

import typer

from store.backup import BackupRefused, back_up, restore as restore_archive
from store.connection import ArchiveError, damage_note
from store.rawcontent import damaged_inputs
from store.search import QueryError

from ..lock import LockError, LockHeld, WriterLock
from ..signals import sigterm_interrupts
from .app import (EXIT_INTERRUPTED, EXIT_LOCKED, EXIT_USAGE, ConfigOption, DbOption, app, archive_path, date_option,
                  debug_traceback, fail, load_options, print_json, read_connection, reading)


@app.command()
def check(full: bool = typer.Option(False, "--full", help="SQLite's integrity_check and foreign_key_check "
                                                          "(reads every index entry), and every raw input read "
                                                          "back against its SHA-256: slower."),
          db: Optional[Path] = DbOption, config: Optional[Path] = ConfigOption) -> None:
    """Check the archive file for damage (SQLite's quick_check); exit 1 if it is damaged.

    Other commands read only the pages they need, so a file damaged elsewhere (a bad
    disk, a copy cut short) can go unnoticed until those pages are read: run this after
    a night's ingest, or before a backup is trusted. --full also reads every raw input
    back and compares it with the SHA-256 it was archived under.

    \b
    Example: newsarchive check && newsarchive backup /backups/
    """
    connection = read_connection(db, config)
    path = archive_path(db, load_options(config))
    with reading("checked"):
        try:
            problems = [line.strip()[:200] for row in connection.execute(
                "PRAGMA integrity_check(20)" if full else "PRAGMA quick_check(20)")
                for line in row[0].splitlines() if line.strip()]
            if problems == ["ok"]:
                problems = []
            if full and not problems:
                problems = [f"row {rowid} of {table} names a missing row of {parent}" for table, rowid, parent, _
                            in connection.execute("PRAGMA foreign_key_check").fetchmany(20)]
            if full and not problems:  # the b-trees read; a raw input's own bytes may still be damaged
                problems = list(islice(damaged_inputs(connection), 20))
            articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0] if not problems else 0
        except sqlite3.DatabaseError as exc:  # so damaged that the check itself stops
            problems = [str(exc)]
    if problems:
        fail(f"{path} is damaged: {'; '.join(problems[:3])}" + (f" (and {len(problems) - 3} more)"
                                                                 if len(problems) > 3 else "")
             + "; restore it from a backup (`newsarchive restore BACKUP`; `newsarchive reclean` rebuilds "
               "articles from raw inputs only in an archive that reads)")
    typer.echo(f"ok: {path} passed SQLite's {'integrity and foreign key checks' if full else 'quick check'} "
               f"({articles:,} articles)" + (", and every raw input reads back as archived" if full else ""))


@app.command()
def backup(dest: Path = typer.Argument(..., metavar="DEST", help="The backup file to write, or a folder to "
                                                                  "write it in under the archive's file name."),
           replace: bool = typer.Option(False, "--replace", help="Write over an existing backup at DEST "
                                                                "(only once the new one is complete and checked)."),
           db: Optional[Path] = DbOption, config: Optional[Path] = ConfigOption) -> None:
    """Copy the archive to one consistent, checked SQLite file, even while an ingest writes.

    A copy of the file with cp can miss the last batches (they may still be in the
    archive's -wal file) or mix two moments; this one is the archive as it was when the
    backup began, in one file, checked with SQLite's quick_check before it takes DEST's
    name. A damaged archive gives no backup, and an older backup at DEST is kept.

    \b
    Example: newsarchive backup /backups/archive-$(date +%F).db
    """
    options = load_options(config)
    path = archive_path(db, options)
    with _progress_bar("backing up") as progress:
        try:
            with sigterm_interrupts():
                report = back_up(path, dest, replace, options.archive.busy_timeout, progress)
        except BackupRefused as exc:
            fail(str(exc), EXIT_USAGE)
        except ArchiveError as exc:  # BackupError among them
            fail(str(exc))
        except KeyboardInterrupt as exc:
            fail(f"backup interrupted ({exc or 'Ctrl-C'}); nothing was written to {dest}", EXIT_INTERRUPTED)
    typer.echo(f"backed up {path} to {report.path}: {report.articles:,} articles, "
               f"{report.bytes / 2**20:,.1f} MB, quick check passed ({report.seconds:.1f} s)")


@app.command()
def restore(backup_file: Path = typer.Argument(..., metavar="BACKUP", help="A backup made by `newsarchive backup`."),
            db: Optional[Path] = DbOption, config: Optional[Path] = ConfigOption) -> None:
    """Put a backup in the archive's place (after damage `newsarchive check` found).

    The backup is copied and checked first; only then does it take the archive's name, and
    the file it replaces (with its -wal) is kept beside it as ARCHIVE.replaced-<time>, never
    deleted. No ingest may run meanwhile (exit 75 if one does). Afterwards, ingest the
    folders again: what the backup already has is skipped, what came after it is archived.

    \b
    Example: newsarchive restore /backups/archive-2026-12-06.db --db archive.db
    """
    options = load_options(config)
    path = archive_path(db, options)
    before = _identity(path)
    with _progress_bar("restoring") as progress:
        try:
            with sigterm_interrupts(), WriterLock(path):
                report = restore_archive(backup_file, path, options.archive.busy_timeout, progress)
        except LockHeld as exc:
            fail(str(exc), EXIT_LOCKED)
        except BackupRefused as exc:
            fail(str(exc), EXIT_USAGE)
        except (ArchiveError, LockError) as exc:  # BackupError among them
            fail(str(exc))
        except KeyboardInterrupt as exc:
            if _identity(path) != before:  # it came once the copy had taken the archive's name
                fail(f"restore interrupted ({exc or 'Ctrl-C'}) once it was done: {path} is the backup's copy, "
                     f"the file it replaced kept beside it as {path.name}.replaced-<time>", EXIT_INTERRUPTED)
            fail(f"restore interrupted ({exc or 'Ctrl-C'}); the archive is as it was", EXIT_INTERRUPTED)
    kept = (f"; the file it replaced is kept as {report.kept} (delete it once the archive is as it should be)"
            if report.kept else "")
    typer.echo(f"restored {path} from {backup_file}: {report.articles:,} articles ({report.seconds:.1f} s){kept}. "
               f"Ingest the folders again to archive what came after the backup; restart `newsarchive serve` "
               f"if it runs.")


def _identity(path: Path) -> tuple[int, int] | None:
    """The file a path names (device and inode), or None if it names none."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


@contextmanager
def _progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress(done, total) callback that draws a bar on stderr when it is a terminal."""
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None and sys.stderr.isatty():
            bar = typer.progressbar(length=total, label=label, file=sys.stderr)
            bar.__enter__()
        if bar is not None:
            bar.update(done - bar.pos)

    try:
        yield progress
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


@app.command()
def export(output: str = typer.Option("-", "--output", "-o", help="File to write (- for stdout; "
                                                               "Parquet needs a file)."),
           fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv or parquet."),
           query: Optional[str] = typer.Option(None, "--query", help="Only the articles these words find."),
           originals: bool = typer.Option(False, "--originals", help="Leave near-duplicate copies out."),
           source: Optional[str] = typer.Option(None, "--source", help="Only this source."),
           since: Optional[str] = typer.Option(None, "--since", help="Published on or after (as search)."),
           until: Optional[str] = typer.Option(None, "--until", help="Published on or before (as search)."),
           db: Optional[Path] = DbOption, config: Optional[Path] = ConfigOption) -> None:
    """Write articles with their cluster, passages and locations as JSON Lines, CSV or Parquet.

    \b
    Example: newsarchive export --format parquet -o news.parquet --originals
    """
    from store import script_index
    from store.export import FORMATS, ExportError, articles, write_csv, write_jsonl, write_parquet
    from store.search import fts_query

    if fmt not in FORMATS:
        fail(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}", EXIT_USAGE)
    if fmt == "parquet" and output == "-":
        fail("--format parquet needs a file: add --output FILE.parquet", EXIT_USAGE)
    since, until = date_option(since, "--since"), date_option(until, "--until")
    database = read_connection(db, config)
    match, on_script_index = None, False
    if query is not None:
        on_script_index = script_index.needs_index(query) and script_index.has_index(database)
        try:
            match = fts_query(query, for_script_index=on_script_index)
        except QueryError as exc:
            fail(str(exc), EXIT_USAGE)
    rows = articles(database, match=match, match_script_index=on_script_index, originals_only=originals,
                    source=source, since=since, until=until)
    try:
        if fmt == "parquet":
            count = write_parquet(rows, output)
        elif output == "-":
            count = (write_csv if fmt == "csv" else write_jsonl)(rows, sys.stdout)
        else:
            with open(output, "w", encoding="utf-8", newline="") as out:
                count = (write_csv if fmt == "csv" else write_jsonl)(rows, out)
    except ExportError as exc:
        fail(str(exc))
    except BrokenPipeError:  # `| head` read what it wanted: stop quietly, as other filters do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(0)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    except sqlite3.Error as exc:
        debug_traceback(exc)
        fail(f"the archive could not be read: {exc}{damage_note(exc)}")
    typer.echo(f"exported {count} article(s)" + (f" to {output}" if output != "-" else ""), err=True)


@app.command()
def serve(port: int = typer.Option(8001, "--port", min=1, max=65535, help="Port to listen on."),
          host: str = typer.Option("127.0.0.1", "--host",
                                   help="Address to bind; 0.0.0.0 makes it reachable from other machines."),
          print_metadata: bool = typer.Option(False, "--print-metadata",
                                              help="Print the datasette metadata for the archive and exit."),
          db: Optional[Path] = DbOption, config: Optional[Path] = ConfigOption) -> None:
    """Browse the archive in datasette, read-only: articles as they read, search with copies folded,
    passages and clusters, every table with descriptions and canned queries.

    \b
    Example: newsarchive serve --port 8001, then open http://127.0.0.1:8001/
    """
    from store.datasette_meta import MetadataError, build_metadata, database_name
    from store.datasette_serve import serve as run_serve

    db_path = archive_path(db, load_options(config))
    try:
        with reading("read"):  # (a damaged page: one line)
            metadata = build_metadata(db_path)
    except MetadataError as exc:
        fail(str(exc))
    if print_metadata:
        print_json(metadata)
        return
    busy = _port_in_use(host, port)
    if busy:
        fail(f"cannot serve on {host}:{port}: {busy} (choose another with --port)")
    base = f"http://{host}:{port}/{database_name(db_path)}"
    typer.echo(f"serving {db_path} read-only at {base} (search: {base}/-/search)", err=True)
    run_serve(db_path, host=host, port=port, metadata=metadata)


def _port_in_use(host: str, port: int) -> str | None:
    """Why the address cannot be bound (e.g. already in use), or None if it can."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return f"unknown host ({exc.strerror})"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind(address)
        except OSError as exc:
            return exc.strerror or str(exc)
    return None
