"""Every compiled pattern of ingest/ and store/ runs in linear time on adversarial lines.

The screen of benchmarks/regex_stress.py, at a shorter length so CI runs it in about
half a minute: each pattern is run the way the code runs it (match, fullmatch or
search) on lines built from its own literal characters, repeated, with a character that
makes the match fail at the end. A line that takes over 0.3 ms is timed again at
four times the length; linear code grows about 4x, quadratic code 16x. The bound is on
the growth, not on any time, and each time is the best of two runs.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "regex_stress.py"
LENGTH = 600
SLOW = 0.0003  # the quadratic `\s+:\s+` takes 0.6 ms at 600 characters


def _load_screen():
    spec = importlib.util.spec_from_file_location("regex_stress", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


regex_stress = _load_screen()
PATTERNS = regex_stress.patterns()


def test_the_screen_sees_every_module_with_patterns():
    """A new module's patterns are screened without anyone listing it."""
    screened = {(pattern.pattern, pattern.flags) for _, pattern, _ in PATTERNS}
    root = BENCHMARK.parents[1]
    compiled = []
    for package in regex_stress.PACKAGES:
        for path in (root / package).rglob("*.py"):
            if re.search(r"^\w+ = re\.compile\(", path.read_text(encoding="utf-8"), re.MULTILINE):
                module = importlib.import_module(".".join(path.relative_to(root).with_suffix("").parts))
                compiled += [(module.__name__, name) for name, value in vars(module).items()
                             if isinstance(value, re.Pattern)
                             and (value.pattern, value.flags) not in screened]
    assert len(screened) > 50 and not compiled, compiled


def test_the_screen_finds_a_quadratic_pattern():
    """The screen itself works: a pattern known to backtrack quadratically is caught."""
    hits = regex_stress.screen_pattern("example", re.compile(r"\s+:\s+"), ("search",), LENGTH, SLOW)
    assert any(hit.superlinear for hit in hits), hits


@pytest.mark.parametrize(("name", "pattern", "methods"), PATTERNS, ids=[p[0] for p in PATTERNS])
def test_pattern_is_linear(name, pattern, methods):
    superlinear = [hit for hit in regex_stress.screen_pattern(name, pattern, methods, LENGTH, SLOW)
                   if hit.superlinear]
    assert not superlinear, superlinear
