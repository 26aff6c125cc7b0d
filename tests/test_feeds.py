"""RSS 2.0 and Atom feeds with full content: one article an entry, with its link, title, date,
author and the feed's title; the entry kept byte for byte; bad feeds and entries rejected by name."""

from __future__ import annotations

import json
import sqlite3
from html import escape

import pytest

from conftest import COUNCIL_BODY
from store.rawcontent import raw_content

BUS_BODY = [
    "The regional transport authority will start three new night bus routes across the valley in May.",
    "Drivers for the routes are being hired now, and the authority said fares would stay the same.",
    "Residents of the outer villages had asked for a late service for years, the authority's head said.",
    "The routes will be reviewed after six months to see whether enough passengers use the new buses.",
]


def paragraphs(body: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in body)


def rss(items: list[str], title: str = "Example &amp; News") -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
            f"<title>{title}</title>\n<link>https://news.example.com/</link>\n"
            "<lastBuildDate>Tue, 19 Nov 2019 12:00:00 GMT</lastBuildDate>\n"
            + "\n".join(items) + "\n</channel>\n</rss>\n")


def rss_item(title: str, link: str, body: list[str] | None, description: str = "A short teaser.",
             author: str = "Jane Doe") -> str:
    content = f"<content:encoded><![CDATA[{paragraphs(body)}]]></content:encoded>" if body else ""
    return (f"<item><title>{title}</title><link>{link}</link><dc:creator>{author}</dc:creator>"
            f"<pubDate>Tue, 19 Nov 2019 10:00:00 GMT</pubDate><description>{escape(description)}</description>"
            f"{content}</item>")


def atom(entries: list[str]) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
            "<title>The Valley Courier</title>\n<id>urn:uuid:feed</id>\n<updated>2019-11-19T12:00:00Z</updated>\n"
            + "\n".join(entries) + "\n</feed>\n")


def atom_entry(title: str, link: str, body: list[str] | None, summary: str = "") -> str:
    content = f'<content type="html">{escape(paragraphs(body))}</content>' if body else ""
    return (f'<entry><title>{title}</title><link rel="alternate" href="{link}"/><id>{link}</id>'
            f"<updated>2019-11-20T08:30:00Z</updated><published>2019-11-18T07:00:00Z</published>"
            f"<author><name>John Roe</name></author>{content}"
            + (f'<summary type="text">{escape(summary)}</summary>' if summary else "") + "</entry>")


def rows(db, sql: str) -> list[tuple]:
    return sqlite3.connect(db).execute(sql).fetchall()


def test_an_rss_feed_is_one_article_an_item_with_its_provenance(cli, db_path, tmp_path):
    feed = tmp_path / "news.rss"
    feed.write_text(rss([rss_item("Budget approved", "https://news.example.com/budget?utm_source=rss", COUNCIL_BODY),
                         rss_item("Night buses", "https://news.example.com/buses", BUS_BODY, author="John Roe")]),
                    encoding="utf-8")
    cli("ingest", feed, "--db", db_path)
    articles = rows(db_path, "SELECT title, published, url, canonical_url, site, source, author, text "
                             "FROM articles ORDER BY id")
    assert [a[:7] for a in articles] == [
        ("Budget approved", "2019-11-19", "https://news.example.com/budget?utm_source=rss",
         "https://news.example.com/budget", "Example & News", "Example & News", "Jane Doe"),
        ("Night buses", "2019-11-19", "https://news.example.com/buses", "https://news.example.com/buses",
         "Example & News", "Example & News", "John Roe")]
    assert articles[0][7] == "\n\n".join(COUNCIL_BODY) and articles[1][7] == "\n\n".join(BUS_BODY)
    locations = [loc.rsplit("/", 1)[1] for loc, in rows(db_path, "SELECT location FROM sightings ORDER BY id")]
    assert locations == ["news.rss#entry=1", "news.rss#entry=2"]


