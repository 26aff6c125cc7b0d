"""benchmarks/fundus_pages.py scores the cleaner on fundus's parser test pages (a saved page and
what the publisher's parser extracts from it, one version a page); here on a clone made for the
test."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from corpus import ROOT, load_benchmark_script
from ingest.config import CleanOptions
from scripts_corpus import write_page

SCORER = ROOT.parent / "shared" / "eval" / "score_boilerplate.py"
OLD = ["The harbour board approved the new ferry timetable on Monday after a long public hearing.",
       "Ferries will leave every twenty minutes at rush hour, the board said, and every hour at night.",
       "Residents of the islands had asked for earlier morning crossings for years, and now get them."]
NEW = ["The council opened the new market hall on Saturday, two years after the old one burned down.",
       "More than three hundred people queued outside before the doors opened at eight in the morning.",
       "Traders said the rent the council asks of them is fair for a building of its size and place."]


def load_benchmark():
    return load_benchmark_script("fundus_pages")


def add_publisher(clone: Path, country: str, publisher: str, pages: dict[str, list[str]],
                  versions: dict[str, list[str]]) -> None:
    """A publisher's saved pages (date -> paragraphs) and its parser's versions (name -> body)."""
    folder = clone / "tests" / "resources" / "parser" / "test_data" / country
    folder.mkdir(parents=True, exist_ok=True)
    meta_path = folder / "meta.info"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    for date, paragraphs in pages.items():
        name = f"{publisher}_{date}.html.gz"
        write_page(folder / "page.html", paragraphs[0][:40], paragraphs)
        (folder / name).write_bytes(gzip.compress((folder / "page.html").read_bytes()))
        (folder / "page.html").unlink()
        meta[name] = {"url": f"https://{publisher.lower()}.example/{date}", "crawl_date": date}
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    extractions = {version: {"title": "t", "body": {"summary": [], "sections": [{"headline": [], "paragraphs": body}]}}
                   for version, body in versions.items()}
    (folder / f"{publisher}.json").write_text(json.dumps(extractions), encoding="utf-8")


@pytest.fixture
def clone(tmp_path):
    root = tmp_path / "fundus"
    add_publisher(root, "xx", "Courier", {"2024_01_05": OLD, "2025_03_01": NEW}, {"V1": OLD, "V2": NEW})
    # two pages, one version: which page it describes is unclear, the publisher is left out
    add_publisher(root, "yy", "Gazette", {"2024_02_02": OLD, "2024_06_06": NEW}, {"V1": NEW})
    return root


def test_pages_pair_with_the_versions_in_date_order(clone):
    bench = load_benchmark()
    found = bench.cases(clone)
    assert [(case.id, case.body.splitlines()) for case in found] == [("xx-Courier_2024_01_05", OLD),
                                                                     ("xx-Courier_2025_03_01", NEW)]
    assert [case.id for case in bench.cases(clone, {"xx-Courier_2024_01_05"})] == ["xx-Courier_2025_03_01"]


def test_the_body_is_the_summary_then_each_sections_headings_and_paragraphs():
    bench = load_benchmark()
    extraction = {"body": {"summary": ["A short summary."],
                           "sections": [{"headline": [], "paragraphs": ["First."]},
                                        {"headline": ["A sub-heading"], "paragraphs": ["Second.", "Third."]}]}}
    assert bench.body_of(extraction).splitlines() == ["A short summary.", "First.", "A sub-heading", "Second.", "Third."]


def test_a_folder_that_is_no_fundus_clone_is_skipped(tmp_path, capsys):
    assert load_benchmark().main([str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith("skipped")


@pytest.mark.skipif(not SCORER.is_file(), reason="needs ../shared/eval/score_boilerplate.py")
def test_the_html_pages_and_their_rendered_text_are_scored(clone, tmp_path, capsys):
    bench = load_benchmark()
    text = tmp_path / "text"
    text.mkdir()
    # the page as a browser shows it, with the whitespace a browser leaves
    (text / "xx-Courier_2024_01_05.txt").write_text("Home  World\n\n" + "\n\n".join(f"  {p}" for p in OLD)
                                                    + "\n\nContact | Privacy\n", encoding="utf-8")
    assert bench.main([str(clone), "--half", "all", "--modes", "html", "text", "--text", str(text),
                       "--out", str(tmp_path / "out")]) == 0
    rows = {line.split()[0]: line.replace("|", " ").split() for line in capsys.readouterr().out.splitlines()
            if line.startswith(("html", "text"))}
    assert rows["html"][1] == "2" and float(rows["html"][2]) > 0.9  # F1 over both pages
    assert rows["text"][-2] == "1"  # one page has no rendered text: scored as empty
    per_page = [json.loads(line) for line in (tmp_path / "out" / "text.jsonl").read_text().splitlines()]
    assert {row["id"]: row["r"] > 0.9 for row in per_page} == {"xx-Courier_2024_01_05": True,
                                                               "xx-Courier_2025_03_01": False}


def newspaper_clone(root: Path) -> Path:
    """A newspaper4k-shaped clone: saved pages, and the text its tests expect of most of them."""
    data = root / "tests" / "data"
    (data / "html").mkdir(parents=True)
    (data / "txt").mkdir()
    for name, paragraphs in (("harbour", OLD), ("market", NEW)):
        write_page(data / "html" / f"{name}.html", paragraphs[0][:40], paragraphs)
    (data / "txt" / "harbour.txt").write_text("\n\n".join(OLD), encoding="utf-8")
    write_page(data / "html" / "untested.html", "no text", NEW)  # no expected text: left out
    return root


def test_newspaper4k_pages_pair_with_their_expected_text(tmp_path):
    found = load_benchmark().newspaper_cases(newspaper_clone(tmp_path / "np"))
    assert [(case.id, case.body.split("\n\n")) for case in found] == [("harbour", OLD)]


@pytest.mark.skipif(not SCORER.is_file(), reason="needs ../shared/eval/score_boilerplate.py")
def test_newspaper4k_pages_are_scored_as_saved(tmp_path, capsys):
    clone = newspaper_clone(tmp_path / "np")
    assert load_benchmark().main([str(clone), "--half", "all", "--modes", "html"]) == 0
    out = capsys.readouterr().out
    rows = [line.replace("|", " ").split() for line in out.splitlines() if line.startswith("html")]
    assert "not in fundus-dev" not in out
    assert rows[0][1] == "1" and float(rows[0][2]) > 0.9


@pytest.mark.skipif(not SCORER.is_file(), reason="needs ../shared/eval/score_boilerplate.py")
def test_input_mode_scores_the_rendered_text_uncleaned(clone, tmp_path):
    """`input` keeps the rendered text whole: its recall is the most the text mode can reach
    (a page shown without its article has none), its precision what cleaning starts from."""
    text = tmp_path / "text"
    text.mkdir()
    menu = "\n\n".join(f"Section {n} of the site menu with its many links to other pages" for n in range(12))
    (text / "xx-Courier_2024_01_05.txt").write_text(menu + "\n\n" + "\n\n".join(OLD), encoding="utf-8")
    (text / "xx-Courier_2025_03_01.txt").write_text(menu + "\n\n" + NEW[0], encoding="utf-8")  # the rest unshown
    out = tmp_path / "out"
    assert load_benchmark().main([str(clone), "--half", "all", "--modes", "input", "text", "--text", str(text),
                                  "--out", str(out)]) == 0
    rows = {mode: {row["id"]: row for row in map(json.loads, (out / f"{mode}.jsonl").read_text().splitlines())}
            for mode in ("input", "text")}
    whole, cut = rows["input"]["xx-Courier_2024_01_05"], rows["input"]["xx-Courier_2025_03_01"]
    assert whole["r"] == 1.0 and cut["r"] < 0.5  # the body the browser did not show is missing from both
    assert whole["p"] < rows["text"]["xx-Courier_2024_01_05"]["p"]  # the menu is kept whole, cleaned away
    assert rows["text"]["xx-Courier_2025_03_01"]["r"] <= cut["r"]


def test_collapse_runs_the_rendered_text_together_on_one_line(clone, tmp_path):
    """--collapse reads each rendered page as a scraper that collapses whitespace saves it."""
    bench = load_benchmark()
    text = tmp_path / "text"
    text.mkdir()
    (text / "xx-Courier_2024_01_05.txt").write_text("Home\nWorld\n\n" + "\n\n".join(OLD), encoding="utf-8")
    case = bench.cases(clone)[0]
    saved = bench.read(case, "input", text, CleanOptions())
    together = bench.read(case, "input", text, CleanOptions(), collapse=True)
    assert "\n" in saved and "\n" not in together and together.split() == saved.split()


def test_shape_reads_the_html_page_as_a_scraper_saved_it(clone):
    """--shape: the text and input modes read the HTML page saved in that shape, no --text needed."""
    case = load_benchmark().cases(clone)[0]
    saved = load_benchmark().read(case, "input", None, CleanOptions(), shape="text-nodes")
    assert [line for line in OLD if line in saved.splitlines()] == OLD  # a paragraph a line, each whole
    assert load_benchmark().read(case, "input", None, CleanOptions()) is None  # (without it: no rendered page)


@pytest.mark.skipif(not SCORER.is_file(), reason="needs ../shared/eval/score_boilerplate.py")
def test_the_pages_whose_rendered_text_lost_the_body_are_scored_apart_too(clone, tmp_path, capsys):
    """A page whose rendered text lacks half its body is the renderer's loss, not the cleaner's:
    under each mode that reads that text, a line scores the other pages alone."""
    text = tmp_path / "text"
    text.mkdir()
    menu = "\n\n".join(f"Section {n} of the site menu with its many links to other pages" for n in range(12))
    (text / "xx-Courier_2024_01_05.txt").write_text(menu + "\n\n" + "\n\n".join(OLD), encoding="utf-8")
    (text / "xx-Courier_2025_03_01.txt").write_text(menu + "\n\n" + NEW[0], encoding="utf-8")  # the rest unshown
    assert load_benchmark().main([str(clone), "--half", "all", "--modes", "text", "html", "--text", str(text)]) == 0
    lines = capsys.readouterr().out.splitlines()
    cells = [line.replace("|", " ").split() for line in lines]
    text_row = next(i for i, c in enumerate(cells) if c[0] == "text")
    assert cells[text_row][1] == "2" and cells[text_row][-2] == "0"
    assert cells[text_row + 1][:3] == ["of", "them", "1"]  # the page shown whole
    assert float(cells[text_row + 1][5]) > float(cells[text_row][4])  # its recall, above both pages'
    assert cells[text_row + 2][0] == "html"  # (an HTML reading lost nothing to the renderer)


@pytest.mark.skipif(not SCORER.is_file(), reason="needs ../shared/eval/score_boilerplate.py")
def test_no_line_apart_when_every_rendered_text_holds_its_body(clone, tmp_path, capsys):
    text = tmp_path / "text"
    text.mkdir()
    for name, body in (("xx-Courier_2024_01_05", OLD), ("xx-Courier_2025_03_01", NEW)):
        (text / f"{name}.txt").write_text("Home\n\n" + "\n\n".join(body), encoding="utf-8")
    assert load_benchmark().main([str(clone), "--half", "all", "--modes", "text", "--text", str(text)]) == 0
    assert "of them" not in capsys.readouterr().out
