"""What the reading-room pages show, read from the archive on a plain sqlite3 connection.

Each function takes a connection (datasette runs them on its read-only connection with
`Database.execute_fn`) and returns plain dicts: the pages' templates escape every value.
Only the contract's names are read (DESIGN.md), and only what an index reaches: an
article by id, paragraphs by article_id or passage_id, copies by duplicate_of, versions
by canonical_url (only where the archive indexes it), so every page costs about the same
whatever the archive's size. Lists are bounded (LIST_LIMIT and friends); counts say how
many more there are. Raw inputs are never read (they may be stored compressed).
"""

from __future__ import annotations

import sqlite3
from typing import Any

LIST_LIMIT = 200  # copies, versions, articles repeating a passage: more are counted, not listed
MAX_PARAGRAPHS = 2_000  # of one article; a longer one ends with a note
MAX_REMOVED = 500  # removed lines listed per article
MAX_SIGHTINGS = 50
# Article columns the pages show; an older archive may lack the provenance ones (NULL then).
ARTICLE_COLUMNS = ["id", "title", "published", "source", "site", "url", "canonical_url", "author",
                   "language", "duplicate_of", "similarity", "status"]
LISTED_COLUMNS = ["id", "title", "published", "source", "site", "url", "language", "duplicate_of", "similarity"]


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute("SELECT * FROM pragma_table_info(?)", [table])}


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ? AND type IN ('table', 'view')",
                        [name]).fetchone() is not None


def _select(conn: sqlite3.Connection, wanted: list[str], alias: str = "a") -> str:
    """A select list of articles' `wanted` columns, NULL for those the archive lacks."""
    have = _columns(conn, "articles")
    return ", ".join(f"{alias}.{c}" if c in have else f"NULL AS {c}" for c in wanted)


def _rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _indexed(conn: sqlite3.Connection, table: str, column: str) -> bool:
    """Whether an index of `table` starts with `column` (so a lookup by it is a seek)."""
    for index in conn.execute("SELECT name FROM pragma_index_list(?)", [table]).fetchall():
        first = conn.execute("SELECT name FROM pragma_index_info(?) WHERE seqno = 0", [index[0]]).fetchone()
        if first and first[0] == column:
            return True
    return False


def resolve(conn: sqlite3.Connection, article_id: int) -> tuple[int | None, dict[str, Any] | None]:
    """The article an id names now: (id, None) for an article, (to_id, redirect row) for an
    id that reclean merged into another article, (None, None) for an id never given."""
    if conn.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone():
        return article_id, None
    if _has_table(conn, "article_redirects"):
        rows = _rows(conn.execute("SELECT id, to_id, reason, title FROM article_redirects WHERE id = ?",
                                  [article_id]))
        if rows:
            return rows[0]["to_id"], rows[0]
    return None, None


def article(conn: sqlite3.Connection, article_id: int) -> dict[str, Any] | None:
    """Everything the article page shows of one article (None if there is no such article)."""
    rows = _rows(conn.execute(f"SELECT {_select(conn, ARTICLE_COLUMNS)} FROM articles a WHERE a.id = ?",
                              [article_id]))
    if not rows:
        return None
    found = rows[0]
    found["paragraphs"], found["more_paragraphs"] = paragraphs(conn, article_id)
    root = found["duplicate_of"] or article_id
    found["root"] = next(iter(listed(conn, [root])), None) if root != article_id else None
    found["copies"], found["copy_count"] = copies(conn, root, exclude=article_id)
    found["removed"], found["removed_count"] = removed_lines(conn, article_id)
    found["versions"], found["versions_indexed"] = versions(conn, found["canonical_url"])
    found["sightings"], found["sighting_count"] = sightings(conn, article_id)
    return found


def paragraphs(conn: sqlite3.Connection, article_id: int) -> tuple[list[dict[str, Any]], int]:
    """The article's paragraphs in order, each with its passage (if repeated) and where the
    passage was first seen; and how many paragraphs are not listed. An article stored
    without paragraph rows (empty after reclean) gets its text cut at blank lines."""
    rows = _rows(conn.execute(
        "SELECT p.position, p.text, p.passage_id, s.first_article_id, s.occurrences, f.title AS first_title "
        "FROM paragraphs p LEFT JOIN passages s ON s.id = p.passage_id "
        "LEFT JOIN articles f ON f.id = s.first_article_id "
        "WHERE p.article_id = ? ORDER BY p.position LIMIT ?", [article_id, MAX_PARAGRAPHS + 1]))
    if not rows:
        text = conn.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        parts = [p.strip() for p in (text[0] or "").split("\n\n") if p.strip()] if text else []
        rows = [{"position": i, "text": t, "passage_id": None} for i, t in enumerate(parts[:MAX_PARAGRAPHS + 1])]
    more = 0
    if len(rows) > MAX_PARAGRAPHS:
        rows = rows[:MAX_PARAGRAPHS]
        more = conn.execute("SELECT count(*) FROM paragraphs WHERE article_id = ?", [article_id]).fetchone()[0]
        more = max(0, more - MAX_PARAGRAPHS)
    for row in rows:
        row["first_here"] = row.get("passage_id") is not None and row.get("first_article_id") == article_id
    return rows, more


