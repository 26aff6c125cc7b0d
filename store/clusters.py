"""Duplicate clusters and passages as connected components of verified edges.

Every verified pair found by dedup is stored as an edge (_article_edges,
_paragraph_edges). A duplicate cluster is a connected component of article edges;
its root, the article `duplicate_of` names, is the earliest by publication date,
then by arrival. A passage is a connected component of paragraph edges that join
different clusters (reuse inside one cluster is the same story, not background).
Components are updated incrementally, only where new edges touch them, and the
result is the same whatever the order in which articles arrived.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Iterable

from ingest.normalize import normalize_text

_ORDER = "(published IS NULL), published, id"


def _marks(items) -> str:
    return ",".join("?" * len(items))


def add_edges(conn: sqlite3.Connection, table: str, item: int, matches: Iterable[tuple[int, float]]) -> None:
    """Store verified pairs (item, other, similarity) with the smaller id first."""
    conn.executemany(
        f"INSERT OR IGNORE INTO {table} (a, b, similarity) VALUES (?, ?, ?)",
        [(min(item, other), max(item, other), sim) for other, sim in matches if other != item])


def merge_cluster(conn: sqlite3.Connection, article_id: int, matched: list[int], similarity: float | None) -> set[int]:
    """Join a new article and the clusters of the articles it matched into one cluster.

    Returns the articles whose root (duplicate_of) changed.
    """
    if not matched:
        return set()
    roots = {r for (r,) in conn.execute(
        f"SELECT DISTINCT coalesce(duplicate_of, id) FROM articles WHERE id IN ({_marks(matched)})", matched)}
    root_list = sorted(roots)
    members = conn.execute(
        f"SELECT id, duplicate_of FROM articles WHERE id = ? OR id IN ({_marks(root_list)}) "
        f"OR duplicate_of IN ({_marks(root_list)}) ORDER BY {_ORDER}",
        [article_id, *root_list, *root_list]).fetchall()
    new_root = members[0][0]
    changed = set()
    for member, current in members:
        wanted = None if member == new_root else new_root
        if current != wanted or member == article_id:
            changed.add(member)
    for member in changed:
        wanted = None if member == new_root else new_root
        conn.execute("UPDATE articles SET duplicate_of = ? WHERE id = ?", [wanted, member])
    if new_root != article_id:
        conn.execute("UPDATE articles SET similarity = ? WHERE id = ?", [similarity, article_id])
    conn.execute("UPDATE articles SET similarity = NULL WHERE id = ?", [new_root])
    return changed


def paragraphs_with_edges(conn: sqlite3.Connection, article_ids: Iterable[int]) -> set[int]:
    """Paragraphs of these articles that have at least one edge."""
    ids = sorted(set(article_ids))
    if not ids:
        return set()
    return {p for (p,) in conn.execute(
        f"""SELECT p.id FROM paragraphs p WHERE p.article_id IN ({_marks(ids)})
            AND (EXISTS (SELECT 1 FROM _paragraph_edges e WHERE e.a = p.id)
                 OR EXISTS (SELECT 1 FROM _paragraph_edges e WHERE e.b = p.id))""", ids)}


def _neighbours(conn: sqlite3.Connection, paragraph: int) -> list[tuple[int, float, int | None]]:
    """Paragraphs joined to this one by an edge that crosses duplicate clusters, each with
    the edge's similarity and the passage it belongs to."""
    return conn.execute(
        """WITH me AS (SELECT coalesce(a.duplicate_of, a.id) AS root FROM paragraphs p
                       JOIN articles a ON a.id = p.article_id WHERE p.id = :p),
                nb AS (SELECT b AS other, similarity FROM _paragraph_edges WHERE a = :p
                       UNION ALL SELECT a, similarity FROM _paragraph_edges WHERE b = :p)
           SELECT nb.other, nb.similarity, p.passage_id FROM nb
           JOIN paragraphs p ON p.id = nb.other JOIN articles a ON a.id = p.article_id
           WHERE coalesce(a.duplicate_of, a.id) != (SELECT root FROM me)""", {"p": paragraph}).fetchall()


