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
             "", "[" * 200_000, json.dumps(news_please())]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "feed.jsonl.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    result = cli("ingest", tmp_path / "in", "--db", db_path)
    reasons = dict((loc.rsplit("#", 1)[1], reason) for loc, reason in rows(db_path, "SELECT location, reason FROM rejects"))
    assert set(reasons) == {"L1", "L2", "L3", "L5"}
    assert "not a JSON line" in reasons["L1"] and "not an object" in reasons["L2"]
    assert "record_text_fields" in reasons["L3"] and "nested too deeply" in reasons["L5"]
    assert rows(db_path, "SELECT count(*) FROM articles") == [(1,)]
    assert "rejected 4" in result.output


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


def write_warc(path, pages: list[tuple], gzip_it: bool = False) -> bytes:
    """A WARC file written with warcio's own writer: for each (url, body, content type[, WARC-Date])
    a request record and a response record, and a metadata record."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_it)
    for url, body, kind, *date in pages:
        writer.write_record(writer.create_warc_record(url, "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": date[0]} if date else None))
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


def test_a_warc_page_is_read_in_the_charset_its_http_header_names(cli, db_path, tmp_path):
    """A page without a <meta charset> is read in the charset of its HTTP Content-Type, as a
    browser reads it: windows-1252, which the statistics prefer, reads these ISO-8859-2 bytes
    too ("gy\u00f5ri")."""
    story = ["Magyarország kormánya bejelentette, hogy a győri gyár hűtőrendszerét jövőre fejlesztik.",
             "A beruházás több száz új munkahelyet teremt a városban, közölte a polgármester hétfőn.",
             "Az ellenzék szerint a pénzt inkább az utak felújítására kellene költeni, ami évek óta késik."]
    page = ("<html><head><title>Fejlesztés Győrben</title></head><body><article><h1>Fejlesztés Győrben</h1>"
            + "".join(f"<p>{p}</p>" for p in story) + "</article></body></html>")
    write_warc(tmp_path / "crawl.warc", [("https://hirek.example/gyor", page.encode("iso8859_2"),
                                          "text/html; charset=ISO-8859-2")])
    cli("ingest", tmp_path / "crawl.warc", "--db", db_path)
    (text,), = rows(db_path, "SELECT text FROM articles")
    assert text.split("\n\n") == story


def test_records_that_are_no_article_are_counted_by_kind_in_the_summary(cli, db_path, tmp_path):
    from io import BytesIO

    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc"
    pages = [("https://paper.example.com/c", HTML.encode(), "text/html"),
             ("https://paper.example.com/d", HTML.replace("Budget", "Bus").encode(), "text/html"),
             ("https://paper.example.com/logo.png", b"\x89PNG....", "image/png")]
    data = write_warc(path, pages)
    buffer = BytesIO()  # a warcinfo record first and a revisit record last, as crawlers write them
    writer = WARCWriter(buffer, gzip=False)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    info = buffer.getvalue()
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    writer.write_record(writer.create_revisit_record("https://paper.example.com/c", "sha1:AAAA",
                                                     "https://paper.example.com/c", "2019-11-19T10:00:00Z"))
    path.write_bytes(info + data + buffer.getvalue())

    summary = json.loads(cli("ingest", path, "--db", db_path, "--json").output)
    html_pages = sum(kind == "text/html" for *_, kind in pages)
    expected = {"request": len(pages), "metadata": 1, "warcinfo": 1, "revisit": 1,
                "response (image/png)": len(pages) - html_pages}
    assert summary["skipped"] == expected and summary["skipped_records"] == sum(expected.values())
    assert summary["read"] == html_pages and not summary["rejects"]  # the skipped are not read as inputs
    (counts,), = rows(db_path, "SELECT counts FROM ingest_runs")
    assert json.loads(counts)["skipped_records"] == sum(expected.values())  # kept with the run: `runs` shows it
    again = cli("ingest", path, "--db", db_path).output  # the printed summary says it too
    assert f"skipped {sum(expected.values())} records that are no article" in again and "revisit 1" in again


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


def _two_story_warc(tmp_path):
    return write_warc(tmp_path / "full.warc", [("https://a.example/1", HTML.encode(), "text/html"),
                                               ("https://a.example/2", HTML.replace("Budget", "Bus").encode(),
                                                "text/html")])


def test_a_warc_record_without_its_target_uri_is_a_reject_not_a_failed_run(cli, db_path, tmp_path):
    """warcio raises an AttributeError on a response record whose header lacks its
    WARC-Target-URI; that once failed the whole nightly run. Now the record is a reject that
    says so, the records before it are archived, and the run's other files are read."""
    data = _two_story_warc(tmp_path)
    at = data.index(b"WARC-Target-URI: https://a.example/2")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "damaged.warc").write_bytes(data[:at] + data[data.index(b"\r\n", at) + 2:])
    (tmp_path / "in" / "page.html").write_text(HTML.replace("Budget", "Library"), encoding="utf-8")
    result = cli("ingest", tmp_path / "in", "--db", db_path)
    assert "rejected 1" in result.output and "failed" not in result.output
    assert rows(db_path, "SELECT url FROM articles") == [("https://a.example/1",)]
    assert any(location.endswith("page.html") for (location,) in rows(db_path, "SELECT location FROM sightings"))
    (location, reason), = rows(db_path, "SELECT location, reason FROM rejects")
    assert location.startswith(str(tmp_path / "in" / "damaged.warc") + "#") and "WARC-Target-URI" in reason