def listed(conn: sqlite3.Connection, ids: list[int]) -> list[dict[str, Any]]:
    """Short descriptions (title, outlet, date, link, language) of articles, in the order of ids."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = {r["id"]: r for r in _rows(conn.execute(
        f"SELECT {_select(conn, LISTED_COLUMNS)} FROM articles a WHERE a.id IN ({marks})", ids))}
    return [rows[i] for i in ids if i in rows]


def copies(conn: sqlite3.Connection, root: int, exclude: int | None = None) -> tuple[list[dict[str, Any]], int]:
    """The near-duplicates of the cluster whose earliest article is `root` (without
    `exclude`), earliest first, at most LIST_LIMIT; and how many there are in all."""
    rows = _rows(conn.execute(
        f"SELECT {_select(conn, LISTED_COLUMNS)} FROM articles a WHERE a.duplicate_of = ? AND a.id IS NOT ? "
        f"ORDER BY a.published IS NULL, a.published, a.id LIMIT ?", [root, exclude, LIST_LIMIT]))
    total = len(rows)
    if total == LIST_LIMIT:
        total = conn.execute("SELECT count(*) FROM articles WHERE duplicate_of = ? AND id IS NOT ?",
                             [root, exclude]).fetchone()[0]
    return rows, total


def removed_lines(conn: sqlite3.Connection, article_id: int) -> tuple[list[dict[str, Any]], int]:
    """The lines the cleaner removed from the article's input, with their rules; and how many."""
    rows = _rows(conn.execute("SELECT line_no, text, rule FROM removed_lines WHERE article_id = ? "
                              "ORDER BY line_no LIMIT ?", [article_id, MAX_REMOVED]))
    total = len(rows)
    if total == MAX_REMOVED:
        total = conn.execute("SELECT count(*) FROM removed_lines WHERE article_id = ?", [article_id]).fetchone()[0]
    return rows, total


def versions(conn: sqlite3.Connection, canonical_url: str | None) -> tuple[list[dict[str, Any]], bool]:
    """The articles with this canonical URL (versions of one page), oldest first; and
    whether the archive could be asked (it indexes canonical_url: a scan of every article
    would make the page's time grow with the archive)."""
    if not canonical_url:
        return [], True
    if "canonical_url" not in _columns(conn, "articles") or not _indexed(conn, "articles", "canonical_url"):
        return [], False
    rows = _rows(conn.execute(f"SELECT {_select(conn, LISTED_COLUMNS)} FROM articles a "
                              f"WHERE a.canonical_url = ? ORDER BY a.id LIMIT ?", [canonical_url, LIST_LIMIT]))
    return rows, True


def sightings(conn: sqlite3.Connection, article_id: int) -> tuple[list[dict[str, Any]], int]:
    """Where the article's inputs were read (first MAX_SIGHTINGS), and how many there were."""
    wanted = ["location", "url"] if "url" in _columns(conn, "sightings") else ["location", "NULL AS url"]
    rows = _rows(conn.execute(f"SELECT {', '.join(wanted)}, run_id FROM sightings WHERE article_id = ? "
                              f"ORDER BY id LIMIT ?", [article_id, MAX_SIGHTINGS]))
    total = len(rows)
    if total == MAX_SIGHTINGS:
        total = conn.execute("SELECT count(*) FROM sightings WHERE article_id = ?", [article_id]).fetchone()[0]
    return rows, total


def passage(conn: sqlite3.Connection, passage_id: int) -> dict[str, Any] | None:
    """A repeated passage: its text, the article it was first seen in, and every article
    that repeats it (at most LIST_LIMIT, earliest id first) with the paragraph's position."""
    rows = _rows(conn.execute("SELECT id, first_article_id, occurrences, text FROM passages WHERE id = ?",
                              [passage_id]))
    if not rows:
        return None
    found = rows[0]
    first = listed(conn, [found["first_article_id"]]) if found["first_article_id"] is not None else []
    found["first"] = first[0] if first else None
    found["articles"] = _rows(conn.execute(
        f"SELECT {_select(conn, LISTED_COLUMNS)}, p.position, p.text AS paragraph "
        f"FROM paragraphs p JOIN articles a ON a.id = p.article_id "
        f"WHERE p.passage_id = ? ORDER BY p.article_id, p.position LIMIT ?", [passage_id, LIST_LIMIT]))
    total = len(found["articles"])
    if total == LIST_LIMIT:
        total = conn.execute("SELECT count(*) FROM paragraphs WHERE passage_id = ?", [passage_id]).fetchone()[0]
    found["article_count"] = total
    return found


def cluster(conn: sqlite3.Connection, article_id: int) -> dict[str, Any] | None:
    """The near-duplicate cluster an article belongs to: its earliest article (the one the
    copies' duplicate_of names) and the copies, earliest first."""
    row = conn.execute("SELECT duplicate_of FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        return None
    root_id = row[0] or article_id
    root = listed(conn, [root_id])
    members, total = copies(conn, root_id)
    return {"root": root[0] if root else None, "copies": members, "copy_count": total, "asked": article_id}


def outlets(conn: sqlite3.Connection, limit: int = 500) -> list[str]:
    """The archive's sources (outlets), alphabetically, for the search form (read from
    the index on source, not the table)."""
    return [r[0] for r in conn.execute("SELECT DISTINCT source FROM articles WHERE source IS NOT NULL "
                                       "ORDER BY source LIMIT ?", [limit])]
