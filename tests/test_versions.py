"""The same URL with other content is a new version linked to the earlier one, never an
overwrite; the same content at another URL is a new sighting."""

from __future__ import annotations

import json
import sqlite3

from conftest import COUNCIL_BODY

URL = "https://www.example.org/budget"
CORRECTION = "An earlier version of this story gave the wrong date for the vote, which was held on Monday."


def record(url: str, body: list[str], fetched: str) -> str:
    return json.dumps({"url": url, "title": "Budget approved", "maintext": "\n".join(body),
                       "date_publish": "2019-11-19", "date_download": fetched}) + "\n"


def rows(db, sql: str, params=()) -> list[tuple]:
    return sqlite3.connect(db).execute(sql, params).fetchall()


def test_two_versions_of_one_url_are_two_articles_linked_and_listed(cli, db_path, tmp_path):
    (tmp_path / "monday.jsonl").write_text(record(URL, COUNCIL_BODY, "2019-11-19T10:00:00"), encoding="utf-8")
    cli("ingest", tmp_path / "monday.jsonl", "--db", db_path)
    first = rows(db_path, "SELECT id, text FROM articles")
    # the story updated at the same URL (tracking parameters do not make it another URL)
    (tmp_path / "tuesday.jsonl").write_text(record(URL + "?utm_source=rss", COUNCIL_BODY + [CORRECTION],
                                                   "2019-11-20T10:00:00"), encoding="utf-8")
    cli("ingest", tmp_path / "tuesday.jsonl", "--db", db_path)
    articles = rows(db_path, "SELECT id, previous_version, text FROM articles ORDER BY id")
    assert len(articles) == 2 and (articles[0][0], articles[0][2]) == first[0]  # the first is kept as it was
    assert articles[1][1] == articles[0][0] and CORRECTION in articles[1][2]
    detail = json.loads(cli("show", str(articles[1][0]), "--json", "--db", db_path).stdout)
    assert [(v["id"], v["fetched_at"]) for v in detail["versions"]] == [
        (articles[0][0], "2019-11-19T10:00:00"), (articles[1][0], "2019-11-20T10:00:00")]
    shown = cli("show", str(articles[0][0]), "--db", db_path).output
    assert "versions of this URL" in shown and f"#{articles[1][0]}" in shown


def test_the_same_content_at_another_url_is_a_sighting_not_a_version(cli, db_path, tmp_path):
    (tmp_path / "a.jsonl").write_text(record(URL, COUNCIL_BODY, "2019-11-19T10:00:00")
                                      + record("https://mirror.example.net/budget", COUNCIL_BODY,
                                               "2019-11-19T11:00:00"), encoding="utf-8")
    cli("ingest", tmp_path / "a.jsonl", "--db", db_path)
    assert rows(db_path, "SELECT count(*), max(previous_version) FROM articles") == [(1, None)]
    assert sorted(rows(db_path, "SELECT url FROM sightings")) == [("https://mirror.example.net/budget",), (URL,)]
    assert json.loads(cli("show", "1", "--json", "--db", db_path).stdout)["versions"] == []


def test_the_same_url_with_the_same_content_again_is_no_new_version(cli, db_path, tmp_path):
    (tmp_path / "a.jsonl").write_text(record(URL, COUNCIL_BODY, "2019-11-19T10:00:00"), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(record(URL, COUNCIL_BODY, "2019-11-21T10:00:00"), encoding="utf-8")
    cli("ingest", tmp_path / "a.jsonl", tmp_path / "b.jsonl", "--db", db_path)
    assert rows(db_path, "SELECT count(*) FROM articles") == [(1,)]
    assert sorted(rows(db_path, "SELECT fetched_at FROM sightings")) == [("2019-11-19T10:00:00",),
                                                                         ("2019-11-21T10:00:00",)]


def test_reclean_keeps_versions_and_ids(cli, db_path, tmp_path):
    (tmp_path / "a.jsonl").write_text(record(URL, COUNCIL_BODY, "2019-11-19T10:00:00")
                                      + record(URL, COUNCIL_BODY + [CORRECTION], "2019-11-20T10:00:00"),
                                      encoding="utf-8")
    cli("ingest", tmp_path / "a.jsonl", "--db", db_path)
    query = "SELECT id, previous_version, text FROM articles ORDER BY id"
    before = rows(db_path, query)
    assert before[1][1] == before[0][0]
    sightings = "SELECT id, article_id, url, fetched_at FROM sightings ORDER BY id"
    seen = rows(db_path, sightings)
    cli("reclean", "--db", db_path)
    assert rows(db_path, query) == before and rows(db_path, sightings) == seen
