"""A folder of hostile files: each is rejected with a reason a person understands or
ingested correctly, nothing hangs, and the good files around them are all archived."""

from __future__ import annotations

import gzip
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from corpus import ROOT, cli_command, cli_env, run, write_config

pytestmark = pytest.mark.slow

SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
SPANISH = ("Guaidó pide elecciones libres\n\n"
           "Juan Guaidó se proclamó presidente interino de Venezuela el miércoles ante miles de "
           "seguidores en Caracas.\n\n"
           "El líder opositor pidió a los militares que apoyen una transición pacífica y elecciones "
           "libres lo antes posible.\n")
FRENCH = ("Le ministre répond aux critiques\n\n"
          "Le ministre a déclaré mardi qu'il était prêt à négocier avec les syndicats « dès cette "
          "semaine » à Paris.\n\n"
          "Les représentants des salariés ont salué un geste d'ouverture, tout en restant prudents "
          "sur la suite.\n")
CHINESE = ["据新华社报道，今年以来，西藏各地持续推进农村人居环境整治，改造户用卫生厕所四万多座。",
           "记者在采访中了解到，许多村庄的道路、供水和垃圾处理设施也得到完善，群众生活条件明显改善。",
           "自治区有关部门表示，明年将继续加大投入，重点解决偏远牧区的饮水安全和污水处理问题。",
           "一位村民告诉记者，过去冬天用水要到几里外的河边去挑，现在家家户户都通上了自来水。"]
LIMIT = 5_000_000


def gbk_page_with_a_cut_character() -> bytes:
    """A GB2312-declared news page in GBK whose last full stop lost its second byte, as a CMS
    that cuts strings by bytes leaves it: no encoding reads it without an error."""
    body = "".join(f"<p>{p}</p>" for p in CHINESE)
    page = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            f"<title>农村人居环境整治见成效</title></head><body><article><h1>农村人居环境整治见成效</h1>"
            f"{body}</article></body></html>").encode("gb18030")
    cut = page.rindex("。".encode("gb18030"))
    return page[:cut + 1] + page[cut + 2:]

# name -> None (ingested) or a phrase its reject reason must contain
EXPECTED: dict[str, str | None] = {
    "good0.txt": None, "good1.txt.gz": None, "good2.html": None,
    "cp1252.txt": None, "latin1.txt": None, "utf16.txt": None, "gbk-cut.html": None,
    "served-gzip.html": None,
    "odd-\udcff\udcfe-name.txt": None, "new\nline.txt": None,
    "binary.txt": "binary file", "noisy.txt": "binary file", "controls.txt": "binary file",
    "empty.txt": "empty file", "blank.txt": "only whitespace",
    "no-article.html": "no article text",
    "huge.txt": "larger than the limit",
    "broken.txt.gz": "broken gzip", "truncated.txt.gz": "broken gzip",
    "bomb.txt.gz": "gzip bomb",
    "self-loop.txt": "symbolic link loop", "dangling.txt": "broken symbolic link",
    "fifo.txt": "named pipe (FIFO)", "device.txt": "character device",
    "deep.html": "",  # rejected or ingested, but never a crash
}


