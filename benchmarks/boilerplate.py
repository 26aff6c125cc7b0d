"""Boilerplate-removal quality and speed on labelled page sets, against trafilatura and readability.

usage: python benchmarks/boilerplate.py [--sets NAME ...] [--families] [--per-page] [--repeat N]
                                        [--wrap COLUMNS] [--markdown] [--text-nodes] [--dump TOOL]
                                        [--browser] [--collapse] [--no-title] [--article-only]
       python benchmarks/boilerplate.py --dir DIR [--gold FILE] [--html] [--out FILE]
                                        [--per-page] [--families] [--repeat N] [--wrap COLUMNS]
                                        [--markdown] [--text-nodes] [--dump TOOL] [--browser]
                                        [--collapse] [--no-title] [--article-only]

Without --dir, scores every set under ../shared/eval that has text/, html/ and
gold.jsonl (aeb-dev, fundus-dev, readability-dev) in one run: the library
(ingest.clean.clean_document) on the plain-text pages and on the HTML pages, and,
on the same HTML pages, trafilatura alone (precision mode, no comments, as the
library calls it) and readability-lxml alone (Document(html).summary(), one
paragraph per block). Per set it prints one row: F1 and the number of pages
whose recall is under 0.5 for each reading, P/R of the plain-text run, plain-text
pages/s and ms per HTML page in CPU time (time.process_time: the box is shared), and
the library's HTML F1 minus the better extractor's to four places (the goal: >= 0).
A set whose gold marks each page as news or not (readability-dev) gets a second row,
"its news", scored on its news pages alone.

With --dir, scores one folder (plain text, or HTML with --html) against --gold
(default: the folder's parent's gold.jsonl) and can write the predictions
(--out). --wrap hard-wraps the plain-text pages first, as scrapers that save pages
through html2text, lynx or w3m do (the dev pages are saved a paragraph a line).
--markdown cleans, as plain text, the HTML pages as html2text saves them: Markdown, as
crawl4ai, Firecrawl and html2text-based scrapers write (needs the `bench` extra).
--text-nodes cleans, as plain text, each set's HTML pages as a scraper that saves every
piece of text between tags on a line of its own does (BeautifulSoup's get_text("\n",
strip=True), lxml's itertext): sentences arrive broken at their links.
--dump TOOL cleans, as plain text, each set's HTML pages as a text browser dumps them
(w3m -dump; lynx -dump, with its numbered links and their list, or lynx-nolist): wrapped at
80 columns, with list bullets, image alt texts and form fields (needs w3m or lynx installed;
page_shapes.py holds every shape).
--browser cleans, as plain text, each set's HTML pages as headless Chromium shows them with
scripts and the network off (the <title>, then document.body.innerText): the shape in which
snippets.py and fundus_pages.py render the outside checks, so that the dev sets' gold tells
how much of their gap that rendering costs (needs chromium installed; a page the browser
does not render in time is cleaned as an empty page, and named on stderr).
--no-title drops each plain-text page's first line, the document's <title>, as a scraper
that saves only the page's body does: the cleaner then finds the article without the
headline anchor (headline.headline_anchor).
--collapse runs each plain-text page together on one line, as a scraper that collapses
whitespace (" ".join(text.split()), get_text(" ")) saves it.
--article-only cleans each gold body alone as the plain-text page (an article already
extracted, as trafilatura, newspaper or a feed's full text save it): the cleaner should
keep it whole; the HTML runs are skipped.
--families adds, per rule family, the lines and words it removed, how
many of those words were gold body words, and the F1 with that family put back.

Scoring loads ../shared/eval/score_boilerplate.py. Exits 0 with a message when
../shared is absent.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import importlib.util
import io
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))  # page_shapes, when imported from elsewhere

import trafilatura  # noqa: E402
from readability import Document  # noqa: E402

from ingest.clean import clean_document  # noqa: E402
from ingest.clean.htmltext import html_to_lines  # noqa: E402
from ingest.clean.rules import family  # noqa: E402
from ingest.decode import decode  # noqa: E402
from ingest.config import CleanOptions  # noqa: E402
from ingest.models import HTML, TEXT, RawDocument  # noqa: E402
from page_shapes import (BROWSER, DUMPS, Chromium, as_browser_dump, as_markdown, as_scraped,  # noqa: E402
                         as_text_nodes, browser_available, dump_available, without_first_line)

_WORD = re.compile(r"\w+")
LOW_RECALL = 0.5


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_boilerplate", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def article_pages(gold: Path, wrap: int | None = None, collapse: bool = False) -> list[RawDocument]:
    """Each gold body alone as a plain-text page named after its id (as_scraped first)."""
    pages = []
    for g in map(json.loads, open(gold, encoding="utf-8")):
        text = as_scraped(g["body"], wrap, collapse)
        data = text.encode("utf-8")
        pages.append(RawDocument(location=f"{g['id']}.txt", sha256=hashlib.sha256(data).hexdigest(),
                                 media_type=TEXT, content=data, text=text, source="benchmark"))
    return pages


# The shapes render_page makes from an HTML page with no browser session (the outside checks'
# --shape; their rendered pages are the browser's, made once with --render).
SHAPES = ("text-nodes", "markdown", *sorted(DUMPS))


def render_page(html: str, render: str, browser: Chromium | None = None) -> str:
    """The HTML page as plain text in the shape `render` names: "markdown" (html2text),
    "text-nodes" (a text node a line), BROWSER (as `browser` shows it, or a session started for
    this page alone), or a text browser's dump (a key of page_shapes.DUMPS)."""
    if render == BROWSER:
        if browser is not None:
            return browser.inner_text(html)
        alone = Chromium()
        try:
            return alone.inner_text(html)
        finally:
            alone.close()
    if render == "markdown":
        return as_markdown(html)
    if render == "text-nodes":
        return as_text_nodes(html)
    return as_browser_dump(html, render)


