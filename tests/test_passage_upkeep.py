"""Passages kept up incrementally equal passages computed from scratch.

`store.clusters.refresh_passages` takes a stored passage in whole when none of its
articles changed cluster, instead of walking its edges. These tests ingest corpora
built to exercise what could make that wrong (copies of one story arriving apart and
merging clusters, a later arrival published earlier, word-for-word chrome at the end
of articles, one background in many articles) in several orders and small batches,
then recompute every passage from the stored edges with a plain union-find written
here, and compare: membership, first article, occurrences, similarity, novel text.
"""

from __future__ import annotations

import dataclasses
import random
import sqlite3
from pathlib import Path

import pytest

from ingest.config import Config
from ingest.normalize import normalize_text
from ingest.pipeline import ingest
from synthetic import light_edit, make_vocabulary, paragraph, sentence

MONTHS = ["January", "February", "March", "April", "May", "June"]


def write_corpus(folder: Path, seed: int, stories: int = 24) -> list[Path]:
    """Stories with up to three edited copies on other sites, dated so that a later
    arrival can be published earlier, sharing three backgrounds (one in most stories),
    and word-for-word closing paragraphs: one site's stays chrome, another's turns into
    a passage once a copy inside a body arrives."""
    rng = random.Random(seed)
    vocab = make_vocabulary(rng)
    backgrounds = [paragraph(rng, vocab, 3) for _ in range(3)]
    closing = sentence(rng, vocab, 24)  # closes alpha's articles: chrome
    sign_off = sentence(rng, vocab, 28)  # closes gamma's; edited inside a few bodies: a passage
    paths = []
    for story in range(stories):
        paras = [paragraph(rng, vocab) for _ in range(rng.randint(5, 8))]
        for k, rate in ((0, 0.8), (1, 0.3), (2, 0.2)):
            if rng.random() < rate:
                paras.insert(rng.randint(1, len(paras)), backgrounds[k])
        title = sentence(rng, vocab, 7).rstrip(".")
        for copy in range(rng.choice([1, 1, 2, 3])):
            body = paras if copy == 0 else [light_edit(p, rng, 0.02) for p in paras]
            site = ["alpha", "beta", "gamma"][(story + copy) % 3]
            if site == "alpha":
                body = [*body, closing]
            elif site == "gamma":
                body = [*body, sign_off]
            if story % 8 == 5 and site != "gamma":
                body = [*body[:2], light_edit(sign_off, rng, 0.1), *body[2:]]
            date = f"Published {rng.randint(1, 28)} {rng.choice(MONTHS)} 2024"
            path = folder / site / f"story{story:03d}-{copy}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join([title, date, "", *[p + "\n" for p in body]]) + "\n", encoding="utf-8")
            paths.append(path)
    return paths


def from_scratch(conn: sqlite3.Connection, chrome_min_articles: int):
    """Passages recomputed from the stored edges: ({paragraph: (first article, occurrences,
    text, similarity)}, {article: novel text}, the passages and the chrome components as
    sets of paragraphs)."""
    roots = {a: d or a for a, d in conn.execute("SELECT id, duplicate_of FROM articles")}
    published = dict(conn.execute("SELECT id, published FROM articles"))
    para = {p: (a, pos, text) for p, a, pos, text in conn.execute(
        "SELECT id, article_id, position, text FROM paragraphs")}
    last = dict(conn.execute("SELECT article_id, max(position) FROM paragraphs GROUP BY article_id"))
    parent = {p: p for p in para}

    def find(p):
        while parent[p] != p:
            p = parent[p]
        return p
    best: dict[int, float] = {}
    for a, b, sim in conn.execute("SELECT a, b, similarity FROM _paragraph_edges"):
        if roots[para[a][0]] != roots[para[b][0]]:
            parent[find(a)] = find(b)
            best[a] = max(best.get(a, 0.0), sim)
            best[b] = max(best.get(b, 0.0), sim)
    groups: dict[int, list[int]] = {}
    for p in para:
        groups.setdefault(find(p), []).append(p)
    expected, passages, chrome_parts = {}, set(), set()
    for members in groups.values():
        articles = {para[p][0] for p in members}
        chrome = (len(members) >= 2 and len(articles) >= chrome_min_articles
                  and len({normalize_text(para[p][2]) for p in members}) == 1
                  and all(para[p][1] in (0, last[para[p][0]]) for p in members))
        if chrome:
            chrome_parts.add(frozenset(members))
        if len(members) < 2 or chrome:
            continue
        first = min(members, key=lambda p: (published[para[p][0]] is None, published[para[p][0]] or "",
                                            para[p][0], para[p][1]))
        passages.add(frozenset(members))
        for p in members:
            expected[p] = (para[first][0], len(articles), para[first][2], round(best[p], 4))
    novel = {}
    for article in roots:
        kept = [text for p, (a, pos, text) in sorted(para.items(), key=lambda kv: kv[1][1])
                if a == article and (p not in expected or expected[p][0] == article)]
        novel[article] = "\n\n".join(kept)
    return expected, novel, passages, chrome_parts


