"""The archive in datasette: the search box, and the reading room's pages (store.datasette_plugin)
through datasette's own test client on real archives: article, search, passage, cluster, the
articles table, redirects of merged ids, and hostile text escaped everywhere."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from datasette.app import Datasette
from datasette.database import Database

from conftest import ROOT, SAMPLES
from store.datasette_plugin import PLUGINS_DIR
from store.datasette_serve import create_datasette

GUAIDO_PASSAGE = "Juan Guaido, Venezuelan opposition leader and parliament speaker"
HOSTILE_TITLE = '<script>alert("title")</script> Council & budget'
HOSTILE_BODY = ["The city council approved the new budget on Monday after a long debate "
                "<img src=x onerror=alert(1)> about public transport and [bracketed] words.",
                "Members said the plan would add more buses to the northern districts and lower fares "
                "for students </p><script>alert(2)</script>.",
                "Opponents argued that the money should go to road repairs, which have been delayed for years now.",
                "The mayor said she expected the first new routes to open before the end of the coming summer."]
UPDATE_BODY = ["The council met again on Friday and changed the transport budget after protests by "
               "drivers who said the new routes would cut their hours at night.",
               "A spokesperson said the revised plan keeps the lower fares for students but delays the "
               "northern bus routes until the autumn of next year.",
               "Opposition members welcomed the delay and asked for a public hearing on road repairs."]


def html_page(title: str, body: list[str], url: str, site: str) -> str:
    """An HTML news page whose every text is escaped once (so the archive holds it raw)."""
    from html import escape
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body)
    return (f'<!DOCTYPE html><html lang="en"><head><title>{escape(title)}</title>'
            f'<meta property="og:url" content="{escape(url)}">'
            f'<meta property="og:site_name" content="{escape(site)}"></head>'
            f"<body><article><h1>{escape(title)}</h1>{paragraphs}</article></body></html>")


@pytest.fixture
def reading_db(cli, tmp_path: Path) -> Path:
    """Samples, a near-duplicate of sample 000, a hostile HTML page and a later version of
    it (same URL), ingested by the CLI; then an id merged by reclean (a redirect) and an
    index on canonical_url, as an archive that lists versions has."""
    folder = tmp_path / "inputs"
    shutil.copytree(SAMPLES, folder)
    original = (folder / "000_7787a9d21136dbfa.txt").read_text(encoding="utf-8")
    (folder / "100_copy.txt").write_text(
        original.replace("Lavrov said on Tuesday.", "Lavrov said on Tuesday in Moscow."), encoding="utf-8")
    (folder / "200_evil.html").write_text(html_page(HOSTILE_TITLE, HOSTILE_BODY,
                                                    "https://news.example/budget?utm_source=feed",
                                                    "<b>Evil</b> Times"), encoding="utf-8")
    (folder / "201_update.html").write_text(html_page("Council changes the budget", UPDATE_BODY,
                                                      "https://news.example/budget", "<b>Evil</b> Times"),
                                            encoding="utf-8")
    db_path = tmp_path / "archive.db"
    cli("ingest", folder, "--db", db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO article_redirects (id, to_id, reason) VALUES (999, 1, 'same text after reclean')")
        conn.execute("CREATE INDEX IF NOT EXISTS idx_articles_canonical_url ON articles (canonical_url)")
    return db_path


def article_id(db_path: Path, where: str, params=()) -> int:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(f"SELECT id FROM articles WHERE {where}", params).fetchone()[0]


class Page(HTMLParser):
    """The text, links and elements of an HTML page, as a browser would parse them."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.script_text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        (self.script_text if self.tags and self.tags[-1][0] == "script" else self.text).append(data)

    def links(self) -> list[str]:
        return [a.get("href") or "" for tag, a in self.tags if tag == "a"]

    def scripts(self) -> str:
        return "".join(self.script_text)

    def handlers(self) -> list[str]:
        return [k for _, a in self.tags for k in a if k.startswith("on")]


async def get(ds, path: str, status: int = 200):
    response = await ds.client.get(path)
    assert response.status_code == status, (path, response.status_code, response.text[:2000])
    return response


