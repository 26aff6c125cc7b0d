"""How the cleaner does on fundus's own test pages that ../shared/eval/fundus-dev left out (or on newspaper4k's).

usage: python benchmarks/fundus_pages.py CLONE [--text DIR] [--render] [--half even|odd|all]
                                         [--modes text html trafilatura readability input] [--per-page]

CLONE is a clone of https://github.com/flairNLP/fundus. Its parser tests keep, for each of some
180 publishers in 41 countries (German ones most, then American, British, South African,
Spanish, Japanese, Korean, ...), a saved article page (tests/resources/parser/test_data/CC/
PUBLISHER_DATE.html.gz, its address in CC/meta.info) and, in CC/PUBLISHER.json, what that
publisher's hand-written parser extracts from it, one entry a parser version (V1, V2, ... in
the order of the pages' dates). The body is its summary, then each section's sub-headings and
paragraphs: the gold of ../shared/eval/fundus-dev, made the same way. A publisher whose pages
and versions do not pair one to one is left out, and so is a page whose body has fewer than
200 characters. fundus-dev holds 147 of these 252 pages; this benchmark scores the other
105, from 24 countries (with ../shared absent there is no scorer, and it exits with a message).

The pages are split by their place in the sorted list: the even half is the one to read while
developing, the odd half is held out (score it rarely: before and after a change, never page by
page). The cleaner was first scored on both on 2026-12-06, before any change was made for them.

CLONE may instead be a clone of https://github.com/AndyTheFactory/newspaper4k: tests/data/html/
holds some twenty saved news pages (CNN, Time, Wired, Fox 13 and pages in Arabic, Burmese,
Chinese, Japanese, Korean, Latvian, Spanish, Thai), and tests/data/txt/ the text newspaper4k's
tests expect of each (its extractor's, checked by its maintainers): that text is the gold. These
pages were first scored on 2026-12-06 before any change was made for them, then read: score them
whole (--half all), they are no held-out set.

Modes: `text` cleans the page as a browser shows it (headless Chromium's inner text, each line's
whitespace collapsed as the dev sets' text pages have it; --render fills --text DIR with ID.txt),
`html` cleans the HTML, `trafilatura` and `readability` run those extractors alone; `input`
(asked for by name) keeps the rendered text whole, uncleaned: its recall is the most the text
mode can reach (a live blog or a paywalled page the browser showed without its article). Scores are
the shared scorer's: F1 of the pages' mean precision and recall over word 4-grams, and the pages
whose recall is under 0.5. Under `text` and `input`, an `of them` line scores the pages whose
rendered text holds half their body or more, alone: what the cleaner does where the renderer left
it the article. --collapse and --shape read the pages as snippets.py does: run together on one
line, or each HTML page saved in a scraper's shape (text-nodes: get_text("\\n")) instead of the
rendered text. Exits 0 with a message when CLONE is absent.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from boilerplate import LOW_RECALL, SHARED, load_scorer, readability_alone, render_page, trafilatura_alone  # noqa: E402
from snippets import (RENDERED_MODES, half_argument, in_half, input_name, reader_arguments, reader_modes,  # noqa: E402
                      render_files, shape_note)
from page_shapes import as_scraped  # noqa: E402

from ingest.clean import clean_document  # noqa: E402
from ingest.config import CleanOptions  # noqa: E402
from ingest.decode import decode  # noqa: E402
from ingest.models import HTML, TEXT, RawDocument  # noqa: E402

TEST_DATA = Path("tests/resources/parser/test_data")
MIN_BODY_CHARS = 200


@dataclass(frozen=True)
class Case:
    id: str  # CC-PUBLISHER_DATE, as fundus-dev names its pages
    page: Path  # the saved page, gzipped (fundus) or not (newspaper4k)
    url: str
    body: str


def body_of(extraction: dict) -> str:
    """The body fundus's parser extracted: its summary, then each section's sub-headings and
    paragraphs, a line each."""
    body = extraction.get("body") or {}
    lines = list(body.get("summary", []))
    for section in body.get("sections", []):
        lines += section.get("headline", []) + section.get("paragraphs", [])
    return "\n".join(lines).strip()


def cases(clone: Path, leave_out: set[str] = frozenset()) -> list[Case]:
    """The clone's test pages with their bodies, sorted by id, without those in `leave_out`."""
    found = []
    for meta in sorted((clone / TEST_DATA).glob("*/meta.info")):
        country, pages = meta.parent.name, json.loads(meta.read_text(encoding="utf-8"))
        by_publisher: dict[str, list[str]] = {}
        for name in pages:
            by_publisher.setdefault(name.rsplit("_", 3)[0], []).append(name)
        for publisher, names in by_publisher.items():
            extractions = meta.parent / f"{publisher}.json"
            if not extractions.is_file():
                continue
            versions = json.loads(extractions.read_text(encoding="utf-8"))
            if len(versions) != len(names):  # which page goes with which version is unclear
                continue
            for name, version in zip(sorted(names), sorted(versions), strict=True):
                case_id = f"{country}-{name.removesuffix('.html.gz')}"
                body = body_of(versions[version])
                if case_id not in leave_out and len(body) >= MIN_BODY_CHARS and (meta.parent / name).is_file():
                    found.append(Case(case_id, meta.parent / name, pages[name].get("url", ""), body))
    return sorted(found, key=lambda case: case.id)


