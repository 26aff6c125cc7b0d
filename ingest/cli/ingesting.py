"""The commands that clean and archive: ingest, reclean, and clean (which archives nothing)."""

from __future__ import annotations

import os
import sqlite3
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, Optional

import typer

from store.connection import DAMAGE_ADVICE, ArchiveError, damage_note, is_damage

from ..config import Config, ConfigError
from ..lock import LockError, LockHeld
from ..models import Reject
from ..runs import RunFailed, RunInterrupted, RunSummary, reason_counts
from ..signals import sigterm_interrupts
from .app import (EXIT_INTERRUPTED, EXIT_LOCKED, EXIT_USAGE, ConfigOption, DbOption, JsonOption, app,
                  archive_path, debug_traceback, fail, load_options, print_json)


def _summary_record(summary: RunSummary) -> dict[str, Any]:
    """The run's summary as one JSON-ready object (`ingest --json`)."""
    return {"time": datetime.now().astimezone().isoformat(timespec="seconds"),
            "run_id": summary.run_id, **summary.counts(),  # the numbers `runs` shows
            "reasons": dict(reason_counts(summary).most_common()),
            "skipped": dict(sorted(summary.skipped.items())),  # records that are no article, by kind
            "rejects": [{"location": loc, "reason": why} for loc, why in summary.rejected]}


def _skipped_text(summary: RunSummary) -> str:
    """', skipped N records (request 3, revisit 1)' when the run passed records over, else ''."""
    if not summary.skipped:
        return ""
    kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(summary.skipped.items()))
    return f", skipped {sum(summary.skipped.values())} records that are no article ({kinds})"


def _print_summary(summary: RunSummary, as_json: bool = False, quiet: bool = False) -> None:
    """The run's summary on stdout: a line that starts with the time, then the rejects."""
    if quiet:
        return
    if as_json:
        print_json(_summary_record(summary))
        return
    echo = typer.echo
    stamp = datetime.now().astimezone().isoformat(sep=" ", timespec="seconds")
    echo(f"{stamp} run {summary.run_id}: read {summary.read}, new {summary.new}, "
         f"exact duplicates {summary.exact_duplicates}, near-duplicates {summary.near_duplicates}, "
         f"repeated passages {summary.repeated_passages}, unchanged {summary.unchanged}, "
         f"rejected {len(summary.rejected)}"
         + (f" ({summary.rejected_again} of them again, rejected before)" if summary.rejected_again else "")
         + _skipped_text(summary)
         + (f", template lines learned {summary.templates_learned} (earlier articles keep them until `reclean`)"
            if summary.templates_learned else ""))
    for reason, count in reason_counts(summary).most_common():
        echo(f"  rejected {count}: {reason}")
    for location, reason in summary.rejected[:20]:
        echo(f"    {location}: {reason}")
    if len(summary.rejected) > 20:
        echo(f"    … and {len(summary.rejected) - 20} more (see the rejects table)")



