"""benchmarks/snippets.py scores the cleaner on trafilatura's evaluation corpus (pages with
snippets that must and must not be kept); here on a corpus of two pages made for the test."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from corpus import load_benchmark_script
from scripts_corpus import write_page

STORY = ["The harbour board approved the new ferry timetable on Monday after a long public hearing.",
         "Ferries will leave every twenty minutes at rush hour, the board said, and every hour at night.",
         "Residents of the islands had asked for earlier morning crossings for years, and now get them."]


def load_benchmark():
    return load_benchmark_script("snippets")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "tests"
    (root / "eval").mkdir(parents=True)
    write_page(root / "eval" / "ferry.html", "New ferry timetable", ["Published 3 May 2024", *STORY])
    write_page(root / "eval" / "other.html", "Harbour news", STORY[::-1])
    evaldata = {"https://example.org/a": {"file": "ferry.html", "with": [STORY[1]], "without": ["Privacy"],
                                          "title": "New ferry timetable", "date": "2024-05-03"},
                "https://example.org/b": {"file": "other.html", "with": [STORY[0], "not on the page"],
                                          "without": ["Contact"]}}
    (root / "evaldata.json").write_text(json.dumps(evaldata), encoding="utf-8")
    return root


def rows(out: Path, mode: str) -> dict[str, dict]:
    return {r["file"]: r for r in map(json.loads, (out / f"{mode}.jsonl").read_text().splitlines())}


def test_html_pages_are_scored_by_their_snippets(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert load_benchmark().main([str(corpus), "--half", "all", "--modes", "html", "--out", str(out)]) == 0
    scored = rows(out, "html")
    assert scored["ferry.html"]["tp"] == 1 and scored["ferry.html"]["fp"] == 0  # the footer's "Privacy" is gone
    assert scored["other.html"]["missed"] == ["not on the page"]
    assert scored["ferry.html"]["title"] is True and scored["other.html"]["title"] is None  # none labelled
    assert scored["ferry.html"]["date"] is True and scored["other.html"]["date"] is None
    out_lines = capsys.readouterr().out.splitlines()
    assert "date" in out_lines[1] and out_lines[2].split("|")[5].strip() == "1.000"  # the one labelled date


def test_the_halves_split_the_pages(corpus, tmp_path):
    benchmark = load_benchmark()
    for half, files in (("even", {"ferry.html"}), ("odd", {"other.html"})):
        out = tmp_path / half
        benchmark.main([str(corpus), "--half", half, "--modes", "html", "--out", str(out)])
        assert set(rows(out, "html")) == files


@pytest.mark.skipif(shutil.which("chromium") is None, reason="no chromium installed")
def test_text_mode_cleans_the_page_as_a_browser_shows_it(corpus, tmp_path):
    out, text = tmp_path / "out", tmp_path / "text"
    load_benchmark().main([str(corpus), "--half", "even", "--modes", "text", "--render", "--text", str(text),
                           "--out", str(out)])
    rendered = (text / "0000.txt").read_text(encoding="utf-8")
    assert rendered.startswith("New ferry timetable\n\n") and STORY[2] in rendered and "<p>" not in rendered
    assert rows(out, "text")["ferry.html"]["tp"] == 1


def test_input_mode_keeps_the_rendered_text_uncleaned(corpus, tmp_path, capsys):
    """`input` scores the rendered page whole: the most the text mode can find of a page's
    snippets, the menu's "Privacy" among what it keeps; cleaned, the menu is gone."""
    text, out = tmp_path / "text", tmp_path / "out"
    text.mkdir()
    menu = "\n".join(["Home", "News", "Privacy", "Contact", "Weather", "Sport"])
    (text / "0000.txt").write_text("New ferry timetable\n\n" + menu + "\n\n" + "\n\n".join(STORY), encoding="utf-8")
    assert load_benchmark().main([str(corpus), "--half", "even", "--modes", "input", "text", "--text", str(text),
                                  "--out", str(out)]) == 0
    uncleaned, cleaned = rows(out, "input")["ferry.html"], rows(out, "text")["ferry.html"]
    assert (uncleaned["tp"], uncleaned["kept"]) == (1, ["Privacy"])
    assert (cleaned["tp"], cleaned["kept"]) == (1, [])
    assert uncleaned["title"] is None and cleaned["title"] is True  # no reader, no title


def test_the_modes_that_read_rendered_text_need_its_folder(corpus, capsys):
    assert load_benchmark().main([str(corpus), "--half", "even", "--modes", "input", "text", "html"]) == 0
    out = capsys.readouterr().out
    assert "input and text modes need --text DIR" in out
    assert [line.split()[0] for line in out.splitlines()[3:]] == ["html"]  # (the message, the half, the head)