def stored_input(db_path) -> bytes:
    """The bytes of the archive's one stored input (kept compressed: store.rawcontent)."""
    with sqlite3.connect(db_path) as conn:
        (raw_id,), = conn.execute("SELECT id FROM raw_documents").fetchall()
        return raw_content(conn, raw_id)


def test_an_entrys_stored_input_holds_its_element_byte_for_byte(cli, db_path, tmp_path):
    item = rss_item("Budget approved", "https://news.example.com/budget", COUNCIL_BODY)
    feed = tmp_path / "news.xml"
    feed.write_text(rss([item]), encoding="utf-8")
    cli("ingest", feed, "--db", db_path)
    content = stored_input(db_path)
    assert item.encode() in content and b'xmlns:content="http://purl.org/rss/1.0/modules/content/"' in content
    assert b"lastBuildDate" not in content  # what changes at every fetch is left out


def test_an_atom_feed_takes_content_or_a_long_summary(cli, db_path, tmp_path):
    feed = tmp_path / "courier.atom"
    feed.write_text(atom([atom_entry("Budget approved", "https://courier.example.org/budget", COUNCIL_BODY),
                          atom_entry("Night buses", "https://courier.example.org/buses", None,
                                     summary=" ".join(BUS_BODY))]), encoding="utf-8")
    cli("ingest", feed, "--db", db_path)
    articles = rows(db_path, "SELECT title, published, url, site, author, text FROM articles ORDER BY id")
    assert [a[:5] for a in articles] == [
        ("Budget approved", "2019-11-18", "https://courier.example.org/budget", "The Valley Courier", "John Roe"),
        ("Night buses", "2019-11-18", "https://courier.example.org/buses", "The Valley Courier", "John Roe")]
    assert all(body[0] in text for body, (*_, text) in zip((COUNCIL_BODY, BUS_BODY), articles))


def test_an_entry_without_text_is_a_reject_and_the_rest_is_read(cli, db_path, tmp_path):
    feed = tmp_path / "news.rss"
    feed.write_text(rss([rss_item("Teaser only", "https://news.example.com/teaser", None),
                         rss_item("Budget approved", "https://news.example.com/budget", COUNCIL_BODY)]),
                    encoding="utf-8")
    result = cli("ingest", feed, "--db", db_path)
    (location, reason), = rows(db_path, "SELECT location, reason FROM rejects")
    assert location.endswith("news.rss#entry=1") and "without text" in reason
    assert rows(db_path, "SELECT title FROM articles") == [("Budget approved",)]
    assert "rejected 1" in result.output


@pytest.mark.parametrize("name, data, expected", [
    ("junk.rss", b"this is not XML at all, just words", "not an RSS or Atom feed: not XML"),
    ("map.xml", b'<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>',
     "not an RSS or Atom feed"),
])
def test_a_file_that_is_no_feed_is_one_reject(cli, db_path, tmp_path, name, data, expected):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_bytes(data)
    cli("ingest", tmp_path / "in", "--db", db_path)
    (location, reason), = rows(db_path, "SELECT location, reason FROM rejects")
    assert location.endswith(name) and expected in reason
    assert rows(db_path, "SELECT count(*) FROM articles") == [(0,)]


def test_a_truncated_feed_keeps_the_entries_before_the_cut(cli, db_path, tmp_path):
    text = rss([rss_item("Budget approved", "https://news.example.com/budget", COUNCIL_BODY),
                rss_item("Night buses", "https://news.example.com/buses", BUS_BODY)])
    feed = tmp_path / "cut.rss"
    feed.write_text(text[:text.index("Night buses") + 40], encoding="utf-8")
    cli("ingest", feed, "--db", db_path)
    assert rows(db_path, "SELECT title FROM articles") == [("Budget approved",)]
    (location, reason), = rows(db_path, "SELECT location, reason FROM rejects")
    assert location.endswith("cut.rss#entry=2") and "not well-formed" in reason


