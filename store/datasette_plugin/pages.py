"""The reading room's pages, as datasette views (registered by the plugin's register_routes).

Every page lives under its database, /<database>/-/..., and reads it with datasette's
own read-only connection (Database.execute_fn), through store.datasette_plugin.reading
and, for search, store.search (the library `newsarchive search` uses, so folding of
copies and search in scripts without spaces come with it). Templates escape every
value; snippets' [match] marks become <mark> after escaping.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any
from urllib.parse import urlencode

from datasette.utils import sqlite_timelimit, tilde_decode
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

from store import search as archive_search

from . import reading

SEARCH_LIMIT = 20
MAX_SEARCH_LIMIT = 200
_MARKED = re.compile(r"\[([^\[\]]*)\]")  # a snippet's [match]: no nesting, linear time
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


async def _database(datasette, request):
    """The archive database a URL names, or NotFound (also for a database that is no archive)."""
    name = tilde_decode(request.url_vars["database"])
    try:
        db = datasette.get_database(name)
    except KeyError:
        raise NotFound(f"Database not found: {name}") from None
    if not await db.table_exists("articles"):
        raise NotFound(f"{name} is not a newsarchive archive")
    return name, db


def _id(request, key: str = "id") -> int:
    value = int(request.url_vars[key])  # the route admits digits only
    if value >= 2**63:
        raise NotFound("No such id")
    return value


def page_url(datasette, database: str, kind: str, item: Any = None, **args: Any) -> str:
    """The URL of a reading-room page: kind is article, passage, cluster or search."""
    path = f"{datasette.urls.database(database)}/-/{kind}" + (f"/{item}" if item is not None else "")
    query = urlencode({k: v for k, v in args.items() if v not in (None, "")})
    return path + ("?" + query if query else "")


def marked(snippet: str) -> Markup:
    """A search snippet as HTML: the text escaped, each [match] it marks as <mark>match</mark>."""
    return Markup(_MARKED.sub(lambda m: f"<mark>{m.group(1)}</mark>", str(escape(snippet))))


async def _render(datasette, request, template: str, database: str, context: dict[str, Any]) -> Response:
    context = {"database": database, "db_url": datasette.urls.database(database), **context}
    return Response.html(await datasette.render_template(template, context, request=request,
                                                         view_name="newsarchive"))


async def article_page(datasette, request) -> Response:
    """An article as it reads: headline, outlet, date, link, paragraphs with repeated
    passages marked, copies, versions and removed lines. A merged id redirects."""
    name, db = await _database(datasette, request)
    asked = _id(request)
    current, redirect = await db.execute_fn(lambda conn: reading.resolve(conn, asked))
    if current is None:
        raise NotFound(f"No article {asked}")
    if redirect is not None:
        return Response.redirect(page_url(datasette, name, "article", current, merged=asked))
    found = await db.execute_fn(lambda conn: reading.article(conn, asked))
    if found is None:
        raise NotFound(f"No article {asked}")
    merged = request.args.get("merged")
    merged_from = None
    if merged and merged.isdigit() and int(merged) < 2**63:
        target, merged_from = await db.execute_fn(lambda conn: reading.resolve(conn, int(merged)))
        merged_from = merged_from if target == asked else None  # only a true redirect here is told
    return await _render(datasette, request, "newsarchive_article.html", name,
                         {"article": found, "merged_from": merged_from,
                          "row_url": datasette.urls.row(name, "articles", str(asked))})


async def passage_page(datasette, request) -> Response:
    """A repeated passage: where it first ran and every article that repeats it."""
    name, db = await _database(datasette, request)
    asked = _id(request)
    found = await db.execute_fn(lambda conn: reading.passage(conn, asked))
    if found is None:
        raise NotFound("No such passage")
    return await _render(datasette, request, "newsarchive_passage.html", name, {"passage": found})


async def cluster_page(datasette, request) -> Response:
    """A near-duplicate cluster: its earliest article and its copies."""
    name, db = await _database(datasette, request)
    asked = _id(request)
    current, _ = await db.execute_fn(lambda conn: reading.resolve(conn, asked))
    found = await db.execute_fn(lambda conn: reading.cluster(conn, current)) if current is not None else None
    if found is None:
        raise NotFound(f"No article {asked}")
    return await _render(datasette, request, "newsarchive_cluster.html", name, {"cluster": found})


def search_time_limit_ms(datasette) -> int:
    """How long a search may run: the plugin's `search_time_limit_ms` (metadata
    plugins.newsarchive), else datasette's sql_time_limit_ms, as for any other query."""
    configured = (datasette.plugin_config("newsarchive") or {}).get("search_time_limit_ms")
    return int(configured) if configured is not None else int(datasette.setting("sql_time_limit_ms"))


def _search_options(args) -> dict[str, Any]:
    """The search form's values from a request's query string, cleaned (bad values dropped)."""
    options = {key: (args.get(key) or "").strip() for key in ("q", "source", "language", "since", "until")}
    for key in ("since", "until"):
        if options[key] and not _DATE.fullmatch(options[key]):
            options[key] = ""
    limit = args.get("limit") or ""
    options["limit"] = min(int(limit), MAX_SEARCH_LIMIT) if limit.isdigit() and int(limit) > 0 else SEARCH_LIMIT
    return options


async def search_page(datasette, request) -> Response:
    """Ranked search with copies folded under their original, as `newsarchive search` does."""
    name, db = await _database(datasette, request)
    options = _search_options(request.args)
    hits, error = [], None
    if options["q"]:
        limit_ms = search_time_limit_ms(datasette)

        def run(conn):
            with sqlite_timelimit(conn, limit_ms):
                return archive_search.search(conn, options["q"], limit=options["limit"],
                                             source=options["source"] or None, since=options["since"] or None,
                                             until=options["until"] or None, language=options["language"] or None)
        try:
            hits = await db.execute_fn(run)
        except archive_search.QueryError as exc:
            error = str(exc)
        except sqlite3.OperationalError as exc:
            if "interrupted" not in str(exc):
                raise
            error = (f"The search took longer than {limit_ms / 1000:g} s and was stopped; add words, or "
                     f"loosen the filters (a filter that few matches pass makes the search read every match).")
    outlets = await db.execute_fn(reading.outlets)
    more = None
    if len(hits) == options["limit"] and options["limit"] < MAX_SEARCH_LIMIT:
        more = page_url(datasette, name, "search", **{**options, "limit": min(options["limit"] * 2, MAX_SEARCH_LIMIT)})
    shown = [{"hit": hit, "snippet": marked(hit.snippet)} for hit in hits]
    return await _render(datasette, request, "newsarchive_search.html", name,
                         {"options": options, "results": shown, "error": error, "outlets": outlets,
                          "more_url": more})


def routes() -> list[tuple[str, Any]]:
    """The reading room's (regex, view) pairs for datasette's register_routes."""
    database = r"/(?P<database>[^/]+)/-/"
    return [
        (database + r"article/(?P<id>\d{1,19})$", article_page),
        (database + r"passage/(?P<id>\d{1,19})$", passage_page),
        (database + r"cluster/(?P<id>\d{1,19})$", cluster_page),
        (database + r"search$", search_page),
    ]

