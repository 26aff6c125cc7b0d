"""Full-text search over articles_fts: user input made safe, ranked with bm25.

A user's words become quoted FTS5 terms, so any string they type is a valid query
(quotes, parentheses, stray operators, column names, SQL). Upper-case AND, OR and
NOT between two terms stay operators; a trailing * keeps prefix search; "a phrase"
stays a phrase. `raw=True` passes FTS5 syntax through for experts; its syntax
errors become QueryError. Text SQLite cannot take (lone surrogates: bytes of a
non-UTF-8 terminal) and over-long queries are refused with a QueryError too, so
any string gets results or a QueryError, never another exception.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

import sqlite_utils

TITLE_WEIGHT, TEXT_WEIGHT, NOVEL_WEIGHT = 10.0, 1.0, 2.0
MAX_TERMS = 64
MAX_QUERY_CHARS = 10_000
_TOKEN = re.compile(r'"([^"]*)"?|(\w+)(\*?)', re.UNICODE)
_WORD = re.compile(r"\w+", re.UNICODE)
_OPERATORS = {"AND", "OR", "NOT"}


class QueryError(ValueError):
    """A search query that cannot be run; the message says why and what to do."""


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _valid_text(value: str, what: str) -> str:
    """The value, if SQLite can store it as UTF-8; otherwise QueryError."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise QueryError(f"the {what} contains bytes that are not valid UTF-8 text (is the terminal "
                         f"set to UTF-8?); retype it") from None
    return value


def fts_query(text: str) -> str:
    """Turn free text into a safe FTS5 MATCH expression (raises QueryError if no words)."""
    parts: list[str] = []
    for match in _TOKEN.finditer(text):
        phrase, word, star = match.groups()
        if phrase is not None:
            words = _WORD.findall(phrase)
            if words:
                parts.append(_quote(" ".join(words)))
        elif word in _OPERATORS:
            parts.append(word)
        else:
            parts.append(_quote(word) + ("*" if star else ""))
    # an operator needs a term on both sides: drop leading, trailing and doubled ones
    cleaned: list[str] = []
    for part in parts:
        if part in _OPERATORS and (not cleaned or cleaned[-1] in _OPERATORS):
            continue
        cleaned.append(part)
    while cleaned and cleaned[-1] in _OPERATORS:
        cleaned.pop()
    terms = [p for p in cleaned if p not in _OPERATORS]
    if not terms:
        raise QueryError("the query has no words to search for; try e.g. `newsarchive search Guaido`")
    if len(terms) > MAX_TERMS:
        raise QueryError(f"the query has {len(terms)} terms; at most {MAX_TERMS} are searched at once")
    return " ".join(cleaned)


@dataclass(frozen=True)
class Hit:
    """One search result; `duplicates` lists folded near-duplicates of it."""

    id: int
    title: str | None
    published: str | None
    source: str | None
    snippet: str
    rank: float
    duplicate_of: int | None
    duplicates: tuple[int, ...] = ()


def search(db: sqlite_utils.Database, query: str, *, limit: int = 10, source: str | None = None,
           since: str | None = None, until: str | None = None, show_all: bool = False,
           novel: bool = False, raw: bool = False) -> list[Hit]:
    """Ranked hits (title weighted above text, novel text above repeated text).

    Near-duplicates are folded under their cluster's earliest article unless show_all.
    """
    if limit < 1:
        raise QueryError(f"the limit must be at least 1, not {limit}")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(query):,} characters long; at most {MAX_QUERY_CHARS:,} are searched")
    for value, what in ((query, "query"), (source, "source"), (since, "--since date"), (until, "--until date")):
        if value is not None:
            _valid_text(value, what)
    if raw and not query.strip():
        raise QueryError("the query is empty")
    match = query if raw else fts_query(query)
    if novel:
        match = f"novel_text : ({match})"
    where, params = ["articles_fts MATCH :match"], {"match": match}
    if source:
        where.append("a.source = :source")
        params["source"] = source
    if since:
        where.append("a.published >= :since")
        params["since"] = since
    if until:
        where.append("a.published <= :until || 'z'")
        params["until"] = until
    fetch = limit if show_all else limit * 5 + 20
    bm25 = f"bm25(articles_fts, {TITLE_WEIGHT}, {TEXT_WEIGHT}, {NOVEL_WEIGHT})"
    # rank every match in the inner query, but build snippets only for the top ones
    sql = f"""
        SELECT a.id, a.title, a.published, a.source,
               snippet(articles_fts, -1, '[', ']', ' … ', 20) AS snippet, {bm25} AS rank, a.duplicate_of
        FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
        WHERE articles_fts MATCH :match AND articles_fts.rowid IN (
            SELECT articles_fts.rowid FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
            WHERE {' AND '.join(where)} ORDER BY {bm25} LIMIT {int(fetch)})
        ORDER BY rank"""
    try:
        rows = db.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        # SQLITE_ERROR is what FTS5 raises for a query it cannot parse; busy, I/O and
        # corruption errors are not the query's fault and propagate.
        if getattr(exc, "sqlite_errorcode", sqlite3.SQLITE_ERROR) != sqlite3.SQLITE_ERROR:
            raise
        if raw:
            raise QueryError(f"not a valid FTS5 query ({exc}); drop --raw to search plain words") from None
        raise QueryError(f"the search could not be run ({exc}); try fewer or simpler words") from None
    hits = [Hit(*row) for row in rows]
    if show_all:
        return hits[:limit]
    return _fold(db, hits, limit)


def _fold(db: sqlite_utils.Database, hits: list[Hit], limit: int) -> list[Hit]:
    """Keep the best hit per duplicate cluster, presented as the cluster's root."""
    folded: dict[int, Hit] = {}
    for hit in hits:
        root = hit.duplicate_of or hit.id
        if root not in folded and len(folded) < limit:
            if root != hit.id:
                row = db.execute("SELECT title, published, source FROM articles WHERE id = ?", [root]).fetchone()
                hit = Hit(root, row[0], row[1], row[2], hit.snippet, hit.rank, None)
            folded[root] = hit
    out = []
    for root, hit in folded.items():
        dupes = [r[0] for r in db.execute(
            "SELECT id FROM articles WHERE duplicate_of = ? ORDER BY id", [root])]
        out.append(Hit(hit.id, hit.title, hit.published, hit.source, hit.snippet, hit.rank,
                       None, tuple(dupes)))
    return out