@pytest.fixture
def ds(reading_db):
    return create_datasette(reading_db)


@pytest.mark.asyncio
async def test_search_box_finds_guaido(samples_db):
    ds = Datasette([str(samples_db)])
    db_name = samples_db.stem
    response = await ds.client.get(f"/{db_name}/articles.json?_search=Guaido&_shape=array")
    assert response.status_code == 200
    rows = response.json()
    assert len(rows) >= 4
    assert all("guaid" in row["text"].lower() for row in rows)


# (filler sentences, a sentence with the word, the word as a reader types it): unicode61
# reads a run of Japanese as one word and keeps Arabic's optional marks
TABLE_SEARCH = {
    "ja": (["市は来年度の予算案について、福祉と教育に重点を置く方針を示した。",
            "関係者によると、新しい図書館の建設は来月にも始まる見通しだという。"],
           "東京都は新しい経済対策を発表し、中小企業への支援を拡大する考えを示した。", "経済対策"),
    "ar": (["أعلنت وزارة الصحة اليوم عن خطة جديدة لتطوير المستشفيات في المدن الكبرى خلال العام المقبل.",
            "وقال المتحدث باسم الوزارة إن المشروع سيبدأ الشهر المقبل بتمويل كامل من الحكومة."],
           "وأكد الوزير أن الوضع الصحي في البلاد مستقر جداً وأن الحكومة تتابع التطورات.", "جدا"),
}


@pytest.mark.asyncio
@pytest.mark.parametrize("script", sorted(TABLE_SEARCH))
async def test_the_articles_table_search_box_finds_words_its_fts_index_cannot(cli, tmp_path, script):
    """The table's own box finds a word inside a run of Japanese, or an Arabic word without
    its marks, through the script index (store.datasette_plugin.search_box), as the CLI does."""
    from scripts_corpus import write_page
    filler, sentence, typed = TABLE_SEARCH[script]
    folder = tmp_path / script
    folder.mkdir()
    write_page(folder / "writes.html", "writes", [filler[0], sentence, filler[1]])
    write_page(folder / "other.html", "other", [filler[1], filler[0]])
    db_path = tmp_path / "a.db"
    cli("ingest", folder, "--db", db_path)
    with sqlite3.connect(db_path) as conn:
        (writes,), = conn.execute("SELECT id FROM articles WHERE title = 'writes'").fetchall()
        assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                            [f'"{typed}"']).fetchone() == (0,)  # what datasette's own search finds
    ds = create_datasette(db_path)
    rows = (await get(ds, f"/a/articles.json?_search={quote(typed)}&_shape=array")).json()
    assert [row["id"] for row in rows] == [writes]
    html = (await get(ds, f"/a/articles?_search={quote(typed)}&_full=1")).text
    assert f'value="{typed}"' in html and f"1 row\n        where search matches &#34;{typed}&#34;" in html
    assert (await get(ds, f"/a/articles.json?_search={quote(typed[::-1] * 2)}&_shape=array")).json() == []


def test_only_a_search_that_needs_the_script_index_is_renamed():
    from store.datasette_plugin.search_box import SCRIPT_SEARCH, renamed_query

    assert renamed_query(f"_search={quote('経済')}&_sort=id".encode()) == f"{SCRIPT_SEARCH}={quote('経済')}&_sort=id".encode()
    assert renamed_query(b"_search=Guaido&_sort=id") is None
    assert renamed_query(f"_search={quote('経済')}&_fts_table=articles_fts".encode()) is None


# --- the article page ------------------------------------------------------------------

