"""benchmarks/leads.py scores the cleaner on Postlight Parser's per-site fixtures (a page, its
headline and its article's first words) or goose3's content fixtures (a page and a JSON file of
its expected text); here on clones of both made for the test."""

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
# A site's test as Postlight Parser writes one (the parts the benchmark reads).
TEST = """import assert from 'assert';
describe('Extractor', () => {{
  describe('initial test case', () => {{
    beforeAll(() => {{
      url =
        '{url}';
      const html = fs.readFileSync('./fixtures/{fixture}');
    }});
    it('returns the title', async () => {{
      assert.equal(title, {title});
    }});
    it('returns the content', async () => {{
      const first13 = excerptContent(
        $('*').first().text(),
        13
      );
      assert.equal(
        first13,
        {lead}
      );
    }});
  }});
}});
"""


def load_benchmark():
    return load_benchmark_script("leads")


def js(text: str) -> str:
    """A JavaScript string literal, cut in two and joined with '+' as the tests write long ones."""
    half = len(text) // 2
    return "'" + text[:half].replace("'", "\\'") + "' +\n        '" + text[half:].replace("'", "\\'") + "'"


def add_site(clone: Path, site: str, title: str, paragraphs: list[str], lead: str) -> None:
    (clone / "fixtures").mkdir(parents=True, exist_ok=True)
    write_page(clone / "fixtures" / f"{site}.html", title, paragraphs)
    folder = clone / "src" / "extractors" / "custom" / site
    folder.mkdir(parents=True)
    (folder / "index.test.js").write_text(TEST.format(url=f"https://{site}/story", fixture=f"{site}.html",
                                                      title=js(title), lead=js(lead)), encoding="utf-8")


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    root = tmp_path / "parser"
    add_site(root, "ferry.example", "New ferry timetable", STORY, " ".join(" ".join(STORY).split()[:13]))
    add_site(root, "other.example", "Harbour's news", STORY[::-1], "Words that are on no page at all")
    return root


def rows(out: Path, mode: str) -> dict[str, dict]:
    return {r["site"]: r for r in map(json.loads, (out / f"{mode}.jsonl").read_text().splitlines())}


def test_the_sites_tests_give_page_headline_and_first_words(clone):
    cases = {case.site: case for case in load_benchmark().cases(clone)}
    assert cases["other.example"].title == "Harbour's news"  # joined, unescaped
    assert cases["ferry.example"].lead.split() == " ".join(STORY).split()[:13]
    assert cases["ferry.example"].fixture == clone / "fixtures" / "ferry.example.html"


def test_html_pages_are_scored_by_their_first_words_and_headline(clone, tmp_path, capsys):
    out = tmp_path / "out"
    assert load_benchmark().main([str(clone), "--modes", "html", "--out", str(out), "--misses"]) == 0
    scored = rows(out, "html")
    assert scored["ferry.example"]["lead"] and scored["ferry.example"]["title"]
    assert not scored["other.example"]["lead"] and scored["other.example"]["title"]
    printed = capsys.readouterr().out
    assert "other.example" in printed and "ferry.example wants" not in printed


@pytest.mark.skipif(shutil.which("chromium") is None, reason="no chromium installed")
def test_text_mode_cleans_the_page_as_a_browser_shows_it(clone, tmp_path):
    out, text = tmp_path / "out", tmp_path / "text"
    load_benchmark().main([str(clone), "--modes", "text", "--render", "--text", str(text), "--out", str(out)])
    rendered = (text / "ferry.example.txt").read_text(encoding="utf-8")
    assert rendered.startswith("New ferry timetable\n\n") and STORY[2] in rendered and "<p>" not in rendered
    assert rows(out, "text")["ferry.example"]["lead"]


def test_input_mode_finds_the_first_words_the_rendered_text_holds(clone, tmp_path):
    """`input` reads the rendered page uncleaned: its first words are found wherever the
    browser showed them, far below the site's menu (the most the text mode can find)."""
    text, out = tmp_path / "text", tmp_path / "out"
    text.mkdir()
    menu = "\n".join(f"Section {n}" for n in range(80))
    (text / "ferry.example.txt").write_text("New ferry timetable\n\n" + menu + "\n\n" + "\n\n".join(STORY),
                                           encoding="utf-8")
    assert load_benchmark().main([str(clone), "--modes", "input", "--text", str(text), "--out", str(out)]) == 0
    scored = rows(out, "input")
    assert set(scored) == {"ferry.example"}  # the other site has no rendered page
    assert scored["ferry.example"]["lead"] and scored["ferry.example"]["above"] > 300
    assert scored["ferry.example"]["title"] is False  # no reader, no title


@pytest.fixture
def goose_clone(tmp_path: Path) -> Path:
    """A goose3 clone's tests/data/content/: two saved pages and one of its hand-made fixtures."""
    content = tmp_path / "goose3" / "tests" / "data" / "content"
    content.mkdir(parents=True)
    pages = {"test_ferry": ("New ferry timetable", STORY, " ".join(STORY * 3)),
             "test_other": ("Harbour's news", STORY[::-1], "Words that are on no page at all"),
             "test_pattern_config": ("Made by hand", STORY, STORY[0])}
    for name, (title, paragraphs, expected) in pages.items():
        write_page(content / f"{name}.html", title, paragraphs)
        spec = {"url": f"https://{name}.example/story", "expected": {"cleaned_text": expected, "title": title}}
        (content / f"{name}.json").write_text(json.dumps(spec), encoding="utf-8")
    return tmp_path / "goose3"


def test_goose3_fixtures_give_the_pages_and_their_expected_starts(goose_clone):
    cases = {case.site: case for case in load_benchmark().cases_of(goose_clone)}
    assert set(cases) == {"ferry", "other"}  # the hand-made fixture is no saved page
    ferry = cases["ferry"]
    assert ferry.title == "New ferry timetable"
    assert " ".join(STORY * 3).startswith(ferry.lead) and len(ferry.lead) == load_benchmark().GOOSE_LEAD_CHARS


def test_goose3_pages_are_scored_like_postlight_ones(goose_clone, tmp_path, capsys):
    out = tmp_path / "out"
    assert load_benchmark().main([str(goose_clone), "--modes", "html", "--out", str(out)]) == 0
    scored = rows(out, "html")
    assert scored["ferry"]["lead"] and scored["ferry"]["title"] and not scored["other"]["lead"]
    assert "2 pages of" in capsys.readouterr().out


def test_a_missing_clone_is_skipped_with_a_message(tmp_path, capsys):
    assert load_benchmark().main([str(tmp_path / "nowhere")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_first_words_are_found_by_their_pieces_a_caption_among_them_allowed():
    lead_at = load_benchmark().lead_at
    words = "".join(STORY[0].split())
    caption = "PhotobyourstaffphotographerattheHarbourBoard"
    assert lead_at("Menu" + words, words) == len("Menu")
    assert lead_at(words, caption + words) == 0  # the caption the extractor kept is not in the body
    assert lead_at(words[:20], words) is None  # too little of them
