"""A video player's controls between two parts of an article (ingest.clean.player)."""

from __future__ import annotations

import pytest

from ingest.config import CleanOptions
from ingest.clean.html import clean_html
from ingest.clean.player import player_lines
from ingest.clean.text import clean_text
from test_textclean import LONG_BODY, rule_of

OPTIONS = CleanOptions()
HEADLINE = "Council approves budget for more buses"
COLOURS = ["White", "Black", "Red", "Green", "Blue", "Yellow", "Magenta", "Cyan"]

# A video.js player as a browser's text shows it: its controls, then its caption-settings dialog
# with each option on a line of its own (some eighty lines: more than a box the article's parts
# are joined across).
PANEL_LINES = [
    "Play Video", "Play", "Mute", "Current Time 0:00", "/", "Duration 0:00", "Loaded: 0%", "Progress: 0%",
    "Stream Type LIVE", "Remaining Time -0:00", "Playback Rate", "1x", "Chapters", "Chapters",
    "descriptions off, selected", "Descriptions", "subtitles settings, opens subtitles settings dialog",
    "subtitles off, selected", "Subtitles", "captions off, selected", "Captions", "Audio Track", "Fullscreen",
    "This is a modal window.", "Beginning of dialog window. Escape will cancel and close the window.",
    "Text", "Color", *COLOURS, "Opacity", "Opaque", "Semi-Transparent",
    "Background", "Color", *COLOURS, "Opacity", "Opaque", "Semi-Transparent", "Transparent",
    "Window", "Color", *COLOURS, "Opacity", "Transparent", "Semi-Transparent", "Opaque",
    "Font Size", *(f"{size}%" for size in (50, 75, 100, 125, 150, 175, 200, 300, 400)),
    "Text Edge Style", "None", "Raised", "Depressed", "Uniform", "Drop shadow",
    "Font Family", "Proportional Sans-Serif", "Monospace Sans-Serif", "Proportional Serif", "Monospace Serif",
    "Casual", "Script", "Small Caps", "Reset restore all settings to the default values", "Done",
    "Close Modal Dialog", "End of dialog window.",
]
# The same player as another save writes it: the dialog's options run together on a line each,
# an option an older player names otherwise ("Foreground", "Semi-Opaque"), the site's own button.
PANEL_RUN_TOGETHER = [
    "Play Video", "Play", "Mute", "Current Time 0:00", "/", "Duration Time 0:00", "Loaded: 0%", "Share",
    "Remaining Time -0:00", "Playback Rate", "Fullscreen", "This is a modal window.",
    "Foreground --- White Black Red Green Blue Yellow Magenta Cyan --- Opaque Semi-Opaque",
    "Background --- White Black Red Green Blue Yellow Magenta Cyan --- Opaque Semi-Transparent Transparent",
    "Font Size 50% 75% 100% 125% 150% 175% 200% 300% 400%",
    "Text Edge Style None Raised Depressed Uniform Dropshadow",
    "Defaults Done", "Close",
    "This is a modal window. This modal can be closed by pressing the Escape key or activating the close button.",
]


def cleaned_page(panel: list[str], body: list[str] = LONG_BODY, headline: str = HEADLINE):
    lines = [headline, *body[:3], *panel, *body[3:], "Home", "Contact us"]
    return clean_text("\n\n".join(lines), OPTIONS)


@pytest.mark.parametrize("panel", [PANEL_LINES, PANEL_RUN_TOGETHER], ids=["a-line-each", "run-together"])
def test_a_video_players_controls_go_and_the_article_around_them_stays_whole(panel):
    cleaned = cleaned_page(panel)
    assert list(cleaned.paragraphs) == LONG_BODY
    assert {rule_of(cleaned, line) for line in panel} == {"phrase:embed"}


# A Chinese article with a player's controls in the player's Chinese (video.js's zh-CN strings).
BODY_ZH = [
    "市议会周一经过长时间辩论，通过了新的预算方案，其中大部分资金将用于改善城市北部的公共交通。",
    "议员们表示，这项计划将为北部地区增加更多公交线路，并为学生和老年人降低票价。",
    "反对者认为，这笔钱应该用于修缮已经拖延多年的道路，而不是购买新的公交车辆。",
    "市长说，她预计第一批新线路将在今年夏天结束之前开通，届时市民可以在网上查询时刻表。",
    "公交司机对这一决定表示欢迎，但要求市议会在新线路开通之前招聘更多的工作人员。",
    "交通部门说，将在春季公布新的时刻表，并在公布之后向乘客征求意见。",
]
PANEL_ZH = ["播放视频", "播放", "静音", "当前时间 0:00", "/", "时长 0:00", "加载完成: 0%", "剩余时间 -0:00", "播放速度",
            "1x", "节目段落", "关闭内嵌字幕, 选择", "内嵌字幕", "全屏", "这是一个弹窗",
            "文字", "颜色", "白", "黑", "红", "不透明度", "不透明", "透明", "背景", "颜色", "白", "黑", "红", "窗口",
            "字体尺寸", "50%", "100%", "200%", "字体边缘样式", "字体库", "重置", "完成", "关闭弹窗", "结束对话窗口"]


def test_a_players_controls_in_chinese_go_too():
    cleaned = cleaned_page(PANEL_ZH, BODY_ZH, "市议会通过新预算")
    assert list(cleaned.paragraphs) == BODY_ZH
    assert {rule_of(cleaned, line) for line in PANEL_ZH} == {"phrase:embed"}


@pytest.mark.parametrize("lines", [
    # a list of colours in an article, a text-size widget with a video's button beside it
    ["Which colour did the readers choose?", "Red", "Green", "Blue", "Yellow", "Close"],
    ["Font Size", "Small", "Medium", "Large", "Play Video", "Close", HEADLINE],
    # two of the player's strings, no more, among an article's lines
    ["Playback Rate", "Audio Track", *LONG_BODY[:2]],
])
def test_short_lines_of_the_players_words_make_no_panel_by_themselves(lines):
    assert not any(player_lines(lines))


def test_the_panel_ends_where_the_article_resumes():
    lines = [*LONG_BODY[:2], *PANEL_LINES, "Red", *LONG_BODY[2:]]
    inside = player_lines(lines)
    assert [line for line, p in zip(lines, inside) if not p] == LONG_BODY


def test_a_players_controls_inside_an_html_article_go():
    panel = "".join(f"<div>{line}</div>" for line in PANEL_LINES)

    def paragraphs(lines: list[str]) -> str:
        return "".join(f"<p>{line}</p>" for line in lines)

    html = f"""<!DOCTYPE html><html><head><title>{HEADLINE} - Daily Bugle</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{HEADLINE}</h1>{paragraphs(LONG_BODY[:3])}<div class="video-js">{panel}</div>{paragraphs(LONG_BODY[3:])}
</article><footer><p>© 2019 Daily Bugle. All rights reserved.</p></footer></body></html>"""
    cleaned = clean_html(html, OPTIONS)
    assert list(cleaned.paragraphs) == LONG_BODY
    assert "phrase:embed" in {r.rule for r in cleaned.removed if r.text == "Playback Rate"}
