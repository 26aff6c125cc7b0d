"""Per-source template lines: short lines that recur across a source's articles.

A kept paragraph shorter than a passage (fewer than `paragraph_min_words` words)
that appears word for word in articles of `template_min_articles` different stories
(duplicate clusters) of one source is that source's template: a menu item, a
sign-up line, a standing credit. It is recorded in `boilerplate_lines`, which users
see in datasette, and removed (rule "template") from the source's later articles;
`newsarchive reclean` removes it from earlier ones too. A user overrides a line by
setting its status to 'keep' (never template) or 'remove' (always template).
"""

from __future__ import annotations

import hashlib
import sqlite3

import sqlite_utils

LEARNED, KEEP, REMOVE = "learned", "keep", "remove"


def line_hash(normalized: str) -> int:
    """A signed 64-bit hash of a normalised line (indexable in SQLite)."""
    return int.from_bytes(hashlib.blake2b(normalized.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def create_tables(db: sqlite_utils.Database) -> None:
    """The boilerplate_lines table (visible) and its index."""
    db["boilerplate_lines"].create({
        "id": int, "source": str, "line": str, "example": str, "articles": int, "status": str,
        "learned_in_run": int,
    }, pk="id", not_null={"source", "line", "status"}, if_not_exists=True)
    db["boilerplate_lines"].create_index(["source", "line"], unique=True, if_not_exists=True)


def templates_for(conn: sqlite3.Connection, source: str) -> frozenset[str]:
    """The normalised template lines to remove from a source's articles."""
    return frozenset(line for (line,) in conn.execute(
        "SELECT line FROM boilerplate_lines WHERE source = ? AND status IN (?, ?)", [source, LEARNED, REMOVE]))


def short_lines(normalized: list[str], max_words: int) -> dict[int, tuple[str, int]]:
    """The paragraphs (given normalised) that can be template lines, having fewer than
    max_words words, by position: their normalised text and its line_hash."""
    return {position: (text, line_hash(text)) for position, text in enumerate(normalized)
            if len(text.split()) < max_words}


def learn(conn: sqlite3.Connection, source: str, lines: list[tuple[str, str, int]], min_articles: int,
          run_id: int | None) -> list[str]:
    """Count an article's short lines in its source; return the lines newly learned.

    `lines` are (text, normalised text, line_hash) of the short paragraphs of the
    article just written (stored with their line_hash). Stories are counted, not
    articles: near-duplicate copies share every line.
    """
    learned = []
    for text, normalized, digest in lines:
        stories = conn.execute(
            """SELECT count(DISTINCT coalesce(a.duplicate_of, a.id)) FROM paragraphs p
               JOIN articles a ON a.id = p.article_id WHERE p.line_hash = ? AND a.source = ?""",
            [digest, source]).fetchone()[0]
        if stories < min_articles:
            continue
        cur = conn.execute(
            """INSERT INTO boilerplate_lines (source, line, example, articles, status, learned_in_run)
               VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (source, line) DO UPDATE SET articles = excluded.articles""",
            [source, normalized, text, stories, LEARNED, run_id])
        if cur.rowcount and stories == min_articles:
            learned.append(normalized)
    return learned
