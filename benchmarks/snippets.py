"""Cleaning on pages never used to build it: trafilatura's evaluation corpus, scored by snippets.

usage: python benchmarks/snippets.py CORPUS [--text DIR] [--render] [--half even|odd|all]
                                     [--modes text html trafilatura readability input] [--out DIR]
                                     [--collapse] [--shape SHAPE] [--worst N]

CORPUS is the tests/ folder of a clone of trafilatura (https://github.com/adbar/trafilatura):
evaldata.json names, for each of its ~990 pages (news and blogs, mostly German and English,
some Spanish, French, Polish), the HTML file under eval/ or cache/ and a few snippets that
must be in the article's text ("with") and that must not ("without"), and its title. A page counts a true
positive for each "with" snippet found in the body, a false positive for each "without" one,
summed over pages as trafilatura's tests/eval_common.py does (whitespace-normalised
substring match; soft hyphens, which some snippets hold, are left out on both sides).
`with<half` counts the pages that keep under half their "with" snippets, the counterpart of
boilerplate.py's pages under half their body; `title`, the share of the
pages with a labelled title whose cleaned title is it (case and whitespace aside); `date`, the
share of the pages with a labelled date whose cleaned publication date is it.

Modes: `html` cleans each HTML page (ingest.clean.clean_document), `text` cleans the page as
a browser shows it (document.body.innerText under the <title>, the shape of ../shared/eval's
text/ pages): read from --text DIR (NNNN.txt, NNNN the page's place in evaldata.json's sorted
URLs), written there first with --render by headless Chromium (JavaScript and network off).
With --shape (text-nodes, markdown, or a text browser's dump: boilerplate.SHAPES) the text and
input modes read each HTML page as a scraper saves it in that shape, made on the fly, instead of
the rendered pages: BeautifulSoup's get_text("\\n"), one text node a line, is what most scrapers write.
`trafilatura` and `readability` run those extractors alone on the HTML, as boilerplate.py does.
`input` (asked for by name) keeps the rendered text whole, uncleaned: its recall is the most the
text mode can reach, as a page the browser showed without its article (loaded later by a script,
or behind a paywall) has none to keep. Under `text` and `input`, an `of them` line scores the pages
whose rendered text holds half their "with" snippets or more, alone.

Halves: the cleaner was developed looking at the even pages (0, 2, 4...) from 2026-12-04 on;
the odd ones are held out, to be scored, never read, when judging whether a change holds on
pages nobody looked at. Exits 0 with a message when CORPUS is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from boilerplate import SHAPES, readability_alone, render_page, trafilatura_alone  # noqa: E402
from page_shapes import Chromium, as_scraped  # noqa: E402

from ingest.clean import clean_document  # noqa: E402
from ingest.config import CleanOptions  # noqa: E402
from ingest.decode import decode  # noqa: E402
from ingest.models import HTML, TEXT, RawDocument  # noqa: E402
from store.textform import SOFT_HYPHEN  # noqa: E402

def norm(text: str) -> str:
    """Whitespace-normalised, as trafilatura's evaluation matches snippets, and without soft
    hyphens: invisible, they are in some snippets ("Auftau\xadchen", as the page's markup
    has them) and not in some readings of the same words (trafilatura drops them)."""
    return " ".join(text.replace(SOFT_HYPHEN, "").split())


def page_file(corpus: Path, name: str) -> Path | None:
    """The page's HTML file, under cache/ or eval/ as trafilatura keeps them."""
    for folder in ("cache", "eval"):
        path = corpus / folder / name
        if path.is_file():
            return path
    return None


def render_files(jobs: Iterable[tuple[str, Path, Path]]) -> None:
    """For each (name, HTML file, text file) whose text file does not exist yet, write the page
    as a browser shows it (Chromium.inner_text) there; a page that fails is named on stderr."""
    browser = Chromium()
    try:
        for name, source, target in jobs:
            if target.exists():
                continue
            try:
                target.write_text(browser.inner_text(decode(source.read_bytes()) or ""), encoding="utf-8")
            except (TimeoutError, RuntimeError) as exc:
                print(f"not rendered: {name}: {exc}", file=sys.stderr)
    finally:
        browser.close()


def render(corpus: Path, pages: list[tuple[int, str, dict]], folder: Path) -> None:
    """Write folder/NNNN.txt for each page that has none yet."""
    folder.mkdir(parents=True, exist_ok=True)
    render_files((url, path, folder / f"{number:04d}.txt") for number, url, item in pages
                 if (path := page_file(corpus, item["file"])) is not None)


