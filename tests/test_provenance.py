"""Where an article came from: URL (as found and canonical), site, author, language."""

from __future__ import annotations

import json
import sqlite3

import pytest

from conftest import COUNCIL_BODY, SAMPLES
from ingest.provenance import canonical_url, declared_language, site_of, sniff_site

URL = "https://WWW.Example-News.com/city/budget-approved?utm_source=feed&id=7#comments"


def page(url: str | None = URL, site: str | None = "Example News", lang: str | None = "en-GB",
         author: str | None = "Jane Doe") -> str:
    head = "".join([
        f'<link rel="canonical" href="{url}">' if url else "",
        f'<meta property="og:site_name" content="{site}">' if site else "",
        f'<meta name="author" content="{author}">' if author else "",
    ])
    body = "".join(f"<p>{p}</p>" for p in COUNCIL_BODY * 2)
    html_lang = f' lang="{lang}"' if lang else ""
    return (f"<html{html_lang}><head><title>Budget approved</title>{head}</head><body><article>"
            f"<h1>Budget approved</h1>{body}</article></body></html>")


def test_an_html_page_keeps_its_url_site_author_and_language(cli, db_path, tmp_path):
    (tmp_path / "a.html").write_text(page(), encoding="utf-8")
    cli("ingest", tmp_path / "a.html", "--db", db_path)
    conn = sqlite3.connect(db_path)
    row = conn.execute("SELECT url, canonical_url, site, author, language FROM articles").fetchone()
    assert row[0].lower().startswith("https://www.example-news.com/city/budget-approved")
    assert row[1] == canonical_url(row[0]) and "utm_source" not in row[1] and "id=7" in row[1]
    assert row[2:] == ("Example News", "Jane Doe", "en")
    assert conn.execute("SELECT url FROM sightings").fetchone()[0] == row[0]
    hit = json.loads(cli("search", "budget", "--json", "--db", db_path).stdout.splitlines()[0])
    assert (hit["url"], hit["site"], hit["language"]) == (row[0], "Example News", "en")
    shown = cli("show", "1", "--db", db_path).output
    assert row[0] in shown and "Example News" in shown
    exported = json.loads(cli("export", "--db", db_path).stdout.splitlines()[0])
    assert exported["canonical_url"] == row[1] and exported["author"] == "Jane Doe"


def test_without_a_site_name_the_site_is_the_host_and_the_language_is_detected(cli, db_path, tmp_path):
    (tmp_path / "a.html").write_text(page(site=None, lang=None), encoding="utf-8")
    cli("ingest", tmp_path / "a.html", "--db", db_path)
    site, language = sqlite3.connect(db_path).execute("SELECT site, language FROM articles").fetchone()
    assert site == "example-news.com" and language == "en"


GERMAN = ("Der Stadtrat hat am Montag nach einer langen Debatte über den öffentlichen Verkehr den neuen "
          "Haushalt beschlossen. Die Mitglieder sagten, der Plan werde mehr Busse in die nördlichen Bezirke "
          "bringen und die Fahrpreise für Studenten senken.")


def test_plain_text_has_its_language_detected_unless_turned_off(cli, db_path, tmp_path):
    second = ("Die Opposition argumentierte, das Geld solle besser in die Reparatur der Straßen fließen, "
              "die seit Jahren verschoben werde. Die Bürgermeisterin erwartet die ersten neuen Linien im Sommer.")
    (tmp_path / "de.txt").write_text(f"Haushalt beschlossen\n\n{GERMAN}\n\n{second}\n", encoding="utf-8")
    cli("ingest", tmp_path / "de.txt", "--db", db_path)
    assert sqlite3.connect(db_path).execute("SELECT language, url FROM articles").fetchone() == ("de", None)
    config = tmp_path / "off.toml"
    config.write_text("[clean]\ndetect_language = false\n", encoding="utf-8")
    other = tmp_path / "b.db"
    cli("ingest", SAMPLES, "--db", other, "--config", config)
    assert {r for r, in sqlite3.connect(other).execute("SELECT language FROM articles")} == {None}