def test_an_undefined_entity_does_not_stop_the_feed(cli, db_path, tmp_path):
    body = [COUNCIL_BODY[0].replace("new budget", "new&nbsp;budget")] + COUNCIL_BODY[1:]
    item = (f"<item><title>Budget approved</title><link>https://news.example.com/budget</link>"
            f"<content:encoded>{''.join(f'&lt;p&gt;{p}&lt;/p&gt;' for p in body)}</content:encoded></item>")
    feed = tmp_path / "news.rss"
    feed.write_text(rss([item]), encoding="utf-8")
    cli("ingest", feed, "--db", db_path)
    assert rows(db_path, "SELECT title FROM articles") == [("Budget approved",)]


def test_reclean_rebuilds_feed_articles_from_their_stored_entries(cli, db_path, tmp_path):
    feed = tmp_path / "news.rss"
    feed.write_text(rss([rss_item("Budget approved", "https://news.example.com/budget", COUNCIL_BODY)]),
                    encoding="utf-8")
    cli("ingest", feed, "--db", db_path)
    query = "SELECT id, title, published, url, site, source, author, text FROM articles"
    before = rows(db_path, query)
    feed.unlink()  # reclean reads only the archive
    cli("reclean", "--db", db_path)
    assert rows(db_path, query) == before


def test_a_refetched_feed_reads_only_its_new_entry(cli, db_path, tmp_path):
    feed = tmp_path / "news.rss"
    old = rss_item("Budget approved", "https://news.example.com/budget", COUNCIL_BODY)
    feed.write_text(rss([old]), encoding="utf-8")
    cli("ingest", feed, "--db", db_path)
    new = rss_item("Night buses", "https://news.example.com/buses", BUS_BODY)
    feed.write_text(rss([new, old]).replace("12:00:00 GMT", "13:00:00 GMT"), encoding="utf-8")
    result = cli("ingest", feed, "--db", db_path, "--json")
    counts = json.loads(result.stdout.splitlines()[-1])
    assert counts["new"] == 1 and rows(db_path, "SELECT count(*) FROM raw_documents") == [(2,)]


def test_standard_input_holding_a_feed_is_read_as_one(runner, db_path):
    from ingest.cli import app

    data = atom([atom_entry("Budget approved", "https://courier.example.org/budget", COUNCIL_BODY)]).encode()
    result = runner.invoke(app, ["ingest", "-", "--db", str(db_path)], input=data)
    assert result.exit_code == 0, result.output
    (location,), = rows(db_path, "SELECT location FROM sightings")
    assert location == "stdin.xml#entry=1"


def test_clean_prints_each_entry(cli, tmp_path):
    feed = tmp_path / "news.rss"
    feed.write_text(rss([rss_item("Budget approved", "https://news.example.com/budget", COUNCIL_BODY)]),
                    encoding="utf-8")
    (record,) = [json.loads(line) for line in cli("clean", feed, "--json").stdout.splitlines()]
    assert record["location"].endswith("#entry=1") and record["title"] == "Budget approved"
    assert record["body"] == "\n\n".join(COUNCIL_BODY)


def test_the_same_story_in_a_feed_and_a_page_is_one_article_seen_twice(cli, db_path, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "news.rss").write_text(rss([rss_item("Budget approved", "https://feed.example/c", COUNCIL_BODY)]),
                                     encoding="utf-8")
    (folder / "page.html").write_text(
        '<html><head><title>Budget approved</title><link rel="canonical" href="https://html.example/c"></head>'
        f"<body><nav>Home | World</nav><article><h1>Budget approved</h1>{paragraphs(COUNCIL_BODY)}</article>"
        "</body></html>", encoding="utf-8")
    cli("ingest", folder, "--db", db_path)
    assert rows(db_path, "SELECT count(*) FROM articles") == [(1,)]
    assert sorted(rows(db_path, "SELECT url FROM sightings")) == [("https://feed.example/c",),
                                                                  ("https://html.example/c",)]


