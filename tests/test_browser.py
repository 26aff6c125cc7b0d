"""A real browser on a real server: `newsarchive serve` in a subprocess, headless Chromium.

Skipped when no `chromium` is installed (.ci/run installs it when it can). Every wait
is bounded; the server and the browser are stopped whatever happens. Set
NEWSARCHIVE_SCREENSHOT=FILE to keep the screenshot (docs/search.png is made so).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = shutil.which("chromium")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed")]

SERVER_START_SECONDS = 30
BROWSER_SECONDS = 90


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


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess:
    """Run headless Chromium once, in its own process group, killed if it hangs."""
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", f"--user-data-dir={profile}", *args]
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


@pytest.fixture
def server(samples_db: Path):
    """`newsarchive serve` on the samples archive, on a free localhost port."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "ingest.cli", "serve", "--db", str(samples_db), "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/-/versions.json", process, SERVER_START_SECONDS)
        yield base
    finally:
        stop(process)


def test_search_page_in_chromium(server: str, tmp_path: Path):
    url = f"{server}/archive/articles?_search=Guaido"
    profile = tmp_path / "chromium-profile"

    dom = chromium(profile, "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert 'where search matches "Guaido"' in dom.stdout
    assert dom.stdout.count('<td class="col-text') >= 2   # result rows are on the page
    assert "Lavrov" in dom.stdout
    assert 'name="_search" value="Guaido"' in dom.stdout  # the search box keeps the query
    assert "ranked search" in dom.stdout                  # the packaged description

    screenshot = tmp_path / "search.png"
    shot = chromium(profile, f"--screenshot={screenshot}", "--window-size=1280,1300", url)
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 20_000             # a rendered page, not a blank one
    keep = os.environ.get("NEWSARCHIVE_SCREENSHOT")
    if keep:
        shutil.copy(screenshot, keep)