def test_an_older_archive_gets_the_columns_and_keeps_its_rows(cli, db_path, tmp_path):
    cli("ingest", SAMPLES, "--db", db_path)
    with sqlite3.connect(db_path) as conn:
        before = conn.execute("SELECT id, title, text FROM articles ORDER BY id").fetchall()
        conn.execute("DROP INDEX idx_articles_canonical_url")
        conn.execute("DROP INDEX idx_articles_language")
        # (articles.previous_version, a foreign key, cannot be dropped: the new ingest has it)
        for table, column in [("articles", "url"), ("articles", "canonical_url"), ("articles", "site"),
                              ("articles", "author"), ("articles", "language"), ("sightings", "url"),
                              ("sightings", "fetched_at")]:
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "a.html").write_text(page(), encoding="utf-8")
    cli("ingest", tmp_path / "new", "--db", db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT id, title, text FROM articles WHERE id <= ? ORDER BY id",
                        [before[-1][0]]).fetchall() == before
    assert conn.execute("SELECT site FROM articles ORDER BY id DESC LIMIT 1").fetchone() == ("Example News",)


@pytest.mark.parametrize("url, expected", [
    ("HTTPS://Example.com:443/a?utm_medium=x&b=2", "https://example.com/a?b=2"),
    ("ftp://example.com/a", None), ("not a url", None), ("", None), (None, None),
    ("https://example.com/" + "a" * 5000, None), ("http://[::1:80/", None),
])
def test_canonical_urls(url, expected):
    assert canonical_url(url) == expected


def test_site_and_declared_language():
    assert site_of("https://www.example.org/x", None) == "example.org"
    assert site_of(None, "  The   Paper ") == "The Paper"
    assert declared_language('<!doctype html><html class="x" lang="pt-BR">') == "pt"
    assert declared_language("<html><body lang='de'>") is None


def test_an_html_pages_source_is_its_site_unless_configured_to_be_the_folder(cli, tmp_path):
    folder = tmp_path / "html"
    folder.mkdir()
    (folder / "a.html").write_text(page(), encoding="utf-8")
    (folder / "b.html").write_text(page(url="https://www.other-paper.org/x", site=None).replace(
        "budget", "bus plan").replace("Budget", "Bus plan"), encoding="utf-8")
    (folder / "c.txt").write_text("\n\n".join(["Council news", *COUNCIL_BODY]) + "\n", encoding="utf-8")
    db = tmp_path / "a.db"
    cli("ingest", folder, "--db", db)
    sources = {location.rsplit("/", 1)[-1]: source for location, source in sqlite3.connect(db).execute(
        "SELECT s.location, a.source FROM sightings s JOIN articles a ON a.id = s.article_id")}
    assert sources == {"a.html": "Example News", "b.html": "other-paper.org", "c.txt": "html"}
    config = tmp_path / "folder.toml"
    config.write_text('[input]\nsource = "folder"\n', encoding="utf-8")
    by_folder = tmp_path / "b.db"
    cli("ingest", folder, "--db", by_folder, "--config", config)
    assert {s for s, in sqlite3.connect(by_folder).execute("SELECT source FROM articles")} == {"html"}


@pytest.mark.parametrize("head, expected", [
    ('<meta property="og:site_name" content="Smith &amp; Sons &#8211; Daily">', "Smith & Sons – Daily"),
    ('<meta property="og:site_name" content="&lt;b&gt;Evil&lt;/b&gt; Times">', "<b>Evil</b> Times"),
    ('<link rel="canonical" href="https://News.Example.com/a?x=1&amp;y=2">', "news.example.com"),
])
def test_the_site_a_page_names_is_read_with_its_character_references_decoded(head, expected):
    assert sniff_site(f"<html><head>{head}</head><body><p>x</p></body></html>") == expected