@pytest.mark.asyncio
async def test_article_page_reads_as_an_article_with_passages_copies_and_removed_lines(reading_db, ds):
    second = article_id(reading_db, "text LIKE ?", ["%Tokyo%"])  # repeats sample 000's background
    html = (await get(ds, f"/archive/-/article/{second}")).text
    page = Page(html)
    with sqlite3.connect(reading_db) as conn:
        title, = conn.execute("SELECT title FROM articles WHERE id = ?", [second]).fetchone()
        paragraphs = [r[0] for r in conn.execute("SELECT text FROM paragraphs WHERE article_id = ? "
                                                 "ORDER BY position", [second])]
        passage, first = conn.execute("SELECT id, first_article_id FROM passages").fetchone()
        removed = conn.execute("SELECT count(*) FROM removed_lines WHERE article_id = ?", [second]).fetchone()[0]
    assert f'<h1 class="na-headline">{title}</h1>' in html
    assert html.count('<p class="na-repeated"') == 1           # the passage first seen elsewhere
    assert f"/archive/-/passage/{passage}" in page.links() and f"/archive/-/article/{first}" in page.links()
    text = "".join(page.text)
    positions = [text.find(p[:60]) for p in paragraphs]
    assert -1 not in positions and positions == sorted(positions)  # every paragraph, in order
    assert removed > 0 and f"Removed by the cleaner: {removed} line" in html
    assert "<details class=\"na-removed\">" in html             # folded away
    # the original of a cluster lists its copy; the copy names its original
    copy = article_id(reading_db, "duplicate_of IS NOT NULL")
    original = (await get(ds, f"/archive/-/article/{first}")).text
    assert f"/archive/-/article/{copy}" in Page(original).links() and "Copies (1)" in original
    assert f"/archive/-/article/{first}" in Page((await get(ds, f"/archive/-/article/{copy}")).text).links()


@pytest.mark.asyncio
async def test_article_page_shows_url_outlet_language_and_versions(reading_db, ds):
    evil = article_id(reading_db, "title LIKE '%Council & budget%'")
    update = article_id(reading_db, "title = 'Council changes the budget'")
    html = (await get(ds, f"/archive/-/article/{evil}")).text
    page = Page(html)
    assert "https://news.example/budget?utm_source=feed" in page.links()
    assert "&lt;B&gt;Evil&lt;/B&gt; Times" in html and '<span class="na-language">en</span>' in html
    assert f"/archive/-/article/{update}" in page.links()       # the other version of its URL
    assert "this version" in html
    with sqlite3.connect(reading_db) as conn:  # unindexed, versions are not looked for (a scan)
        conn.execute("DROP INDEX idx_articles_canonical_url")
    html = (await get(ds, f"/archive/-/article/{evil}")).text
    assert f"/archive/-/article/{update}" not in Page(html).links()
    assert "does not index canonical URLs" in html


@pytest.mark.asyncio
async def test_merged_id_redirects_to_its_article(ds):
    response = await get(ds, "/archive/-/article/999", status=302)
    assert response.headers["location"] == "/archive/-/article/1?merged=999"
    html = (await get(ds, response.headers["location"])).text
    assert "Article 999 was merged into this one (same text after reclean)" in html
    assert "was merged" not in (await get(ds, "/archive/-/article/2?merged=999")).text  # not merged into 2
    cluster = await get(ds, "/archive/-/cluster/999")
    assert "/archive/-/article/1" in Page(cluster.text).links()


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/archive/-/article/12345", "/archive/-/passage/777", "/archive/-/cluster/4242",
                                  "/archive/-/article/99999999999999999999", "/nowhere/-/article/1",
                                  "/archive/-/article/abc"])
async def test_unknown_ids_are_404(ds, path):
    await get(ds, path, status=404)


@pytest.mark.asyncio
async def test_pages_of_a_database_that_is_no_archive_are_404(reading_db, tmp_path):
    other = tmp_path / "notes.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    ds = create_datasette(reading_db)
    ds.add_database(Database(ds, path=str(other)), name="notes")
    for path in ("/notes/-/article/1", "/notes/-/search?q=x", "/notes/-/passage/1", "/notes/-/cluster/1"):
        await get(ds, path, status=404)
    notes = (await get(ds, "/notes/notes")).text                # its own pages are datasette's,
    from base64 import b64encode
    from store.datasette_plugin import STYLESHEET
    ours = b64encode(STYLESHEET.read_bytes()).decode("ascii")    # without the reading room's style
    assert ours not in notes and ours in (await get(ds, "/archive/articles")).text


