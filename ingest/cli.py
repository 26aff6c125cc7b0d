"""The newsarchive command line: a thin typer layer over the ingest and store libraries.

Exit codes: 0 done (rejected inputs are recorded and reported, not fatal); 1 the
run failed; 2 usage error; 75 another ingest holds the archive's lock; 130 the run
was interrupted (Ctrl-C or SIGTERM). Errors, usage errors included, are one line on
stderr; set NEWSARCHIVE_DEBUG=1 to get the traceback of an unexpected error as well.
Results go to stdout, progress to stderr.

Which config: `--config`, else $NEWSARCHIVE_CONFIG, else ./config.toml if there is
one, else the built-in defaults. Which archive: `--db`, else $NEWSARCHIVE_DB, else the
config's [archive] path.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version as package_version
from pathlib import Path
from typing import Any, Optional

import typer
from typer.core import TyperGroup

from store.connection import ArchiveError, open_connection
from store.search import RANK_WINDOW, QueryError, search as run_search

from .config import Config, ConfigError, load_config
from .lock import LockError, LockHeld
from .models import Reject
from .runs import RunFailed, RunInterrupted, RunSummary, reason_counts
from .signals import sigterm_interrupts
from .when import DateError, parse_when

EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED, EXIT_INTERRUPTED = 1, 2, 75, 130
MAX_INT64 = 2**63 - 1  # SQLite's largest integer: ids, limits and windows above it are usage errors

CONFIG_ENV, DB_ENV = "NEWSARCHIVE_CONFIG", "NEWSARCHIVE_DB"


# click's UsageError, as the typer in use has it (typer 0.28 carries its own copy of click).
UsageError = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


class OneLineUsageError(UsageError):
    """A usage error shown as one line (click's own takes three and a box): cron logs stay readable."""

    def show(self, file: Any = None) -> None:
        """Print `Error: <what is wrong> (see <command> --help)` on stderr."""
        command = f"{self.ctx.command_path} --help" if self.ctx is not None else "--help"
        typer.echo(f"Error: {self.format_message()} (see {command})", err=True)


class OneLineErrors(TyperGroup):
    """The command group: every usage error, of the group or of a command, is one line."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except OneLineUsageError:
            raise
        except UsageError as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # no command given: the help, as usual
                raise
            raise OneLineUsageError(exc.format_message(), exc.ctx) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except OneLineUsageError:
            raise
        except UsageError as exc:
            raise OneLineUsageError(exc.format_message(), exc.ctx) from None


app = typer.Typer(help="Deduplicating news archive: ingest, clean, search.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None,
                  cls=OneLineErrors)


def _version(value: bool) -> None:
    if value:
        try:
            typer.echo(f"newsarchive {package_version('newsarchive')}")
        except PackageNotFoundError:  # run from a checkout that was not installed
            typer.echo("newsarchive (not installed)")
        raise typer.Exit()


@app.callback()
def _main(_version_flag: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                             help="Print the version and exit.")) -> None:
    """Deduplicating news archive: ingest, clean, search.

    \b
    Every command takes --db FILE and --config FILE; without them, $NEWSARCHIVE_DB and
    $NEWSARCHIVE_CONFIG, then ./config.toml, then the built-in defaults.
    """


DbOption = typer.Option(None, "--db", help=f"Archive file (default: ${DB_ENV}, else the config's "
                                           "[archive] path, archive.db).")
ConfigOption = typer.Option(None, "--config", help=f"A config.toml (default: ${CONFIG_ENV}, else "
                                                   "./config.toml if present, else built-in defaults).")
JsonOption = typer.Option(False, "--json", help="Print JSON for scripts.")


def fail(message: str, code: int = EXIT_FAILED) -> None:
    """Print an error to stderr and exit with the code."""
    typer.secho(f"Error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def _debug_traceback(exc: BaseException) -> None:
    """With NEWSARCHIVE_DEBUG set, print the traceback of an unexpected error to stderr."""
    if os.environ.get("NEWSARCHIVE_DEBUG"):
        typer.echo("".join(traceback.format_exception(exc)), err=True)


def config_path(path: Optional[Path]) -> Optional[Path]:
    """The config file to read: --config, $NEWSARCHIVE_CONFIG, ./config.toml, or None (defaults)."""
    if path is not None:
        return path
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV])
    local = Path("config.toml")
    return local if local.is_file() else None


def _config(path: Optional[Path]) -> Config:
    try:
        return load_config(config_path(path))
    except ConfigError as exc:
        fail(str(exc), EXIT_USAGE)


def _db_path(db: Optional[Path], config: Config) -> Path:
    if db is not None:
        return db
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV])
    return Path(config.archive.path)


def _date_option(value: Optional[str], option: str) -> Optional[str]:
    if value is None:
        return None
    try:
        return parse_when(value)
    except DateError as exc:
        fail(f"{option}: {exc}", EXIT_USAGE)


def _reader(db: Optional[Path], config_path: Optional[Path]):
    """A read-only sqlite-utils Database on the archive (exits with a message if there is none)."""
    import sqlite_utils

    return sqlite_utils.Database(_read_connection(db, config_path))


def _read_connection(db: Optional[Path], config_path: Optional[Path]):
    config = _config(config_path)
    try:
        return open_connection(_db_path(db, config), config.archive.busy_timeout, readonly=True)
    except ArchiveError as exc:
        fail(str(exc))


@contextmanager
def _reading(what: str) -> Iterator[None]:
    """Turn an SQLite error while a command reads the archive (a damaged page, an archive
    from another program, a lock held too long) into one line and exit 1."""
    try:
        yield
    except sqlite3.Error as exc:
        _debug_traceback(exc)
        fail(f"the archive could not be {what}: {exc}")


def _print_json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, default=str))


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
        _print_json(_summary_record(summary))
        return
    echo = typer.echo
    stamp = datetime.now().astimezone().isoformat(sep=" ", timespec="seconds")
    echo(f"{stamp} run {summary.run_id}: read {summary.read}, new {summary.new}, "
         f"exact duplicates {summary.exact_duplicates}, near-duplicates {summary.near_duplicates}, "
         f"repeated passages {summary.repeated_passages}, unchanged {summary.unchanged}, "
         f"rejected {len(summary.rejected)}" + _skipped_text(summary)
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
           strict: bool = typer.Option(False, "--strict", help="Exit 1 if any input was rejected."),
           as_json: bool = typer.Option(False, "--json", help="Print the run's summary as one JSON object."),
           quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only errors.")) -> None:
    """Clean, deduplicate and archive news articles (.txt, .html, .htm, optionally .gz).

    \b
    Example (a nightly cron line):
      newsarchive ingest /data/scrape/$(date +%F) --db /data/news.db --quiet
    """
    cfg = _config(config)
    db_path = _db_path(db, cfg)
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
            from .pipeline import ingest as run_ingest  # the heavy imports only when ingesting

            summary = run_ingest(paths, db_path, cfg, progress=progress, on_total=on_total)
    except LockHeld as exc:
        fail(str(exc), EXIT_LOCKED)
    except (ArchiveError, ConfigError, LockError) as exc:
        fail(str(exc))
    except RunFailed as exc:
        _print_summary(exc.summary, as_json)
        _debug_traceback(exc)
        fail(f"{exc}. Batches committed before the error are kept; the run is marked failed "
             f"(`newsarchive runs`). Fix the cause and run again to continue.")
    except RunInterrupted as exc:
        _print_summary(exc.summary, as_json)
        fail(f"run {exc.summary.run_id} interrupted ({exc.__cause__ or 'Ctrl-C'}); batches committed so far "
             f"are kept. Run again to continue.", EXIT_INTERRUPTED)
    except KeyboardInterrupt:
        fail("interrupted before the run started; nothing was written", EXIT_INTERRUPTED)
    except Exception as exc:  # noqa: BLE001 - one line, not a traceback, for cron logs
        _debug_traceback(exc)
        fail(f"ingest failed: {type(exc).__name__}: {exc}")
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    _print_summary(summary, as_json, quiet)
    if strict and summary.rejected:
        fail(f"{len(summary.rejected)} input(s) rejected (--strict)")


@app.command()
def reclean(db: Optional[Path] = DbOption, config: Optional[Path] = ConfigOption) -> None:
    """Re-clean and re-deduplicate every stored raw input with the current rules and templates;
    every article id is kept (merged ones point to their article, emptied ones are marked).

    \b
    Example, after an upgrade that improved the cleaner:
      newsarchive reclean --db /data/news.db
    """
    from .reclean import reclean as run_reclean

    cfg = _config(config)
    try:
        summary = run_reclean(_db_path(db, cfg), cfg)
    except LockHeld as exc:
        fail(str(exc), EXIT_LOCKED)
    except ArchiveError as exc:
        fail(str(exc))
    except sqlite3.Error as exc:  # a damaged archive: one line, as for the other commands
        _debug_traceback(exc)
        fail(f"reclean failed, the archive could not be read or written: {exc}")
    _print_summary(summary)
    typer.echo(f"ids kept: {summary.merged} merged into another article (their ids point to it), "
               f"{summary.emptied} kept with empty text (status 'empty after reclean'); "
               f"{summary.kept_inputs} input(s) that now clean to nothing kept", err=True)


@app.command()
def search(query: str = typer.Argument(..., help="Words to find; accents and case do not matter."),
           limit: int = typer.Option(10, "--limit", min=1, max=1000),
           source: Optional[str] = typer.Option(None, "--source", help="Only this source."),
           since: Optional[str] = typer.Option(None, "--since",
                                               help="Published on or after: YYYY-MM-DD, today, yesterday, 7d, 2w."),
           until: Optional[str] = typer.Option(None, "--until",
                                               help="Published on or before: YYYY-MM-DD, today, yesterday, 7d, 2w."),
           show_all: bool = typer.Option(False, "--all", help="Show near-duplicates as results of their own."),
           novel: bool = typer.Option(False, "--novel", help="Search only text not repeated from earlier articles."),
           raw: bool = typer.Option(False, "--raw", help="Pass FTS5 query syntax through unchanged."),
           window: int = typer.Option(RANK_WINDOW, "--window", min=0, max=MAX_INT64,
                                      help="Rank the N most recently archived matches (0: every match; "
                                           "slower for words in much of the archive)."),
           as_json: bool = JsonOption, db: Optional[Path] = DbOption,
           config: Optional[Path] = ConfigOption) -> None:
    """Ranked full-text search with highlighted snippets.

    \b
    Example: newsarchive search "Juan Guaido" --since 7d --limit 5
    """
    since, until = _date_option(since, "--since"), _date_option(until, "--until")
    database = _read_connection(db, config)  # plain sqlite3: the command starts faster
    try:
        hits = run_search(database, query, limit=limit, source=source, since=since, until=until,
                          show_all=show_all, novel=novel, raw=raw, window=window)
    except QueryError as exc:
        fail(str(exc), EXIT_USAGE)
    except sqlite3.Error as exc:
        _debug_traceback(exc)
        fail(f"the archive could not be searched: {exc}")
    except OverflowError as exc:  # a number SQLite cannot hold; the options' ranges should stop it first
        fail(f"a number is out of range: {exc}", EXIT_USAGE)
    if as_json:
        for hit in hits:
            _print_json(hit.__dict__)
        return
    if not hits:
        typer.echo("no matches", err=True)
    for hit in hits:
        head = f"#{hit.id}  {hit.title or '(untitled)'}"
        meta = " · ".join(x for x in (hit.published, hit.site or hit.source, hit.language) if x)
        typer.secho(head, bold=True, nl=False)
        typer.echo(f"  ({meta})" if meta else "")
        typer.echo("    " + hit.snippet.replace("\n", " "))
        if hit.url:
            typer.echo(f"    {hit.url}")
        if hit.duplicates:
            typer.echo(f"    + {len(hit.duplicates)} near-duplicate(s): "
                       + ", ".join(f"#{d}" for d in hit.duplicates))


@app.command()
def show(article_id: int = typer.Argument(..., help="Article id (from search).", min=1, max=MAX_INT64),
         removed: bool = typer.Option(False, "--removed", help="List the removed lines and their rules."),
         as_json: bool = JsonOption, db: Optional[Path] = DbOption,
         config: Optional[Path] = ConfigOption) -> None:
    """Show one article: metadata, paragraphs (repeated ones marked), sightings.

    \b
    Example: newsarchive show 42 --removed
    """
    from store import reports

    database = _reader(db, config)
    try:
        with _reading("read"):
            article = reports.article_detail(database, article_id)
    except reports.NotFound as exc:
        fail(str(exc))
    if as_json:
        _print_json(article)
        return
    redirect = article.get("redirected_from")
    if redirect:
        typer.echo(f"article {redirect['id']} was merged into {redirect['to_id']} by reclean "
                   f"(run {redirect['run_id']}): its input now cleans to exactly this article's text\n")
    typer.secho(article["title"] or "(untitled)", bold=True)
    typer.echo(f"id {article['id']} · published {article['published'] or '?'} · source {article['source']}"
               + "".join(f" · {k} {article[k]}" for k in ("site", "author", "language") if article.get(k)))
    if article.get("url"):
        typer.echo(article["url"])
    if article.get("status"):
        typer.echo(f"status: {article['status']} (the rules that removed its lines: "
                   + ", ".join(f"{rule} {n}" for rule, n in article["removed_rules"].items()) + ")")
    if article.get("merged_ids"):
        typer.echo("merged into it by reclean: " + ", ".join(f"#{d}" for d in article["merged_ids"]))
    if article["duplicate_of"]:
        typer.echo(f"near-duplicate of #{article['duplicate_of']} (similarity {article['similarity']})")
    if article["duplicates"]:
        typer.echo("near-duplicates: " + ", ".join(f"#{d}" for d in article["duplicates"]))
    for p in article["paragraphs"]:
        mark = f"[passage {p['passage_id']}] " if p["passage_id"] else ""
        typer.echo(f"\n{mark}{p['text']}")
    typer.echo("\nseen at:")
    for sighting in article["sightings"]:
        typer.echo(f"  {_sighting(sighting)}")
    if article.get("versions"):
        typer.echo("\nversions of this URL (the same URL with other content):")
        for v in article["versions"]:
            mark = "  <- this one" if v["id"] == article["id"] else ""
            typer.echo(f"  #{v['id']}  published {v['published'] or '?'}  fetched {v['fetched_at'] or '?'}  "
                       f"{v['title'] or '(untitled)'}{mark}")
    if removed:
        typer.echo("\nremoved lines:")
        for line in article["removed_lines"]:
            typer.echo(f"  {line['line_no']:>4} {line['rule']:<20} {line['text']}")


def _sighting(sighting: dict[str, Any]) -> str:
    """A sighting as `show` prints it: its location, and its URL and fetch time where known."""
    extra = [f"{name} {sighting[k]}" for k, name in (("url", "url"), ("fetched_at", "fetched")) if sighting.get(k)]
    return sighting["location"] + (f" ({', '.join(extra)})" if extra else "")


@app.command()
def clean(paths: list[Path] = typer.Argument(..., help="Files or folders to clean."),
          as_json: bool = JsonOption, config: Optional[Path] = ConfigOption) -> None:
    """Clean documents and print the result; no archive is touched.

    \b
    Example: newsarchive clean page.html --json
    """
    cfg = _config(config)
    from .models import Skipped
    from .sources import expand_records, find_inputs, read_input, to_document

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
    from .clean import clean_document

    if isinstance(doc, Reject):
        typer.echo(f"rejected {doc.location}: {doc.reason}", err=True)
        return
    result = clean_document(doc, cfg.clean)
    record = {"location": doc.location, "title": result.title, "published": result.published,
              "body": "\n\n".join(result.paragraphs),
              "removed": [{"line": r.text, "rule": r.rule} for r in result.removed]}
    if as_json:
        _print_json(record)
    else:
        typer.secho(f"== {doc.location}", bold=True)
        typer.echo(f"title: {record['title']}\npublished: {record['published']}\n")
        typer.echo(record["body"] + "\n")


def _print_rows(rows: list[dict[str, Any]], as_json: bool, render) -> None:
    """Rows as JSON lines, or each through render() for people."""
    for row in rows:
        if as_json:
            _print_json(row)
        else:
            render(row)


def _first_seen(location: str, published: str | None) -> str:
    return f"    first seen: {location}" + (f" ({published})" if published else "")


def _render_passage(row: dict[str, Any]) -> None:
    typer.secho(f"passage {row['id']}: {row['occurrences']} occurrences, first in "
                f"#{row['first_article_id']} {row['first_title'] or ''}", bold=True)
    typer.echo(_first_seen(row["first_seen"], row["first_published"]))
    typer.echo(f"    {row['text'][:200]}")
    typer.echo("    in: " + ", ".join(f"#{a}" for a in row["articles"]))


def _render_cluster(row: dict[str, Any]) -> None:
    typer.secho(f"#{row['id']} {row['title'] or '(untitled)'} ({row['source']}): "
                f"{row['duplicates']} near-duplicate(s)", bold=True)
    typer.echo(_first_seen(row["first_seen"], row["published"]))
    for m in row["members"]:
        typer.echo(f"    #{m['id']} {m['title'] or '(untitled)'} ({m['source']}, similarity {m['similarity']})")


@app.command()
def dupes(passages: bool = typer.Option(False, "--passages", help="List repeated passages instead."),
          limit: int = typer.Option(50, "--limit", min=1, max=MAX_INT64),
          as_json: bool = JsonOption, db: Optional[Path] = DbOption,
          config: Optional[Path] = ConfigOption) -> None:
    """Duplicate clusters (or the most repeated passages) with where each was first seen.

    \b
    Example: newsarchive dupes --passages --limit 10
    """
    from store import reports

    database = _reader(db, config)
    with _reading("read"):
        rows = reports.repeated_passages(database, limit) if passages else reports.duplicate_clusters(database, limit)
    _print_rows(rows, as_json, _render_passage if passages else _render_cluster)


@app.command()
def runs(limit: int = typer.Option(20, "--limit", min=1, max=MAX_INT64), as_json: bool = JsonOption,
         db: Optional[Path] = DbOption, config: Optional[Path] = ConfigOption) -> None:
    """The history of ingest runs.

    \b
    Example: newsarchive runs --limit 5
    """
    from store import reports

    database = _reader(db, config)
    with _reading("read"):
        rows = reports.runs(database, limit)
    for row in rows:
        if as_json:
            _print_json(row)
            continue
        status = row["status"] or "?"
        if status == "running":
            status = f"running (pid {row.get('pid')})"
        counts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in row["counts"].items())
        typer.echo(f"run {row['id']:<4} {status:<12} {row['started_at']}  {_took(row)}  {counts}")
        if row.get("error"):
            typer.echo(f"          error: {row['error']}")


def _took(run: dict[str, Any]) -> str:
    """How long a finished run took, e.g. '12 s'; '…' while it has not finished."""
    if not run.get("finished_at"):
        return "…"
    try:
        seconds = (datetime.fromisoformat(run["finished_at"])
                   - datetime.fromisoformat(run["started_at"])).total_seconds()
    except (TypeError, ValueError):
        return "?"
    return f"{seconds:.0f} s"


@app.command()
def check(full: bool = typer.Option(False, "--full", help="SQLite's integrity_check and foreign_key_check "
                                                          "(reads every index entry: slower)."),
          db: Optional[Path] = DbOption, config: Optional[Path] = ConfigOption) -> None:
    """Check the archive file for damage (SQLite's quick_check); exit 1 if it is damaged.

    Other commands read only the pages they need, so a file damaged elsewhere (a bad
    disk, a copy cut short) can go unnoticed until those pages are read: run this after
    a night's ingest, or before a backup is trusted.

    \b
    Example: newsarchive check && cp archive.db backup/
    """
    connection = _read_connection(db, config)
    path = _db_path(db, _config(config))
    with _reading("checked"):
        try:
            problems = [line.strip()[:200] for row in connection.execute(
                "PRAGMA integrity_check(20)" if full else "PRAGMA quick_check(20)")
                for line in row[0].splitlines() if line.strip()]
            if problems == ["ok"]:
                problems = []
            if full and not problems:
                problems = [f"row {rowid} of {table} names a missing row of {parent}" for table, rowid, parent, _
                            in connection.execute("PRAGMA foreign_key_check").fetchmany(20)]
            articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0] if not problems else 0
        except sqlite3.DatabaseError as exc:  # so damaged that the check itself stops
            problems = [str(exc)]
    if problems:
        fail(f"{path} is damaged: {'; '.join(problems[:3])}" + (f" (and {len(problems) - 3} more)"
                                                                 if len(problems) > 3 else "")
             + "; restore it from a backup (`newsarchive reclean` rebuilds articles from raw inputs "
               "only in an archive that reads)")
    typer.echo(f"ok: {path} passed SQLite's {'integrity and foreign key checks' if full else 'quick check'} "
               f"({articles:,} articles)")


@app.command()
def stats(as_json: bool = JsonOption, db: Optional[Path] = DbOption,
          config: Optional[Path] = ConfigOption) -> None:
    """Row counts of the archive.

    \b
    Example: newsarchive stats --json
    """
    from store import reports

    database = _reader(db, config)
    with _reading("read"):
        numbers = reports.stats(database)
    if as_json:
        _print_json(numbers)
    else:
        for key, value in numbers.items():
            typer.echo(f"{key:<16}{value:>10,}")


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
    from store import bigrams
    from store.export import FORMATS, ExportError, articles, write_csv, write_jsonl, write_parquet
    from store.search import fts_query

    if fmt not in FORMATS:
        fail(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}", EXIT_USAGE)
    if fmt == "parquet" and output == "-":
        fail("--format parquet needs a file: add --output FILE.parquet", EXIT_USAGE)
    since, until = _date_option(since, "--since"), _date_option(until, "--until")
    database = _read_connection(db, config)
    match, on_bigrams = None, False
    if query is not None:
        on_bigrams = bigrams.has_nospace(query) and bigrams.has_index(database)
        try:
            match = fts_query(query, for_bigrams=on_bigrams)
        except QueryError as exc:
            fail(str(exc), EXIT_USAGE)
    rows = articles(database, match=match, match_bigrams=on_bigrams, originals_only=originals,
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
        _debug_traceback(exc)
        fail(f"the archive could not be read: {exc}")
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

    db_path = _db_path(db, _config(config))
    try:
        metadata = build_metadata(db_path)
    except MetadataError as exc:
        fail(str(exc))
    if print_metadata:
        _print_json(metadata)
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


def main() -> None:  # pragma: no cover
    """Console-script entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
