"""The HTML chooser's readings and thresholds, cross-validated by set and by site.

usage: python benchmarks/chooser_cv.py [--sets NAME ...]

For every HTML page of the sets under ../shared/eval, builds the three readings
ingest.clean.html compares (trafilatura's and readability-lxml's, each through the
shape rules, and the line classifier's), always running readability (the library
skips it on "settled" pages). The extractors' readings are scored as the library
keeps a chosen one: after ingest.clean.structure (link lists out, dropped section
headings back); the chooser compares them before it, as the library does. Per set it prints the F1 of each reading alone, of
the chooser as shipped, of the chooser without the settled shortcut (and how many
pages that changes), and of an oracle that knows the gold body (the ceiling of any
chooser over these readings). Then it refits the chooser's thresholds (CONTAIN,
EXTEND, TINY of ingest.clean.choose) on a grid, twice held out:
- leave one set out: each set scored at the grid point best on the other sets;
- leave one site out: each site's pages chosen at the grid point best on all other
  pages (sites: the gold URL's host, or the gold's site name), scored per set.
The same two refits, with the chooser as shipped, for the shortest run of link lines
that ingest.clean.structure drops (MIN_LINK_RUN; "none": no run dropped).

The scorer is ../shared/eval/score_boilerplate.py (macro P and R over pages).
Exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from boilerplate import load_scorer  # noqa: E402
from ingest.clean import html as H  # noqa: E402
from ingest.clean import structure  # noqa: E402
from ingest.clean.choose import (CLASSIFIER, CONTAIN, EXTEND, READABILITY, TINY, choose_reading,  # noqa: E402
                                 reading_grams, settled)
from ingest.clean.pagetree import as_laid_out, parse_page  # noqa: E402
from ingest.clean.text import clean_text  # noqa: E402
from ingest.config import CleanOptions  # noqa: E402
from ingest.decode import decode  # noqa: E402

KEY = {READABILITY: "r", CLASSIFIER: "c"}  # anything else: trafilatura ("t")
SHIPPED_RUN = structure.MIN_LINK_RUN
GRID = list(itertools.product((0.7, 0.8, 0.9), (0.25, 0.5, 1.0), (0.05, 0.1, 0.2)))
RUNS = (2, 3, 4, 5, None)  # MIN_LINK_RUN values refit; None: no link list dropped


def site_of(gold: dict) -> str:
    """The page's site: its URL's host, or the gold's site name, or the page itself."""
    url = gold.get("url") or ""
    if url.startswith("http"):
        return urlparse(url).netloc.removeprefix("www.")
    return url or gold["id"]


def page_readings(scorer, set_dir: Path, options: CleanOptions) -> list[dict]:
    """Per page: the readings' 4-gram sets and their (tp, fp, fn) against the gold body."""
    gold = {g["id"]: g for g in map(json.loads, open(set_dir / "gold.jsonl", encoding="utf-8"))}
    out = []
    for path in sorted((set_dir / "html").iterdir()):
        data = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
        page = scorer.page_id({"location": str(path)})
        if page not in gold:
            continue
        root = parse_page(decode(data) or "")
        if root is None:
            continue
        as_laid_out(root)
        lines, kinds = H.tree_to_block_lines(root)
        preformatted = H._preformatted(root)
        captions = H.media_captions(root)
        doc = H._trafilatura(root, options)
        title = ((doc.title if doc else None) or "").strip() or None
        traf = structure.rejoin_broken_lines((doc.text or "").splitlines(), lines) if doc else []
        traf = structure.restore_soft_hyphens(traf, lines)
        shaped = {"t": H._shape_rules(traf, title, preformatted),
                  "r": H._shape_rules(H._readability(root), title, preformatted)}
        readings = {"t": shaped["t"][0], "c": list(clean_text("\n".join(lines), options, saved_widths=False).paragraphs),
                    "r": shaped["r"][0]}
        rec = {"set": set_dir.name, "site": set_dir.name + ":" + site_of(gold[page])}
        for key, paragraphs in readings.items():
            rec["g" + key] = reading_grams(paragraphs)
            rec[key] = scorer.tp_fp_fn(gold[page]["body"], "\n\n".join(paragraphs))
            if key == "c":
                continue
            for run in RUNS:  # the extractor's reading as the library keeps it, per MIN_LINK_RUN
                structure.MIN_LINK_RUN = run or len(paragraphs) + 1
                kept = structure.link_lists(paragraphs, lines, kinds)[0]
                kept = structure.restore_sections(kept, lines, kinds, title, shaped[key][1],
                                                  frozenset(readings["c"]), captions)
                rec[(key, run)] = scorer.tp_fp_fn(gold[page]["body"], "\n\n".join(kept))
            structure.MIN_LINK_RUN = SHIPPED_RUN
            rec[key] = rec[(key, SHIPPED_RUN)]
        out.append(rec)
    return out


def pick(rec: dict, thresholds=(CONTAIN, EXTEND, TINY), shortcut: bool = True) -> str:
    """Which reading ("t", "r", "c") the chooser takes on this page."""
    if shortcut and settled(rec["gt"], rec["gc"]):
        return "t"
    return KEY.get(choose_reading(rec["gt"], rec["gr"], rec["gc"], *thresholds).reading, "t")


