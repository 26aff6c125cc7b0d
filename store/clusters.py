"""Duplicate clusters and passages as connected components of verified edges.

Every verified pair found by dedup is stored as an edge (_article_edges,
_paragraph_edges). A duplicate cluster is a connected component of article edges;
its root, the article `duplicate_of` names, is the earliest by publication date,
then by arrival. A passage is a connected component of paragraph edges that join
different clusters (reuse inside one cluster is the same story, not background).
Components are updated incrementally, only where new edges touch them, and the
result is the same whatever the order in which articles arrived. A stored component
(a passage, or a chrome component kept in _chrome_paragraphs) that no cluster change
touched is taken in whole, never walked edge by edge. In the everyday case (a new copy
whose edges all reach one established passage, or one chrome component) the copy
joins it without reading its other members (`_joins`), so with the index saturation
(dedup.index_saturation: past it, copies are not indexed and find only the first
few) a new copy of a paragraph repeated n times costs the same whatever n is.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Iterable

from ingest.normalize import normalize_text

_ORDER = "(published IS NULL), published, id"


def _marks(items) -> str:
    return ",".join("?" * len(items))


def _earliest_first(published: str | None, article_id: int) -> tuple:
    """Sort key of articles, earliest first: by publication date (undated last), then
    arrival (the same order as _ORDER)."""
    return (published is None, published or "", article_id)


def add_edges(conn: sqlite3.Connection, table: str, pairs: Iterable[tuple[int, int, float]]) -> None:
    """Store verified pairs (one, other, similarity) with the smaller id first, in one statement."""
    conn.executemany(
        f"INSERT OR IGNORE INTO {table} (a, b, similarity) VALUES (?, ?, ?)",
        [(min(one, other), max(one, other), sim) for one, other, sim in pairs if one != other])


def merge_cluster(conn: sqlite3.Connection, article_id: int, matched: list[int], similarity: float | None) -> set[int]:
    """Join a new article and the clusters of the articles it matched into one cluster.

    Returns the articles whose root (duplicate_of) changed.
    """
    if not matched:
        return set()
    roots = {r for (r,) in conn.execute(
        f"SELECT DISTINCT coalesce(duplicate_of, id) FROM articles WHERE id IN ({_marks(matched)})", matched)}
    if len(roots) == 1:  # the everyday case: a later copy joins one cluster, whose root stays
        (root,) = roots
        first = conn.execute(f"SELECT id FROM articles WHERE id IN (?, ?) ORDER BY {_ORDER} LIMIT 1",
                             [root, article_id]).fetchone()[0]
        if first == root:
            conn.execute("UPDATE articles SET duplicate_of = ?, similarity = ? WHERE id = ?",
                         [root, similarity, article_id])
            return {article_id}
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


def _neighbours(conn: sqlite3.Connection, paragraph: int) -> list[tuple[int, float, int | None, int | None]]:
    """Paragraphs joined to this one by an edge that crosses duplicate clusters, each with
    the edge's similarity, its passage and its chrome component (see _chrome_paragraphs)."""
    return conn.execute(
        """WITH me AS (SELECT coalesce(a.duplicate_of, a.id) AS root FROM paragraphs p
                       JOIN articles a ON a.id = p.article_id WHERE p.id = :p),
                nb AS (SELECT b AS other, similarity FROM _paragraph_edges WHERE a = :p
                       UNION ALL SELECT a, similarity FROM _paragraph_edges WHERE b = :p)
           SELECT nb.other, nb.similarity, p.passage_id, c.component FROM nb
           JOIN paragraphs p ON p.id = nb.other JOIN articles a ON a.id = p.article_id
           LEFT JOIN _chrome_paragraphs c ON c.paragraph_id = nb.other
           WHERE coalesce(a.duplicate_of, a.id) != (SELECT root FROM me)""", {"p": paragraph}).fetchall()


