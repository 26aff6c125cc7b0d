"""Stress the project's regexes with adversarial lines: find the ones that are not linear.

usage: python benchmarks/regex_stress.py [--root DIR] [--screen] [--sizes 16000,64000]
                                         [--timeout S]

--screen times every compiled pattern of every module of ingest/ and store/ (module
globals, and patterns in module-level lists and tuples) on lines of about 1,500
characters: a prefix (nothing, a digit, or a word of the pattern), a unit of 1-3
characters repeated (built from the pattern's own literal characters and a few common
ones), then a character that makes the match fail. A pattern is run the way the code
runs it: with `match` or `fullmatch` when the sources only ever call those on it, with
`search` (what findall, finditer, sub and split do) when they call one of those, with
all when it is used indirectly. A line that takes over 2 ms is timed again at four times
the length; one that grows faster than linearly is printed. tests/test_regex_screen.py
runs the same screen in CI.

Without --screen, times match_line, match_lines and clean_text (and the slow patterns
found) on the known adversarial shapes at each size, each in a subprocess killed after
--timeout seconds (CPU seconds printed, or ">timeout"; a size is skipped after one that took
over a 16th of the timeout). --root runs another checkout's
code (a copy of the code before a change), for before/after figures.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import itertools
import pkgutil
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# name -> (prefix, unit, suffix); the line is prefix + unit * k + suffix.
SHAPES = {
    "digits-space-x": ("", "1", " x"),
    "email-a@": ("", "a@", "!"),
    "said-spaces": ("1 said", " ", "x said"),
    "photo-spaces": ("photo ", " ", "x"),
    "plus-1": ("", "+1", "x"),
    "1-dash": ("", "1-", "x"),
    "digits-punct": ("", "1,.()+-", "x"),
    "1-space-x": ("1", " ", "x"),
    "title-spaces": ("a b c", " ", "x"),
    "crumb": ("", "a > ", "!"),
    "by-words": ("by ", "a", "!"),
    "copyright-spaces": ("copyright", " ", "x"),
    "related-spaces": ("related", " ", "x"),
    "dots": ("", "a.", " x"),
    "prose": ("", "The council met on Tuesday and agreed the budget. ", ""),
}
PACKAGES = ("ingest", "store")
COMMON = "1 a@.-+:/,()|x"
# Patterns that are bounded by the function that runs them (a length check first).
GUARDED = {"ingest.clean.rules._BREADCRUMB": "_breadcrumb"}
# The pattern methods that scan from every position, as search does.
_SCANNING = ("search", "finditer", "findall", "sub", "subn", "split")


def _modules() -> Iterator:
    """Every module of the project's packages (not __main__, which would run the CLI)."""
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        yield package
        for info in pkgutil.walk_packages(package.__path__, package_name + "."):
            if not info.name.endswith("__main__"):
                yield importlib.import_module(info.name)


def patterns() -> list[tuple[str, re.Pattern, tuple[str, ...]]]:
    """Every compiled pattern of the project's modules, named, with the methods run on it.

    Methods are read off the sources: `NAME.search(`, `NAME.sub(`... anywhere in the
    project, or a method kept to call later (`match = NAME.match`). A pattern whose
    name is never called directly (kept in a list, passed to a function) gets all of
    match, fullmatch and search.
    """
    modules = list(_modules())
    sources = "\n".join(inspect.getsource(m) for m in modules)
    seen: set[tuple[str, int]] = set()
    out = []
    for mod in modules:
        for name, value in sorted(vars(mod).items()):
            items = [(name, value)]
            if isinstance(value, (list, tuple)):
                items = [(f"{name}[{i}]", v) for i, v in enumerate(value)]
                items = [(n, v[1] if isinstance(v, tuple) and len(v) == 2 else v) for n, v in items]
            for n, v in items:
                if not isinstance(v, re.Pattern) or (v.pattern, v.flags) in seen:
                    continue
                seen.add((v.pattern, v.flags))
                # `NAME.match(` called, or `NAME.match` kept to call later (match = NAME.match)
                called = set(re.findall(rf"\b{re.escape(n)}\.(\w+)", sources)) if "[" not in n else set()
                methods = tuple(m for m in ("match", "fullmatch") if m in called)
                if called & set(_SCANNING):
                    methods += ("search",)
                out.append((f"{mod.__name__}.{n}", v, methods or ("match", "fullmatch", "search")))
    return out


class _Timeout(Exception):
    pass


def _alarm(*_) -> None:
    raise _Timeout


def _time(fn, s: str, limit: float = 1.0) -> float:
    """CPU seconds of fn(s), or inf after `limit` seconds (sre checks for signals)."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    t = time.process_time()
    try:
        fn(s)
    except _Timeout:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return time.process_time() - t


@dataclass
class SlowLine:
    """A pattern and line shape over the screen's threshold, and how its time grew."""

    pattern: str
    method: str
    line: str  # prefix+unit*n+suffix, repr'd
    seconds: float  # at the screen's length
    growth: float  # how the time grows at four times the length (linear: about 4); when that
    # is over 8, the smaller of two fourfold steps (the length to x4, x4 to x16)

    @property
    def superlinear(self) -> bool:
        """Grew like n log n or worse: more than twice what a linear pattern does."""
        return self.growth > 8


def _runner(name: str, pat: re.Pattern, method: str) -> Callable[[str], object]:
    if name in GUARDED:  # the module only ever runs it through this function
        return getattr(sys.modules[name.rsplit(".", 1)[0]], GUARDED[name])
    run = getattr(pat, method)
    if isinstance(pat.pattern, bytes):
        return lambda line: run(line.encode("utf-8"))
    return run