def set_f1(scorer, counts: list[tuple[float, float, float]]) -> float:
    """The scorer's F1 from per-page counts: mean precision and mean recall over pages."""
    ps = [scorer.prec(*c) for c in counts if c[0] + c[1] > 0]
    rs = [scorer.rec(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def page_f1(scorer, c) -> float:
    p, r = scorer.prec(*c), scorer.rec(*c)
    return 2 * p * r / (p + r) if p + r else 0.0


def mean_f1(scorer, pages: list[dict], picks: dict[int, str]) -> float:
    """Mean over sets of the set F1 of these pages with these picks."""
    sets = sorted({p["set"] for p in pages})
    return sum(set_f1(scorer, [p[picks[id(p)]] for p in pages if p["set"] == s]) for s in sets) / len(sets)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="*", help="only these sets of ../shared/eval (default: all)")
    args = ap.parse_args(argv)
    if not (EVAL / "score_boilerplate.py").is_file():
        print(f"skipped: evaluation data not found ({EVAL})")
        return 0
    scorer = load_scorer(EVAL / "score_boilerplate.py")
    dirs = [d for d in sorted(EVAL.iterdir()) if (d / "gold.jsonl").is_file() and (d / "html").is_dir()
            and (not args.sets or d.name in args.sets)]
    pages = [p for d in dirs for p in page_readings(scorer, d, CleanOptions())]
    sets = [d.name for d in dirs]
    print(f"{'set':<16} {'pages':>5} {'traf':>6} {'read':>6} {'class':>6} {'chooser':>7} "
          f"{'no-shortcut':>11} {'changed':>7} {'oracle':>6} {'read runs':>9}")
    for s in sets:
        ps = [p for p in pages if p["set"] == s]
        shipped, full = [pick(p) for p in ps], [pick(p, shortcut=False) for p in ps]
        oracle = [max("trc", key=lambda k, p=p: page_f1(scorer, p[k])) for p in ps]
        f = [set_f1(scorer, [p[k] for p in ps]) for k in "trc"]
        f += [set_f1(scorer, [p[k] for p, k in zip(ps, ks)]) for ks in (shipped, full, oracle)]
        runs = sum(not settled(p["gt"], p["gc"]) for p in ps)
        changed = sum(a != b for a, b in zip(shipped, full))
        print(f"{s:<16} {len(ps):>5} " + " ".join(f"{x:>6.3f}" for x in f[:4])
              + f" {f[4]:>11.3f} {changed:>7} {f[5]:>6.3f} {runs:>9}")
    # every grid point's pick per page, once
    picks = {g: {id(p): pick(p, g) for p in pages} for g in GRID}
    shipped = (CONTAIN, EXTEND, TINY)
    print(f"thresholds (contain, extend, tiny) refit on a grid of {len(GRID)}; shipped {shipped}")
    refit_held_out(scorer, pages, sets, GRID, shipped,
                   lambda ps, g: mean_f1(scorer, ps, picks[g]), lambda p, g: p[picks[g][id(p)]], digits=3)
    link_run_cv(scorer, pages, sets)
    return 0


def refit_held_out(scorer, pages: list[dict], sets: list[str], values, shipped, score, counts,
                   digits: int) -> None:
    """Refit a value on all pages but one set's, then all but one site's, and print the held-out F1.

    `score(pages, value)` is the F1 a fit maximises (ties go to `shipped`); `counts(page, value)`
    a page's (tp, fp, fn) with that value."""
    def fit(train: list[dict]):
        return max(values, key=lambda v: (round(score(train, v), 4), v == shipped))

    for s in sets:
        test = [p for p in pages if p["set"] == s]
        best = fit([p for p in pages if p["set"] != s])
        print(f"  leave one set out: {s:<16} fit {best}  held-out F1 {score(test, best):.{digits}f} "
              f"(shipped {score(test, shipped):.{digits}f})")
    held: dict[int, tuple] = {}
    fits: Counter = Counter()
    for site in sorted({p["site"] for p in pages}):
        best = fit([p for p in pages if p["site"] != site])
        fits[best] += 1
        held.update({id(p): counts(p, best) for p in pages if p["site"] == site})
    line = ", ".join(f"{s} {set_f1(scorer, [held[id(p)] for p in pages if p['set'] == s]):.{digits}f}" for s in sets)
    print(f"  leave one site out ({len(held)} pages, {sum(fits.values())} sites): {line}; "
          f"fits {fits.most_common(3)}")


def link_run_cv(scorer, pages: list[dict], sets: list[str]) -> None:
    """Refit structure.MIN_LINK_RUN (chooser as shipped), leaving one set, then one site, out."""
    chosen = {id(p): pick(p) for p in pages}

    def counts(p: dict, run) -> tuple[float, float, float]:
        key = chosen[id(p)]
        return p[key] if key == "c" else p[(key, run)]

    def f1(ps: list[dict], run) -> float:
        return sum(set_f1(scorer, [counts(p, run) for p in ps if p["set"] == s])
                   for s in sorted({p["set"] for p in ps})) / len({p["set"] for p in ps})

    print(f"link-list run (MIN_LINK_RUN) refit on {RUNS}; shipped {SHIPPED_RUN}")
    print("  per set: " + "; ".join(f"{run}: " + " / ".join(f"{f1([p for p in pages if p['set'] == s], run):.4f}"
                                                         for s in sets) for run in RUNS))
    refit_held_out(scorer, pages, sets, RUNS, SHIPPED_RUN, f1, counts, digits=4)


if __name__ == "__main__":
    sys.exit(main())