NEWSPAPER_DATA = Path("tests/data")


def newspaper_cases(clone: Path) -> list[Case]:
    """A newspaper4k clone's saved pages (tests/data/html/NAME.html) that have the text its tests
    expect (tests/data/txt/NAME.txt), sorted by name."""
    found = []
    for page in sorted((clone / NEWSPAPER_DATA / "html").glob("*.html")):
        text = clone / NEWSPAPER_DATA / "txt" / f"{page.stem}.txt"
        if text.is_file():
            body = text.read_text(encoding="utf-8").strip()
            if len(body) >= MIN_BODY_CHARS:
                found.append(Case(page.stem, page, "", body))
    return found


def page_bytes(case: Case) -> bytes:
    """The saved page's bytes (unzipped)."""
    data = case.page.read_bytes()
    return gzip.decompress(data) if case.page.suffix == ".gz" else data


def dev_ids() -> set[str]:
    """The ids of ../shared/eval/fundus-dev's pages, if it is there."""
    gold = SHARED / "eval" / "fundus-dev" / "gold.jsonl"
    if not gold.is_file():
        return set()
    return {json.loads(line)["id"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()}


def render(pages: list[Case], folder: Path) -> None:
    """Write folder/ID.txt for each page that has none yet (its HTML unzipped first)."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        jobs = []
        for case in pages:
            if not (folder / f"{case.id}.txt").exists():
                source = Path(tmp) / f"{case.id}.html"
                source.write_bytes(page_bytes(case))
                jobs.append((case.id, source, folder / f"{case.id}.txt"))
        render_files(jobs)


def as_saved(text: str) -> str:
    """The rendered text with each line's whitespace collapsed, as the dev sets' text pages are."""
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


def read(case: Case, mode: str, text_dir: Path | None, options: CleanOptions,
         collapse: bool = False, shape: str | None = None) -> str | None:
    """The body the mode's reader makes of the page (its rendered text, or the page saved in a
    scraper's `shape` where one is named: boilerplate.render_page; either run together on one
    line with `collapse`); None when it has no input."""
    if mode in RENDERED_MODES:
        if shape:
            text = render_page(decode(page_bytes(case)) or "", shape)
        else:
            path = text_dir / f"{case.id}.txt" if text_dir else None
            if path is None or not path.is_file():
                return None
            text = as_saved(path.read_text(encoding="utf-8"))
        if collapse:
            text = as_scraped(text, collapse=True)
        if mode == "input":
            return text
        data = text.encode("utf-8")
        media = TEXT
    else:
        data = page_bytes(case)
        text = decode(data) or ""
        media = HTML
    if mode == "trafilatura":
        return trafilatura_alone(text, options)
    if mode == "readability":
        return readability_alone(text, options)
    raw = RawDocument(location=f"{case.id}.txt", sha256=hashlib.sha256(data).hexdigest(),
                      media_type=media, content=data, text=text, source="fundus")
    return "\n\n".join(clean_document(raw, options).paragraphs)


def score(scorer, pages: list[Case], mode: str, text_dir: Path | None, options: CleanOptions,
          collapse: bool = False,
          shape: str | None = None) -> tuple[float, float, float, int, int, float, list[tuple[str, tuple[int, int, int]]]]:
    """F1, P, R (the shared scorer's), pages with recall under LOW_RECALL, pages without input,
    CPU seconds, and each page's (id, (tp, fp, fn))."""
    started = time.process_time()
    rows, missing = [], 0
    for case in pages:
        body = read(case, mode, text_dir, options, collapse, shape)
        if body is None:
            missing += 1
            body = ""
        rows.append((case.id, scorer.tp_fp_fn(case.body, body)))
    cpu = time.process_time() - started
    return (*averaged(scorer, rows), missing, cpu, rows)


def averaged(scorer, rows: list[tuple[str, tuple[int, int, int]]]) -> tuple[float, float, float, int]:
    """F1 of the pages' mean precision and mean recall (a page with no output has no precision),
    those means, and the pages with recall under LOW_RECALL, of (id, (tp, fp, fn)) rows."""
    precisions = [scorer.prec(*c) for _, c in rows if c[0] + c[1] > 0]
    recalls = [scorer.rec(*c) for _, c in rows if c[0] + c[2] > 0]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    low = sum(1 for _, c in rows if c[0] + c[2] > 0 and scorer.rec(*c) < LOW_RECALL)
    return f1, p, r, low


def holding_half(scorer, input_rows: list[tuple[str, tuple[int, int, int]]]) -> set[str]:
    """The ids of the pages whose rendered text, all of it (the `input` mode's rows), holds at
    least LOW_RECALL of their body: the others lost it in the rendering (a consent wall, a
    paywall, a page drawn by scripts), and no cleaner can give it back."""
    return {case_id for case_id, counts in input_rows
            if counts[0] + counts[2] == 0 or scorer.rec(*counts) >= LOW_RECALL}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("clone", type=Path, help="a clone of flairNLP/fundus or of AndyTheFactory/newspaper4k")
    reader_arguments(ap, "ID.txt")
    half_argument(ap)
    ap.add_argument("--per-page", action="store_true", help="print each page's precision and recall")
    args = ap.parse_args(argv)
    newspaper = (args.clone / NEWSPAPER_DATA / "txt").is_dir()
    if not (args.clone / TEST_DATA).is_dir() and not newspaper:
        print(f"skipped: no {TEST_DATA} in {args.clone} (a clone of flairNLP/fundus) nor {NEWSPAPER_DATA / 'txt'}"
              " (of AndyTheFactory/newspaper4k)")
        return 0
    scorer_path = SHARED / "eval" / "score_boilerplate.py"
    if not scorer_path.is_file():
        print(f"skipped: the scorer is not there ({scorer_path})")
        return 0
    scorer = load_scorer(scorer_path)
    every = newspaper_cases(args.clone) if newspaper else cases(args.clone, dev_ids())
    pages = [case for k, case in enumerate(every) if in_half(k, args.half)]
    modes = reader_modes(args, lambda: render(pages, args.text))
    options = CleanOptions()
    print(f"{args.half} half of {len(every)} pages of {args.clone}" + ("" if newspaper else " not in fundus-dev")
          + shape_note(args))
    print("mode          pages | F1     P      R      | with<half | no input | CPU s")
    whole = None  # the pages whose rendered text holds half their body or more
    for mode in modes:
        f1, p, r, low, missing, cpu, rows = score(scorer, pages, mode, args.text, options, args.collapse, args.shape)
        print(f"{mode:12s} {len(pages):6d} | {f1:.4f} {p:.4f} {r:.4f} | {low:9d} | {missing:8d} | {cpu:5.1f}",
              flush=True)
        per_page = [(case_id, scorer.prec(*counts), scorer.rec(*counts)) for case_id, counts in rows]
        if mode in RENDERED_MODES:
            if whole is None:
                whole = holding_half(scorer, rows if mode == "input" else
                                     score(scorer, pages, "input", args.text, options, args.collapse,
                                           args.shape)[-1])
            if len(whole) < len(pages):
                f1, p, r, low = averaged(scorer, [row for row in rows if row[0] in whole])
                print(f"  {'of them':10s} {len(whole):6d} | {f1:.4f} {p:.4f} {r:.4f} | {low:9d} | "
                      f"(the pages whose {input_name(args)} holds half their body or more)", flush=True)
        if args.per_page:
            for case_id, page_p, page_r in sorted(per_page, key=lambda row: row[1] + row[2]):
                print(f"  {case_id[:40]:40s} P {page_p:.3f} R {page_r:.3f}")
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            with open(args.out / f"{mode}.jsonl", "w", encoding="utf-8") as fh:
                fh.writelines(json.dumps({"id": i, "p": page_p, "r": page_r}) + "\n" for i, page_p, page_r in per_page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