def stored(conn: sqlite3.Connection):
    """The archive's passages in the same shape as from_scratch."""
    got = {p: (first, occurrences, text, similarity) for p, first, occurrences, text, similarity in conn.execute(
        """SELECT p.id, s.first_article_id, s.occurrences, s.text, p.similarity
           FROM paragraphs p JOIN passages s ON s.id = p.passage_id""")}
    return got, dict(conn.execute("SELECT id, coalesce(novel_text, text) FROM articles"))


def partition(conn: sqlite3.Connection) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for p, passage in conn.execute("SELECT id, passage_id FROM paragraphs WHERE passage_id IS NOT NULL"):
        groups.setdefault(passage, set()).add(p)
    return {frozenset(g) for g in groups.values()}


def assert_as_recomputed(conn: sqlite3.Connection, chrome_min_articles: int) -> dict:
    """The stored passages, chrome components and novel texts equal a recomputation."""
    expected, novel, passages, chrome = from_scratch(conn, chrome_min_articles)
    got, got_novel = stored(conn)
    assert got == expected
    assert got_novel == novel
    assert partition(conn) == passages
    stored_chrome: dict[int, set[int]] = {}
    for paragraph_id, component in conn.execute("SELECT paragraph_id, component FROM _chrome_paragraphs"):
        stored_chrome.setdefault(component, set()).add(paragraph_id)
    assert {frozenset(g) for g in stored_chrome.values()} == chrome
    assert all(component == min(group) for component, group in stored_chrome.items())
    return expected


def assert_clusters_as_recomputed(conn: sqlite3.Connection) -> None:
    """Every article's duplicate_of names the earliest article (by publication date, then
    arrival) of its connected component of stored article pairs; NULL for that one."""
    order = {a: (p is None, p or "", a) for a, p in conn.execute("SELECT id, published FROM articles")}
    parent = {a: a for a in order}

    def find(a):
        while parent[a] != a:
            a = parent[a]
        return a
    for a, b in conn.execute("SELECT a, b FROM _article_edges"):
        parent[find(a)] = find(b)
    earliest: dict[int, int] = {}
    for a in order:
        root = find(a)
        earliest[root] = min(earliest.get(root, a), a, key=order.get)
    expected = {a: (None if earliest[find(a)] == a else earliest[find(a)]) for a in order}
    assert dict(conn.execute("SELECT id, duplicate_of FROM articles")) == expected


