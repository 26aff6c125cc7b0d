"""benchmarks/boilerplate.py: the row of a set's news pages alone, where its gold marks them
(readability-dev's does: a third of its pages are section fronts, tools and tales)."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from corpus import ROOT, load_benchmark_script
from ingest.models import TEXT
from scripts_corpus import write_page

SCORER = ROOT.parent / "shared" / "eval" / "score_boilerplate.py"
STORY = " ".join(f"The council voted on item {n} of the harbour budget after a long debate." for n in range(12))
TALE = " ".join(f"The dog saw its own face in the river, line {n} of the tale." for n in range(12))


def _gold(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_news_ids_only_where_every_page_is_marked(tmp_path):
    bench = load_benchmark_script("boilerplate")
    marked = _gold(tmp_path, [{"id": "a", "body": STORY, "news": True}, {"id": "b", "body": TALE, "news": False}])
    assert bench.news_ids(marked) == {"a"}
    unmarked = _gold(tmp_path, [{"id": "a", "body": STORY}, {"id": "b", "body": TALE, "news": False}])
    assert bench.news_ids(unmarked) is None  # a set that does not say (aeb-dev, fundus-dev): no row


@pytest.mark.skipif(not SCORER.is_file(), reason="needs ../shared/eval/score_boilerplate.py")
def test_news_row_scores_the_news_pages_alone(tmp_path):
    bench = load_benchmark_script("boilerplate")
    scorer = bench.load_scorer(SCORER)
    gold = _gold(tmp_path, [{"id": "a", "body": STORY, "news": True},
                            {"id": "b", "body": STORY.replace("harbour", "airport"), "news": True},
                            {"id": "c", "body": TALE, "news": False}])
    # Every reading gets the stories right and loses the tale: the news row is perfect; the
    # first reading's row over the whole set is not.
    records = [{"id": "a", "body": STORY}, {"id": "b", "body": STORY.replace("harbour", "airport")},
               {"id": "c", "body": "Menu Home Contact"}]
    row = bench.news_row(scorer, gold, bench.news_ids(gold), [records] * 4)
    cells = row.replace("|", " ").split()
    assert cells[:3] == ["its", "news", "2"]
    assert cells[3:7] == ["1.000", "1.000", "1.000", "0"]  # text F1 P R, pages under half
    assert cells[7:13] == ["1.000", "0", "1.000", "0", "1.000", "0"]
    whole, _, _ = bench.score_records(scorer, records, gold)
    assert whole < 1.0 and bench.low_recall_pages(scorer, records, bench.gold_bodies(gold)) == 1


@pytest.mark.skipif(shutil.which("chromium") is None, reason="no chromium installed")
def test_browser_shape_reads_each_html_page_as_chromium_shows_it(tmp_path):
    """--browser: the pages the dev sets' gold labels, in the shape the outside checks are
    rendered in (the <title>, then the body's text; scripts off)."""
    folder = tmp_path / "html"
    folder.mkdir()
    story = [STORY, TALE]
    write_page(folder / "ferry.html", "New ferry timetable", story)
    (folder / "page.html.gz").write_bytes(gzip.compress((folder / "ferry.html").read_bytes().replace(
        b"</article>", b"<script>document.write('written by a script')</script></article>")))
    (folder / "notes.md").write_text("not a page", encoding="utf-8")
    benchmark = load_benchmark_script("boilerplate")
    pages = benchmark.read_pages(folder, html=True, render=benchmark.BROWSER)
    assert [Path(p.location).name for p in pages] == ["ferry.html", "page.html.gz"]
    for page in pages:
        assert page.media_type == TEXT and page.content == page.text.encode("utf-8")
        assert page.text.startswith("New ferry timetable\n\nHome World\n") and "<p>" not in page.text
        assert all(paragraph in page.text for paragraph in story) and "written by a script" not in page.text
    html = (folder / "ferry.html").read_text(encoding="utf-8")  # one page, with a session of its own
    assert benchmark.render_page(html, benchmark.BROWSER) == pages[0].text