# --- hostile text ------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_hostile_text_is_escaped_on_every_page(reading_db, ds):
    evil = article_id(reading_db, "title LIKE '%Council & budget%'")
    with sqlite3.connect(reading_db) as conn:  # a stored URL another tool wrote, not http(s)
        conn.execute("UPDATE articles SET url = 'javascript:alert(document.cookie)' WHERE id = ?", [evil])
        conn.execute("INSERT INTO removed_lines (article_id, line_no, text, rule) VALUES (?, 99, "
                     "'<svg onload=alert(3)>', '<i>rule</i>')", [evil])
    pages = [f"/archive/-/article/{evil}", "/archive/-/search?q=council", "/archive/-/search?q=%3Cscript%3E",
             f"/archive/-/cluster/{evil}", "/archive/articles", "/archive/articles?_full=1",
             f"/archive/articles/{evil}"]
    for path in pages:
        html = (await get(ds, path)).text
        page = Page(html)
        assert "alert" not in page.scripts(), path
        assert page.handlers() == [], path
        assert not [link for link in page.links() if link.lower().startswith("javascript:")], path
        assert "<img src=x" not in html and "<svg" not in html and "<i>rule</i>" not in html, path
    article = (await get(ds, f"/archive/-/article/{evil}")).text
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; Council &amp; budget" in article
    assert "javascript:alert(document.cookie)" in article        # shown as text, not a link
    assert "&lt;img src=x onerror=alert(1)&gt;" in article


# --- search --------------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_search_folds_copies_under_their_original(reading_db, ds):
    copy = article_id(reading_db, "duplicate_of IS NOT NULL")
    original = article_id(reading_db, "id = (SELECT duplicate_of FROM articles WHERE id = ?)", [copy])
    html = (await get(ds, "/archive/-/search?q=Guaido")).text
    page = Page(html)
    results = [link for link in page.links() if link.startswith("/archive/-/article/")]
    assert f"/archive/-/article/{original}" in results and f"/archive/-/article/{copy}" not in results
    assert f"/archive/-/cluster/{original}" in page.links() and "+ 1 copy" in html
    assert "<mark>Guaido</mark>" in html or "<mark>Guaidó</mark>" in html
    assert "score" not in "".join(page.text).lower()           # no 15-digit scores
    with sqlite3.connect(reading_db) as conn:
        outlet, = conn.execute("SELECT source FROM articles WHERE id = ?", [original]).fetchone()
    assert f'<span class="na-outlet">{outlet}</span>' in html and '<span class="na-language">en</span>' in html