def test_a_warc_with_a_wrong_length_gets_a_one_line_reject_and_no_library_warnings(cli, db_path, tmp_path):
    """A record whose Content-Length is wrong: warcio wrote its own multi-line warning to the
    run's output and its error text held a line break. The reject's reason is one line, and
    the run prints nothing but its own lines."""
    data = _two_story_warc(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.warc").write_bytes(data.replace(b"Content-Length: ", b"Content-Length: 1", 1))
    result = cli("ingest", tmp_path / "in", "--db", db_path)
    assert "WARNING" not in result.output and "Remainder" not in result.output
    (reason,), = rows(db_path, "SELECT reason FROM rejects")
    assert "WARC record" in reason and "\n" not in reason
    assert all(line.startswith(("  ", "20")) for line in result.output.splitlines())


def test_a_splitter_library_that_fails_on_a_file_rejects_that_file_only(cli, db_path, tmp_path, monkeypatch):
    """A library's error that no reader expects, on one file that holds records, is that file's
    reject (an internal error, tried again by the next run), not the run's failure."""
    import ingest.sources.warc as warc_reader

    class Broken(warc_reader.ArchiveIterator):  # warcio failing in a way no release has yet
        def __iter__(self):
            raise RuntimeError("a bug of the library")

    monkeypatch.setattr(warc_reader, "ArchiveIterator", Broken)
    _two_story_warc(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "full.warc").rename(tmp_path / "in" / "crawl.warc")
    (tmp_path / "in" / "page.html").write_text(HTML, encoding="utf-8")
    result = cli("ingest", tmp_path / "in", "--db", db_path)
    assert "rejected 1" in result.output
    assert rows(db_path, "SELECT title FROM articles") == [("Budget approved",)]
    (reason, fingerprint), = rows(db_path, "SELECT reason, sha256 FROM rejects")
    assert "internal error" in reason and "RuntimeError" in reason and fingerprint is None


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


def test_fetch_times_are_kept_per_sighting_and_shown(cli, db_path, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_warc(folder / "crawl.warc", [("https://warc.example/c", HTML.encode(), "text/html", "2019-11-19T10:00:00Z")])
    record = dict(fundus(), url="https://jsonl.example/c", date_download="2019-11-20 06:30:00")
    (folder / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (folder / "page.html").write_text(HTML, encoding="utf-8")
    cli("ingest", folder, "--db", db_path)
    fetched = dict((loc.rsplit("/", 1)[1].split("#")[0], when) for loc, when in
                   rows(db_path, "SELECT location, fetched_at FROM sightings"))
    assert fetched == {"crawl.warc": "2019-11-19T10:00:00+00:00", "feed.jsonl": "2019-11-20T06:30:00",
                       "page.html": None}
    shown = cli("show", "1", "--db", db_path).output
    assert "fetched 2019-11-19T10:00:00+00:00" in shown and "fetched 2019-11-20T06:30:00" in shown
    detail = json.loads(cli("show", "1", "--json", "--db", db_path).stdout)
    assert {s["fetched_at"] for s in detail["sightings"]} == set(fetched.values())
    exported = json.loads(cli("export", "--db", db_path).stdout.splitlines()[0])
    assert exported["fetched_at"] == min(v for v in fetched.values() if v)


def test_a_copy_of_a_stored_record_elsewhere_keeps_its_url_and_fetch_time(cli, db_path, tmp_path):
    data = write_warc(tmp_path / "a.warc", [("https://warc.example/c", HTML.encode(), "text/html",
                                             "2019-11-19T10:00:00Z")])
    cli("ingest", tmp_path / "a.warc", "--db", db_path)
    (tmp_path / "b.warc").write_bytes(data)
    cli("ingest", tmp_path / "b.warc", "--db", db_path)
    assert rows(db_path, "SELECT DISTINCT url, fetched_at FROM sightings") == [
        ("https://warc.example/c", "2019-11-19T10:00:00+00:00")]
    assert rows(db_path, "SELECT count(*) FROM sightings") == [(2,)]


def test_a_json_array_is_one_input_an_object_kept_byte_for_byte(cli, db_path, tmp_path):
    bus = dict(news_please("https://www.example.org/buses"), title="Bus plan",
               maintext="\n".join(reversed(COUNCIL_BODY)) + "\nThe first buses run in May, the council said today.")
    text = "[\n  " + json.dumps(news_please(), indent=2) + ",\n  42,\n  " + json.dumps(bus) + "\n]\n"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "items.json").write_text(text, encoding="utf-8")
    cli("ingest", tmp_path / "in", "--db", db_path)
    assert rows(db_path, "SELECT title FROM articles ORDER BY id") == [("Budget approved",), ("Bus plan",)]
    with sqlite3.connect(db_path) as conn:
        stored = {location: raw_content(conn, raw_id) for location, raw_id in
                  conn.execute("SELECT location, raw_id FROM sightings")}
    assert {loc.rsplit("#", 1)[1] for loc in stored} == {"1", "3"}
    assert all(content.decode() in text for content in stored.values())
    (location, reason), = rows(db_path, "SELECT location, reason FROM rejects")
    assert location.endswith("items.json#2") and "not an object" in reason


@pytest.mark.parametrize("text, expected", [
    ("{\"title\": \"x\"", "not a JSON file"),
    ("[" + json.dumps(news_please()) + ", {\"url\": ", "breaks off"),
])
def test_a_broken_json_file_is_a_reject_and_what_came_before_is_read(cli, db_path, tmp_path, text, expected):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "items.json").write_text(text, encoding="utf-8")
    cli("ingest", tmp_path / "in", "--db", db_path)
    (reason,), = rows(db_path, "SELECT reason FROM rejects")
    assert expected in reason
    assert rows(db_path, "SELECT count(*) FROM articles") == [(text.startswith("["),)]


def test_standard_input_holding_one_pretty_printed_object_is_one_record(runner, db_path):
    from ingest.cli import app

    result = runner.invoke(app, ["ingest", "-", "--db", str(db_path)], input=json.dumps(news_please(), indent=2))
    assert result.exit_code == 0, result.output
    assert rows(db_path, "SELECT s.location, a.title FROM sightings s JOIN articles a ON a.id = s.article_id") == [
        ("stdin.json#1", "Budget approved")]


def test_a_file_of_many_records_is_cut_into_batches_between_records(tmp_path):
    from ingest.config import InputOptions
    from ingest.pipeline import batched
    from ingest.sources import find_inputs, input_size, read_records

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(news_please(f"https://x.example/{i}")) + "\n" for i in range(5)),
                    encoding="utf-8")
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    options = InputOptions()
    batches = list(batched(read_records(find_inputs([tmp_path], options), options), 2, 10**9,
                           lambda item: input_size(item, options)))
    assert [len(b) for b in batches] == [2, 2, 2]
    assert [str(getattr(item, "location", item)).rsplit("/", 1)[1] for b in batches for item in b] == [
        "feed.jsonl#L1", "feed.jsonl#L2", "feed.jsonl#L3", "feed.jsonl#L4", "feed.jsonl#L5", "page.html"]


