"""What cron and people rely on: dates checked, paths checked, one-line errors, config found, summaries."""

from __future__ import annotations

import json
import socket
import sqlite3
from datetime import date, datetime, timedelta

import pytest

from conftest import ROOT, SAMPLES
from ingest.cli import app
from ingest.when import DateError, parse_when

TODAY = date(2026, 3, 10)


@pytest.mark.parametrize("text, expected", [
    ("2019-11-19", "2019-11-19"), ("2019-11", "2019-11"), ("2019", "2019"),
    ("2019-11-19T08:30", "2019-11-19T08:30:00"), ("today", "2026-03-10"), ("Yesterday", "2026-03-09"),
    ("7d", "2026-03-03"), ("2w", "2026-02-24"),
])
def test_command_line_dates(text, expected):
    assert parse_when(text, TODAY) == expected


@pytest.mark.parametrize("text", ["19-11-2019", "garbage", "2019-13", "2019-02-30", "20191119", "", "7 days"])
def test_bad_dates_are_refused(text):
    with pytest.raises(DateError, match="is not a date"):
        parse_when(text, TODAY)


@pytest.mark.parametrize("option", ["--since", "--until"])
@pytest.mark.parametrize("value", ["19-11-2019", "yesterdayish"])
def test_a_bad_date_is_a_one_line_usage_error(runner, samples_db, option, value):
    result = runner.invoke(app, ["search", "Guaido", option, value, "--db", str(samples_db)])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and option in result.output


def test_since_keeps_only_articles_published_on_or_after(cli, samples_db):
    dates = sorted(p for p, in sqlite3.connect(samples_db).execute(
        "SELECT published FROM articles WHERE published IS NOT NULL"))
    assert dates, "the samples have a dated article"
    day_after = (date.fromisoformat(dates[0][:10]) + timedelta(days=1)).isoformat()
    on = json_hits(cli("search", "the", "--all", "--since", dates[0][:10], "--json", "--db", samples_db))
    after = json_hits(cli("search", "the", "--all", "--since", day_after, "--json", "--db", samples_db))
    assert any(h["published"] == dates[0] for h in on)
    assert all(h["published"] and h["published"][:10] >= day_after for h in after)


def json_hits(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_a_missing_path_is_a_usage_error_before_any_work(runner, db_path, tmp_path):
    result = runner.invoke(app, ["ingest", str(SAMPLES), str(tmp_path / "nothere"), "--db", str(db_path)])
    assert result.exit_code == 2 and "nothere" in result.output
    assert result.output.strip().count("\n") == 0
    assert not db_path.exists()  # nothing was written, not even an empty archive


def test_summary_starts_with_the_time_and_goes_to_stdout(runner, db_path):
    result = runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(db_path)])
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    stamp = " ".join(first.split()[:2])
    assert abs(datetime.fromisoformat(stamp) - datetime.now().astimezone()).total_seconds() < 120
    assert "read 5" in first


def test_ingest_json_is_one_object(runner, db_path):
    result = runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(db_path), "--json"])
    assert result.exit_code == 0
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    summary = json.loads(lines[0])
    articles = sqlite3.connect(db_path).execute("SELECT count(*) FROM articles").fetchone()[0]
    assert summary["read"] == len(list(SAMPLES.iterdir())) and summary["new"] == articles
    assert datetime.fromisoformat(summary["time"]).tzinfo is not None


def test_quiet_prints_nothing_when_all_is_well_and_errors_still(runner, db_path, tmp_path):
    ok = runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(db_path), "--quiet"])
    assert ok.exit_code == 0 and ok.output == ""
    bad = runner.invoke(app, ["ingest", str(tmp_path / "gone"), "--db", str(db_path), "--quiet"])
    assert bad.exit_code == 2 and "gone" in bad.output


def test_config_comes_from_the_environment_then_the_working_folder(runner, tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSARCHIVE_CONFIG", raising=False)
    monkeypatch.delenv("NEWSARCHIVE_DB", raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    (work / "config.toml").write_text('[archive]\npath = "from-cwd.db"\n', encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(SAMPLES)]).exit_code == 0
    assert (work / "from-cwd.db").exists()
    env_config = tmp_path / "env.toml"
    env_config.write_text(f'[archive]\npath = "{tmp_path / "from-env.db"}"\n', encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(SAMPLES)], env={"NEWSARCHIVE_CONFIG": str(env_config)}).exit_code == 0
    assert (tmp_path / "from-env.db").exists()
    db = tmp_path / "from-db-env.db"
    assert runner.invoke(app, ["ingest", str(SAMPLES)],
                         env={"NEWSARCHIVE_CONFIG": str(env_config), "NEWSARCHIVE_DB": str(db)}).exit_code == 0
    assert db.exists()
    bad = runner.invoke(app, ["stats"], env={"NEWSARCHIVE_CONFIG": str(tmp_path / "none.toml")})
    assert bad.exit_code == 2 and "none.toml" in bad.output


def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("newsarchive ")


# every command the app registers (a new one is held to the same rule)
COMMANDS = sorted(command.name or command.callback.__name__ for command in app.registered_commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_an_example(runner, command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Example" in result.output and f"newsarchive {command}" in result.output


@pytest.mark.parametrize("args", [["bogus"], ["search"], ["search", "x", "--limit", "0"], ["show", "abc"],
                                  ["ingest", str(SAMPLES), "--no-such-option"]])
def test_usage_errors_are_one_line(runner, args):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and result.output.startswith("Error: ")


def test_serve_on_a_busy_port_says_so_in_one_line(runner, samples_db):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", str(samples_db), "--port", str(port)])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and str(port) in result.output


def test_readme_states_the_config_order():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "NEWSARCHIVE_CONFIG" in readme and "NEWSARCHIVE_DB" in readme
