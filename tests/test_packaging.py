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


def test_every_data_file_the_code_reads_is_shipped():
    import fnmatch

    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    data = [path for top in ("ingest", "store") for path in (ROOT / top).rglob("*.json")]
    assert data, "no data file found: the test looks in the wrong place"
    for path in data:
        package = ".".join(path.parent.relative_to(ROOT).parts)
        patterns = package_data.get(package, [])
        assert any(fnmatch.fnmatch(path.name, p) for p in patterns), \
            f"add {path.name} to [tool.setuptools.package-data] {package!r} in pyproject.toml"