def make_corpus(folder: Path) -> None:
    """Write every file of EXPECTED (and a folder link loop) into folder."""
    folder.mkdir()
    good_html = "".join(f"<p>{p}</p>" for p in SAMPLES[2].read_text().split("\n\n")[2:])
    files: dict[str, bytes] = {
        "good0.txt": SAMPLES[0].read_bytes(),
        "good1.txt.gz": gzip.compress(SAMPLES[1].read_bytes()),
        "good2.html": f"<html><head><title>Wire story</title></head><body><article><h1>Wire story</h1>"
                      f"{good_html}</article></body></html>".encode(),
        "cp1252.txt": SPANISH.replace("\n\nEl", "\n\n“Ya basta” — dijo. El").encode("cp1252"),
        "latin1.txt": FRENCH.encode("latin-1"),
        "gbk-cut.html": gbk_page_with_a_cut_character(),
        # saved as the server sent it (Content-Encoding: gzip), under the page's own name
        "served-gzip.html": gzip.compress(FRENCH.replace("\n\n", "</p><p>").join(("<html><body><p>",
                                                                                   "</p></body></html>")).encode()),
        "utf16.txt": (SAMPLES[3].read_text() + "\nDie Übersetzung dieses Artikels folgt in Kürze auf unserer Seite.\n").encode("utf-16"),
        "odd-\udcff\udcfe-name.txt": SAMPLES[4].read_bytes(),
        "new\nline.txt": SAMPLES[4].read_bytes().replace(b"Venezuela", b"Venezuela,", 1),
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(4000),
        "noisy.txt": bytes(b for b in os.urandom(8000) if b),
        "controls.txt": bytes(range(1, 9)) * 500,
        "empty.txt": b"",
        "blank.txt": b"  \n\n\t \n",
        "no-article.html": b"<html><head><title>Index</title><script>var a = 1;</script></head>"
                           b"<body><img src='x.png'><div class='ad'></div></body></html>",
        "broken.txt.gz": b"\x1f\x8b\x08\x00 not really gzip",
        "truncated.txt.gz": gzip.compress(SAMPLES[0].read_bytes() * 20)[:300],
        "bomb.txt.gz": gzip.compress(b"\0" * (LIMIT * 4), compresslevel=9),
        "deep.html": ("<div>" * 20000 + "Deep text that goes on for a while in a nested page. " * 20
                      + "</div>" * 20000).encode(),
    }
    for name, data in files.items():
        (folder / os.fsencode(name).decode("utf-8", "surrogateescape")).write_bytes(data)
    with open(folder / "huge.txt", "wb") as fh:  # 200 MB, sparse: cheap to make, must not be read
        fh.truncate(200_000_000)
    (folder / "self-loop.txt").symlink_to("self-loop.txt")
    (folder / "dangling.txt").symlink_to("/nonexistent/story.txt")
    os.mkfifo(folder / "fifo.txt")
    (folder / "device.txt").symlink_to("/dev/zero")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")  # a folder link loop


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_hostile_files_are_rejected_or_ingested_and_nothing_hangs(tmp_path):
    folder, db = tmp_path / "in", tmp_path / "archive.db"
    make_corpus(folder)
    config = write_config(tmp_path / "config.toml", 4, max_file_bytes=LIMIT)
    result = run("ingest", folder, "--db", db, "--config", config, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr

    def location(name: str) -> str:
        escaped = os.fsencode(name).decode("utf-8", "backslashreplace").replace("\n", "\\x0a")
        return str(folder / escaped)

    rejects = dict(rows(db, "SELECT location, reason FROM rejects"))
    sighted = {r[0] for r in rows(db, "SELECT location FROM sightings")}
    for name, expected in EXPECTED.items():
        where = location(name)
        if expected is None:
            assert where in sighted, (name, rejects.get(where))
        elif expected:
            assert expected in rejects.get(where, ""), (name, rejects.get(where))
            assert where in result.stdout  # listed in the run summary
        else:
            assert (where in sighted) != (where in rejects), name
    assert any("link loop" in reason and location("sub") in where for where, reason in rejects.items())

    texts = " ".join(r[0] for r in rows(db, "SELECT text FROM articles"))
    assert "Guaidó" in texts and "“Ya basta” — dijo" in texts  # windows-1252, curly quotes and dash
    assert "prêt à négocier avec les syndicats « dès cette semaine »" in texts  # latin-1
    assert "Übersetzung" in texts  # UTF-16 with a BOM
    assert CHINESE[1] in texts and "明显改善" in texts  # GBK with one damaged character
    (served,), = rows(db, "SELECT a.text FROM sightings s JOIN articles a ON a.id = s.article_id "
                          f"WHERE s.location = '{location('served-gzip.html')}'")
    assert "Les représentants des salariés ont salué" in served  # gzip data in a .html file

    again = run("ingest", folder, "--db", db, "--config", config, "--strict", timeout=120)
    assert again.returncode == 0, again.stderr  # unchanged rejects are not reported again
    assert "new 0" in again.stdout and "rejected 0" in again.stdout

    (folder / "empty.txt").write_bytes(SPANISH.replace("miércoles", "jueves").encode("utf-8"))
    third = run("ingest", folder, "--db", db, "--config", config, timeout=120)
    assert "new 1" in third.stdout  # a changed reject is retried


def test_retry_rejects_reads_unchanged_rejects_again(tmp_path):
    """An unchanged input rejected before is passed over until a run with --retry-rejects,
    which reads it again and records the outcome in its own run (a new version or other
    settings read it once more on their own: tests/test_reject_readers.py). Rejected again,
    it is no new reject: --strict does not fail on it."""
    folder, db = tmp_path / "in", tmp_path / "archive.db"
    folder.mkdir()
    shutil.copy(SAMPLES[0], folder / "story.txt")
    (folder / "no-article.html").write_bytes(b"<html><head><title>Index</title></head><body><div></div></body></html>")
    first = run("ingest", folder, "--db", db, timeout=120)
    assert "new 1" in first.stdout and "rejected 1" in first.stdout
    passed_over = run("ingest", folder, "--db", db, timeout=120)
    assert "unchanged 2" in passed_over.stdout and "rejected 0" in passed_over.stdout
    retried = run("ingest", folder, "--db", db, "--retry-rejects", "--strict", timeout=120)
    assert retried.returncode == 0 and "unchanged 1" in retried.stdout
    assert "rejected 1 (1 of them again, rejected before)" in retried.stdout
    assert "no-article.html" in retried.stdout  # listed in this run's summary again
    runs = rows(db, "SELECT run_id FROM rejects ORDER BY run_id")
    assert [r for r, in runs] == [1, 3]


def test_strict_makes_a_reject_exit_1(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES[0], folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    result = run("ingest", folder, "--db", tmp_path / "archive.db", "--strict")
    assert result.returncode == 1 and "rejected (--strict)" in result.stderr
    assert "Traceback" not in result.stderr


# Root reads any file; as root, run the ingest without the capabilities that let it.
SETPRIV = shutil.which("setpriv")
WITHOUT_DAC = ([SETPRIV, "--bounding-set=-dac_override,-dac_read_search",
                "--inh-caps=-dac_override,-dac_read_search"] if os.geteuid() == 0 and SETPRIV else [])


@pytest.mark.skipif(os.geteuid() == 0 and not SETPRIV, reason="root reads any file and setpriv is missing")
def test_unreadable_file_is_rejected_then_retried_when_readable(tmp_path):
    folder, db = tmp_path / "in", tmp_path / "archive.db"
    folder.mkdir()
    locked = folder / "locked.txt"
    shutil.copy(SAMPLES[0], locked)
    locked.chmod(0)
    command = WITHOUT_DAC + cli_command("ingest", folder, "--db", db)
    first = subprocess.run(command, cwd=ROOT, env=cli_env(), capture_output=True, text=True, timeout=120)
    assert first.returncode == 0 and "permission denied" in first.stdout, first.stderr
    locked.chmod(0o644)
    second = run("ingest", folder, "--db", db)
    assert "new 1" in second.stdout
