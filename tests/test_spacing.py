"""Japanese sentences saved with a space at each link's edge get their words back.

A converter that saves a page as text puts a space where an inline element starts
or ends: "元タレントの<a>中居正広</a>氏" becomes "元タレントの 中居正広 氏". The sentences
here were written for these tests; the page around them is the usual chrome.
"""

from __future__ import annotations

import json

import pytest

from ingest.clean.spacing import close_inline_gaps
from ingest.config import CleanOptions
from ingest.clean.text import clean_text

# (as the converter saves it, as the page shows it)
LINKED = [
    ("市議会は 新しい 図書館の建設計画を承認し、来年春の着工を目指す方針を示した。",
     "市議会は新しい図書館の建設計画を承認し、来年春の着工を目指す方針を示した。"),
    ("関係者によると、 東京都 の担当者は 予算 の見直しを検討しているという。",
     "関係者によると、東京都の担当者は予算の見直しを検討しているという。"),
    ("地元の サッカー 界は、来季に向けて若手選手の育成を強化すると発表した。",
     "地元のサッカー界は、来季に向けて若手選手の育成を強化すると発表した。"),
]
PLAIN = [
    "会見では、市長が地域の交通網の整備について詳しく説明し、住民の理解を求めた。",
    "計画には、駅前の再開発や新しいバス路線の導入なども含まれている。",
]


@pytest.mark.parametrize("saved, shown", LINKED)
def test_spaces_at_link_edges_leave_a_japanese_sentence(saved, shown):
    assert close_inline_gaps(saved) == shown


@pytest.mark.parametrize("line", [
    "新サービス「ウイルスバスター モバイル」の提供を始めたと発表した。",  # a katakana name of two words
    "市長選 現職が三選 新人二人を破る",  # a headline: its spaces separate its parts
    "きょうの記念日 元旦",  # a label and its value
    "会場は満員だった。 次の公演は来月に予定されている。",  # after a full stop
    "今天上午 市政府召开新闻发布会，介绍了城市交通建设的最新进展。",  # Chinese: a pause
    "대통령은 오늘 국회에서 내년 경제 정책의 방향을 직접 설명했다.",  # Korean words
    "The council met on Monday, and the budget passed.",
])
def test_spaces_the_writer_put_stay(line):
    assert close_inline_gaps(line) == line


def page(body: list[str]) -> str:
    chrome = ["ニュース", "政治", "経済", "スポーツ", "ログイン", "会員登録"]
    head = ["市議会 図書館の建設計画を承認 来年春に着工へ", "", *chrome, "",
            "市議会 図書館の建設計画を承認 来年春に着工へ", "2025年1月14日 10:30", ""]
    tail = ["", "関連記事", "市長選 現職が三選", "駅前再開発 住民説明会を開催", "",
            "Copyright (C) Example Shimbun. All Rights Reserved"]
    return "\n".join(head + [line for b in body for line in (b, "")] + tail)


def test_a_japanese_article_saved_with_link_spaces_keeps_its_words():
    body = [saved for saved, _ in LINKED] + PLAIN
    cleaned = clean_text(page(body), CleanOptions())
    assert list(cleaned.paragraphs) == [shown for _, shown in LINKED] + PLAIN
    assert cleaned.title == "市議会 図書館の建設計画を承認 来年春に着工へ"  # a headline keeps its spaces


def test_a_word_split_by_link_spaces_is_found_by_search(cli, db_path, tmp_path):
    body = [saved for saved, _ in LINKED] + PLAIN
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "library.txt").write_text(page(body), encoding="utf-8")
    cli("ingest", folder, "--db", db_path)
    # as saved, "東京都 の担当者": the phrase spans a link's edge
    hits = [json.loads(line) for line in
            cli("search", "東京都の担当者", "--json", "--db", db_path).stdout.splitlines()
            if line.startswith("{")]
    assert [h["title"] for h in hits] == ["市議会 図書館の建設計画を承認 来年春に着工へ"]


def test_a_page_run_together_on_one_line_keeps_its_spaces():
    """There each space may be a line break the scraper collapsed: no space is closed up."""
    body = [saved for saved, _ in LINKED] + PLAIN * 14
    one_line = " ".join(line for line in page(body).splitlines() if line)
    assert len(one_line) >= 1000  # what the cleaner reads as a page run together
    cleaned = clean_text(one_line, CleanOptions())
    kept = " ".join(cleaned.paragraphs)
    assert LINKED[0][0].split("、")[0] in kept  # "市議会は 新しい 図書館の建設計画を承認"
