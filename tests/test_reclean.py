"""`newsarchive reclean`: rebuild from stored raw inputs with today's templates, losing nothing."""

from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3

import pytest

from conftest import SAMPLES

LINE = "This story was first published on the TASS wire service in Russian."


def test_reclean_applies_templates_learned_later_and_keeps_everything(cli, tmp_path, db_path):
    folder = tmp_path / "in" / "tass"
    folder.mkdir(parents=True)
    for sample in sorted(SAMPLES.glob("*.txt")):
        (folder / sample.name).write_text(sample.read_text(encoding="utf-8") + f"\n{LINE}\n", encoding="utf-8")
    cli("ingest", folder, "--db", db_path)
    conn = sqlite3.connect(db_path)
    polluted = conn.execute("SELECT count(*) FROM articles WHERE text LIKE ?", [f"%{LINE}%"]).fetchone()[0]
    assert polluted == 3  # kept by the cleaner in three stories: enough to learn it as template
    before = {
        "articles": conn.execute("SELECT count(*) FROM articles").fetchone()[0],
        "sightings": sorted(conn.execute("SELECT location, run_id FROM sightings").fetchall()),
        "raw": sorted(conn.execute("SELECT sha256 FROM raw_documents").fetchall()),
        "runs": conn.execute("SELECT count(*) FROM ingest_runs").fetchone()[0],
    }
    conn.close()

    result = cli("reclean", "--db", db_path)
    assert "new 5" in result.output

    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM articles WHERE text LIKE ?", [f"%{LINE}%"]).fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == before["articles"]
    assert sorted(conn.execute("SELECT location, run_id FROM sightings").fetchall()) == before["sightings"]
    assert sorted(conn.execute("SELECT sha256 FROM raw_documents").fetchall()) == before["raw"]
    assert conn.execute("SELECT count(*) FROM ingest_runs").fetchone()[0] == before["runs"] + 1
    assert conn.execute("SELECT count(*) FROM removed_lines WHERE rule = 'template'").fetchone()[0] == 5
    assert conn.execute("SELECT count(*) FROM passages").fetchone()[0] >= 1
    # the archive still takes new input afterwards, and search works
    cli("ingest", folder, "--db", db_path)
    assert "Guaid" in cli("search", "Guaido", "--db", db_path).output


def test_reclean_with_worker_processes_gives_what_one_process_gives(tmp_path):
    import dataclasses

    from ingest.config import Config
    from ingest.pipeline import ingest
    from ingest.reclean import reclean
    from synthetic import make_docs, write_docs

    write_docs(make_docs(30, seed=4, dup_rate=0.3, passage_rate=0.3), tmp_path / "corpus")
    tables = ("articles", "paragraphs", "passages", "sightings", "removed_lines", "boilerplate_lines")
    contents = []
    for workers in (1, 2):
        config = Config()
        config = dataclasses.replace(config, input=dataclasses.replace(config.input, workers=workers),
                                     archive=dataclasses.replace(config.archive, batch_size=20))
        db = tmp_path / f"w{workers}.db"
        ingest([tmp_path / "corpus"], db, config)
        reclean(db, config)
        conn = sqlite3.connect(db)
        contents.append({t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables})
    assert len(contents[0]["articles"]) > 30 and contents[0]["passages"]
    assert contents[0] == contents[1]


def test_reclean_without_an_archive_says_so(cli, tmp_path):
    result = cli("reclean", "--db", tmp_path / "none.db", code=1)
    assert "no archive" in result.output


# --- ids are forever: reclean on an archive whose rules changed since ingest -------------------

from ingest.normalize import normalize_text  # noqa: E402
from store.datasette_serve import create_datasette  # noqa: E402
from store.rawcontent import raw_content  # noqa: E402

from conftest import COUNCIL_BODY  # noqa: E402

HOSPITAL = ["The regional hospital opened a new children's wing on Friday after three years of construction work.",
            "Doctors said the wing would double the number of beds for young patients and shorten waiting times.",
            "The project was paid for by a mix of state funds and donations from local businesses and families.",
            "Officials said a second phase, with a new emergency department, should begin early next year."]
HARVEST = ["Farmers in the valley began the grape harvest two weeks earlier than usual because of the hot summer.",
           "Growers said the fruit was healthy but the yields were lower after months with almost no rain at all.",
           "Several wineries have hired extra workers to bring in the grapes before the expected autumn storms.",
           "The regional wine council said it expected a small vintage of very good quality this year overall."]
FIREWORKS = ["Residents gathered in the square on Sunday evening to watch the fireworks over the old harbour.",
             "The show lasted twenty minutes and was followed by a concert given by the town's brass band.",
             "Organisers thanked the volunteers who had cleaned the streets and set up the stage that morning."]
CALL_OUT = "Readers can send their own photos and stories of the event to the newsroom by email."


