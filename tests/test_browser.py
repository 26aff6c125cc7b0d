"""A real browser on a real server: `newsarchive serve` in a subprocess, headless Chromium.

Skipped when no `chromium` is installed (.ci/run installs it when it can). Every wait
is bounded; the server and the browser are stopped whatever happens. What a reader sees
is measured in the browser itself (the DevTools protocol over a pipe: no extra package):
where the first article row, result or paragraph lands on a 1280x800 screen. Set
NEWSARCHIVE_SCREENSHOTS=DIR to keep each page's screenshot there (docs/*.png are made so).
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES

CHROMIUM = shutil.which("chromium")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed")]

SERVER_START_SECONDS = 30
BROWSER_SECONDS = 90
SCREEN = (1280, 800)


def free_port() -> int:
    """A TCP port on localhost that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, server: subprocess.Popen, seconds: float) -> None:
    """Wait until the url answers 200, failing early if the server exits."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the server exited with {server.returncode}: {server.stdout.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    pytest.fail(f"the server did not answer {url} within {seconds}s")


def stop(process: subprocess.Popen) -> None:
    """Stop a process group started with start_new_session, politely then firmly."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


BROWSER_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess:
    """Run headless Chromium once, in its own process group, killed if it hangs."""
    command = [CHROMIUM, *BROWSER_FLAGS, f"--user-data-dir={profile}", *args]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    try:
        out, err = process.communicate(timeout=BROWSER_SECONDS)
    except subprocess.TimeoutExpired:
        stop(process)
        pytest.fail(f"chromium did not finish within {BROWSER_SECONDS}s: {command}")
    finally:
        stop(process)  # a leftover renderer of the group
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def measure(profile: Path, url: str, expression: str) -> object:
    """Open url in headless Chromium on a SCREEN-sized window, wait for the page's load
    event, and return the JSON value of a JavaScript expression evaluated in it. Spoken
    over the DevTools protocol on a pipe (--remote-debugging-pipe: commands on the
    browser's fd 3, answers on its fd 4, each message ending in a NUL byte)."""
    commands_read, commands_write = os.pipe()
    answers_read, answers_write = os.pipe()

    def as_fds_3_and_4():
        os.dup2(commands_read, 3)
        os.dup2(answers_write, 4)

    process = subprocess.Popen(
        [CHROMIUM, *BROWSER_FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe",
         f"--window-size={SCREEN[0]},{SCREEN[1]}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=as_fds_3_and_4, pass_fds=(3, 4),
        start_new_session=True)
    os.close(commands_read)
    os.close(answers_write)
    deadline = time.monotonic() + BROWSER_SECONDS
    buffer = b""
    sent = 0

    def call(method: str, session: str | None = None, **params) -> dict:
        nonlocal buffer, sent
        sent += 1
        message = {"id": sent, "method": method, "params": params, **({"sessionId": session} if session else {})}
        os.write(commands_write, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in buffer:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([answers_read], [], [], left)[0]:
                    pytest.fail(f"chromium did not answer {method} within {BROWSER_SECONDS}s")
                chunk = os.read(answers_read, 1 << 16)
                if not chunk:
                    pytest.fail(f"chromium closed its pipe during {method}")
                buffer += chunk
            raw, buffer = buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == sent:
                if "error" in answer:
                    pytest.fail(f"{method}: {answer['error']}")
                return answer["result"]

    try:
        target = call("Target.createTarget", url="about:blank")["targetId"]
        session = call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        call("Emulation.setDeviceMetricsOverride", session, width=SCREEN[0], height=SCREEN[1],
             deviceScaleFactor=1, mobile=False)
        call("Page.navigate", session, url=url)
        loaded = ("new Promise(done => { const go = () => done(JSON.stringify(" + expression + ")); "
                  "document.readyState === 'complete' && location.href !== 'about:blank' ? go() "
                  ": addEventListener('load', go); })")
        for _ in range(50):  # the navigation may not have replaced about:blank yet
            result = call("Runtime.evaluate", session, expression=loaded, awaitPromise=True,
                          returnByValue=True)
            value = result.get("result", {}).get("value")
            if value is not None:
                return json.loads(value)
            time.sleep(0.1)
        pytest.fail(f"no value for {expression} at {url}: {result}")
    finally:
        os.close(commands_write)
        os.close(answers_read)
        stop(process)


def screenshot(profile: Path, url: str, name: str, tmp_path: Path, height: int = SCREEN[1]) -> None:
    """A screenshot of the page (a rendered page, not a blank one); kept under
    $NEWSARCHIVE_SCREENSHOTS as name when that is set."""
    shot = tmp_path / name
    result = chromium(profile, f"--screenshot={shot}", f"--window-size={SCREEN[0]},{height}",
                      "--hide-scrollbars", url)
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000
    keep = os.environ.get("NEWSARCHIVE_SCREENSHOTS")
    if keep:
        shutil.copy(shot, Path(keep) / name)


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """The samples and a near-duplicate of sample 001 (which repeats a passage of sample
    000), ingested by the CLI in a subprocess (the module's pages read it, never write)."""
    folder = tmp_path_factory.mktemp("inputs") / "wire"
    shutil.copytree(SAMPLES, folder)
    original = (folder / "001_cbd5253d9990dd7e.txt").read_text(encoding="utf-8")
    (folder / "100_copy.txt").write_text(
        original.replace("told a press conference", "told reporters at a press conference"), encoding="utf-8")
    db = folder.parent / "archive.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "ingest.cli", "ingest", str(folder), "--db", str(db)],
                   cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
    return db


@pytest.fixture(scope="module")
def server(archive: Path):
    """`newsarchive serve` on the archive, on a free localhost port."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "ingest.cli", "serve", "--db", str(archive), "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/-/versions.json", process, SERVER_START_SECONDS)
        yield base
    finally:
        stop(process)


def one(archive: Path, sql: str) -> int:
    with sqlite3.connect(archive) as conn:
        return conn.execute(sql).fetchone()[0]


def test_search_box_in_chromium(server: str, tmp_path: Path):
    url = f"{server}/archive/articles?_search=Guaido"
    dom = chromium(tmp_path / "profile", "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert 'where search matches "Guaido"' in dom.stdout
    assert dom.stdout.count('class="na-title"') >= 2            # result rows are on the page
    assert 'name="_search" value="Guaido"' in dom.stdout          # the search box keeps the query


def test_articles_table_first_screen(server: str, tmp_path: Path):
    url = f"{server}/archive/articles"
    seen = measure(tmp_path / "profile", url, """{
        height: innerHeight,
        first: document.querySelector('.na-rows li').getBoundingClientRect().top,
        title: document.querySelector('.na-rows li .na-title').textContent,
        excerpt: document.querySelector('.na-rows li .na-excerpt').getBoundingClientRect().height,
        facets: document.querySelector('.facet-results').getBoundingClientRect().height,
        wide: document.documentElement.scrollWidth <= innerWidth}""")
    assert seen["height"] == SCREEN[1]
    assert 0 < seen["first"] < seen["height"] - 60, seen        # the first article on the first screen
    assert seen["title"].strip() and 0 < seen["excerpt"] < 120 and seen["facets"] < 250, seen
    assert seen["wide"], seen                                     # nothing cut off on the right
    screenshot(tmp_path / "profile", url, "reading-table.png", tmp_path)


def test_article_page(server: str, archive: Path, tmp_path: Path):
    second = one(archive, "SELECT id FROM articles WHERE text LIKE '%Tokyo%' AND duplicate_of IS NULL")
    url = f"{server}/archive/-/article/{second}"
    seen = measure(tmp_path / "profile", url, """{
        height: innerHeight,
        headline: document.querySelector('h1.na-headline').getBoundingClientRect().top,
        body: document.querySelector('.na-body p').getBoundingClientRect().top,
        paragraphs: document.querySelectorAll('.na-body > p').length,
        repeated: [...document.querySelectorAll('.na-body p.na-repeated a')].map(a => a.pathname),
        aside: document.querySelector('aside.na-aside').getBoundingClientRect().left,
        copies: [...document.querySelectorAll('ul.na-copies li > a:first-child')].map(a => a.pathname),
        removedOpen: document.querySelector('details.na-removed').open,
        wide: document.documentElement.scrollWidth <= innerWidth}""")
    assert 0 < seen["headline"] < seen["body"] < seen["height"], seen
    assert seen["paragraphs"] == one(archive, f"SELECT count(*) FROM paragraphs WHERE article_id = {second}")
    assert "/archive/-/passage/1" in seen["repeated"], seen      # the repeated passage, linked
    assert seen["aside"] > SCREEN[0] / 2 and seen["wide"], seen   # copies beside the text, nothing cut off
    copy = one(archive, f"SELECT id FROM articles WHERE duplicate_of = {second}")
    assert seen["copies"] == [f"/archive/-/article/{copy}"], seen
    assert seen["removedOpen"] is False                           # removed lines folded away
    screenshot(tmp_path / "profile", url, "reading-article.png", tmp_path, height=1000)


def test_search_folds_copies(server: str, archive: Path, tmp_path: Path):
    copy = one(archive, "SELECT id FROM articles WHERE duplicate_of IS NOT NULL")
    root = one(archive, f"SELECT duplicate_of FROM articles WHERE id = {copy}")
    url = f"{server}/archive/-/search?q=Guaido"
    seen = measure(tmp_path / "profile", url, """{
        height: innerHeight,
        first: document.querySelector('.na-results li').getBoundingClientRect().top,
        results: [...document.querySelectorAll('.na-results li a.na-title')].map(a => a.pathname),
        copies: [...document.querySelectorAll('.na-results a.na-copies')].map(a => [a.pathname, a.textContent]),
        marked: document.querySelectorAll('.na-results mark').length}""")
    assert 0 < seen["first"] < seen["height"] / 2, seen
    assert f"/archive/-/article/{root}" in seen["results"] and f"/archive/-/article/{copy}" not in seen["results"]
    assert [f"/archive/-/cluster/{root}", "+ 1 copy"] in seen["copies"], seen
    assert seen["marked"] >= len(seen["results"]), seen
    screenshot(tmp_path / "profile", url, "reading-search.png", tmp_path)


def test_passage_page(server: str, archive: Path, tmp_path: Path):
    first = one(archive, "SELECT first_article_id FROM passages WHERE id = 1")
    url = f"{server}/archive/-/passage/1"
    seen = measure(tmp_path / "profile", url, """{
        height: innerHeight,
        quote: document.querySelector('blockquote.na-quote').textContent,
        articles: [...document.querySelectorAll('ol.na-list li > a:first-child')].map(a => a.pathname),
        last: document.querySelector('ol.na-list li:last-child').getBoundingClientRect().bottom}""")
    assert seen["quote"].startswith("Juan Guaido, Venezuelan opposition leader")
    carriers = one(archive, "SELECT count(DISTINCT article_id) FROM paragraphs WHERE passage_id = 1")
    assert len(seen["articles"]) == carriers >= 2 and seen["articles"][0] == f"/archive/-/article/{first}"
    assert seen["last"] < seen["height"], seen                   # the whole list on the first screen
    screenshot(tmp_path / "profile", url, "reading-passage.png", tmp_path, height=600)
