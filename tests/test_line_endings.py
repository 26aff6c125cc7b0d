"""A page saved on another system is the same article: Windows line breaks (CR LF), classic
Mac ones (CR alone), a UTF-8 byte-order mark, spaces left at the lines' ends. It cleans to the
same title and body, and archived after the original it is one more sighting of that article,
its own bytes kept as they came."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from conftest import SAMPLES
from store.rawcontent import raw_content

SAVED_ELSEWHERE = {
    "crlf": lambda data: data.replace(b"\n", b"\r\n"),
    "cr": lambda data: data.replace(b"\n", b"\r"),
    "bom": lambda data: b"\xef\xbb\xbf" + data,
    "trailing-spaces": lambda data: data.replace(b"\n", b" \t\n"),
}


def saved_elsewhere(folder: Path) -> dict[str, bytes]:
    """Each sample as saved each other way, written to `folder`: file name -> its bytes."""
    folder.mkdir()
    written = {}
    for sample in sorted(SAMPLES.glob("*.txt")):
        data = sample.read_bytes()
        for way, save in SAVED_ELSEWHERE.items():
            path = folder / f"{sample.stem}.{way}.txt"
            written[path.name] = save(data)
            path.write_bytes(written[path.name])
    return written


def original_name(name: str) -> str:
    """The sample's file name that a copy saved elsewhere (saved_elsewhere) was made of."""
    return name.split(".")[0] + ".txt"


def cleaned(cli, path: Path) -> dict[str, dict]:
    """`clean --json` of a file or folder: file name -> its record."""
    records = [json.loads(line) for line in cli("clean", path, "--json").stdout.splitlines()]
    return {Path(record["location"]).name: record for record in records}


def test_a_page_cleans_the_same_however_its_lines_were_saved(cli, tmp_path):
    saved_elsewhere(tmp_path / "elsewhere")
    originals, others = cleaned(cli, SAMPLES), cleaned(cli, tmp_path / "elsewhere")
    assert len(others) == len(originals) * len(SAVED_ELSEWHERE)
    for name, record in others.items():
        original = originals[original_name(name)]
        assert original["body"], name  # (an empty body would make the comparison say nothing)
        assert (record["title"], record["body"]) == (original["title"], original["body"]), name


def test_a_copy_saved_elsewhere_is_a_sighting_of_the_article_with_its_bytes_kept(cli, tmp_path, db_path):
    cli("ingest", SAMPLES, "--db", db_path)
    conn = sqlite3.connect(db_path)
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    written = saved_elsewhere(tmp_path / "elsewhere")
    cli("ingest", tmp_path / "elsewhere", "--db", db_path)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == articles
    by_name = {Path(location).name: (raw_id, article_id) for location, raw_id, article_id in
               conn.execute("SELECT location, raw_id, article_id FROM sightings")}
    for name, data in written.items():
        raw_id, article_id = by_name[name]
        original_raw, original_article = by_name[original_name(name)]
        assert article_id == original_article, name
        assert raw_id != original_raw and raw_content(conn, raw_id) == data, name
        assert conn.execute("SELECT sha256 FROM raw_documents WHERE id = ?", [raw_id]).fetchone()[0] \
            == hashlib.sha256(data).hexdigest()
