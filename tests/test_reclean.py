"""`newsarchive reclean`: rebuild from stored raw inputs with today's templates, losing nothing."""

from __future__ import annotations

import sqlite3

from conftest import SAMPLES

LINE = "Follow our live coverage of this story on the TASS app."


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
