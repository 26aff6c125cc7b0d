"""pyproject.toml ships every package of the code: `pip install .` leaves none behind."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_with_an_init_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts)
             for top in ("ingest", "store") for init in (ROOT / top).rglob("__init__.py")}
    assert found, "no package found: the test looks in the wrong place"
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