def screen_pattern(name: str, pat: re.Pattern, methods: tuple[str, ...], length: int = 1500,
                   slow: float = 0.002) -> list[SlowLine]:
    """The adversarial lines on which `pat` takes over `slow` seconds, with their growth."""
    source = pat.pattern.decode("latin-1") if isinstance(pat.pattern, bytes) else pat.pattern
    lits = sorted(set(c for c in source if not c.isalnum() and c not in "\\^$?*{}[]"
                      and c.isprintable()) | set(COMMON))
    small = sorted(set(lits) & set("1 a.-@"))
    units = list(lits) + ["".join(p) for p in itertools.product(lits, repeat=2)]
    units += ["".join(p) for p in itertools.product(small, repeat=3)]
    words = sorted(set(re.findall(r"[a-z]{3,}", source)) - {"sept"})[:6]
    prefixes = ["", "1", "1 "] + [w + " " for w in words] + words
    found = []
    for method in (("guarded",) if name in GUARDED else methods):
        fn = _runner(name, pat, method)
        for unit, prefix, suffix in itertools.product(units, prefixes, ("x", "!", " x")):
            t1 = _time(fn, prefix + unit * (length // len(unit)) + suffix)
            if t1 < slow:
                continue
            t1 = min(t1, _time(fn, prefix + unit * (length // len(unit)) + suffix))
            if t1 < slow:
                continue  # the first run was slow by chance (a busy machine): the line is not
            long_line = prefix + unit * (4 * length // len(unit)) + suffix
            t4 = min(_time(fn, long_line), _time(fn, long_line)) if t1 < 0.25 else float("inf")
            growth = t4 / t1
            if growth > 8 and t4 != float("inf"):  # measured again, the two lines in turn, and
                # one step further: a busy or throttled machine made a linear pattern's x4 line
                # look eight times slower, twice, but no machine does it on two steps in a row
                t1 = min(t1, _time(fn, prefix + unit * (length // len(unit)) + suffix))
                t4 = min(t4, _time(fn, long_line), _time(fn, long_line))
                longer = prefix + unit * (16 * length // len(unit)) + suffix
                t16 = min(_time(fn, longer), _time(fn, longer)) if t4 < 0.25 else float("inf")
                growth = min(t4 / t1, t16 / t4)
            found.append(SlowLine(name, method, f"{prefix!r}+{unit!r}*n+{suffix!r}", t1, growth))
            if sum(hit.superlinear for hit in found) >= 3:
                return found  # a few shapes are enough to know
    return found


def screen(length: int = 1500, slow: float = 0.002) -> None:
    """Print the patterns and shapes that take over `slow` seconds, and how the time grows."""
    for name, pat, methods in patterns():
        for hit in screen_pattern(name, pat, methods, length, slow):
            took = (f"{hit.seconds * 1000:.1f} ms at {length}, x{hit.growth:.1f} at four times"
                    if hit.growth != float("inf") else f"over 0.25 s at {length}")
            print(f"{hit.pattern:40} {hit.method:9} {hit.line}: {took}"
                  + ("  SUPERLINEAR" if hit.superlinear else ""), flush=True)
        print(f"# screened {name} ({', '.join(methods)})", file=sys.stderr, flush=True)


def one(shape: str, size: int, what: str) -> float:
    """CPU seconds of `what` (match_line, match_lines, clean_text) on one line of the shape."""
    from ingest.clean import pagescan, rules
    from ingest.clean.text import clean_text
    from ingest.config import CleanOptions
    prefix, unit, suffix = SHAPES[shape]
    line = prefix + unit * ((size - len(prefix) - len(suffix)) // len(unit)) + suffix
    line = line.strip()
    n = len(line.split())
    options = CleanOptions()
    fn = {"match_line": lambda: rules.match_line(line, n),
          "match_lines": lambda: pagescan.match_lines([line], [n]),
          "clean_text": lambda: clean_text(line, options)}[what]
    t = time.process_time()
    fn()
    return time.process_time() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", type=Path, default=REPO)
    ap.add_argument("--screen", action="store_true")
    ap.add_argument("--sizes", default="16000,64000,1000000")
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--what", default="match_line,match_lines,clean_text")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--one", nargs=3, metavar=("SHAPE", "SIZE", "WHAT"))
    args = ap.parse_args()
    sys.path.insert(0, str(args.root))
    if args.one:
        print(one(args.one[0], int(args.one[1]), args.one[2]))
        return
    if args.screen:
        screen()
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    whats = args.what.split(",")
    print("shape".ljust(18) + "".join(f"{w}@{s}".rjust(22) for w in whats for s in sizes))
    for shape in args.shapes.split(","):
        cells = []
        for what in whats:
            last = 0.0
            for size in sizes:
                if last > args.timeout / 16:  # a 4x longer line would time out if quadratic
                    cells.append("skipped")
                    continue
                try:
                    out = subprocess.run([sys.executable, __file__, "--root", str(args.root),
                                          "--one", shape, str(size), what], capture_output=True,
                                         text=True, timeout=args.timeout, check=True).stdout
                    last = float(out)
                    cells.append(f"{last:.3f}s")
                except subprocess.TimeoutExpired:
                    cells.append(f">{args.timeout:.0f}s")
                    last = float("inf")
        print(shape.ljust(18) + "".join(c.rjust(22) for c in cells), flush=True)


if __name__ == "__main__":
    main()
