"""Stress the cleaner's regexes with adversarial lines: find the ones that are not linear.

usage: python benchmarks/regex_stress.py [--root DIR] [--screen] [--sizes 16000,64000]
                                         [--timeout S]

--screen times every compiled pattern of ingest/clean/{rules,text,dates,html,htmltext}.py
and ingest/normalize.py (match and search) on lines of about 1,500 characters: a prefix
(nothing, a digit, or a word of the pattern), a unit of 1-3 characters repeated (built
from the pattern's own literal characters and a few common ones), then a character that
makes the match fail. A line that takes over 2 ms is timed again at twice the length;
those that grow faster than linearly are printed.

Without --screen, times match_line, match_lines and clean_text (and the slow patterns
found) on the known adversarial shapes at each size, each in a subprocess killed after
--timeout seconds (CPU seconds printed, or ">timeout"; a size is skipped after one that took
over a 16th of the timeout). --root runs another checkout's
code (a copy of the code before a change), for before/after figures.
"""

from __future__ import annotations

import argparse
import itertools
import re
import signal
import subprocess
import sys
import time
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
MODULES = ("ingest.clean.rules", "ingest.clean.text", "ingest.clean.lines", "ingest.clean.scoring",
           "ingest.clean.blocks", "ingest.clean.labels", "ingest.clean.gallery", "ingest.clean.dates",
           "ingest.clean.html",
           "ingest.clean.htmltext", "ingest.normalize")
COMMON = "1 a@.-+:/,()|x"
# Patterns that are bounded by the function that runs them (a length check first).
GUARDED = {"rules._BREADCRUMB": "rules._breadcrumb"}


def patterns() -> list[tuple[str, re.Pattern]]:
    """Every compiled pattern of the cleaning modules (also in lists and tuples), named."""
    import importlib
    seen: set[tuple[str, int]] = set()
    out = []
    for modname in MODULES:
        mod = importlib.import_module(modname)
        for name, value in sorted(vars(mod).items()):
            items = [(name, value)]
            if isinstance(value, (list, tuple)):
                items = [(f"{name}[{i}]", v) for i, v in enumerate(value)]
                items = [(n, v[1] if isinstance(v, tuple) and len(v) == 2 else v) for n, v in items]
            for n, v in items:
                if isinstance(v, re.Pattern) and (v.pattern, v.flags) not in seen:
                    seen.add((v.pattern, v.flags))
                    out.append((f"{modname.rsplit('.', 1)[1]}.{n}", v))
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


def screen(length: int = 1500, slow: float = 0.002) -> None:
    """Print the patterns and shapes that take over `slow` seconds, and how the time grows."""
    for name, pat in patterns():
        lits = sorted(set(c for c in pat.pattern if not c.isalnum() and c not in "\\^$?*{}[]"
                          and c.isprintable()) | set(COMMON))
        small = sorted(set(lits) & set("1 a.-@"))
        units = list(lits) + ["".join(p) for p in itertools.product(lits, repeat=2)]
        units += ["".join(p) for p in itertools.product(small, repeat=3)]
        words = sorted(set(re.findall(r"[a-z]{3,}", pat.pattern)) - {"sept"})[:6]
        prefixes = ["", "1", "1 "] + [w + " " for w in words] + words
        found = []
        fns = (("match", pat.match), ("search", pat.search))
        if name in GUARDED:  # the module only ever runs it through this function
            module, func = GUARDED[name].split(".")
            fns = ((func, getattr(sys.modules["ingest.clean." + module], func)),)
        for fn_name, fn in fns:
            slow_shapes = 0
            for unit, prefix, suffix in itertools.product(units, prefixes, ("x", "!", " x")):
                s = prefix + unit * (length // len(unit)) + suffix
                t1 = _time(fn, s)
                if t1 < slow:
                    continue
                s2 = prefix + unit * (2 * length // len(unit)) + suffix
                t2 = _time(fn, s2) if t1 < 1 else float("inf")
                found.append((t2 / t1, t1, fn_name, prefix, unit, suffix))
                slow_shapes += 1
                if slow_shapes >= 3:
                    break  # a few shapes a pattern and function are enough to know
        for ratio, t1, fn_name, prefix, unit, suffix in found:
            took = (f"{t1 * 1000:.1f} ms at {length}, x{ratio:.1f} at twice the length"
                    if t1 < 1 else f"over 1 s at {length}")
            print(f"{name:32} {fn_name:6} {prefix!r}+{unit!r}*n+{suffix!r}: {took}", flush=True)
        print(f"# screened {name}", file=sys.stderr, flush=True)


def one(shape: str, size: int, what: str) -> float:
    """CPU seconds of `what` (match_line, match_lines, clean_text) on one line of the shape."""
    from ingest.clean import rules
    from ingest.clean.text import clean_text
    from ingest.config import CleanOptions
    prefix, unit, suffix = SHAPES[shape]
    line = prefix + unit * ((size - len(prefix) - len(suffix)) // len(unit)) + suffix
    line = line.strip()
    n = len(line.split())
    options = CleanOptions()
    fn = {"match_line": lambda: rules.match_line(line, n),
          "match_lines": lambda: rules.match_lines([line], [n]),
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