def read_pages(folder: Path, html: bool, wrap: int | None = None, collapse: bool = False,
               render: str | None = None, no_title: bool = False) -> list[RawDocument]:
    """The folder's pages; plain-text ones hard-wrapped at `wrap` columns when given, or
    run together on one line (`collapse`); with `render`, HTML pages saved as plain text
    in that shape (render_page) to be cleaned as text; `no_title` drops a plain-text page's
    first non-blank line (its <title>). A page the browser (render BROWSER) fails on is an
    empty page, named on stderr."""
    browser = Chromium() if render == BROWSER else None
    try:
        return [page for path in sorted(folder.iterdir())
                if (page := _read_page(path, html, wrap, collapse, render, no_title, browser)) is not None]
    finally:
        if browser is not None:
            browser.close()


def _read_page(path: Path, html: bool, wrap: int | None, collapse: bool, render: str | None,
               no_title: bool, browser: Chromium | None) -> RawDocument | None:
    """One page of read_pages, or None for a file that is no page."""
    if path.name.endswith(".gz"):
        data = gzip.decompress(path.read_bytes())
    elif path.suffix in (".txt", ".html", ".htm"):
        data = path.read_bytes()
    else:
        return None
    text = decode(data) or ""  # as ingest reads it: a GBK or Shift_JIS page is no UTF-8
    if render:
        try:
            text = render_page(text, render, browser)
        except (TimeoutError, RuntimeError) as exc:
            print(f"not rendered: {path.name}: {exc}", file=sys.stderr)
            text = ""
        data = text.encode("utf-8")
    if no_title and (render or not html):
        text = without_first_line(text)
        data = text.encode("utf-8")
    if (collapse or wrap) and (render or not html):
        text = as_scraped(text, wrap, collapse)
        data = text.encode("utf-8")
    return RawDocument(location=str(path), sha256=hashlib.sha256(data).hexdigest(),
                       media_type=HTML if html and not render else TEXT, content=data, text=text,
                       source="benchmark")