@pytest.mark.asyncio
async def test_search_finds_chinese_and_folds_its_copy(cli, tmp_path):
    # the search page runs the library's search: two Chinese characters (FTS5's trigram
    # and unicode61 tokens cannot find them) through the bigram index, copies folded
    from scripts_corpus import article, edit_one_word, write_page
    folder = tmp_path / "zh"
    folder.mkdir()
    title, paragraphs = article(3, "zh")
    write_page(folder / "a.html", title, paragraphs)
    write_page(folder / "b.html", title, [edit_one_word(p, "zh", i) for i, p in enumerate(paragraphs)])
    other_title, others = article(4, "zh")
    write_page(folder / "c.html", other_title, others)
    db_path = tmp_path / "zh.db"
    cli("ingest", folder, "--db", db_path)
    with sqlite3.connect(db_path) as conn:
        copy, root = conn.execute("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL").fetchone()
    middle = paragraphs[2][len(paragraphs[2]) // 2:][:2]
    ds = create_datasette(db_path)
    html = (await get(ds, f"/zh/-/search?q={quote(middle)}")).text
    results = [link for link in Page(html).links() if link.startswith("/zh/-/article/")]
    assert f"/zh/-/article/{root}" in results and f"/zh/-/article/{copy}" not in results
    assert f"<mark>{middle}</mark>" in html and "+ 1 copy" in html


@pytest.mark.asyncio
async def test_search_filters_by_outlet_language_and_date(reading_db, ds):
    def ids(html):
        return {int(link.rsplit("/", 1)[1]) for link in Page(html).links() if link.startswith("/archive/-/article/")}
    everything = ids((await get(ds, "/archive/-/search?q=Lavrov")).text)
    assert len(everything) >= 3
    assert ids((await get(ds, "/archive/-/search?q=Lavrov&source=nowhere")).text) == set()
    assert ids((await get(ds, "/archive/-/search?q=Lavrov&language=de")).text) == set()
    assert ids((await get(ds, "/archive/-/search?q=Lavrov&language=en")).text) == everything
    with sqlite3.connect(reading_db) as conn:
        dated = {r[0] for r in conn.execute("SELECT id FROM articles WHERE published >= '2019-05-01'")}
    since = ids((await get(ds, "/archive/-/search?q=Lavrov&since=2019-05-01")).text)
    assert since and since <= dated
    with sqlite3.connect(reading_db) as conn:
        outlet, = conn.execute("SELECT source FROM articles WHERE title = 'Council changes the budget'").fetchone()
    budget = ids((await get(ds, f"/archive/-/search?q=budget&source={quote(outlet)}")).text)
    assert len(budget) == 2 and ids((await get(ds, "/archive/-/search?q=budget")).text) == budget
    # without the indexes the filters check, they read each match's row: the same results
    with sqlite3.connect(reading_db) as conn:
        conn.execute("DROP INDEX idx_articles_language")
        conn.execute("DROP INDEX idx_articles_source")
    assert ids((await get(ds, "/archive/-/search?q=Lavrov&language=en")).text) == everything
    assert ids((await get(ds, f"/archive/-/search?q=budget&source={quote(outlet)}")).text) == budget
    # a bad date is dropped, a query of no words is a message, not an error
    assert ids((await get(ds, "/archive/-/search?q=Lavrov&since=yesterday")).text) == everything
    assert "no words to search for" in (await get(ds, "/archive/-/search?q=%22%22")).text


@pytest.mark.asyncio
async def test_a_search_past_its_time_limit_is_stopped_with_a_message(reading_db):
    from store.datasette_meta import build_metadata
    metadata = build_metadata(reading_db)
    metadata["plugins"] = {"newsarchive": {"search_time_limit_ms": 0}}
    ds = create_datasette(reading_db, metadata)
    html = (await get(ds, "/archive/-/search?q=Lavrov")).text
    assert "The search took longer than 0 s and was stopped" in html and 'class="na-results"' not in html
    metadata["plugins"]["newsarchive"]["search_time_limit_ms"] = 5000
    assert 'class="na-results"' in (await get(create_datasette(reading_db, metadata), "/archive/-/search?q=Lavrov")).text


# --- passages, clusters, the articles table ---------------------------------------------

@pytest.mark.asyncio
async def test_passage_page_lists_first_article_and_every_repeat(reading_db, ds):
    with sqlite3.connect(reading_db) as conn:
        passage, first = conn.execute("SELECT id, first_article_id FROM passages").fetchone()
        carriers = {r[0] for r in conn.execute("SELECT article_id FROM paragraphs WHERE passage_id = ?", [passage])}
    html = (await get(ds, f"/archive/-/passage/{passage}")).text
    assert GUAIDO_PASSAGE in html
    links = Page(html).links()
    assert all(f"/archive/-/article/{a}" in links for a in carriers) and len(carriers) >= 2
    assert html.index(f"/archive/-/article/{first}") < html.index("Every article that carries it")


@pytest.mark.asyncio
async def test_cluster_page_from_any_member(reading_db, ds):
    copy = article_id(reading_db, "duplicate_of IS NOT NULL")
    with sqlite3.connect(reading_db) as conn:
        root, = conn.execute("SELECT duplicate_of FROM articles WHERE id = ?", [copy]).fetchone()
    for asked in (root, copy):
        html = (await get(ds, f"/archive/-/cluster/{asked}")).text
        assert "One story, 2 articles" in html
        assert html.index(f"/archive/-/article/{root}") < html.index(f"/archive/-/article/{copy}")


@pytest.mark.asyncio
async def test_articles_table_opens_on_readable_rows(reading_db, ds):
    html = (await get(ds, "/archive/articles")).text
    page = Page(html)
    with sqlite3.connect(reading_db) as conn:
        count, = conn.execute("SELECT count(*) FROM articles").fetchone()
    assert html.count('<li>\n    <a class="na-title"') == count
    assert '<td class="col-text' not in html and "col-content_hash" not in html  # no wall of columns
    assert 'id="facet-duplicate_of"' not in html and 'id="facet-source"' in html
    assert any("_full=1" in link for link in page.links())       # every column one click away
    archived = Page((await get(ds, "/archive/articles?_sort_desc=id")).text).links()
    newest_ids = [int(link.rsplit("/", 1)[1]) for link in archived if link.startswith("/archive/-/article/")]
    assert newest_ids == sorted(newest_ids, reverse=True) and len(newest_ids) == count
    assert "/archive/articles?_sort_desc=id" in page.links()
    copy = article_id(reading_db, "duplicate_of IS NOT NULL")
    root = article_id(reading_db, "id = (SELECT duplicate_of FROM articles WHERE id = ?)", [copy])
    assert f"near-duplicate of {root}</a>" in html
    full = (await get(ds, "/archive/articles?_full=1")).text
    assert '<td class="col-text' in full and '<a href="/archive/articles">Readable rows</a>' in full  # and back
    # titles link to the article page in datasette's own views too
    assert "/archive/-/article/1" in Page((await get(ds, "/archive/articles/1")).text).links()


@pytest.mark.asyncio
async def test_other_tables_link_passages(reading_db, ds):
    passage, = sqlite3.connect(reading_db).execute("SELECT id FROM passages").fetchone()
    for path in ("/archive/passages", "/archive/paragraphs?passage_id__notnull=1", "/archive/repeated_passages"):
        assert f"/archive/-/passage/{passage}" in Page((await get(ds, path)).text).links(), path


# --- wiring --------------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_a_template_dir_overrides_the_plugins_templates(reading_db, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "_table.html").write_text("<p>my own table</p>", encoding="utf-8")
    from store.datasette_meta import build_metadata
    from store.datasette_serve import register_plugin
    register_plugin()
    ds = Datasette([str(reading_db)], metadata=build_metadata(reading_db), template_dir=str(templates))
    assert "my own table" in (await get(ds, "/archive/articles")).text
    assert "na-headline" in (await get(ds, "/archive/-/article/1")).text  # the plugin's pages still served


def test_plugin_loads_from_plugins_dir(reading_db):
    # as `datasette FILE --plugins-dir DIR` loads it: no serve, no entry point
    script = (
        "import asyncio, sys\n"
        "from datasette.app import Datasette\n"
        "async def main():\n"
        f"    ds = Datasette([{str(reading_db)!r}], plugins_dir={str(PLUGINS_DIR)!r})\n"
        "    await ds.invoke_startup()\n"
        "    for path in ('/archive/-/article/1', '/archive/-/search?q=Lavrov', '/archive/articles'):\n"
        "        r = await ds.client.get(path)\n"
        "        print(path, r.status_code, 'na-headline' in r.text or 'na-results' in r.text or 'na-rows' in r.text)\n"
        "asyncio.run(main())\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split("\n")[:3] == ["/archive/-/article/1 200 True", "/archive/-/search?q=Lavrov 200 True",
                                             "/archive/articles 200 True"]


def test_templates_and_plugin_files_are_package_data():
    # every file of the plugin's folder is installed: its folder is a package pyproject names
    # (setuptools installs package data only for named packages, and warns of unnamed folders)
    # and the file is a module of it or matches that package's package-data
    import tomllib
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    packages = config["tool"]["setuptools"]["packages"]
    package_data = config["tool"]["setuptools"]["package-data"]
    folder = ROOT / "store" / "datasette_plugin"
    files = [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert any(p.suffix == ".html" for p in files) and any(p.parent.name == "plugins" for p in files)
    for path in files:
        package = ".".join(path.parent.relative_to(ROOT).parts)
        assert package in packages, f"{path.parent} is not a package in pyproject.toml"
        is_module = path.suffix == ".py" and (path.parent / "__init__.py").exists()
        assert is_module or any(path.match(pattern) for pattern in package_data.get(package, [])), path
    assert config["project"]["entry-points"]["datasette"]["newsarchive"] == "store.datasette_plugin"
