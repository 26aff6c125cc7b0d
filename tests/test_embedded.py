"""Pages that JavaScript renders: the article their scripts carry is archived, not lost."""

from __future__ import annotations

import hashlib
import json
import sqlite3

from conftest import COUNCIL_BODY as BODY
from ingest.clean.embedded import MAX_LITERALS, embedded_body
from ingest.clean.html import clean_html
from ingest.clean.rules import EXTRACTOR_EMBEDDED
from ingest.config import CleanOptions
from ingest.models import HTML, RawDocument
from ingest.clean.document import clean_document

OPTIONS = CleanOptions()
MORE = [
    "Transport officials will publish the detailed timetable for the new routes next month.",
    "Residents of the northern districts can comment on the plan at three public meetings.",
]


def page(body_markup: str, scripts: str) -> str:
    """A page whose markup holds a headline, menus and `body_markup`, with `scripts` at the end."""
    return f"""<!DOCTYPE html><html><head><title>Council approves budget - Daily Bugle</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><h1>Council approves budget</h1><div id="root">{body_markup}</div></main>
<footer><p>© 2019 Daily Bugle. All rights reserved.</p></footer>{scripts}</body></html>"""


def app_state(paragraphs: list[str]) -> str:
    """A script as a JavaScript framework ships its state: the article as an HTML string in JSON."""
    state = {"article": {"id": 17, "headline": "Council approves budget",
                         "content": "".join(f"<p>{p}</p>" for p in paragraphs)}}
    return f"<script>window.__STATE__ = {json.dumps(state)};</script>"


def json_ld(paragraphs: list[str]) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council approves budget",
            "articleBody": "\n".join(paragraphs)}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def raw_page(html: str, name: str = "page.html") -> RawDocument:
    data = html.encode()
    return RawDocument(location=name, sha256=hashlib.sha256(data).hexdigest(), media_type=HTML,
                       content=data, text=html, source="test")


def test_an_article_only_in_the_scripts_state_becomes_the_body():
    html = page("", app_state(BODY + MORE))
    assert not clean_html(html, OPTIONS).paragraphs  # the markup alone has no article
    cleaned = clean_document(raw_page(html), OPTIONS)
    assert list(cleaned.paragraphs) == BODY + MORE


def test_json_ld_article_body_becomes_the_body_when_the_markup_has_none():
    cleaned = clean_document(raw_page(page("<p>Loading…</p>", json_ld(BODY + MORE))), OPTIONS)
    assert list(cleaned.paragraphs) == BODY + MORE
    assert all(r.rule == EXTRACTOR_EMBEDDED for r in cleaned.removed if r.text == "Loading…")


def test_an_xhtml_page_with_an_xml_declaration_is_read_like_any_other():
    # An XHTML page opens with <?xml ... encoding="utf-8"?>; lxml refuses such a str, and the
    # article its JSON-LD carries was lost with it.
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + page("<p>Loading…</p>", json_ld(BODY + MORE))
    assert embedded_body(html) == BODY + MORE
    assert list(clean_document(raw_page(html), OPTIONS).paragraphs) == BODY + MORE


def test_an_article_in_the_markup_is_kept_whatever_the_scripts_carry():
    other = ["A different story about the harbour, carried in the page's state for a teaser box, "
             "which is long enough to look like an article body of its own."] * 6
    html = page("".join(f"<p>{p}</p>" for p in BODY), app_state(other))
    cleaned = clean_document(raw_page(html), OPTIONS)
    assert list(cleaned.paragraphs) == BODY


def test_a_page_of_data_is_read_in_bounded_work():
    literal = json.dumps("<p>" + "x" * 500 + "</p>")  # long strings that hold no prose
    scripts = "<script>var data = [" + ",".join([literal] * (MAX_LITERALS * 3)) + "];</script>"
    scripts += '<script>var broken = "' + "\\q" * 400 + ' unterminated</script>'
    assert embedded_body(page("", scripts)) == []
    assert embedded_body("") == [] and embedded_body("<<<>>>") == []


def test_a_script_rendered_page_is_archived_not_rejected(cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "rendered.html").write_text(page("", app_state(BODY + MORE)), encoding="utf-8")
    db = tmp_path / "a.db"
    cli("ingest", folder, "--db", db)
    with sqlite3.connect(db) as conn:
        texts = [row[0] for row in conn.execute("SELECT text FROM articles")]
        rejects = conn.execute("SELECT count(*) FROM rejects").fetchone()[0]
    assert rejects == 0
    assert len(texts) == 1 and all(p in texts[0] for p in BODY + MORE)