def test_a_feed_with_entity_tricks_reads_no_file_and_does_not_blow_up(cli, db_path, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LINE", encoding="utf-8")
    laughs = "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    doctype = (f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}"><!ENTITY l0 "ha">{laughs}]>')
    body = [COUNCIL_BODY[0] + " &xxe;"] + COUNCIL_BODY[1:]
    item = (f"<item><title>Budget approved</title><link>https://news.example.com/budget</link>"
            f"<content:encoded>{''.join(f'&lt;p&gt;{p}&lt;/p&gt;' for p in body)}</content:encoded></item>")
    feeds = {"xxe.rss": rss([item]).replace("<rss", doctype + "\n<rss", 1),
             "laughs.rss": rss([item.replace("&xxe;", "&l9;")]).replace("<rss", doctype + "\n<rss", 1)}
    (tmp_path / "in").mkdir()
    for name, text in feeds.items():
        (tmp_path / "in" / name).write_text(text.replace('<?xml version="1.0" encoding="utf-8"?>\n', ""),
                                            encoding="utf-8")
    cli("ingest", tmp_path / "in", "--db", db_path)
    texts = " ".join(text for text, in rows(db_path, "SELECT text FROM articles"))
    assert "TOP-SECRET" not in texts and "hahaha" not in texts
    assert COUNCIL_BODY[1] in texts  # the feed with the external entity is read, without it
    assert all(len(text) < 10_000 for text, in rows(db_path, "SELECT text FROM articles"))


@pytest.mark.parametrize("encoding, sentence", [
    ("windows-1251", "Городской совет в понедельник после долгих дебатов об общественном транспорте утвердил "
                     "новый бюджет, и оппозиция обещала обжаловать это решение."),
    ("shift_jis", "市議会は月曜日、公共交通機関についての長い議論の末、新しい予算を承認した。"),
])
def test_a_feed_in_a_legacy_encoding_is_read_and_kept_as_it_was(cli, db_path, tmp_path, encoding, sentence):
    body = [f"{sentence} ({n})" for n in range(1, 5)]
    text = rss([rss_item("Budget", "https://news.example.com/budget", body)], title="Городские новости"
               if encoding == "windows-1251" else "市のニュース").replace('encoding="utf-8"', f'encoding="{encoding}"')
    feed = tmp_path / "news.rss"
    feed.write_bytes(text.encode(encoding))
    cli("ingest", feed, "--db", db_path)
    (article_text, site), = rows(db_path, "SELECT text, site FROM articles")
    assert body[0] in article_text and site in text
    content = stored_input(db_path)
    assert rss_item("Budget", "https://news.example.com/budget", body).encode(encoding) in content


def test_a_feed_in_utf16_is_one_reject_that_says_what_to_do(cli, db_path, tmp_path):
    feed = tmp_path / "news.rss"
    feed.write_bytes(rss([rss_item("Budget", "https://news.example.com/budget", COUNCIL_BODY)]).encode("utf-16"))
    cli("ingest", feed, "--db", db_path)
    (reason,), = rows(db_path, "SELECT reason FROM rejects")
    assert "UTF-16" in reason and "iconv" in reason


def test_a_feed_whose_start_tags_are_huge_is_refused_not_stored_with_every_entry(cli, db_path, tmp_path):
    text = rss([rss_item("Budget approved", "https://news.example.com/budget", COUNCIL_BODY)] * 3)
    feed = tmp_path / "news.rss"
    feed.write_text(text.replace("<channel>", f'<channel junk="{"x" * 100_000}">'), encoding="utf-8")
    cli("ingest", feed, "--db", db_path)
    (reason,), = rows(db_path, "SELECT reason FROM rejects")
    assert "start tags and title take more than" in reason
    assert rows(db_path, "SELECT count(*) FROM raw_documents") == [(0,)]