class _Stored:
    """The stored components (passages, and chrome components) a refresh may take in whole."""

    def __init__(self, conn: sqlite3.Connection, stale_passages: set[int], stale_chrome: set[int]) -> None:
        self.conn = conn
        self.stale = {"P": stale_passages, "C": stale_chrome}
        self.taken: dict[tuple[str, int], list[tuple[int, float | None]]] = {}

    def unit(self, passage_id: int | None, chrome: int | None) -> tuple[str, int] | None:
        """The stored component a paragraph is in, if it is still whole (not stale)."""
        if passage_id is not None and passage_id not in self.stale["P"]:
            return ("P", passage_id)
        if chrome is not None and chrome not in self.stale["C"]:
            return ("C", chrome)
        return None

    def take(self, unit: tuple[str, int]) -> list[tuple[int, float | None]]:
        """A whole stored component: (paragraph, stored similarity) of each member."""
        if unit not in self.taken:
            kind, key = unit
            sql = ("SELECT id, similarity FROM paragraphs WHERE passage_id = ?" if kind == "P" else
                   "SELECT paragraph_id, NULL FROM _chrome_paragraphs WHERE component = ?")
            self.taken[unit] = self.conn.execute(sql, [key]).fetchall()
        return self.taken[unit]


def _components(conn: sqlite3.Connection, starts: set[int], stored: _Stored) -> list[dict[int, float]]:
    """The components of crossing edges around `starts`, each as {paragraph: its best edge
    similarity}, sorted by their smallest paragraph.

    A stored component that is not stale is still whole: no article of it changed cluster
    since it was computed, and the only new edges are those of the new paragraphs, which
    are walked from their side. Reaching it takes in all its paragraphs (with their stored
    similarity) in one query, instead of walking its edges: a paragraph repeated in n
    articles has up to n^2/2 of them.
    """
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(unit: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(unit, unit)
        while parent[unit] != unit:
            parent[unit] = parent[parent[unit]]
            unit = parent[unit]
        return unit

    best: dict[int, float] = {}
    walked: set[int] = set()
    todo = sorted(starts, reverse=True)
    while todo:
        node = todo.pop()
        if node in walked:
            continue
        walked.add(node)
        best.setdefault(node, 0.0)
        find(("p", node))
        for other, sim, passage_id, chrome in _neighbours(conn, node):
            sim = sim or 0.0
            best[node] = max(best[node], sim)
            best[other] = max(best.get(other, 0.0), sim)
            unit = stored.unit(passage_id, chrome)
            if unit is not None:
                if unit not in parent:
                    for member, kept in stored.take(unit):
                        best[member] = max(best.get(member, 0.0), kept or 0.0)
                parent[find(("p", node))] = find(unit)
            else:
                parent[find(("p", node))] = find(("p", other))
                if other not in walked:
                    todo.append(other)
    groups: dict[tuple[str, int], dict[int, float]] = {}
    for node in walked:
        groups.setdefault(find(("p", node)), {})[node] = best[node]
    for unit, members in stored.taken.items():
        group = groups.setdefault(find(unit), {})
        for member, _ in members:
            group[member] = best[member]
    return sorted(groups.values(), key=min)


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


def _members(conn: sqlite3.Connection, passages: set[int], chrome: set[int]) -> set[int]:
    """The paragraphs of these passages and chrome components."""
    return {p for (p,) in conn.execute(
        "SELECT id FROM paragraphs WHERE passage_id IN (SELECT value FROM json_each(?)) UNION "
        "SELECT paragraph_id FROM _chrome_paragraphs WHERE component IN (SELECT value FROM json_each(?))",
        [_json_ids(passages), _json_ids(chrome)])}


def _store_chrome(conn: sqlite3.Connection, components: list[dict[int, float]], chrome: list[bool],
                  info: dict[int, tuple]) -> None:
    """Record which recomputed paragraphs are in a chrome component (named by its smallest
    paragraph), writing only the rows that change."""
    wanted = {p: (min(c) if is_chrome else None) for c, is_chrome in zip(components, chrome) for p in c}
    changed = [(p, component) for p, component in wanted.items() if info[p][6] != component]
    conn.executemany("DELETE FROM _chrome_paragraphs WHERE paragraph_id = ?",
                     [(p,) for p, component in changed if component is None])
    conn.executemany("INSERT OR REPLACE INTO _chrome_paragraphs (paragraph_id, component) VALUES (?, ?)",
                     [(p, component) for p, component in changed if component is not None])


def _joins(conn: sqlite3.Connection, touched: set[int],
           chrome_min_articles: int) -> list[tuple[int, int, str, int, list[tuple[int, float]]]] | None:
    """How each touched paragraph joins one stored component that stays what it is, as
    (paragraph, its article, "P" or "C", passage or chrome component, [(crossing
    neighbour, edge similarity)]); None when any of them needs the full recomputation.

    This is the everyday case of a repeated passage: a new copy whose crossing edges all
    reach one established passage (or one chrome component, as another word-for-word
    copy at the edge of its article). Joining it changes no other member's passage, the
    passage's first article or its text, so it costs O(the copy's edges), not O(copies).
    Anything else (a paragraph already in a component, edges to free paragraphs or to
    two components, a passage too small to have been judged chrome or not, a copy
    published before the passage's first, a copy that would stop chrome being chrome)
    takes the full path.
    """
    rows = conn.execute(
        """SELECT p.id, p.article_id, p.position, p.text, a.published, p.passage_id, c.component,
                  (SELECT max(position) FROM paragraphs WHERE article_id = p.article_id)
           FROM paragraphs p JOIN articles a ON a.id = p.article_id
           LEFT JOIN _chrome_paragraphs c ON c.paragraph_id = p.id
           WHERE p.id IN (SELECT value FROM json_each(?))""", [_json_ids(touched)]).fetchall()
    joins = []
    for paragraph, article, position, text, published, passage_id, chrome, last in rows:
        if passage_id is not None or chrome is not None:
            return None
        neighbours = _neighbours(conn, paragraph)
        if not neighbours:
            continue  # no crossing edge: the paragraph stays on its own
        units = {(passage_id, chrome) for _, _, passage_id, chrome in neighbours}
        if len(units) != 1:
            return None
        passage_id, chrome = units.pop()
        edges = [(other, sim or 0.0) for other, sim, _, _ in neighbours]
        if passage_id is not None:
            first = conn.execute("SELECT s.first_article_id, s.occurrences, a.published FROM passages s "
                                 "JOIN articles a ON a.id = s.first_article_id WHERE s.id = ?", [passage_id]).fetchone()
            first_article, occurrences, first_published = first
            if (occurrences < chrome_min_articles or article == first_article
                    or _earliest_first(published, article) < _earliest_first(first_published, first_article)):
                return None
            joins.append((paragraph, article, "P", passage_id, edges))
        elif chrome is not None:
            (chrome_text,) = conn.execute("SELECT text FROM paragraphs WHERE id = ?", [chrome]).fetchone()
            if (paragraph < chrome or position not in (0, last)
                    or normalize_text(text) != normalize_text(chrome_text)):
                return None
            joins.append((paragraph, article, "C", chrome, edges))
        else:
            return None  # a free paragraph: a new component
    return joins


def _join(conn: sqlite3.Connection, joins: list[tuple[int, int, str, int, list[tuple[int, float]]]]) -> set[int]:
    """Write what `_joins` found; returns the articles whose novel text changes."""
    affected = set()
    for paragraph, article, kind, key, edges in joins:
        if kind == "C":
            conn.execute("INSERT INTO _chrome_paragraphs (paragraph_id, component) VALUES (?, ?)", [paragraph, key])
            continue
        if conn.execute("SELECT 1 FROM paragraphs WHERE article_id = ? AND passage_id = ?",
                        [article, key]).fetchone() is None:
            conn.execute("UPDATE passages SET occurrences = occurrences + 1 WHERE id = ?", [key])
        conn.execute("UPDATE _paragraphs SET passage_id = ?, similarity = ? WHERE id = ?",
                     [key, round(max(sim for _, sim in edges), 4), paragraph])
        # a member's similarity is its best edge: the new edge may be better
        conn.executemany("UPDATE _paragraphs SET similarity = ? WHERE id = ? "
                         "AND (similarity IS NULL OR similarity < ?)", [(round(sim, 4), other, round(sim, 4)) for other, sim in edges])
        affected.add(article)
    return affected


def refresh_passages(conn: sqlite3.Connection, touched: set[int], chrome_min_articles: int = 3) -> set[int]:
    """Recompute the passages around the touched paragraphs (the new ones, and those of
    articles that changed cluster); returns the articles whose novel text may change."""
    if not touched:
        return set()
    joins = _joins(conn, touched, chrome_min_articles)
    if joins is not None:
        return _join(conn, joins)
    todo = set(touched)
    stale, stale_chrome = set(), set()
    for passage_id, chrome in conn.execute(
            "SELECT p.passage_id, c.component FROM paragraphs p LEFT JOIN _chrome_paragraphs c "
            "ON c.paragraph_id = p.id WHERE p.id IN (SELECT value FROM json_each(?))", [_json_ids(todo)]):
        stale.add(passage_id)
        stale_chrome.add(chrome)
    stale.discard(None)
    stale_chrome.discard(None)
    while True:
        todo |= _members(conn, stale, stale_chrome)
        stored = _Stored(conn, stale, stale_chrome)
        components = _components(conn, todo, stored)
        seen = {p for component in components for p in component}
        rows = conn.execute(
            """SELECT p.id, p.article_id, p.passage_id, p.text, a.published, p.position, p.similarity, c.component
               FROM paragraphs p JOIN articles a ON a.id = p.article_id
               LEFT JOIN _chrome_paragraphs c ON c.paragraph_id = p.id
               WHERE p.id IN (SELECT value FROM json_each(?))""", [_json_ids(seen)]).fetchall()
        info = {r[0]: r[1:] for r in rows}
        chrome = [len(c) >= 2 and _is_site_chrome(conn, c, info, chrome_min_articles) for c in components]
        # a chrome component taken in whole that is chrome no more needs its members'
        # edge similarities, which chrome does not store: walk it
        lost = {key for (kind, key) in stored.taken if kind == "C"} - {
            info[p][6] for c, is_chrome in zip(components, chrome) if is_chrome for p in c}
        if not lost:
            break
        stale_chrome |= lost
    _store_chrome(conn, components, chrome, info)
    absorbed = {key for (kind, key) in stored.taken if kind == "P"}
    old = stale | absorbed | {r[2] for r in rows if r[2] is not None}
    first_before = dict(conn.execute("SELECT id, first_article_id FROM passages WHERE id IN "
                                     "(SELECT value FROM json_each(?))", [_json_ids(old)]))
    free = sorted(old)
    claimed: set[int] = set()
    affected: set[int] = set()
    updates: list[tuple[int | None, float | None, int]] = []
    for component, is_chrome in zip(components, chrome):
        if len(component) < 2 or is_chrome:
            passage_id, similarity = None, {p: None for p in component}
        else:
            present = sorted({info[p][1] for p in component if info[p][1] is not None} - claimed)
            first = min(component, key=lambda p: (*_earliest_first(info[p][3], info[p][0]), info[p][4]))
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
    conn.executemany("UPDATE _paragraphs SET passage_id = ?, similarity = ? WHERE id = ?", updates)
    for passage_id in free:
        if passage_id not in claimed:
            affected |= {a for (a,) in conn.execute("SELECT article_id FROM paragraphs WHERE passage_id = ?",
                                                    [passage_id])}
            conn.execute("UPDATE _paragraphs SET passage_id = NULL WHERE passage_id = ?", [passage_id])
            conn.execute("DELETE FROM passages WHERE id = ?", [passage_id])
    return affected


def refresh_novel_text(conn: sqlite3.Connection, article_ids: Iterable[int]) -> None:
    """Set novel_text: the article's paragraphs minus passages first seen in another
    article; NULL where that is all of them (the text)."""
    for article_id in sorted(set(article_ids)):
        kept = [text for (text,) in conn.execute(
            """SELECT p.text FROM paragraphs p LEFT JOIN passages s ON s.id = p.passage_id
               WHERE p.article_id = ? AND (s.id IS NULL OR s.first_article_id = p.article_id)
               ORDER BY p.position""", [article_id])]
        novel = "\n\n".join(kept)
        (text,) = conn.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        stored = None if novel == text else novel  # NULL: the text itself (store.schema.NOVEL_TEXT)
        conn.execute("UPDATE articles SET novel_text = ? WHERE id = ? AND novel_text IS NOT ?",
                     [stored, article_id, stored])