def _write(path, title, paragraphs, tail=""):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n" + tail, encoding="utf-8")


def _mark_template(db_path, source, lines):
    """What a user does in datasette: mark lines of a source as always template ('remove')."""
    with sqlite3.connect(db_path) as conn:
        conn.executemany(
            "INSERT INTO boilerplate_lines (source, line, example, articles, status) VALUES (?, ?, ?, 0, 'remove') "
            "ON CONFLICT (source, line) DO UPDATE SET status = 'remove'",
            [(source, normalize_text(line), line) for line in lines])


def _ids(db_path):
    """Every id the archive answers for: article rows and redirects, each with the sha256 of
    the input it names, its title and where it was first seen."""
    with sqlite3.connect(db_path) as conn:
        articles = {i: (sha, title, first) for i, sha, title, first in conn.execute(
            """SELECT a.id, r.sha256, a.title, (SELECT location FROM sightings WHERE article_id = a.id
                                                ORDER BY id LIMIT 1)
               FROM articles a JOIN raw_documents r ON r.id = a.raw_id""")}
        redirects = {i: (sha, to) for i, sha, to in conn.execute(
            "SELECT d.id, r.sha256, d.to_id FROM article_redirects d JOIN raw_documents r ON r.id = d.raw_id")}
    return articles, redirects


def _intact(db_path):
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for fts in ("articles_fts", "_novel_fts"):
            conn.execute(f"INSERT INTO {fts}({fts}) VALUES('integrity-check')")
    finally:
        conn.close()


@pytest.fixture
def changed_rules(cli, tmp_path, db_path):
    """An archive of the samples and a few wire stories, ingested in batches of 3 before
    the user marked a call-out line and a story's every line as template of 'wire'."""
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)
    # the same story in two sources; the copy in wire (seen later) loses the call-out
    _write(folder / "amirror" / "05_split.txt", "Early grape harvest", HARVEST + [CALL_OUT])
    _write(folder / "wire" / "00_split.txt", "Early grape harvest", HARVEST + [CALL_OUT], tail="\n")
    _write(folder / "wire" / "01_base.txt", "Council approves budget", COUNCIL_BODY)
    _write(folder / "wire" / "02_update.txt", "Council approves budget (updated)", COUNCIL_BODY + [CALL_OUT])
    _write(folder / "wire" / "03_changed.txt", "Hospital opens children's wing", HOSPITAL + [CALL_OUT])
    _write(folder / "wire" / "04_empty.txt", "Fireworks over the harbour", FIREWORKS)
    config = tmp_path / "config.toml"
    config.write_text("[archive]\nbatch_size = 3\n\n[clean]\ntemplate_min_articles = 50\n", encoding="utf-8")
    cli("ingest", folder, "--db", db_path, "--config", config)
    _mark_template(db_path, "wire", [CALL_OUT, *FIREWORKS])
    with sqlite3.connect(db_path) as conn:
        by_location = dict(conn.execute("SELECT location, article_id FROM sightings"))
    ids = {name: by_location[str(folder / "wire" / f"{name}.txt")]
           for name in ("00_split", "01_base", "02_update", "03_changed", "04_empty")}
    return folder, config, ids


def raw_inputs(conn: sqlite3.Connection) -> list[tuple]:
    """(sha256, media type, bytes as read) of every stored input (compressed: store.rawcontent)."""
    return sorted((sha, media_type, raw_content(conn, i))
                  for i, sha, media_type in conn.execute("SELECT id, sha256, media_type FROM raw_documents"))


