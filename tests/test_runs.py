"""ingest_runs: ok, failed (exit 1, one clear line), interrupted (SIGTERM, exit 130), and `runs`."""

from __future__ import annotations

import signal

import pytest

from corpus import query, run, start, write_config, write_corpus
from test_crash import assert_intact
from test_lock import wait_for

pytestmark = pytest.mark.slow

# Run in the ingest process before the CLI: the lookup made just before the third batch
# is written fails as a broken disk would make it fail (an error our code does not
# expect). Lookups run when a batch is started and again when it is written, one batch
# ahead: start 1, start 2, write 1, start 3, write 2, start 4, write 3 (the 7th).
FAIL_BEFORE_THIRD_WRITE = """
import sqlite3
import ingest.pipeline as pipeline
_lookup, _count = pipeline.lookup, [0]
def _failing_lookup(db, pairs, *rest):
    _count[0] += 1
    if _count[0] == 7:
        raise sqlite3.OperationalError("disk I/O error")
    return _lookup(db, pairs, *rest)
pipeline.lookup = _failing_lookup
"""


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    write_corpus(folder, 80, seed=3)
    return folder, write_config(tmp_path / "config.toml", 8), tmp_path / "archive.db"


def test_unexpected_error_marks_the_run_failed_with_one_clear_line(corpus):
    folder, config, db = corpus
    result = run("ingest", folder, "--db", db, "--config", config, prelude=FAIL_BEFORE_THIRD_WRITE)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "run 1 failed: OperationalError: disk I/O error" in result.stderr
    status, error, counts = query(db, "SELECT status, error, counts FROM ingest_runs")[0]
    assert status == "failed" and error == "OperationalError: disk I/O error"
    assert '"read": 16' in counts  # the two committed batches
    assert_intact(db)
    again = run("ingest", folder, "--db", db, "--config", config)
    assert again.returncode == 0, again.stderr
    shown = run("runs", "--db", db).stdout.splitlines()
    assert shown[0].startswith("run 2") and " ok " in shown[0]
    assert any("failed" in line for line in shown) and any("error: OperationalError" in line for line in shown)


def test_sigterm_marks_the_run_interrupted_and_exits_130(corpus):
    folder, config, db = corpus
    proc = start("ingest", folder, "--db", db, "--config", config)
    wait_for(lambda: query(db, "SELECT count(*) FROM sightings")[0][0] > 0)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the ingest finished before SIGTERM arrived")
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert query(db, "SELECT status FROM ingest_runs") == [("interrupted",)]
    assert_intact(db)
    assert run("ingest", folder, "--db", db, "--config", config).returncode == 0


def test_a_crashed_run_is_marked_interrupted_by_the_next(corpus):
    folder, config, db = corpus
    proc = start("ingest", folder, "--db", db, "--config", config)
    # killed once its first batch is committed, with 72 of its 80 inputs to come (0.1 s
    # after its start was once enough; a fast ingest can now be done by then)
    wait_for(lambda: query(db, "SELECT count(*) FROM sightings")[0][0] > 0)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert query(db, "SELECT status FROM ingest_runs") == [("running",)]
    shown = run("runs", "--db", db).stdout
    assert f"running (pid {proc.pid})" in shown
    assert run("ingest", folder, "--db", db, "--config", config).returncode == 0
    assert query(db, "SELECT status FROM ingest_runs ORDER BY id") == [("interrupted",), ("ok",)]
