"""JSON Lines of scraped articles: one input a line, with the record's own URL, title, date, author, site."""

from __future__ import annotations

import gzip
import json
import sqlite3

import pytest

from conftest import COUNCIL_BODY
from store.rawcontent import raw_content

HTML = ("<html><head><title>Budget approved</title></head><body><nav>Home | World</nav><article>"
        "<h1>Budget approved</h1>" + "".join(f"<p>{p}</p>" for p in COUNCIL_BODY) + "</article></body></html>")


def news_please(url: str = "https://www.example.org/budget?utm_source=rss") -> dict:
    """A record as news-please writes it (maintext: the article already extracted)."""
    return {"url": url, "title": "Budget approved", "maintext": "\n".join(COUNCIL_BODY),
            "date_publish": "2019-11-19 10:00:00", "authors": ["Jane Doe", "John Roe"],
            "source_domain": "example.org", "language": "en"}


def fundus(html: str = HTML) -> dict:
    """A record in fundus's shape, with the page's HTML."""
    return {"url": "https://paper.example.com/c", "title": "Budget approved", "html": html,
            "publishing_date": "2019-11-19T08:00:00+00:00", "authors": ["Jane Doe"],
            "publisher": {"name": "The Paper"}}


def rows(db, sql: str, params=()) -> list[tuple]:
    return sqlite3.connect(db).execute(sql, params).fetchall()


def raw_rows(db, sql: str) -> list[tuple]:
    """Rows whose last column is a raw input's id, with the input's bytes in its place."""
    conn = sqlite3.connect(db)
    return [(*row[:-1], raw_content(conn, row[-1])) for row in conn.execute(sql)]


def test_each_line_is_an_input_with_the_records_provenance(cli, db_path, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(news_please()) + "\n", encoding="utf-8")
    cli("ingest", feed, "--db", db_path)
    (article,) = rows(db_path, "SELECT title, published, source, url, canonical_url, site, author, text FROM articles")
    assert article[:7] == ("Budget approved", "2019-11-19", "example.org", "https://www.example.org/budget?utm_source=rss",
                           "https://www.example.org/budget", "example.org", "Jane Doe, John Roe")
    assert article[7] == "\n\n".join(COUNCIL_BODY)  # an extracted text is kept as it is
    (location, content), = raw_rows(db_path, "SELECT s.location, r.id FROM sightings s "
                                          "JOIN raw_documents r ON r.id = s.raw_id")
    assert location.endswith("feed.jsonl#L1")
    assert content == feed.read_bytes().rstrip(b"\n")  # the line, byte for byte


def test_bad_lines_are_rejects_that_name_the_line_and_the_rest_is_read(cli, db_path, tmp_path):
    lines = ["not json", json.dumps([1, 2]), json.dumps({"url": "https://x.example/b", "title": "No text"}),
             "", json.dumps(news_please())]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "feed.jsonl.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    result = cli("ingest", tmp_path / "in", "--db", db_path)
    reasons = dict((loc.rsplit("#", 1)[1], reason) for loc, reason in rows(db_path, "SELECT location, reason FROM rejects"))
    assert set(reasons) == {"L1", "L2", "L3"}
    assert "not a JSON line" in reasons["L1"] and "not an object" in reasons["L2"]
    assert "record_text_fields" in reasons["L3"]
    assert rows(db_path, "SELECT count(*) FROM articles") == [(1,)]
    assert "rejected 3" in result.output


def test_the_same_story_from_a_record_and_a_page_is_one_article_seen_twice(cli, db_path, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "feed.ndjson").write_text(json.dumps(fundus()) + "\n", encoding="utf-8")
    (tmp_path / "in" / "page.html").write_text(HTML, encoding="utf-8")
    cli("ingest", tmp_path / "in", "--db", db_path)
    assert rows(db_path, "SELECT count(*) FROM articles") == [(1,)]
    sightings = rows(db_path, "SELECT location, url FROM sightings ORDER BY location")
    assert [loc.rsplit("/", 1)[1] for loc, _ in sightings] == ["feed.ndjson#L1", "page.html"]
    assert sightings[0][1] == "https://paper.example.com/c"


def test_a_rerun_skips_the_lines_it_has_and_reads_a_new_one(cli, db_path, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(news_please()) + "\n", encoding="utf-8")
    cli("ingest", feed, "--db", db_path)
    other = dict(news_please("https://www.example.org/other"), title="Bus plan",
                 maintext="\n".join(reversed(COUNCIL_BODY)) + "\nThe first buses run in May, the council said today.")
    with feed.open("a", encoding="utf-8") as out:
        out.write(json.dumps(other) + "\n")
    result = cli("ingest", feed, "--db", db_path)
    assert "new 1" in result.output and "unchanged 1" in result.output