def _components(conn: sqlite3.Connection, starts: set[int], stale: set[int]) -> tuple[list[dict[int, float]], set[int]]:
    """The components of crossing edges around `starts`, each as {paragraph: its best edge
    similarity}, sorted by their smallest paragraph; and the stored passages taken in whole.

    A stored passage that is not `stale` is still a whole component: no article of it
    changed cluster since it was computed, and the only new edges are those of the new
    paragraphs, which are walked from their side. Reaching it takes in all its
    paragraphs with their stored similarity in one query, instead of walking its edges
    (a passage in n articles has up to n^2/2 of them).
    """
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(unit: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(unit, unit)
        while parent[unit] != unit:
            parent[unit] = parent[parent[unit]]
            unit = parent[unit]
        return unit

    def union(a: tuple[str, int], b: tuple[str, int]) -> None:
        parent[find(a)] = find(b)

    best: dict[int, float] = {}
    taken: dict[int, list[int]] = {}  # whole stored passages: id -> paragraphs
    walked: set[int] = set()
    todo = sorted(starts, reverse=True)
    while todo:
        node = todo.pop()
        if node in walked:
            continue
        walked.add(node)
        best.setdefault(node, 0.0)
        find(("p", node))
        for other, sim, passage_id in _neighbours(conn, node):
            sim = sim or 0.0
            best[node] = max(best[node], sim)
            best[other] = max(best.get(other, 0.0), sim)
            if passage_id is not None and passage_id not in stale:
                if passage_id not in taken:
                    taken[passage_id] = []
                    for member, stored in conn.execute(
                            "SELECT id, similarity FROM paragraphs WHERE passage_id = ?", [passage_id]):
                        taken[passage_id].append(member)
                        best[member] = max(best.get(member, 0.0), stored or 0.0)
                union(("p", node), ("P", passage_id))
            else:
                union(("p", node), ("p", other))
                if other not in walked:
                    todo.append(other)
    groups: dict[tuple[str, int], dict[int, float]] = {}
    for node in walked:
        groups.setdefault(find(("p", node)), {})[node] = best[node]
    for passage_id, members in taken.items():
        group = groups.setdefault(find(("P", passage_id)), {})
        for member in members:
            group[member] = best[member]
    return sorted(groups.values(), key=min), set(taken)


def _json_ids(ids: Iterable[int]) -> str:
    """Ids as one JSON parameter (`IN (SELECT value FROM json_each(?))`): a passage can
    have more paragraphs than SQLite allows parameters."""
    return json.dumps(sorted(ids))


def _last_positions(conn: sqlite3.Connection, articles: Iterable[int]) -> dict[int, int]:
    return dict(conn.execute("SELECT article_id, max(position) FROM paragraphs WHERE article_id IN "
                             "(SELECT value FROM json_each(?)) GROUP BY article_id", [_json_ids(articles)]))


def _is_site_chrome(conn: sqlite3.Connection, component: dict[int, float], info: dict[int, tuple],
                    min_articles: int) -> bool:
    """Whether a component is a template line the cleaner kept, not background.

    Site chrome (a sign-up prompt, a disclaimer) repeats word for word at the edge of
    the body (first or last paragraph) of many articles; reused background is woven
    into the body or edited. The cheap tests come first: a few copies inside a body
    settle it for a large passage.
    """
    if len({info[p][0] for p in component}) < min_articles:
        return False
    inner = [p for p in component if info[p][4] != 0]
    sample = inner[:8]
    for group in (sample, inner[8:]):
        if group:
            last = _last_positions(conn, {info[p][0] for p in group})
            if any(info[p][4] != last[info[p][0]] for p in group):
                return False
    texts = iter(component)
    first = normalize_text(info[next(texts)][2])
    return all(normalize_text(info[p][2]) == first for p in texts)


def refresh_passages(conn: sqlite3.Connection, touched: set[int], chrome_min_articles: int = 3) -> set[int]:
    """Recompute the passages around the touched paragraphs (the new ones, and those of
    articles that changed cluster); returns the articles whose novel text may change."""
    if not touched:
        return set()
    todo = set(touched)
    stale = {pid for (pid,) in conn.execute(
        "SELECT DISTINCT passage_id FROM paragraphs WHERE id IN (SELECT value FROM json_each(?)) "
        "AND passage_id IS NOT NULL", [_json_ids(todo)])}
    if stale:
        todo |= {p for (p,) in conn.execute(
            "SELECT id FROM paragraphs WHERE passage_id IN (SELECT value FROM json_each(?))", [_json_ids(stale)])}
    components, absorbed = _components(conn, todo, stale)
    seen = {p for component in components for p in component}
    rows = conn.execute(
        """SELECT p.id, p.article_id, p.passage_id, p.text, a.published, p.position, p.similarity
           FROM paragraphs p JOIN articles a ON a.id = p.article_id
           WHERE p.id IN (SELECT value FROM json_each(?))""", [_json_ids(seen)]).fetchall()
    info = {r[0]: r[1:] for r in rows}
    old = stale | absorbed | {r[2] for r in rows if r[2] is not None}
    first_before = dict(conn.execute("SELECT id, first_article_id FROM passages WHERE id IN "
                                     "(SELECT value FROM json_each(?))", [_json_ids(old)]))
    free = sorted(old)
    claimed: set[int] = set()
    affected: set[int] = set()
    updates: list[tuple[int | None, float | None, int]] = []
    for component in components:
        if len(component) < 2 or _is_site_chrome(conn, component, info, chrome_min_articles):
            passage_id, similarity = None, {p: None for p in component}
        else:
            present = sorted({info[p][1] for p in component if info[p][1] is not None} - claimed)
            first = min(component, key=lambda p: (info[p][3] is None, info[p][3] or "", info[p][0], info[p][4]))
            articles = {info[p][0] for p in component}
            values = [info[first][0], len(articles), info[first][2]]
            if present:
                passage_id = present[0]
                conn.execute("UPDATE passages SET first_article_id = ?, occurrences = ?, text = ? WHERE id = ?",
                             [*values, passage_id])
            else:
                passage_id = conn.execute("INSERT INTO passages (first_article_id, occurrences, text) "
                                          "VALUES (?, ?, ?)", values).lastrowid
            claimed.add(passage_id)
            if first_before.get(passage_id) != info[first][0]:
                affected |= articles  # a new first article: every copy's novel text changes
            similarity = {p: round(sim, 4) for p, sim in component.items()}
        for p in component:
            if info[p][1] != passage_id:
                affected.add(info[p][0])
            if (info[p][1], info[p][5]) != (passage_id, similarity[p]):
                updates.append((passage_id, similarity[p], p))
    conn.executemany("UPDATE paragraphs SET passage_id = ?, similarity = ? WHERE id = ?", updates)
    for passage_id in free:
        if passage_id not in claimed:
            affected |= {a for (a,) in conn.execute("SELECT article_id FROM paragraphs WHERE passage_id = ?",
                                                    [passage_id])}
            conn.execute("UPDATE paragraphs SET passage_id = NULL WHERE passage_id = ?", [passage_id])
            conn.execute("DELETE FROM passages WHERE id = ?", [passage_id])
    return affected


def refresh_novel_text(conn: sqlite3.Connection, article_ids: Iterable[int]) -> None:
    """Set novel_text: the article's paragraphs minus passages first seen in another article."""
    for article_id in sorted(set(article_ids)):
        kept = [text for (text,) in conn.execute(
            """SELECT p.text FROM paragraphs p LEFT JOIN passages s ON s.id = p.passage_id
               WHERE p.article_id = ? AND (s.id IS NULL OR s.first_article_id = p.article_id)
               ORDER BY p.position""", [article_id])]
        novel = "\n\n".join(kept)
        conn.execute("UPDATE articles SET novel_text = ? WHERE id = ? AND novel_text IS NOT ?",
                     [novel, article_id, novel])
