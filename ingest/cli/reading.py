"""The commands that read the archive: search, show, dupes, runs, stats."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any, Optional

import typer

from store.connection import damage_note
from store.search import RANK_WINDOW, QueryError, search as run_search

from .app import (EXIT_USAGE, MAX_INT64, ConfigOption, DbOption, JsonOption, app, date_option,
                  debug_traceback, fail, print_json, read_connection, reader, reading)


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
    since, until = date_option(since, "--since"), date_option(until, "--until")
    database = read_connection(db, config)  # plain sqlite3: the command starts faster
    try:
        hits = run_search(database, query, limit=limit, source=source, since=since, until=until,
                          show_all=show_all, novel=novel, raw=raw, window=window)
    except QueryError as exc:
        fail(str(exc), EXIT_USAGE)
    except sqlite3.Error as exc:
        debug_traceback(exc)
        fail(f"the archive could not be searched: {exc}{damage_note(exc)}")
    except OverflowError as exc:  # a number SQLite cannot hold; the options' ranges should stop it first
        fail(f"a number is out of range: {exc}", EXIT_USAGE)
    if as_json:
        for hit in hits:
            print_json(hit.__dict__)
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

    database = reader(db, config)
    try:
        with reading("read"):
            article = reports.article_detail(database, article_id)
    except reports.NotFound as exc:
        fail(str(exc))
    if as_json:
        print_json(article)
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



def _print_rows(rows: list[dict[str, Any]], as_json: bool, render) -> None:
    """Rows as JSON lines, or each through render() for people."""
    for row in rows:
        if as_json:
            print_json(row)
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

    database = reader(db, config)
    with reading("read"):
        rows = reports.repeated_passages(database, limit) if passages else reports.duplicate_clusters(database, limit)
    _print_rows(rows, as_json, _render_passage if passages else _render_cluster)


# counts a run's line shows only when they are not 0 (every run has them; few runs have any)
_SAID_WHEN_NONZERO = frozenset({"rejected_again"})


@app.command()
def runs(limit: int = typer.Option(20, "--limit", min=1, max=MAX_INT64), as_json: bool = JsonOption,
         db: Optional[Path] = DbOption, config: Optional[Path] = ConfigOption) -> None:
    """The history of ingest runs.

    \b
    Example: newsarchive runs --limit 5
    """
    from store import reports

    database = reader(db, config)
    with reading("read"):
        rows = reports.runs(database, limit)
    for row in rows:
        if as_json:
            print_json(row)
            continue
        status = row["status"] or "?"
        if status == "running":
            status = f"running (pid {row.get('pid')})"
        counts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in row["counts"].items()
                           if v or k not in _SAID_WHEN_NONZERO)
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
def stats(as_json: bool = JsonOption, db: Optional[Path] = DbOption,
          config: Optional[Path] = ConfigOption) -> None:
    """Row counts of the archive.

    \b
    Example: newsarchive stats --json
    """
    from store import reports

    database = reader(db, config)
    with reading("read"):
        numbers = reports.stats(database)
    if as_json:
        print_json(numbers)
    else:
        for key, value in numbers.items():
            typer.echo(f"{key:<16}{value:>10,}")