@pytest.mark.parametrize("fields, value", [("record_text_fields", '["story"]')])
def test_field_names_come_from_the_config(cli, db_path, tmp_path, fields, value):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"story": "\n".join(COUNCIL_BODY), "title": "Budget approved"}) + "\n",
                    encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(f"[input]\n{fields} = {value}\n", encoding="utf-8")
    cli("ingest", feed, "--db", db_path, "--config", config)
    assert rows(db_path, "SELECT title FROM articles") == [("Budget approved",)]


def test_clean_prints_each_record(cli, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(news_please()) + "\n" + json.dumps(fundus()) + "\n", encoding="utf-8")
    records = [json.loads(line) for line in cli("clean", feed, "--json").stdout.splitlines()]
    assert [r["location"].rsplit("#", 1)[1] for r in records] == ["L1", "L2"]
    assert all(COUNCIL_BODY[0] in r["body"] for r in records)


def write_warc(path, pages: list[tuple[str, bytes, str]], gzip_it: bool = False) -> bytes:
    """A WARC file written with warcio's own writer: for each (url, body, content type) a
    request record and a response record, and a metadata record."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_it)
    for url, body, kind in pages:
        writer.write_record(writer.create_warc_record(url, "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers))
    writer.write_record(writer.create_warc_record("urn:meta", "metadata", payload=BytesIO(b"crawler: test")))
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


@pytest.mark.parametrize("gzip_it", [False, True], ids=["warc", "warc.gz"])
def test_a_warc_gives_one_input_per_html_response_with_its_url(cli, db_path, tmp_path, gzip_it):
    name = "crawl.warc.gz" if gzip_it else "crawl.warc"
    write_warc(tmp_path / name, [("https://paper.example.com/c", HTML.encode(), "text/html; charset=utf-8"),
                                 ("https://paper.example.com/logo.png", b"\x89PNG....", "image/png")], gzip_it)
    cli("ingest", tmp_path / name, "--db", db_path)
    (url, title), = rows(db_path, "SELECT url, title FROM articles")
    assert (url, title) == ("https://paper.example.com/c", "Budget approved")
    (location, content), = raw_rows(db_path, "SELECT s.location, r.id FROM sightings s "
                                          "JOIN raw_documents r ON r.id = s.raw_id")
    assert "#" in location and content.startswith(b"WARC/1.") and HTML.encode() in content  # the whole record


def test_a_truncated_warc_keeps_the_records_before_the_cut(cli, db_path, tmp_path):
    data = write_warc(tmp_path / "full.warc", [("https://a.example/1", HTML.encode(), "text/html"),
                                               ("https://a.example/2", HTML.replace("Budget", "Bus").encode(),
                                                "text/html")])
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cut.warc").write_bytes(data[:len(data) * 2 // 3])
    result = cli("ingest", tmp_path / "in", "--db", db_path)
    assert rows(db_path, "SELECT url FROM articles") == [("https://a.example/1",)]
    (reason,), = rows(db_path, "SELECT reason FROM rejects")
    assert "WARC record" in reason and "rejected 1" in result.output


def test_the_same_story_from_a_warc_a_json_line_and_a_page_is_one_article_with_three_urls(cli, db_path, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_warc(folder / "crawl.warc", [("https://warc.example/c", HTML.encode(), "text/html")])
    (folder / "feed.jsonl").write_text(json.dumps(dict(fundus(), url="https://jsonl.example/c")) + "\n",
                                       encoding="utf-8")
    (folder / "page.html").write_text(HTML.replace("<head>", '<head><link rel="canonical" '
                                                            'href="https://html.example/c">'), encoding="utf-8")
    cli("ingest", folder, "--db", db_path)
    assert rows(db_path, "SELECT count(*) FROM articles") == [(1,)]
    urls = {url for url, in rows(db_path, "SELECT url FROM sightings")}
    assert urls == {"https://warc.example/c", "https://jsonl.example/c", "https://html.example/c"}


@pytest.mark.parametrize("kind", ["jsonl", "jsonl.gz", "html", "warc"])
def test_standard_input_is_read_as_what_it_holds(runner, db_path, tmp_path, kind):
    from ingest.cli import app

    if kind.startswith("jsonl"):
        data = (json.dumps(news_please()) + "\n").encode()
        data = gzip.compress(data) if kind.endswith(".gz") else data
        expected = "stdin.jsonl#L1"
    elif kind == "html":
        data, expected = HTML.encode(), "stdin.html"
    else:
        data = write_warc(tmp_path / "x.warc", [("https://warc.example/c", HTML.encode(), "text/html")])
        expected = "stdin.warc#"
    result = runner.invoke(app, ["ingest", "-", "--db", str(db_path)], input=data)
    assert result.exit_code == 0, result.output
    (location, text), = rows(db_path, "SELECT s.location, a.text FROM sightings s JOIN articles a ON a.id = s.article_id")
    assert location.startswith(expected) and COUNCIL_BODY[0] in text