def test_reclean_keeps_every_id_when_the_rules_changed(cli, changed_rules, db_path):
    folder, config, ids = changed_rules
    articles_before, redirects_before = _ids(db_path)
    assert not redirects_before and len(articles_before) == 10
    with sqlite3.connect(db_path) as conn:
        raw_before = raw_inputs(conn)
        sightings_before = sorted(conn.execute("SELECT id, location, run_id FROM sightings"))
        old_max = conn.execute("SELECT max(id) FROM articles").fetchone()[0]
        changed_text = conn.execute("SELECT text FROM articles WHERE id = ?", [ids["03_changed"]]).fetchone()[0]

    result = cli("reclean", "--db", db_path, "--config", config)
    assert "1 merged into another article" in result.output and "1 kept with empty text" in result.output

    _intact(db_path)
    articles, redirects = _ids(db_path)
    # no id is lost, and each names the input it named before (the same first sighting)
    assert set(articles_before) <= set(articles) | set(redirects)
    for old_id, (sha, title, first) in articles_before.items():
        if old_id in articles:
            assert articles[old_id][0] == sha and articles[old_id][2] == first
            assert articles[old_id][1] == title
        else:
            assert redirects[old_id][0] == sha
    with sqlite3.connect(db_path) as conn:
        # nothing stored is lost: raw inputs byte for byte, sightings with their ids and runs
        assert raw_inputs(conn) == raw_before
        assert sorted(conn.execute("SELECT id, location, run_id FROM sightings")) == sightings_before
        # a changed text keeps its id
        text = conn.execute("SELECT text FROM articles WHERE id = ?", [ids["03_changed"]]).fetchone()[0]
        assert CALL_OUT in changed_text and CALL_OUT not in text and HOSPITAL[0] in text
        # the input that now cleans to nothing is kept as its article, marked, with the rule
        status, text, raw_id = conn.execute("SELECT status, text, raw_id FROM articles WHERE id = ?",
                                            [ids["04_empty"]]).fetchone()
        assert (status, text) == ("empty after reclean", "")
        rules = dict(conn.execute("SELECT text, rule FROM removed_lines WHERE article_id = ?", [ids["04_empty"]]))
        assert all(rules[line] == "template" for line in FIREWORKS)
        assert conn.execute("SELECT article_id FROM raw_documents WHERE id = ?", [raw_id]).fetchone()[0] == \
            ids["04_empty"]
        assert not conn.execute("SELECT * FROM rejects").fetchall()
        # the copy that has text of its own now is a new article, above every old id
        split = conn.execute("SELECT article_id FROM sightings WHERE location = ?",
                             [str(folder / "wire" / "00_split.txt")]).fetchone()[0]
        assert split > old_max and split not in articles_before
        assert conn.execute("SELECT text FROM articles WHERE id = ?", [split]).fetchone()[0] == "\n\n".join(HARVEST)
    # the update is now the base story word for word: its id points there
    assert redirects[ids["02_update"]][1] == ids["01_base"]
    with sqlite3.connect(db_path) as conn:  # datasette links a redirect to its article through this
        assert ("to_id", "articles", "id") in [(r[3], r[2], r[4]) for r in conn.execute(
            "PRAGMA foreign_key_list(article_redirects)")]
    shown = cli("show", ids["02_update"], "--db", db_path).output
    assert f"article {ids['02_update']} was merged into {ids['01_base']} by reclean" in shown
    assert COUNCIL_BODY[0] in shown and f"id {ids['01_base']}" in shown
    detail = json.loads(cli("show", ids["02_update"], "--json", "--db", db_path).output)
    assert detail["id"] == ids["01_base"] and detail["redirected_from"]["id"] == ids["02_update"]
    assert ids["02_update"] in json.loads(cli("show", ids["01_base"], "--json", "--db", db_path).output)["merged_ids"]
    served = create_datasette(db_path)  # as `newsarchive serve` serves it
    response = asyncio.run(served.client.get(f"/archive/article.json?_shape=array&id={ids['02_update']}"))
    assert [(r["id"], r["merged_id"], r["reason"]) for r in response.json()] == \
        [(ids["01_base"], ids["02_update"], "merged by reclean")]
    shown = cli("show", ids["04_empty"], "--db", db_path).output
    assert "empty after reclean" in shown and "template 3" in shown
    # search still finds things, the changed article by its new text too
    assert f"#{ids['03_changed']}" in cli("search", "hospital", "--db", db_path).output
    assert "Guaid" in cli("search", "Guaido", "--db", db_path).output

    # a second reclean with the same rules changes no id, nor what an id names
    cli("reclean", "--db", db_path, "--config", config)
    _intact(db_path)
    assert _ids(db_path) == (articles, redirects)
    # and the next ingest finds every input archived, the empty one included
    again = cli("ingest", folder, "--db", db_path, "--config", config)
    assert "new 0" in again.output and "rejected 0" in again.output and "unchanged 11" in again.output


def test_an_id_kept_as_a_redirect_is_never_given_again(cli, tmp_path, db_path):
    folder = tmp_path / "wire"
    _write(folder / "01_base.txt", "Council approves budget", COUNCIL_BODY)
    _write(folder / "02_update.txt", "Council approves budget (updated)", COUNCIL_BODY + [CALL_OUT])
    cli("ingest", folder, "--db", db_path)
    _mark_template(db_path, "wire", [CALL_OUT])
    cli("reclean", "--db", db_path)
    assert _ids(db_path)[1] == {2: (_ids(db_path)[1][2][0], 1)}  # the last id is now a redirect
    _write(folder / "03_new.txt", "Hospital opens children's wing", HOSPITAL)
    cli("ingest", folder, "--db", db_path)
    articles, redirects = _ids(db_path)
    assert sorted(articles) == [1, 3] and sorted(redirects) == [2]
    assert "Hospital" in cli("show", 3, "--db", db_path).output
    assert "was merged into 1" in cli("show", 2, "--db", db_path).output