def document(corpus: Path, text_dir: Path | None, number: int, item: dict, mode: str,
             collapse: bool = False, shape: str | None = None) -> RawDocument | None:
    """The page as the mode reads it: its rendered text, or the HTML page saved in a scraper's
    `shape` (boilerplate.render_page) where one is named (either run together on one line with
    `collapse`), or its HTML."""
    rendered = mode in RENDERED_MODES
    path = (text_dir / f"{number:04d}.txt") if rendered and not shape else page_file(corpus, item["file"])
    if path is None or not path.is_file():
        return None
    data = path.read_bytes()
    if rendered and shape:
        text = render_page(decode(data) or "", shape)
        data = text.encode("utf-8")
    else:
        text = data.decode("utf-8") if rendered else decode(data) or ""
    if rendered and collapse:
        text = as_scraped(text, collapse=True)
        data = text.encode("utf-8")
    return RawDocument(location=str(path), sha256=hashlib.sha256(data).hexdigest(),
                       media_type=TEXT if rendered else HTML, content=data, text=text, source="snippets")


def read(raw: RawDocument, mode: str, options: CleanOptions) -> tuple[str | None, str, str | None]:
    """The title and publication date (None where the mode's reader gives none: "" when the
    cleaner found none) and the article text the mode's reader makes of the page."""
    if mode == "trafilatura":
        return None, trafilatura_alone(raw.text, options), None
    if mode == "readability":
        return None, readability_alone(raw.text, options), None
    if mode == "input":
        return None, raw.text, None
    cleaned = clean_document(raw, options)
    return cleaned.title or "", "\n\n".join(cleaned.paragraphs), cleaned.published or ""


def score(corpus: Path, text_dir: Path | None, pages: list[tuple[int, str, dict]], mode: str,
          options: CleanOptions, collapse: bool = False,
          shape: str | None = None) -> tuple[list[int], list[dict], float]:
    """Summed (tp, fp, fn, tn), a row per page, and the CPU seconds the mode took."""
    totals, rows = [0, 0, 0, 0], []
    started = time.process_time()
    for number, url, item in pages:
        raw = document(corpus, text_dir, number, item, mode, collapse, shape)
        if raw is None:
            continue
        title, text, published = read(raw, mode, options)
        kept = norm(text)
        missed = [s for s in item["with"] if norm(s) not in kept]
        leaked = [s for s in item["without"] if norm(s) in kept]
        counts = (len(item["with"]) - len(missed), len(leaked), len(missed), len(item["without"]) - len(leaked))
        totals = [a + b for a, b in zip(totals, counts)]
        rows.append({"page": number, "url": url, "file": item["file"], "tp": counts[0], "fp": counts[1],
                     "fn": counts[2], "tn": counts[3], "missed": missed, "kept": leaked, "chars": len(kept),
                     "title": None if title is None or not item.get("title") else
                     norm(title).casefold() == norm(item["title"]).casefold(),
                     "published": published,
                     "date": None if published is None or not item.get("date") else published == item["date"]})
    return totals, rows, time.process_time() - started


def summary(mode: str, totals: list[int], rows: list[dict], cpu: float) -> str:
    """One line: P, R, F1 over the snippets, pages under half their "with" snippets, CPU time."""
    tp, fp, fn, _ = totals
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    under_half = sum(1 for r in rows if r["tp"] < (r["tp"] + r["fn"]) / 2)
    shares = []
    for key in ("title", "date"):
        labelled = [r[key] for r in rows if r[key] is not None]
        shares.append(f"{sum(labelled) / len(labelled):.3f}" if labelled else "  -  ")
    return (f"{mode:12s} {len(rows):5d} | {f1:.4f} {precision:.4f} {recall:.4f} | {under_half:9d} | "
            f"{sum(1 for r in rows if not r['chars']):5d} | {shares[0]} | {shares[1]} | {cpu:6.1f}")


def holding_half(input_rows: list[dict]) -> set[int]:
    """The numbers of the pages whose rendered text, all of it (the `input` mode's rows), holds
    at least half their "with" snippets: the others lost their article in the rendering (a
    consent wall, a page drawn by scripts), and no cleaner can give it back."""
    return {r["page"] for r in input_rows if r["tp"] >= (r["tp"] + r["fn"]) / 2}


MODES = ("text", "html", "trafilatura", "readability")  # run when --modes is not given
RENDERED_MODES = ("text", "input")  # the modes that read the rendered pages of --text