def test_shape_reads_each_html_page_as_a_scraper_saved_it(corpus, tmp_path, capsys):
    """--shape text-nodes makes the text and input modes' pages from the HTML (a text node a
    line, as BeautifulSoup's get_text("\\n") saves them): no --text folder is needed."""
    benchmark = load_benchmark()
    saved = benchmark.document(corpus, None, 0, {"file": "ferry.html"}, "input", shape="text-nodes")
    assert saved.text.splitlines()[0] == "New ferry timetable" and STORY[1] in saved.text.splitlines()
    out = tmp_path / "out"
    assert benchmark.main([str(corpus), "--half", "even", "--modes", "input", "text", "--shape", "text-nodes",
                           "--out", str(out)]) == 0
    assert "saved as text-nodes" in capsys.readouterr().out.splitlines()[0]
    assert rows(out, "input")["ferry.html"]["tp"] == rows(out, "text")["ferry.html"]["tp"] == 1


def test_the_pages_whose_saved_text_holds_their_snippets_are_named_by_its_shape(corpus, capsys):
    """The `of them` line scores the pages whose input holds half their snippets, and says
    which input: here the pages saved as text nodes, not rendered."""
    evaldata = json.loads((corpus / "evaldata.json").read_text(encoding="utf-8"))
    evaldata["https://example.org/b"]["with"] = ["not on the page", "nor this"]
    (corpus / "evaldata.json").write_text(json.dumps(evaldata), encoding="utf-8")
    assert load_benchmark().main([str(corpus), "--half", "all", "--modes", "text", "--shape", "text-nodes"]) == 0
    of_them = [line for line in capsys.readouterr().out.splitlines() if line.lstrip().startswith("of them")]
    assert len(of_them) == 1 and "1 |" in of_them[0]
    assert "whose text saved as text-nodes holds half" in of_them[0]


def test_a_missing_corpus_is_skipped_with_a_message(tmp_path, capsys):
    assert load_benchmark().main([str(tmp_path / "nowhere")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_a_snippet_with_soft_hyphens_matches_the_words_without_them(corpus, tmp_path):
    """Some snippets hold the page's soft hyphens ("Auftau\\xadchen"); trafilatura drops them.
    Invisible, they decide nothing: the words match either way."""
    data = json.loads((corpus / "evaldata.json").read_text(encoding="utf-8"))
    data["https://example.org/a"]["with"] = [STORY[1].replace("timetable", "time\u00adtable").replace(
        "twenty", "twen\u00adty")]
    (corpus / "evaldata.json").write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out"
    assert load_benchmark().main([str(corpus), "--half", "all", "--modes", "html", "--out", str(out)]) == 0
    assert rows(out, "html")["ferry.html"]["missed"] == []


def test_collapse_runs_each_rendered_page_together_on_one_line(corpus, tmp_path, capsys):
    """--collapse reads the rendered pages as a scraper that collapses whitespace saves them:
    one line, every word kept; the header says so."""
    text = tmp_path / "text"
    text.mkdir()
    (text / "0000.txt").write_text("New ferry timetable\n\nHome\nNews\n\n" + "\n\n".join(STORY), encoding="utf-8")
    benchmark = load_benchmark()
    item = {"file": "ferry.html"}
    saved = benchmark.document(corpus, text, 0, item, "input")
    together = benchmark.document(corpus, text, 0, item, "input", collapse=True)
    assert "\n" in saved.text and "\n" not in together.text and together.text.split() == saved.text.split()
    assert benchmark.main([str(corpus), "--half", "even", "--modes", "input", "--text", str(text), "--collapse"]) == 0
    assert "run together" in capsys.readouterr().out.splitlines()[0]


def test_the_pages_whose_rendered_text_lost_the_snippets_are_scored_apart_too(corpus, tmp_path, capsys):
    """A page whose rendered text lacks half its "with" snippets lost its article to the renderer:
    a line under the text mode scores the other pages alone."""
    text = tmp_path / "text"
    text.mkdir()
    (text / "0000.txt").write_text("New ferry timetable\n\n" + "\n\n".join(STORY), encoding="utf-8")
    (text / "0001.txt").write_text("Harbour news\n\nHome\nContact", encoding="utf-8")  # its story not shown
    assert load_benchmark().main([str(corpus), "--half", "all", "--modes", "text", "--text", str(text)]) == 0
    cells = [line.replace("|", " ").split() for line in capsys.readouterr().out.splitlines()]
    text_row = next(i for i, c in enumerate(cells) if c[0] == "text")
    assert cells[text_row][1] == "2" and cells[text_row + 1][:3] == ["of", "them", "1"]
    assert float(cells[text_row + 1][5]) == 1.0 > float(cells[text_row][4])  # recall: the page shown whole, both
