"""Per-source template lines: short lines that recur across a source's articles.

A kept paragraph shorter than a passage (fewer than `paragraph_min_words` words)
that appears word for word in articles of `template_min_articles` different stories
(duplicate clusters) of one source, and in `template_min_share` of the source's latest
stories (its last RECENT_ARTICLES articles), is that source's template: a menu item, a
sign-up line, a standing credit. The share keeps a folder of many sites (one source
for plain text) from learning what articles of different sites share, such as a
"Conclusion" subheading or "Table of contents". It is recorded in `boilerplate_lines`, which users
see in datasette, and removed (rule "template") from the source's later articles;
`newsarchive reclean` removes it from earlier ones too. A user overrides a line by
setting its status to 'keep' (never template) or 'remove' (always template).
"""

from __future__ import annotations

import hashlib
import sqlite3

import sqlite_utils

LEARNED, KEEP, REMOVE = "learned", "keep", "remove"
RECENT_ARTICLES = 100  # a line's share of the source is counted in its latest articles


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


def _stories_with(conn: sqlite3.Connection, source: str, digest: int) -> int:
    """How many stories of the source have the line (found by its hash)."""
    return conn.execute(
        """SELECT count(DISTINCT coalesce(a.duplicate_of, a.id)) FROM paragraphs p
           JOIN articles a ON a.id = p.article_id WHERE p.line_hash = ? AND a.source = ?""",
        [digest, source]).fetchone()[0]


def _recent_stories_with(conn: sqlite3.Connection, source: str, digest: int, since_id: int) -> int:
    """How many stories of the source's articles from since_id on have the line (read from
    those articles' paragraphs: at most RECENT_ARTICLES of them)."""
    return conn.execute(
        """SELECT count(DISTINCT coalesce(a.duplicate_of, a.id)) FROM articles a
           JOIN paragraphs p ON p.article_id = a.id WHERE a.source = ? AND a.id >= ? AND p.line_hash = ?""",
        [source, since_id, digest]).fetchone()[0]


def _recent_stories(conn: sqlite3.Connection, source: str) -> tuple[int, int]:
    """The id of the source's oldest article among its latest RECENT_ARTICLES, and how
    many stories those articles tell."""
    since_id = conn.execute(
        "SELECT min(id) FROM (SELECT id FROM articles WHERE source = ? ORDER BY id DESC LIMIT ?)",
        [source, RECENT_ARTICLES]).fetchone()[0] or 0
    stories = conn.execute(
        "SELECT count(DISTINCT coalesce(duplicate_of, id)) FROM articles WHERE source = ? AND id >= ?",
        [source, since_id]).fetchone()[0]
    return since_id, stories


def learn(conn: sqlite3.Connection, source: str, lines: list[tuple[str, str, int]], min_articles: int,
          run_id: int | None, min_share: float = 0.0) -> list[str]:
    """Count an article's short lines in its source; return the lines newly learned.

    `lines` are (text, normalised text, line_hash) of the short paragraphs of the
    article just written (stored with their line_hash). Stories are counted, not
    articles: near-duplicate copies share every line. A line is learned once it is in
    min_articles stories of the source and in min_share of its recent stories.
    """
    learned = []
    recent: tuple[int, int] | None = None
    for text, normalized, digest in lines:
        stories = _stories_with(conn, source, digest)
        if stories < min_articles:
            continue
        if min_share > 0:
            recent = recent or _recent_stories(conn, source)
            since_id, recent_stories = recent
            if _recent_stories_with(conn, source, digest, since_id) < min_share * recent_stories:
                continue
        known = conn.execute("UPDATE boilerplate_lines SET articles = ? WHERE source = ? AND line = ?",
                             [stories, source, normalized]).rowcount
        if not known:
            conn.execute(
                """INSERT INTO boilerplate_lines (source, line, example, articles, status, learned_in_run)
                   VALUES (?, ?, ?, ?, ?, ?)""", [source, normalized, text, stories, LEARNED, run_id])
            learned.append(normalized)
    return learned
