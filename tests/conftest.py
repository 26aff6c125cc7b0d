"""Shared fixtures: real archives in tmp_path, the real CLI through CliRunner."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"

# four plain news sentences, for cleaner tests that build pages around a known body
COUNCIL_BODY = [
    "The city council approved the new budget on Monday after a long debate about public transport.",
    "Members said the plan would add more buses to the northern districts and lower fares for students.",
    "Opponents argued that the money should go to road repairs, which have been delayed for years now.",
    "The mayor said she expected the first new routes to open before the end of the coming summer.",
]
# The same story in German.
COUNCIL_BODY_DE = [
    "Der Stadtrat hat am Montag nach einer langen Debatte über den Nahverkehr den neuen Haushalt beschlossen.",
    "Die Mitglieder sagten, der Plan bringe mehr Busse in die nördlichen Bezirke und senke die Preise für Studenten.",
    "Die Gegner meinten, das Geld solle in die Reparatur der Straßen fließen, die seit Jahren verschoben wird.",
    "Die Bürgermeisterin erwartet, dass die ersten neuen Linien noch vor dem Ende des Sommers fahren.",
]
COUNCIL_BODY_ES = [
    "El consejo municipal aprobó el lunes el nuevo presupuesto tras un largo debate sobre el transporte.",
    "Los concejales dijeron que el plan añadirá más autobuses en los barrios del norte de la ciudad.",
    "La oposición sostuvo que el dinero debía ir a reparar las calles, que llevan años de retraso.",
    "La alcaldesa espera que las primeras líneas nuevas empiecen a circular antes del verano.",
]
# A photo gallery's slides (title, caption), as a page pastes them between two parts of an article.
GALLERY_SLIDES = [
    ("Harbour fire", "Firefighters fought a blaze at the old harbour warehouse for most of the night."),
    ("Bridge reopens", "The river bridge reopened to traffic on Monday after two years of repairs."),
    ("Market returns", "The farmers' market came back to the main square for the summer season."),
    ("School prize", "Pupils of the northern school won a national prize for their science project."),
]

# a short harbour story, for cleaner tests whose chrome is a notice, a panel or a box
HARBOUR_BODY = [
    "Harbour authorities closed the northern pier on Friday after divers found cracks in two of "
    "the concrete pillars that carry the ferry ramp.",
    "The ferry to the islands will leave from the southern quay until the repairs are done, which "
    "the port director said could take six weeks.",
    "Fishing boats may still moor at the pier, but no vehicles are allowed on it, and anglers have "
    "been asked to use the breakwater instead.",
    "The port has asked the national rail company to add trains on the coastal line while the "
    "ferry runs on its reduced timetable.",
]


@pytest.fixture
def runner() -> CliRunner:
    """A CliRunner for the real typer app."""
    return CliRunner()


@pytest.fixture
def cli(runner):
    """Invoke the CLI; fail the test with its output if the exit code is unexpected."""
    def invoke(*args: str, code: int = 0):
        result = runner.invoke(app, [str(a) for a in args])
        assert result.exit_code == code, (result.output, result.exception)
        return result
    return invoke


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's archive lives."""
    return tmp_path / "archive.db"


@pytest.fixture
def samples_copy(tmp_path: Path) -> Path:
    """A private copy of samples/ that a test may change."""
    target = tmp_path / "samples"
    shutil.copytree(SAMPLES, target)
    return target


@pytest.fixture
def samples_db(cli, db_path: Path) -> Path:
    """An archive with samples/ ingested through the CLI."""
    cli("ingest", SAMPLES, "--db", db_path)
    return db_path


@pytest.fixture
def seeds_gold() -> dict:
    """The expected cleaning of the five samples (copied from shared/eval/seeds-gold.json)."""
    return json.loads((ROOT / "tests" / "data" / "seeds_gold.json").read_text(encoding="utf-8"))


def table_rows(db_path: Path, table: str) -> list[tuple]:
    """Every row of a table, sorted."""
    with sqlite3.connect(db_path) as conn:
        return sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)


def as_an_older_version_stored(db_path: Path, update: str, *params, functions: dict | None = None) -> int:
    """Rewrite the archive's one article as an older newsarchive stored it (`update`: an SQL
    UPDATE of articles, the FTS triggers index it so; `functions`: SQL functions it calls)
    and return the article's id, for a test that `reclean` repairs it under that id."""
    conn = sqlite3.connect(db_path)
    for name, fn in (functions or {}).items():
        conn.create_function(name, 1, fn)
    with conn:
        conn.execute(update, params)
    (article_id,) = conn.execute("SELECT id FROM articles").fetchone()
    conn.close()
    return article_id