@app.command()
def ingest(paths: list[Path] = typer.Argument(..., help="Files or folders (read recursively); - for standard input."),
           db: Optional[Path] = DbOption, config: Optional[Path] = ConfigOption,
           strict: bool = typer.Option(False, "--strict", help="Exit 1 if any input was rejected that no earlier "
                                                                "run rejected."),
           retry_rejects: bool = typer.Option(
               False, "--retry-rejects",
               help="Read inputs rejected by earlier runs again even when unchanged (rejects made by an "
                    "earlier version or other input/clean settings are read again without it)."),
           as_json: bool = typer.Option(False, "--json", help="Print the run's summary as one JSON object."),
           quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only errors.")) -> None:
    """Clean, deduplicate and archive news articles (.txt, .html, .htm, optionally .gz).

    \b
    Example (a nightly cron line):
      newsarchive ingest /data/scrape/$(date +%F) --db /data/news.db --quiet
    """
    cfg = load_options(config)
    db_path = archive_path(db, cfg)
    missing = [str(p) for p in paths if str(p) != "-" and not os.path.lexists(p)]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}", EXIT_USAGE)
    bar = None
    show_bar = sys.stderr.isatty() and not quiet

    def on_total(total: int) -> None:
        nonlocal bar
        if show_bar:
            bar = typer.progressbar(length=total, label="ingesting", file=sys.stderr)
            bar.__enter__()

    def progress(n: int) -> None:
        if bar is not None:
            bar.update(n)

    try:
        with sigterm_interrupts():
            from ..pipeline import ingest as run_ingest  # the heavy imports only when ingesting

            summary = run_ingest(paths, db_path, cfg, progress=progress, on_total=on_total,
                                 retry_rejects=retry_rejects)
    except LockHeld as exc:
        fail(str(exc), EXIT_LOCKED)
    except (ArchiveError, ConfigError, LockError) as exc:
        fail(str(exc))
    except RunFailed as exc:
        _print_summary(exc.summary, as_json)
        debug_traceback(exc)
        if is_damage(exc.__cause__):
            fail(f"{exc}; {DAMAGE_ADVICE}. Batches committed before the error are kept.")
        if isinstance(exc.__cause__, sqlite3.IntegrityError):  # rows the run relies on are gone: SQLite
            # skipped a damaged page, or the archive was edited by hand
            fail(f"{exc}. Batches committed before the error are kept; `newsarchive check --full` tells whether "
                 f"the archive file is damaged.")
        fail(f"{exc}. Batches committed before the error are kept; the run is marked failed "
             f"(`newsarchive runs`). Fix the cause and run again to continue.")
    except RunInterrupted as exc:
        _print_summary(exc.summary, as_json)
        fail(f"run {exc.summary.run_id} interrupted ({exc.__cause__ or 'Ctrl-C'}); batches committed so far "
             f"are kept. Run again to continue.", EXIT_INTERRUPTED)
    except KeyboardInterrupt:
        fail("interrupted before the run started; nothing was written", EXIT_INTERRUPTED)
    except Exception as exc:  # noqa: BLE001 - one line, not a traceback, for cron logs
        debug_traceback(exc)
        fail(f"ingest failed: {type(exc).__name__}: {exc}{damage_note(exc)}")
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    _print_summary(summary, as_json, quiet)
    new_rejects = len(summary.rejected) - summary.rejected_again
    if strict and new_rejects:
        fail(f"{new_rejects} input(s) rejected (--strict)")


@app.command()
def reclean(db: Optional[Path] = DbOption, config: Optional[Path] = ConfigOption) -> None:
    """Re-clean and re-deduplicate every stored raw input with the current rules and templates;
    every article id is kept (merged ones point to their article, emptied ones are marked).

    \b
    Example, after an upgrade that improved the cleaner:
      newsarchive reclean --db /data/news.db
    """
    from ..reclean import reclean as run_reclean

    cfg = load_options(config)
    try:
        summary = run_reclean(archive_path(db, cfg), cfg)
    except LockHeld as exc:
        fail(str(exc), EXIT_LOCKED)
    except ArchiveError as exc:
        fail(str(exc))
    except sqlite3.Error as exc:  # a damaged archive: one line, as for the other commands
        debug_traceback(exc)
        fail(f"reclean failed, the archive could not be read or written: {exc}{damage_note(exc)}")
    _print_summary(summary)
    typer.echo(f"ids kept: {summary.merged} merged into another article (their ids point to it), "
               f"{summary.emptied} kept with empty text (status 'empty after reclean'); "
               f"{summary.kept_inputs} input(s) that now clean to nothing kept", err=True)



@app.command()
def clean(paths: list[Path] = typer.Argument(..., help="Files or folders to clean."),
          as_json: bool = JsonOption, config: Optional[Path] = ConfigOption) -> None:
    """Clean documents and print the result; no archive is touched.

    \b
    Example: newsarchive clean page.html --json
    """
    cfg = load_options(config)
    from ..models import Skipped
    from ..sources import expand_records, find_inputs, read_input, to_document

    options = cfg.input
    for found in find_inputs(paths, options):
        for item in expand_records([read_input(found, options) if isinstance(found, Path) else found]):
            if isinstance(item, Skipped):  # a WARC request, revisit, ... record: no article in it
                continue
            _clean_one(item if isinstance(item, Reject) else
                       to_document(item, None, options.max_clean_bytes, options.source == "site", options),
                       cfg, as_json)


def _clean_one(doc: Any, cfg: Config, as_json: bool) -> None:
    """Print what `clean` makes of one document (or why it was rejected)."""
    from ..clean import clean_document

    if isinstance(doc, Reject):
        typer.echo(f"rejected {doc.location}: {doc.reason}", err=True)
        return
    result = clean_document(doc, cfg.clean)
    record = {"location": doc.location, "title": result.title, "published": result.published,
              "body": "\n\n".join(result.paragraphs),
              "removed": [{"line": r.text, "rule": r.rule} for r in result.removed]}
    if as_json:
        print_json(record)
    else:
        typer.secho(f"== {doc.location}", bold=True)
        typer.echo(f"title: {record['title']}\npublished: {record['published']}\n")
        typer.echo(record["body"] + "\n")


