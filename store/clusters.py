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


def _neighbours(conn: sqlite3.Connection, paragraph: int) -> list[tuple[int, float]]:
    """Paragraphs joined to this one by an edge that crosses duplicate clusters."""
    return conn.execute(
        """WITH me AS (SELECT coalesce(a.duplicate_of, a.id) AS root FROM paragraphs p
                       JOIN articles a ON a.id = p.article_id WHERE p.id = :p),
                nb AS (SELECT b AS other, similarity FROM _paragraph_edges WHERE a = :p
                       UNION ALL SELECT a, similarity FROM _paragraph_edges WHERE b = :p)
           SELECT nb.other, nb.similarity FROM nb
           JOIN paragraphs p ON p.id = nb.other JOIN articles a ON a.id = p.article_id
           WHERE coalesce(a.duplicate_of, a.id) != (SELECT root FROM me)""", {"p": paragraph}).fetchall()


def _component(conn: sqlite3.Connection, start: int) -> dict[int, float]:
    """The paragraphs reachable from start, each with its best edge similarity."""
    best: dict[int, float] = {start: 0.0}
    todo = [start]
    while todo:
        node = todo.pop()
        for other, sim in _neighbours(conn, node):
            if other not in best:
                todo.append(other)
            best[other] = max(best.get(other, 0.0), sim or 0.0)
            best[node] = max(best[node], sim or 0.0)
    return best


def _is_site_chrome(component: dict[int, float], info: dict[int, tuple], last: dict[int, int],
                    min_articles: int) -> bool:
    """Whether a component is a template line the cleaner kept, not background.

    Site chrome (a sign-up prompt, a disclaimer) repeats word for word at the edge of
    the body (first or last paragraph) of many articles; reused background is woven
    into the body or edited.
    """
    articles = {info[p][0] for p in component}
    if len(articles) < min_articles:
        return False
    if len({normalize_text(info[p][2]) for p in component}) != 1:
        return False
    return all(info[p][4] in (0, last[info[p][0]]) for p in component)


def refresh_passages(conn: sqlite3.Connection, touched: set[int], chrome_min_articles: int = 3) -> set[int]:
    """Recompute the passages around the touched paragraphs; returns affected article ids."""
    if not touched:
        return set()
    todo = set(touched)
    old = {pid for (pid,) in conn.execute(
        f"SELECT DISTINCT passage_id FROM paragraphs WHERE id IN ({_marks(todo)}) AND passage_id IS NOT NULL",
        sorted(todo))}
    if old:
        todo |= {p for (p,) in conn.execute(
            f"SELECT id FROM paragraphs WHERE passage_id IN ({_marks(old)})", sorted(old))}
    components: list[dict[int, float]] = []
    seen: set[int] = set()
    for start in sorted(todo):
        if start not in seen:
            component = _component(conn, start)
            seen |= set(component)
            components.append(component)
    members = sorted(seen)
    rows = conn.execute(
        f"""SELECT p.id, p.article_id, p.passage_id, p.text, a.published, p.position FROM paragraphs p
            JOIN articles a ON a.id = p.article_id WHERE p.id IN ({_marks(members)})""", members).fetchall()
    info = {r[0]: r[1:] for r in rows}
    old |= {r[2] for r in rows if r[2] is not None}
    affected = {r[1] for r in rows}
    last = dict(conn.execute(
        f"SELECT article_id, max(position) FROM paragraphs WHERE article_id IN ({_marks(affected)}) "
        f"GROUP BY article_id", sorted(affected)).fetchall())
    free = sorted(old)
    claimed: set[int] = set()
    for component in components:
        if len(component) < 2 or _is_site_chrome(component, info, last, chrome_min_articles):
            for p in component:
                conn.execute("UPDATE paragraphs SET passage_id = NULL, similarity = NULL WHERE id = ?", [p])
            continue
        present = sorted({info[p][1] for p in component if info[p][1] is not None} - claimed)
        first = min(component, key=lambda p: (info[p][3] is None, info[p][3] or "", info[p][0], info[p][4]))
        articles = {info[p][0] for p in component}
        if present:
            passage_id = present[0]
            conn.execute("UPDATE passages SET first_article_id = ?, occurrences = ?, text = ? WHERE id = ?",
                         [info[first][0], len(articles), info[first][2], passage_id])
        else:
            passage_id = conn.execute(
                "INSERT INTO passages (first_article_id, occurrences, text) VALUES (?, ?, ?)",
                [info[first][0], len(articles), info[first][2]]).lastrowid
        claimed.add(passage_id)
        conn.executemany("UPDATE paragraphs SET passage_id = ?, similarity = ? WHERE id = ?",
                         [(passage_id, round(sim, 4), p) for p, sim in component.items()])
    for passage_id in free:
        if passage_id not in claimed:
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