@pytest.mark.parametrize("placeholder", ["0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "9999-12-31", "0"])
def test_a_scrapers_placeholder_for_a_missing_date_is_no_published_date(cli, db_path, tmp_path, placeholder):
    """Go's zero time, a Unix time of 0, a database's last day: a scraper's way of writing "no
    date". Archived, it sorted the article first or last and put it outside every
    `search --since`: the record has no date."""
    (tmp_path / "feed.jsonl").write_text(json.dumps(news_please() | {"date_publish": placeholder}) + "\n",
                                         encoding="utf-8")
    cli("ingest", tmp_path / "feed.jsonl", "--db", db_path)
    assert rows(db_path, "SELECT published FROM articles") == [(None,)]


@pytest.mark.parametrize("stamp", ["1574157600", "1574157600000", "1574157600.25"])
def test_a_unix_time_as_the_publication_date_is_read_as_its_day(cli, db_path, tmp_path, stamp):
    (tmp_path / "feed.jsonl").write_text(json.dumps(news_please() | {"date_publish": stamp}) + "\n", encoding="utf-8")
    cli("ingest", tmp_path / "feed.jsonl", "--db", db_path)
    assert rows(db_path, "SELECT published FROM articles") == [("2019-11-19",)]


@pytest.mark.parametrize(("published", "kept"), [("2019-11-20T01:00:00+02:00", True), ("2019-11-23", False)])
def test_a_publication_date_after_the_records_fetch_is_none(cli, db_path, tmp_path, published, kept):
    """A day after the record was fetched (a day's grace for time zones) is no day it was
    published on: bounded by the record's own fetch time, not the day of cleaning."""
    record = news_please() | {"date_publish": published, "date_download": "2019-11-19T23:30:00"}
    (tmp_path / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    cli("ingest", tmp_path / "feed.jsonl", "--db", db_path)
    assert rows(db_path, "SELECT published FROM articles") == [(published[:10] if kept else None,)]