def _write(records: list[dict], path: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def score_records(scorer, records: list[dict], gold: Path, per_page: bool = False) -> tuple[float, float, float]:
    """The scorer's (F1, P, R) for these predictions."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        name = fh.name
    _write(records, name)
    if per_page:
        result = scorer.score(name, str(gold), per_page=True)
    else:
        with contextlib.redirect_stdout(io.StringIO()):
            result = scorer.score(name, str(gold))
    Path(name).unlink()
    return result


def low_recall_pages(scorer, records: list[dict], gold_bodies: dict[str, str]) -> int:
    """How many gold pages keep less than LOW_RECALL of their body (missing pages count)."""
    pred = {scorer.page_id(r): r.get("body") or "" for r in records}
    low = 0
    for page, body in gold_bodies.items():
        counts = scorer.tp_fp_fn(body, pred.get(page, ""))
        if counts[0] + counts[2] > 0 and scorer.rec(*counts) < LOW_RECALL:
            low += 1
    return low


_WORD = re.compile(r"\w+")


def titles_agreeing(scorer, text_records: list[dict], html_records: list[dict]) -> float:
    """Share of the pages whose HTML reading has a title where the plain-text title has
    at least half its words in common with it (Jaccard of lower-cased \\w+ runs):
    the HTML title comes from the page's own metadata (og:title, <title>)."""
    html_titles = {scorer.page_id(r): r.get("title") for r in html_records}
    agree = total = 0
    for rec in text_records:
        reference = set(_WORD.findall((html_titles.get(scorer.page_id(rec)) or "").lower()))
        if not reference:
            continue
        total += 1
        words = set(_WORD.findall((rec.get("title") or "").lower()))
        agree += bool(words) and len(words & reference) >= len(words | reference) / 2
    return agree / total if total else 0.0


def trafilatura_alone(html: str, options: CleanOptions) -> str:
    """trafilatura's text as the library configures it (precision mode, no comments)."""
    try:
        return trafilatura.extract(html, include_comments=options.include_comments,
                                   favor_precision=options.favor_precision) or ""
    except (ValueError, TypeError, AttributeError):
        return ""


def readability_alone(html: str, options: CleanOptions) -> str:
    """readability-lxml's summary, one paragraph per block."""
    try:
        summary = Document(html).summary()
    except Exception:  # readability raises its own Unparseable and lxml's errors on odd pages
        return ""
    return "\n\n".join(html_to_lines(summary).splitlines())


def run_library(pages: list[RawDocument], options: CleanOptions, repeat: int):
    """Clean every page `repeat` times; the results and the best CPU seconds of a pass."""
    best_cpu = float("inf")
    for _ in range(max(1, repeat)):
        c0 = time.process_time()
        results = [clean_document(raw, options) for raw in pages]
        best_cpu = min(best_cpu, time.process_time() - c0)
    records = [{"location": raw.location, "title": c.title, "published": c.published,
                "body": "\n\n".join(c.paragraphs),
                "removed": [{"line": r.text, "rule": r.rule} for r in c.removed]}
               for raw, c in zip(pages, results)]
    return results, records, best_cpu


def run_extractor(pages: list[RawDocument], extract: Callable[[str, CleanOptions], str],
                  options: CleanOptions):
    c0 = time.process_time()
    records = [{"location": raw.location, "body": extract(raw.text, options)} for raw in pages]
    return records, time.process_time() - c0


def family_table(scorer, pages, results, gold: Path, f1: float, html: bool) -> None:
    """Per rule family: lines, words, words in gold, F1 with the family's lines put back."""
    if all(not c.removed for c in results):
        return
    gold_words = {}
    for line in open(gold, encoding="utf-8"):
        g = json.loads(line)
        gold_words[g["id"]] = Counter(_WORD.findall(g["body"]))
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for raw, c in zip(pages, results):
        gw = gold_words.get(scorer.page_id({"location": raw.location}), Counter())
        for rl in c.removed:
            s = stats[family(rl.rule)]
            ws = _WORD.findall(rl.text)
            s[0] += 1
            s[1] += len(ws)
            s[2] += sum(1 for w in ws if gw[w] > 0)
    print(f"  {'family':<12} {'lines':>6} {'words':>7} {'in-gold':>8} {'F1 without':>11} {'dF1':>7}")
    for fam in sorted(stats, key=lambda k: -stats[k][1]):
        put_back = []
        for raw, c in zip(pages, results):
            if html:  # no line numbers into the page: append the family's lines
                body = list(c.paragraphs) + [r.text for r in c.removed if family(r.rule) == fam]
            else:  # restore the family's lines at their place among the kept ones
                kept = {r.line_no for r in c.removed if family(r.rule) != fam}
                lines = [ln.strip() for ln in raw.text.splitlines()]
                body = [ln for no, ln in enumerate(lines) if ln and no not in kept]
            put_back.append({"location": raw.location, "body": "\n\n".join(body)})
        f1x, _, _ = score_records(scorer, put_back, gold)
        lines_, words, ing = stats[fam]
        print(f"  {fam:<12} {lines_:>6} {words:>7} {ing:>8} {f1x:>11.3f} {f1 - f1x:>+7.3f}")


def gold_bodies(gold: Path) -> dict[str, str]:
    return {g["id"]: g["body"] for g in map(json.loads, open(gold, encoding="utf-8"))}


def news_ids(gold: Path) -> set[str] | None:
    """The ids of the set's news pages, where its gold rows say which are news ("news": true or
    false, as readability-dev's do: a third-party set that also holds section fronts, tools and
    tales); None where they do not."""
    rows = list(map(json.loads, open(gold, encoding="utf-8")))
    if not rows or not all(isinstance(g.get("news"), bool) for g in rows):
        return None
    return {g["id"] for g in rows if g["news"]}


def news_row(scorer, gold: Path, ids: set[str], readings: list[list[dict]]) -> str:
    """The set's row for its news pages alone: F1 and pages under LOW_RECALL of each reading
    (the plain-text one with P/R), speed and titles left blank."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for g in map(json.loads, open(gold, encoding="utf-8")):
            if g["id"] in ids:
                fh.write(json.dumps(g, ensure_ascii=False) + "\n")
    subset = Path(fh.name)
    try:
        bodies = gold_bodies(subset)
        chosen = [[r for r in recs if scorer.page_id(r) in ids] for recs in readings]
        f1s = [score_records(scorer, recs, subset) for recs in chosen]
        lows = [low_recall_pages(scorer, recs, bodies) for recs in chosen]
    finally:
        subset.unlink()
    (tf1, tp, tr), html, traf, read = f1s[0], f1s[1][0], f1s[2][0], f1s[3][0]
    return (f"{'  its news':<16} {len(bodies):>5} | {tf1:>7.3f} {tp:>5.3f} {tr:>5.3f} {lows[0]:>3} | "
            f"{html:>7.3f} {lows[1]:>3} | {traf:>7.3f} {lows[2]:>3} | {read:>7.3f} {lows[3]:>3} | "
            f"{'':>8} {'':>7} {'':>7} {'':>7} | {html - max(traf, read):>+9.4f} | {'':>5}")


def single_folder(args, scorer, options: CleanOptions) -> int:
    gold = args.gold or args.dir.parent / "gold.jsonl"
    if not args.dir.is_dir() or not gold.is_file():
        print(f"skipped: evaluation data not found ({args.dir}, {gold})")
        return 0
    pages = (article_pages(gold, args.wrap, args.collapse) if args.article_only else
             read_pages(args.dir, args.html, args.wrap, args.collapse, args.render, args.no_title))
    results, records, cpu = run_library(pages, options, 1 if args.html else args.repeat)
    if args.out:
        _write(records, str(args.out))
    f1, p, r = score_records(scorer, records, gold, per_page=args.per_page)
    low = low_recall_pages(scorer, records, gold_bodies(gold))
    kind = ("article-only" if args.article_only else
            "html" if args.html and not args.render else "text")
    print(f"{kind}: F1 {f1:.3f} P {p:.3f} R {r:.3f} pages {len(pages)} "
          f"recall<{LOW_RECALL} {low}  {len(pages) / max(cpu, 1e-9):.0f} pages/s "
          f"({cpu * 1000 / max(1, len(pages)):.2f} ms/page, CPU time)")
    if args.families:
        family_table(scorer, pages, results, gold, f1, args.html)
    return 0


def article_only_sets(args, scorer, options: CleanOptions, sets: list[Path]) -> int:
    """The table of --article-only: each set's gold bodies cleaned alone as plain text."""
    print(f"{'set':<16} {'pages':>5} | {'text F1':>7} {'P':>5} {'R':>5} {'<.5':>3} | {'text p/s':>8}")
    for d in sets:
        gold = d / "gold.jsonl"
        pages = article_pages(gold, args.wrap, args.collapse)
        results, records, cpu = run_library(pages, options, args.repeat)
        f1, p, r = score_records(scorer, records, gold, per_page=args.per_page)
        low = low_recall_pages(scorer, records, gold_bodies(gold))
        print(f"{d.name:<16} {len(pages):>5} | {f1:>7.3f} {p:>5.3f} {r:>5.3f} {low:>3} | "
              f"{len(pages) / max(cpu, 1e-9):>8.0f}")
        if args.families:
            family_table(scorer, pages, results, gold, f1, html=False)
    print(f"(article-only: each gold body cleaned alone as the plain-text page; <.5: pages with recall "
          f"under {LOW_RECALL}; text p/s: pages per CPU second, best of {max(1, args.repeat)}"
          + (f"; hard-wrapped at {args.wrap} columns" if args.wrap else "")
          + ("; run together on one line" if args.collapse else "") + ")")
    return 0


def all_sets(args, scorer, options: CleanOptions) -> int:
    root = SHARED / "eval"
    sets = [d for d in sorted(root.iterdir()) if (d / "gold.jsonl").is_file()
            and (d / "text").is_dir() and (d / "html").is_dir()]
    if args.sets:
        sets = [d for d in sets if d.name in args.sets]
    if not sets:
        print(f"skipped: no evaluation sets under {root}")
        return 0
    if args.article_only:
        return article_only_sets(args, scorer, options, sets)
    head = (f"{'set':<16} {'pages':>5} | {'text F1':>7} {'P':>5} {'R':>5} {'<.5':>3} | "
            f"{'html F1':>7} {'<.5':>3} | {'traf F1':>7} {'<.5':>3} | {'read F1':>7} {'<.5':>3} | "
            f"{'text p/s':>8} {'html ms':>7} {'traf ms':>7} {'read ms':>7} | {'html-best':>9} | {'title':>5}")
    rows = []
    # Warm-up, untimed: trafilatura's date parser compiles its locales on first use
    # (seconds), which would be charged to whichever HTML run came first.
    for d in sets:
        for raw in read_pages(d / "html", html=True)[:5]:
            trafilatura_alone(raw.text, options)
    for d in sets:
        gold = d / "gold.jsonl"
        bodies = gold_bodies(gold)
        text_pages = (read_pages(d / "html", html=True, wrap=args.wrap, collapse=args.collapse,
                                 render=args.render, no_title=args.no_title)
                      if args.render else
                      read_pages(d / "text", html=False, wrap=args.wrap, collapse=args.collapse,
                                 no_title=args.no_title))
        html_pages = read_pages(d / "html", html=True)
        text_results, text_records, text_cpu = run_library(text_pages, options, args.repeat)
        html_results, html_records, html_cpu = run_library(html_pages, options, 1)
        traf_records, traf_cpu = run_extractor(html_pages, trafilatura_alone, options)
        read_records, read_cpu = run_extractor(html_pages, readability_alone, options)
        if args.per_page:
            print(f"{d.name}, plain text, per page:")
        tf1, tp, tr = score_records(scorer, text_records, gold, per_page=args.per_page)
        scores = []
        for name, recs in (("HTML", html_records), ("trafilatura", traf_records), ("readability", read_records)):
            if args.per_page:
                print(f"{d.name}, {name}, per page:")
            scores.append(score_records(scorer, recs, gold, per_page=args.per_page)[0])
        lows = [low_recall_pages(scorer, recs, bodies)
                for recs in (text_records, html_records, traf_records, read_records)]
        n = max(1, len(html_pages))
        row = (f"{d.name:<16} {len(bodies):>5} | {tf1:>7.3f} {tp:>5.3f} {tr:>5.3f} {lows[0]:>3} | "
               f"{scores[0]:>7.3f} {lows[1]:>3} | {scores[1]:>7.3f} {lows[2]:>3} | "
               f"{scores[2]:>7.3f} {lows[3]:>3} | "
               f"{len(text_pages) / max(text_cpu, 1e-9):>8.0f} {html_cpu * 1000 / n:>7.1f} "
               f"{traf_cpu * 1000 / n:>7.1f} {read_cpu * 1000 / n:>7.1f} | "
               f"{scores[0] - max(scores[1], scores[2]):>+9.4f} | "
               f"{titles_agreeing(scorer, text_records, html_records):>5.2f}")
        rows.append(row)
        ids = news_ids(gold)
        if ids is not None and len(ids) < len(bodies):
            rows.append(news_row(scorer, gold, ids, [text_records, html_records, traf_records, read_records]))
        if args.families:
            print(f"{d.name} text, rule families:")
            family_table(scorer, text_pages, text_results, gold, tf1, html=False)
            print(f"{d.name} html, rule families:")
            family_table(scorer, html_pages, html_results, gold, scores[0], html=True)
    print(head)
    print("\n".join(rows))
    print(f"(<.5: pages with recall under {LOW_RECALL}; text p/s: plain-text pages per CPU second, "
          f"best of {max(1, args.repeat)}; ms: CPU ms per HTML page; html-best: HTML F1 minus the "
          f"better of trafilatura's and readability's, unrounded; title: share of pages whose "
          f"plain-text title shares half its words with the page's own (HTML metadata); "
          f"its news: the set's pages its gold marks as news, alone"
          + (f"; plain text hard-wrapped at {args.wrap} columns" if args.wrap else "")
          + ("; plain text: the HTML pages as html2text saves them, Markdown" if args.markdown else "")
          + ("; plain text: the HTML pages a text node a line, as get_text(\"\\n\") saves them"
             if args.text_nodes else "")
          + (f"; plain text: the HTML pages as {args.dump} -dump saves them" if args.dump else "")
          + ("; plain text: the HTML pages as headless Chromium shows them, scripts off" if args.browser else "")
          + ("; plain text run together on one line" if args.collapse else "")
          + ("; plain text without its first line (the <title>)" if args.no_title else "")
          + ")")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="*", help="only these sets of ../shared/eval (default: all)")
    ap.add_argument("--dir", type=Path, help="one folder of pages instead of the sets")
    ap.add_argument("--gold", type=Path, help="gold.jsonl for --dir (default: DIR/../gold.jsonl)")
    ap.add_argument("--html", action="store_true", help="with --dir: the pages are HTML")
    ap.add_argument("--out", type=Path, help="with --dir: write the predictions (JSON lines) here")
    ap.add_argument("--per-page", action="store_true", help="print per-page P/R")
    ap.add_argument("--families", action="store_true", help="print the per-rule-family table")
    ap.add_argument("--wrap", type=int, metavar="COLUMNS",
                    help="hard-wrap the plain-text pages at this width first, as html2text "
                         "(78), lynx or w3m (79-80) save pages")
    ap.add_argument("--markdown", action="store_true",
                    help="the plain-text pages are the HTML pages as html2text saves them (Markdown "
                         "wrapped at 78 columns, as many scrapers write); needs pip install -e '.[bench]'")
    ap.add_argument("--text-nodes", action="store_true",
                    help="the plain-text pages are the HTML pages a text node a line, as BeautifulSoup's "
                         "get_text('\\n', strip=True) saves them")
    ap.add_argument("--dump", choices=sorted(DUMPS),
                    help="the plain-text pages are the HTML pages as a text browser dumps them (w3m -dump, "
                         "lynx -dump with its numbered links, or without them); needs that browser (apt "
                         "install w3m lynx)")
    ap.add_argument("--browser", action="store_true",
                    help="the plain-text pages are the HTML pages as headless Chromium shows them, scripts "
                         "and network off (the shape the outside checks are rendered in); needs chromium")
    ap.add_argument("--no-title", action="store_true",
                    help="drop each plain-text page's first line (its <title>), as scrapers that save "
                         "only the body do")
    ap.add_argument("--collapse", action="store_true",
                    help="run each plain-text page together on one line first, as a scraper that "
                         "collapses whitespace saves it")
    ap.add_argument("--article-only", action="store_true",
                    help="the plain-text page is each gold body alone (an article already extracted, "
                         "as trafilatura, newspaper or RSS full text save it); skips the HTML runs")
    ap.add_argument("--line-model", action="store_true",
                    help="with clean.line_model: the learned line model weighs in (ingest.clean.model)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="timing passes of the plain-text run (the best is reported: the box is shared)")
    args = ap.parse_args(argv)
    args.render = ("markdown" if args.markdown else "text-nodes" if args.text_nodes
                   else BROWSER if args.browser else args.dump)
    if args.browser and not browser_available():
        ap.error("--browser needs chromium installed (Debian: apt install chromium)")
    if args.dump and not dump_available(args.dump):
        ap.error(f"--dump {args.dump} needs {DUMPS[args.dump][0]} installed (Debian: apt install {DUMPS[args.dump][0]})")

    scorer_path = SHARED / "eval" / "score_boilerplate.py"
    if not scorer_path.is_file():
        print(f"skipped: evaluation data not found ({scorer_path})")
        return 0
    scorer = load_scorer(scorer_path)
    options = CleanOptions(line_model=args.line_model)
    if args.dir:
        return single_folder(args, scorer, options)
    return all_sets(args, scorer, options)


if __name__ == "__main__":
    sys.exit(main())