def test_an_archive_made_before_ids_were_kept_upgrades_on_open(cli, samples_db):
    """No article_redirects table, no status column: the next ingest (or reclean) adds
    them and loses nothing; `show` reads the old archive as it is."""
    with sqlite3.connect(samples_db) as conn:
        conn.execute("DROP TABLE article_redirects")
        conn.execute("ALTER TABLE articles DROP COLUMN status")
        before = conn.execute("SELECT * FROM articles ORDER BY id").fetchall()
    assert "Lavrov" in cli("show", 1, "--db", samples_db).output
    cli("show", 99, "--db", samples_db, code=1)
    cli("ingest", SAMPLES, "--db", samples_db)
    with sqlite3.connect(samples_db) as conn:
        assert conn.execute("SELECT * FROM article_redirects").fetchall() == []
        after = conn.execute("SELECT * FROM articles ORDER BY id").fetchall()
    assert [row[:-1] for row in after] == before and all(row[-1] is None for row in after)
    cli("reclean", "--db", samples_db)
    _intact(samples_db)


# Python run in the reclean process before the CLI, to SIGKILL it at an exact point.
KILL_AT = {
    "mid-rebuild": """
import os, signal
from store.archive import Archive
_write, _count = Archive.write_article, [0]
def _killing_write(self, *args, **kwargs):
    result = _write(self, *args, **kwargs)
    _count[0] += 1
    if _count[0] == 5:
        os.kill(os.getpid(), signal.SIGKILL)  # in a batch transaction of the rebuild
    return result
Archive.write_article = _killing_write
""",
    "ids-kept": """
import os, signal
import ingest.reclean as reclean
_keep = reclean._Keeper.keep
def _killing_keep(self, *args):
    _keep(self, *args)
    os.kill(os.getpid(), signal.SIGKILL)  # redirects and empty articles written, not committed
reclean._Keeper.keep = _killing_keep
""",
}


def _content(db_path):
    with sqlite3.connect(db_path) as conn:
        return {table: sorted(conn.execute(f"SELECT * FROM {table}"), key=repr)
                for table in ("articles", "article_redirects", "sightings", "raw_documents", "removed_lines",
                              "rejects", "ingest_runs")}


@pytest.mark.parametrize("point", list(KILL_AT))
def test_a_killed_reclean_leaves_the_archive_as_it_was_and_a_rerun_keeps_every_id(
        cli, changed_rules, db_path, tmp_path, point):
    import signal

    from corpus import run, start

    _, config, _ = changed_rules
    reference = tmp_path / "reference.db"
    with sqlite3.connect(db_path) as source, sqlite3.connect(reference) as copy:
        source.backup(copy)
    cli("reclean", "--db", reference, "--config", config)
    before = _content(db_path)
    proc = start("reclean", "--db", db_path, "--config", config, prelude=KILL_AT[point])
    proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL
    _intact(db_path)
    assert _content(db_path) == before
    done = run("reclean", "--db", db_path, "--config", config)
    assert done.returncode == 0, done.stderr
    _intact(db_path)
    assert _ids(db_path) == _ids(reference)


def test_reclean_keeps_the_url_and_fetch_time_of_every_sighting(cli, tmp_path, db_path):
    # records of a scraper's JSON Lines file carry their URL and fetch time; one of them
    # cleans to nothing after the user marks its lines as template: its sighting, kept by
    # reclean beside the rebuild, must keep them too
    folder = tmp_path / "in"
    folder.mkdir()
    records = [{"url": f"https://{site}.example/{i}", "title": title, "maintext": "\n".join(body),
                "source_domain": f"{site}.example", "date_download": f"2026-11-0{i} 0{i}:30:00"}
               for i, (site, title, body) in enumerate([("harvest", "Early grape harvest", HARVEST),
                                                       ("harbour", "Fireworks over the harbour", FIREWORKS)], 1)]
    (folder / "scraped.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text("[clean]\ntemplate_min_articles = 50\n", encoding="utf-8")
    cli("ingest", folder, "--db", db_path, "--config", config)
    with sqlite3.connect(db_path) as conn:
        source, fireworks = conn.execute("SELECT source, id FROM articles WHERE url = ?", [records[1]["url"]]).fetchone()
        before = sorted(conn.execute("SELECT id, location, article_id, url, fetched_at FROM sightings"))
    assert all(url and fetched for *_, url, fetched in before) and len(before) == len(records)
    _mark_template(db_path, source, FIREWORKS)

    result = cli("reclean", "--db", db_path, "--config", config)
    assert "1 kept with empty text" in result.output
    with sqlite3.connect(db_path) as conn:
        assert sorted(conn.execute("SELECT id, location, article_id, url, fetched_at FROM sightings")) == before
        assert conn.execute("SELECT status FROM articles WHERE id = ?", [fireworks]).fetchone() == \
            ("empty after reclean",)