def reader_arguments(ap: argparse.ArgumentParser, page_name: str) -> None:
    """The options of a benchmark that reads pages in MODES: --text (the rendered pages, named
    `page_name`), --render, --modes, --out, --collapse and --shape."""
    ap.add_argument("--text", type=Path, help=f"folder of the pages as rendered text ({page_name})")
    ap.add_argument("--render", action="store_true", help="render missing pages into --text with chromium")
    ap.add_argument("--modes", nargs="*", default=list(MODES), choices=MODES + ("input",))
    ap.add_argument("--out", type=Path, help="write MODE.jsonl (a row per page) into this folder")
    ap.add_argument("--collapse", action="store_true",
                    help="run each rendered page together on one line first, as a scraper that collapses "
                         "whitespace saves it (the text and input modes)")
    ap.add_argument("--shape", choices=SHAPES,
                    help="the text and input modes read each HTML page as a scraper saves it in this shape "
                         "(text-nodes: BeautifulSoup's get_text('\\n'); markdown: html2text; a text browser's "
                         "dump), made on the fly, instead of the rendered pages of --text")


def reader_modes(args: argparse.Namespace, render_pages: Callable[[], None]) -> list[str]:
    """The modes asked for (reader_arguments' --modes), without `text` and `input` when no --text
    folder is given (said on stdout); with --render, `render_pages` fills that folder first."""
    modes = list(args.modes)
    rendered = [mode for mode in modes if mode in RENDERED_MODES]
    if rendered and args.shape:
        return modes  # (the pages are made from their HTML)
    if rendered and args.text is None:
        needs = "modes need" if len(rendered) > 1 else "mode needs"
        print(f"{' and '.join(rendered)} {needs} --text DIR (with --render to fill it); left out")
        modes = [mode for mode in modes if mode not in RENDERED_MODES]
    elif rendered and args.render:
        render_pages()
    return modes


def input_name(args: argparse.Namespace) -> str:
    """What the `of them` line calls the text the pages were read from: rendered, or in --shape."""
    return f"text saved as {args.shape}" if args.shape else "rendered text"


def shape_note(args: argparse.Namespace) -> str:
    """What the header says of the shape the text and input modes read the pages in."""
    return (f", saved as {args.shape}" if args.shape else "") + (", run together" if args.collapse else "")


def half_argument(ap: argparse.ArgumentParser) -> None:
    """The --half option of a benchmark whose pages are split in two by their place in a list."""
    ap.add_argument("--half", choices=("even", "odd", "all"), default="even",
                    help="even: the pages looked at while developing; odd: held out (default: even)")


def in_half(number: int, half: str) -> bool:
    """Whether the page at place `number` of the list is in the half (--half)."""
    return half == "all" or number % 2 == (half == "odd")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="trafilatura's tests/ folder (evaldata.json, eval/, cache/)")
    reader_arguments(ap, "NNNN.txt")
    half_argument(ap)
    ap.add_argument("--worst", type=int, default=0, help="list the N pages that lost most, per mode")
    args = ap.parse_args(argv)
    evaldata = args.corpus / "evaldata.json"
    if not evaldata.is_file():
        print(f"skipped: no evaldata.json in {args.corpus} (a clone of trafilatura's tests/ folder)")
        return 0
    items = json.loads(evaldata.read_text(encoding="utf-8"))
    pages = [(number, url, items[url]) for number, url in enumerate(sorted(items)) if in_half(number, args.half)]
    modes = reader_modes(args, lambda: render(args.corpus, pages, args.text))
    options = CleanOptions()
    print(f"{args.half} half of {len(items)} pages of {args.corpus}" + shape_note(args))
    print("mode         pages | F1     P      R      | with<half | empty | title | date  | CPU s")
    whole = None  # the pages whose rendered text holds half their "with" snippets or more
    for mode in modes:
        totals, rows, cpu = score(args.corpus, args.text, pages, mode, options, args.collapse, args.shape)
        print(summary(mode, totals, rows, cpu), flush=True)
        if mode in RENDERED_MODES:
            if whole is None:
                whole = holding_half(rows if mode == "input" else
                                     score(args.corpus, args.text, pages, "input", options, args.collapse,
                                           args.shape)[1])
            if len(whole) < len(rows):
                kept = [r for r in rows if r["page"] in whole]
                line = summary("  of them", [sum(r[key] for r in kept) for key in ("tp", "fp", "fn", "tn")], kept, 0.0)
                print(line[:line.rindex("|")] + f"| (the pages whose {input_name(args)} holds half their snippets "
                      "or more)", flush=True)
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            with open(args.out / f"{mode}.jsonl", "w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        for r in sorted(rows, key=lambda r: (r["fn"] - r["tp"], r["fp"]), reverse=True)[:args.worst]:
            print(f"  {r['page']:04d} with {r['tp']}/{r['tp'] + r['fn']} without kept {r['fp']}  {r['file'][:60]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
