"""The articles table's search box, for words its full-text index cannot find.

datasette's table search matches `_search` against the table's FTS index, articles_fts,
whose unicode61 tokenizer takes a run of Chinese or Japanese for one word ("東京都庁で"
is not found by "都庁") and keeps Arabic and Hebrew optional marks ("جدا" does not find
"جداً"). The archive's script index (store.script_index) finds both; the reading room's
search page and the CLI use it. Here the table's own box does too: a `_search` that
needs it (script_index.needs_index) on an archive's articles table is renamed
SCRIPT_SEARCH on its way in (asgi_wrapper; datasette's own search hook then leaves it
alone), and the filter this module gives for it matches the script index with the query
as the CLI writes it (search.fts_query). The box shows the words as typed, and the
filter reads 'search matches "..."', as datasette's own does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode

from datasette.filters import FilterArguments

from store import script_index
from store.search import QueryError, fts_query

SCRIPT_SEARCH = "_script_search"
TABLE = "articles"


def renamed_query(query_string: bytes) -> bytes | None:
    """The query string with a `_search` that needs the script index renamed SCRIPT_SEARCH,
    or None if it has none (or names its own `_fts_table`)."""
    args = parse_qsl(query_string.decode("utf-8", "replace"), keep_blank_values=True)
    if any(key == "_fts_table" for key, _ in args):
        return None
    if not any(key == "_search" and script_index.needs_index(value) for key, value in args):
        return None
    return urlencode([(SCRIPT_SEARCH if key == "_search" else key, value) for key, value in args]).encode("ascii")


def _on_articles_table(path: str) -> bool:
    """Whether the request path is a database's articles table (/DB/articles, or .json, .csv)."""
    parts = path.strip("/").split("/")
    return len(parts) == 2 and parts[1].split(".", 1)[0] == TABLE


def wrap(app: Callable) -> Callable:
    """ASGI middleware: rename an articles table's `_search` that needs the script index."""
    async def renaming(scope: dict, receive: Callable, send: Callable) -> None:
        if scope.get("type") == "http" and _on_articles_table(scope.get("path", "")):
            renamed = renamed_query(scope.get("query_string", b""))
            if renamed is not None:
                scope = dict(scope, query_string=renamed)
        await app(scope, receive, send)
    return renaming


async def script_filter(request: Any, database: str, table: str, datasette: Any) -> FilterArguments | None:
    """The where clause for SCRIPT_SEARCH on an archive's articles table: its rows whose title
    or text the script index matches. An archive without that index (made by an older
    newsarchive) is searched in articles_fts, as datasette would have."""
    query = request.args.get(SCRIPT_SEARCH)
    if table != TABLE or query is None:
        return None
    db = datasette.get_database(database)
    described = [f'search matches "{query}"']
    context = {"search": query}
    if await db.table_exists(script_index.SCRIPT_FTS):
        try:
            match = fts_query(query, for_script_index=True)
        except QueryError:
            return FilterArguments(["0"], {}, described, context)  # no words: nothing matches
        where = f"rowid IN (SELECT rowid FROM {script_index.SCRIPT_FTS} WHERE {script_index.SCRIPT_FTS} MATCH :script_search)"
        return FilterArguments([where], {"script_search": match}, described, context)
    where = "rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH escape_fts(:script_search))"
    return FilterArguments([where], {"script_search": query}, described, context)
