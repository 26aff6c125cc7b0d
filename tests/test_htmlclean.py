"""The HTML cleaner on small pages built here."""

from __future__ import annotations

from conftest import COUNCIL_BODY as BODY
from ingest.config import CleanOptions
from ingest.clean.html import clean_html
from ingest.clean.htmltext import html_to_lines

OPTIONS = CleanOptions()



def html_page(body: list[str], extra: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return f"""<!DOCTYPE html><html><head><title>Council approves budget - Daily Bugle</title>
<meta property="article:published_time" content="2019-05-03T10:00:00Z"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Council approves budget</h1>{paragraphs}{extra}</article>
<aside><h3>Most popular</h3><ul><li><a href="/a">Another story about the weather</a></li></ul></aside>
<footer><p>© 2019 Daily Bugle. All rights reserved.</p></footer>
<script>var tracking = "do not show this";</script></body></html>"""


def test_body_title_and_date():
    cleaned = clean_html(html_page(BODY), OPTIONS)
    assert list(cleaned.paragraphs) == BODY
    assert cleaned.title and "Council approves budget" in cleaned.title
    assert cleaned.published == "2019-05-03"


def test_navigation_footer_and_scripts_are_not_body():
    body = "\n".join(clean_html(html_page(BODY), OPTIONS).paragraphs)
    for junk in ("Home", "Most popular", "All rights reserved", "tracking"):
        assert junk not in body


def test_share_row_inside_article_removed():
    cleaned = clean_html(html_page(BODY, "<p>Share</p><p>Tweet</p>"), OPTIONS)
    assert list(cleaned.paragraphs) == BODY


def test_non_english_body_kept():
    body = ["Городской совет в понедельник после долгих споров утвердил новый бюджет на транспорт.",
            "Депутаты заявили, что план добавит автобусы в северные районы и снизит стоимость проезда.",
            "Противники считают, что деньги лучше направить на ремонт дорог, который давно откладывается."]
    assert list(clean_html(html_page(body), OPTIONS).paragraphs) == body


def test_empty_and_broken_html():
    for html in ("", "   ", "<html>", "<<<>>>", "not html at all"):
        cleaned = clean_html(html, OPTIONS)
        assert isinstance(cleaned.paragraphs, tuple)


def test_html_to_lines_one_block_per_line():
    text = html_to_lines("<html><head><title>T</title><style>p{}</style></head><body>"
                         "<div>One <b>two</b></div><p>Three</p><script>x()</script>four<br>five</body></html>")
    assert text.splitlines() == ["T", "One two", "Three", "four", "five"]
