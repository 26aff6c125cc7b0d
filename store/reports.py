"""Read-only views of the archive: one article, duplicate clusters, passages, runs, stats."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import sqlite_utils

from .connection import ArchiveDamaged


FIRST_SEEN = "(SELECT location FROM sightings WHERE article_id = {article} ORDER BY id LIMIT 1)"


class NotFound(LookupError):
    """No row with that id."""


def _redirect(db: sqlite_utils.Database, article_id: int) -> dict[str, Any] | None:
    """The redirect an id merged into another article by reclean holds (None if none, or
    in an archive made before redirects were kept)."""
    if not db["article_redirects"].exists():
        return None
    rows = list(db.query("SELECT id, to_id, reason, run_id, title FROM article_redirects WHERE id = ?", [article_id]))
    return rows[0] if rows else None


def article_detail(db: sqlite_utils.Database, article_id: int) -> dict[str, Any]:
    """An article with its paragraphs (and passage ids), sightings and removed lines.

    An id that reclean merged into another article leads to that article, with
    `redirected_from` (the redirect: id, to_id, reason, run_id, title) set. An article
    marked (status, e.g. 'empty after reclean') has `removed_rules`: how many lines
    each rule removed. `merged_ids`: the ids merged into it."""
    rows = list(db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
    redirect = None
    if not rows:
        redirect = _redirect(db, article_id)
        if redirect is not None:
            rows = list(db.query("SELECT * FROM articles WHERE id = ?", [redirect["to_id"]]))
    if not rows:
        if db.execute("SELECT 1 FROM sightings WHERE article_id = ? LIMIT 1", [article_id]).fetchone():
            # articles are never deleted: SQLite skipped a damaged page of the table
            raise ArchiveDamaged(f"article {article_id} is seen in sightings but the articles table does not hold it")
        raise NotFound(f"no article with id {article_id}; `newsarchive search WORDS` lists ids")
    article = rows[0]
    article_id = article["id"]
    if article.get("novel_text") is None:  # NULL where it is the text (store.schema.NOVEL_TEXT)
        article["novel_text"] = article["text"]
    article["redirected_from"] = redirect
    article["paragraphs"] = list(db.query(
        "SELECT position, text, passage_id, similarity FROM paragraphs WHERE article_id = ? "
        "ORDER BY position", [article_id]))
    provenance = [c for c in ("url", "fetched_at") if c in db["sightings"].columns_dict]  # older archives lack them
    article["sightings"] = list(db.query(
        f"SELECT {', '.join(['location', 'run_id', *provenance])} FROM sightings WHERE article_id = ? ORDER BY id",
        [article_id]))
    article["versions"] = versions(db, article.get("canonical_url"))
    article["removed_lines"] = list(db.query(
        "SELECT line_no, text, rule FROM removed_lines WHERE article_id = ? ORDER BY raw_id, line_no",
        [article_id]))
    article["duplicates"] = [r["id"] for r in db.query(
        "SELECT id FROM articles WHERE duplicate_of = ? ORDER BY id", [article_id])]
    article.setdefault("status", None)  # archives made before reclean kept every id
    article["removed_rules"] = dict(Counter(line["rule"] for line in article["removed_lines"]).most_common())
    article["merged_ids"] = [r["id"] for r in db.query(
        "SELECT id FROM article_redirects WHERE to_id = ? ORDER BY id", [article_id])] \
        if db["article_redirects"].exists() else []
    return article


def versions(db: sqlite_utils.Database, canonical_url: str | None) -> list[dict[str, Any]]:
    """The articles archived from one canonical URL (the same URL with other content), oldest
    first: id, title, published, previous_version and when each was first fetched. One
    article alone is no list of versions: empty then."""
    if not canonical_url or "previous_version" not in db["articles"].columns_dict:
        return []
    rows = list(db.query(
        "SELECT a.id, a.title, a.published, a.previous_version, "
        "(SELECT min(s.fetched_at) FROM sightings s WHERE s.article_id = a.id) AS fetched_at "
        "FROM articles a WHERE a.canonical_url = ? ORDER BY a.id", [canonical_url]))
    return rows if len(rows) > 1 else []


def duplicate_clusters(db: sqlite_utils.Database, limit: int = 50) -> list[dict[str, Any]]:
    """Clusters of near-duplicate articles, largest first, each under its earliest article."""
    clusters = list(db.query(
        f"""SELECT r.id, r.title, r.source, r.published, {FIRST_SEEN.format(article="r.id")} AS first_seen,
                  count(d.id) AS duplicates
           FROM articles r JOIN articles d ON d.duplicate_of = r.id
           GROUP BY r.id ORDER BY duplicates DESC, r.id LIMIT ?""", [limit]))
    for cluster in clusters:
        cluster["members"] = list(db.query(
            "SELECT id, title, source, similarity FROM articles WHERE duplicate_of = ? ORDER BY id",
            [cluster["id"]]))
    return clusters


def repeated_passages(db: sqlite_utils.Database, limit: int = 50) -> list[dict[str, Any]]:
    """The most repeated passages, with the article each was first seen in."""
    passages = list(db.query(
        f"""SELECT p.id, p.occurrences, p.text, p.first_article_id, a.title AS first_title,
                  a.source AS first_source, a.published AS first_published,
                  {FIRST_SEEN.format(article="a.id")} AS first_seen
           FROM passages p JOIN articles a ON a.id = p.first_article_id
           ORDER BY p.occurrences DESC, p.id LIMIT ?""", [limit]))
    for passage in passages:
        passage["articles"] = [r["article_id"] for r in db.query(
            "SELECT DISTINCT article_id FROM paragraphs WHERE passage_id = ? ORDER BY article_id",
            [passage["id"]])]
    return passages


def runs(db: sqlite_utils.Database, limit: int = 20) -> list[dict[str, Any]]:
    """The latest ingest runs, newest first: times, status, pid, paths, counts and error."""
    out = list(db.query("SELECT * FROM ingest_runs ORDER BY id DESC LIMIT ?", [limit]))
    for run in out:
        run["counts"] = json.loads(run["counts"] or "{}")
        run["paths"] = json.loads(run.get("paths") or "[]")
        run.setdefault("error", None)  # archives made before runs kept their error
    return out


def stats(db: sqlite_utils.Database) -> dict[str, int]:
    """Row counts of the archive's main tables."""
    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "near_duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
        "sightings": one("SELECT count(*) FROM sightings"),
        "paragraphs": one("SELECT count(*) FROM paragraphs"),
        "passages": one("SELECT count(*) FROM passages"),
        "raw_documents": one("SELECT count(*) FROM raw_documents"),
        "merged_ids": one("SELECT count(*) FROM article_redirects") if db["article_redirects"].exists() else 0,
        "rejects": one("SELECT count(*) FROM rejects"),
        "runs": one("SELECT count(*) FROM ingest_runs"),
    }
