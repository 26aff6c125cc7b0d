"""`newsarchive serve`: the archive in datasette with the project's metadata, read-only.

Everything goes through datasette's own test client on a real archive; the browser
check is in test_browser.py.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import SAMPLES
from store import datasette_serve
from store.datasette_meta import build_metadata, load_packaged
from store.datasette_serve import create_datasette
from store.search import RANK_WINDOW, TEXT_WEIGHT, TITLE_WEIGHT

GUAIDO_PASSAGE = "Juan Guaido, Venezuelan opposition leader and parliament speaker"
PARAMS = {"search": {"q": "Guaido", "source": ""}, "article_paragraphs": {"id": "2"}}


async def get_json(ds, path: str):
    """GET a datasette JSON URL; fail with the body unless it answers 200."""
    response = await ds.client.get(path)
    assert response.status_code == 200, response.text
    return response.json()


async def query_rows(ds, query: str, **params: str) -> list[dict]:
    """The rows of a canned query of the archive database."""
    qs = "&".join(f"{k}={v}" for k, v in params.items())
    return await get_json(ds, f"/archive/{query}.json?_shape=array&{qs}")


def count_articles(db_path: Path) -> int:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


@pytest.fixture
def ds(samples_db):
    """The samples archive served as `newsarchive serve` serves it."""
    return create_datasette(samples_db)


@pytest.fixture
def cluster_db(cli, tmp_path: Path) -> Path:
    """Samples plus a near-duplicate of sample 000 and an empty file (a reject)."""
    folder = tmp_path / "inputs"
    shutil.copytree(SAMPLES, folder)
    original = (folder / "000_7787a9d21136dbfa.txt").read_text(encoding="utf-8")
    (folder / "100_copy.txt").write_text(
        original.replace("Lavrov said on Tuesday.", "Lavrov said on Tuesday in Moscow."), encoding="utf-8")
    (folder / "101_empty.txt").write_text("", encoding="utf-8")
    db_path = tmp_path / "archive.db"
    cli("ingest", folder, "--db", db_path)
    return db_path


# --- the search box and ranked search -------------------------------------------------

@pytest.mark.asyncio
async def test_search_box_finds_guaido(ds):
    rows = await get_json(ds, "/archive/articles.json?_search=Guaido&_shape=array")
    assert len(rows) >= 2
    assert all("guaid" in row["text"].lower() for row in rows)
    page = await ds.client.get("/archive/articles?_search=Guaido")
    assert page.status_code == 200
    assert 'name="_search"' in page.text and "Guaid" in page.text


@pytest.mark.asyncio
async def test_ranked_search_highlights_and_orders_by_rank(ds):
    rows = await query_rows(ds, "search", q="Guaido", source="")
    assert len(rows) >= 2
    assert all(re.search(r"\[Guaid[oó]\]", row["snippet"]) for row in rows)
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert await query_rows(ds, "search", q="Guaido", source="nowhere") == []


@pytest.mark.asyncio
@pytest.mark.parametrize("q", ['"', "Lavrov OR (", "a\" NEAR( b", "*", "", "guaid*", "title:x"])
async def test_ranked_search_takes_any_input(ds, q):
    from urllib.parse import quote
    rows = await query_rows(ds, "search", q=quote(q), source="")
    if q == "guaid*":
        assert rows
    if q in ("", "*", '"'):
        assert rows == []


def test_ranked_search_weights_match_the_cli():
    sql = load_packaged()["databases"]["archive"]["queries"]["search"]["sql"]
    assert f"-bm25(articles_fts, {TITLE_WEIGHT}, {TEXT_WEIGHT}) as score" in sql


@pytest.mark.parametrize("filtered", [False, True])
def test_ranked_search_ranks_the_most_recently_archived_matches_as_the_cli_does(samples_db, filtered):
    # the canned query's window is the CLI's default; run with a window of 2 on the
    # samples, it ranks the two newest matches (of the source, when one is given), and
    # with one wider than the matches, all of them
    sql = load_packaged()["databases"]["archive"]["queries"]["search"]["sql"]
    bound = f"limit 1 offset {RANK_WINDOW - 1}"
    assert sql.count(bound) == 1
    conn = sqlite3.connect(samples_db)
    source = conn.execute("SELECT source FROM articles ORDER BY id LIMIT 1").fetchone()[0] if filtered else ""
    matches = [row[0] for row in conn.execute(
        "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
        "WHERE articles_fts MATCH 'guaido' AND (? = '' OR a.source = ?) ORDER BY a.id", [source, source])]
    assert len(matches) >= 3
    params = {"q": "Guaido", "source": source}
    newest_two = conn.execute(sql.replace(bound, "limit 1 offset 1"), params).fetchall()
    assert sorted(row[0] for row in newest_two) == matches[-2:]
    wide = conn.execute(sql.replace(bound, f"limit 1 offset {len(matches) + 5}"), params).fetchall()
    assert sorted(row[0] for row in wide) == matches


# --- every canned query ----------------------------------------------------------------

@pytest.mark.asyncio
async def test_every_canned_query_runs_and_is_described(samples_db, ds):
    queries = build_metadata(samples_db)["databases"]["archive"]["queries"]
    assert {"search", "repeated_passages", "article_paragraphs", "duplicate_clusters",
            "latest_runs", "latest_rejects", "articles_by_month"} <= set(queries)
    for name, query in queries.items():
        assert query.get("title") and (query.get("description") or query.get("description_html")), name
        assert not query.get("write"), name
        await query_rows(ds, name, **PARAMS.get(name, {}))


@pytest.mark.asyncio
async def test_repeated_passages_lists_the_guaido_passage(ds):
    rows = await query_rows(ds, "repeated_passages")
    assert len(rows) == 1
    row = rows[0]
    assert row["text"].startswith(GUAIDO_PASSAGE)
    assert row["occurrences"] == 2 and row["first_seen_in"] == 1 and row["articles"] == "1, 2"


@pytest.mark.asyncio
async def test_article_paragraphs_marks_repeated_and_new(ds):
    rows = await query_rows(ds, "article_paragraphs", id="2")
    repeated = [r for r in rows if r["status"] == "repeated"]
    assert len(repeated) == 1 and repeated[0]["text"].startswith("The political crisis in Venezuela")
    assert repeated[0]["first_seen_in"] == 1 and repeated[0]["passage"] == 1
    assert {r["status"] for r in rows} == {"new", "repeated"}
    assert [r["position"] for r in rows] == list(range(len(rows)))
    first = await query_rows(ds, "article_paragraphs", id="1")
    assert [r["text"][:20] for r in first if r["status"] == "new, repeated later"] == [GUAIDO_PASSAGE[:20]]


@pytest.mark.asyncio
async def test_latest_runs_and_rejects(ds):
    runs = await query_rows(ds, "latest_runs")
    assert len(runs) == 1
    assert runs[0]["status"] == "ok" and runs[0]["read"] == 5 and runs[0]["new"] == 5
    assert runs[0]["rejected"] == 0
    assert await query_rows(ds, "latest_rejects") == []


@pytest.mark.asyncio
async def test_duplicate_clusters_and_rejects_on_a_richer_archive(cluster_db):
    ds = create_datasette(cluster_db)
    clusters = await query_rows(ds, "duplicate_clusters")
    assert [(c["id"], c["duplicates"], c["duplicate_ids"]) for c in clusters] == [(1, 1, "6")]
    assert clusters[0]["min_similarity"] > 0.9
    rejects = await query_rows(ds, "latest_rejects")
    assert [(r["run_id"], Path(r["location"]).name, r["reason"]) for r in rejects] == \
        [(1, "101_empty.txt", "empty file")]
    assert (await query_rows(ds, "latest_runs"))[0]["rejected"] == 1
    months = await query_rows(ds, "articles_by_month")
    assert sum(m["articles"] for m in months) == 6 and sum(m["near_duplicates"] for m in months) == 1


@pytest.mark.asyncio
async def test_boilerplate_query_lists_learned_template_lines(tmp_path):
    folder = tmp_path / "in" / "tass"
    folder.mkdir(parents=True)
    shared = "This story was first published on the TASS wire service in Russian."
    for i, name in enumerate(SAMPLES.glob("*.txt")):
        (folder / name.name).write_text(name.read_text(encoding="utf-8") + "\n" + shared + "\n", encoding="utf-8")
    db = tmp_path / "archive.db"
    from ingest.config import Config
    from ingest.pipeline import ingest
    ingest([folder], db, Config())
    ds = create_datasette(db)
    rows = await query_rows(ds, "boilerplate_per_source")
    assert [(r["source"], r["example"], r["status"]) for r in rows] == [("tass", shared, "learned")]
    assert rows[0]["articles"] >= 3


# --- tables: hidden, described, sorted, faceted ----------------------------------------

@pytest.mark.asyncio
async def test_internal_tables_are_hidden(ds):
    data = await get_json(ds, "/archive.json")
    visible = {t["name"] for t in data["tables"] if not t["hidden"]}
    hidden = {t["name"] for t in data["tables"] if t["hidden"]}
    assert "articles" in visible and "passages" in visible
    assert not [n for n in visible if n.startswith("_") or n.startswith("articles_fts")]
    assert {"_settings", "_lsh_articles_runs", "_lsh_paragraphs_blocks", "articles_fts", "articles_fts_data"} <= hidden


@pytest.mark.asyncio
async def test_every_visible_table_and_column_is_described(samples_db, ds):
    tables = build_metadata(samples_db)["databases"]["archive"]["tables"]
    data = await get_json(ds, "/archive.json")
    for table in (t for t in data["tables"] if not t["hidden"]):
        meta = tables.get(table["name"], {})
        assert meta.get("description") or meta.get("description_html"), table["name"]
        undescribed = set(table["columns"]) - set(meta.get("columns", {}))
        assert not undescribed, (table["name"], undescribed)


@pytest.mark.asyncio
async def test_articles_newest_first_with_facets_and_labels(ds):
    data = await get_json(ds, "/archive/articles.json?_shape=objects")
    assert "order by published desc" in data["query"]["sql"]
    assert data["rows"][0]["published"] == max(r["published"] for r in data["rows"] if r["published"])
    assert {"source", "language", "published"} <= set(data["facet_results"])
    assert "duplicate_of" not in data["facet_results"]  # long titles pushed the rows off the first screen
    assert data["suggested_facets"] == []
    assert ds.setting("suggest_facets") is False
    sightings = await get_json(ds, "/archive/sightings.json?_labels=on&_shape=array")
    assert isinstance(sightings[0]["article_id"], dict)  # expanded to a label with its link


def test_large_tables_facet_only_indexed_columns(samples_db, monkeypatch):
    # above FACET_SCAN_ROWS rows a facet on an unindexed column would read every row on
    # every page; source, language and published are indexed, removed_lines.rule is not
    from store import datasette_meta
    monkeypatch.setattr(datasette_meta, "FACET_SCAN_ROWS", 3)
    large = build_metadata(samples_db)["databases"]["archive"]["tables"]
    assert large["articles"]["facets"] == ["source", "language", {"date": "published"}]
    assert large["removed_lines"]["facets"] == []
    with sqlite3.connect(samples_db) as conn:
        conn.execute("DROP INDEX idx_articles_language")
    assert "language" not in build_metadata(samples_db)["databases"]["archive"]["tables"]["articles"]["facets"]
    monkeypatch.setattr(datasette_meta, "FACET_SCAN_ROWS", 20_000)
    assert "language" in build_metadata(samples_db)["databases"]["archive"]["tables"]["articles"]["facets"]


def test_links_follow_the_served_file_name(samples_db, tmp_path):
    news = tmp_path / "news.db"
    shutil.copy(samples_db, news)
    metadata = build_metadata(news)
    assert list(metadata["databases"]) == ["news"]
    text = json.dumps(metadata)
    assert 'href=\\"/news/-/search\\"' in text and "/archive/" not in text


# --- read-only -------------------------------------------------------------------------

@pytest.mark.asyncio
@pytest.mark.parametrize("sql", ["delete from articles", "insert into articles (text, content_hash) "
                                 "values ('x', 'y')", "update articles set title = 'x'",
                                 "drop table articles", "select 1; delete from articles"])
async def test_sql_writes_are_refused(samples_db, ds, sql):
    before = count_articles(samples_db)
    response = await ds.client.get("/archive.json", params={"sql": sql})
    assert response.status_code == 400
    assert count_articles(samples_db) == before


@pytest.mark.asyncio
async def test_write_endpoints_are_refused(samples_db, ds):
    before = count_articles(samples_db)
    for path in ("/archive/articles/-/insert", "/archive/-/create", "/archive/articles/1/-/delete",
                 "/archive/search"):
        response = await ds.client.post(path, json={"row": {"text": "x", "content_hash": "y"}})
        assert response.status_code >= 400, path
    assert count_articles(samples_db) == before
    assert ds.databases["archive"].is_mutable  # the live file: read with mode=ro, never immutable


@pytest.mark.asyncio
async def test_served_live_file_sees_new_ingests(cli, samples_db, ds, tmp_path):
    assert len(await get_json(ds, "/archive/articles.json?_shape=array")) == 5
    extra = tmp_path / "later"
    extra.mkdir()
    (extra / "new.txt").write_text(
        "Oslo talks resume\n\nDelegates of the Venezuelan government and the opposition met "
        "again in Oslo on Monday, Norwegian mediators said in a short statement.\n", encoding="utf-8")
    cli("ingest", extra, "--db", samples_db)  # while the server has the file open
    assert len(await get_json(ds, "/archive/articles.json?_shape=array")) == 6
    assert len(await query_rows(ds, "latest_runs")) == 2


@pytest.mark.asyncio
async def test_unknown_urls_are_404_not_500(ds):
    for path in ("/archive/articles/-/insert", "/archive/articles/1/-/nothing", "/nowhere"):
        assert (await ds.client.get(path)).status_code == 404, path


def test_write_queries_are_never_served(samples_db):
    template = load_packaged()
    template["databases"]["archive"]["queries"]["wipe"] = {"sql": "delete from articles", "write": True}
    assert "wipe" not in build_metadata(samples_db, template)["databases"]["archive"]["queries"]


# --- the command -----------------------------------------------------------------------

def test_serve_defaults_to_localhost(cli, samples_db, monkeypatch):
    calls = []
    monkeypatch.setattr(datasette_serve, "serve", lambda db, **kw: calls.append((db, kw)))
    cli("serve", "--db", samples_db)
    (db, kw), = calls
    assert db == samples_db and kw["host"] == "127.0.0.1" and kw["port"] == 8001
    assert "archive" in kw["metadata"]["databases"]
    cli("serve", "--db", samples_db, "--host", "0.0.0.0", "--port", "9000")
    assert calls[1][1]["host"] == "0.0.0.0" and calls[1][1]["port"] == 9000


def test_serve_print_metadata_and_errors(cli, samples_db, tmp_path):
    metadata = json.loads(cli("serve", "--db", samples_db, "--print-metadata").stdout)
    assert metadata["title"] == "newsarchive" and "search" in metadata["databases"]["archive"]["queries"]
    result = cli("serve", "--db", tmp_path / "missing.db", code=1)
    assert "no archive here" in result.output
    not_db = tmp_path / "notes.db"
    not_db.write_text("hello", encoding="utf-8")
    assert "not a newsarchive SQLite archive" in cli("serve", "--db", not_db, code=1).output