@pytest.mark.parametrize("seed", [3, 4, 5])
def test_incremental_passages_equal_a_recomputation(tmp_path, seed):
    paths = write_corpus(tmp_path / "in", seed)
    random.Random(seed).shuffle(paths)
    config = Config()
    config = dataclasses.replace(config, archive=dataclasses.replace(config.archive, batch_size=4))
    db = tmp_path / "archive.db"
    for night in range(0, len(paths), 9):  # checked after every night, not only at the end
        ingest(paths[night : night + 9], db, config)
        with sqlite3.connect(db) as conn:
            expected = assert_as_recomputed(conn, config.dedup.chrome_min_articles)
            assert_clusters_as_recomputed(conn)
    conn = sqlite3.connect(db)
    # the corpus does what it is for: passages, one in many articles, clusters, dates, chrome
    assert max(o for _, o, _, _ in expected.values()) >= 8
    assert conn.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0] >= 5
    assert conn.execute("SELECT count(DISTINCT published) FROM articles").fetchone()[0] >= 5
    assert conn.execute("SELECT count(*) FROM _chrome_paragraphs").fetchone()[0] >= 5


def reworded(text: str, rng: random.Random, vocab: list[str]) -> str:
    """The text with two of its words replaced: about 0.8 similar to it, never 1.0."""
    words = text.split(" ")
    for i in (len(words) // 3, 2 * len(words) // 3):
        words[i] = rng.choice([w for w in vocab if w != words[i]])
    return " ".join(words)


def test_chrome_that_stops_being_chrome_becomes_a_passage_as_recomputed(tmp_path):
    """Three articles close with one paragraph word for word (chrome); then a fourth holds
    an edited copy inside its body, which makes the component a passage: the members'
    similarities then come from their edges, which chrome does not store."""
    rng = random.Random(8)
    vocab = make_vocabulary(rng)
    sign_off = sentence(rng, vocab, 28)
    config = Config()
    db = tmp_path / "archive.db"
    for night, (site, inside) in enumerate([("gamma", False)] * 3 + [("beta", True)]):
        paras = [paragraph(rng, vocab) for _ in range(6)]
        body = [*paras[:2], reworded(sign_off, rng, vocab), *paras[2:]] if inside else [*paras, sign_off]
        path = tmp_path / f"night{night}" / site / f"story{night}.txt"
        path.parent.mkdir(parents=True)
        path.write_text("\n".join([sentence(rng, vocab, 7), "", *[p + "\n" for p in body]]) + "\n", encoding="utf-8")
        ingest([path.parent.parent], db, config)
        with sqlite3.connect(db) as conn:
            assert_as_recomputed(conn, config.dedup.chrome_min_articles)
            chrome = conn.execute("SELECT count(*) FROM _chrome_paragraphs").fetchone()[0]
            passages = conn.execute("SELECT count(*) FROM passages").fetchone()[0]
        assert (chrome, passages) == ((3, 0) if night == 2 else (0, 1) if night == 3 else (chrome, passages))


def test_a_copy_that_joins_a_passage_raises_its_partners_similarity_as_recomputed(tmp_path):
    """Four articles carry reworded copies of one background (a passage); a fifth repeats
    the second's copy word for word. The new copy joins the passage without a walk over
    it, and the copy it repeats now has an edge of similarity 1.0: its best edge."""
    rng = random.Random(9)
    vocab = make_vocabulary(rng)
    background = paragraph(rng, vocab, 3)
    copies = [reworded(background, rng, vocab) for _ in range(4)]
    config = Config()
    db = tmp_path / "archive.db"
    for night, copy in enumerate([*copies, copies[1]]):
        paras = [paragraph(rng, vocab) for _ in range(5)]
        path = tmp_path / f"night{night}" / "beta" / f"story{night}.txt"
        path.parent.mkdir(parents=True)
        body = [*paras[:2], copy, *paras[2:]]
        path.write_text("\n".join([sentence(rng, vocab, 7), "", *[p + "\n" for p in body]]) + "\n", encoding="utf-8")
        ingest([path.parent.parent], db, config)
        with sqlite3.connect(db) as conn:
            expected = assert_as_recomputed(conn, config.dedup.chrome_min_articles)
    second = conn.execute("SELECT p.similarity FROM paragraphs p JOIN sightings s ON s.article_id = p.article_id "
                          "WHERE s.location LIKE '%story1.txt' AND p.passage_id IS NOT NULL").fetchone()[0]
    assert second == 1.0
    assert {occurrences for _, occurrences, _, _ in expected.values()} == {5}
