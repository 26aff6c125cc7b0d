"""Affiliate disclosures (ingest.clean.disclosures): the site's notice that it earns from the
links in its articles is removed as an ad marker, in plain text and in HTML; an article's own
sentences about commissions, affiliates or links stay.
"""

from __future__ import annotations

import pytest
from conftest import HARBOUR_BODY

from ingest.clean.disclosures import disclosure
from ingest.clean.html import clean_html
from ingest.clean.pagescan import match_lines
from ingest.clean.rules import AD, match_line
from ingest.clean.text import clean_text
from ingest.config import CleanOptions

OPTIONS = CleanOptions()

DISCLOSURES = [
    "When you purchase through links on our site, we may earn an affiliate commission. Here’s how it works.",
    "Advertising disclosure: We may receive compensation for some of the links in our stories.",
    "This article contains affiliate links. The products listed have been selected independently by "
    "journalists after hands-on testing. We may earn a commission when you buy through our links.",
    "In diesem Artikel sind Affiliate-Links enthalten. Sollten Sie sich dort für einen Kauf entscheiden, "
    "erhalten wir eine kleine Provision.",
    "Wir verwenden in unseren Artikeln Partnerlinks: beim Kauf erhalten wir eine Provision.",
    "Cet article contient des liens affiliés : nous pouvons toucher une commission si vous achetez.",
    "Este artículo contiene enlaces de afiliados; si compras a través de ellos, podemos recibir una comisión.",
    "(*) Alle mit einem Stern gekennzeichneten Links sind Affiliate-Links. Wenn ihr darüber kauft, erhalten wir eine Provision.",
    "本記事はアフィリエイト広告を利用しています。",
    "이 포스팅은 쿠팡 파트너스 활동의 일환으로, 이에 따른 일정액의 수수료를 제공받습니다.",
]

ARTICLE_LINES = [
    # what an article says about commissions, affiliates and links
    "The European Commission said on Monday that it would buy more vaccines for member states.",
    "“We will buy more vaccines and link the orders to deliveries,” the Commission said.",
    "A local affiliate of the broadcaster reported that the group was linked to the attacks.",
    "The agents earn a commission on every sale, and regulators want the links between them disclosed.",
    "Die Kommission hat am Montag beschlossen, die Provision für Makler zu begrenzen.",
    "欧州委員会は月曜日、ワクチンを追加購入すると発表した。",
    "The affiliate marketing firm said its revenue grew by a fifth last year.",
]


@pytest.mark.parametrize("line", DISCLOSURES)
def test_a_disclosure_is_told(line):
    assert disclosure(line.lower())


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_an_articles_sentence_is_no_disclosure(line):
    assert not disclosure(line.lower())


def test_the_page_scan_finds_what_the_line_rule_finds():
    """match_lines finds a page's disclosures by their link word (or, in Chinese, Japanese and
    Korean, by what the site earns) and gives each line the rule match_line gives it."""
    lines = ["“Quoted” headline of the day", *DISCLOSURES, *ARTICLE_LINES]
    words = [len(line.split()) for line in lines]
    rules = match_lines(lines, words)
    assert rules == [match_line(line, n) for line, n in zip(lines, words)]
    assert rules[1:len(DISCLOSURES) + 1] == [AD] * len(DISCLOSURES)
    assert not any(rules[len(DISCLOSURES) + 1:])


def _page(*blocks: list[str]) -> str:
    return "\n\n".join("\n\n".join(block) for block in blocks)


@pytest.mark.parametrize("where", ["under the headline", "after the article"])
def test_a_disclosure_in_the_body_goes_as_an_ad_marker(where):
    note = DISCLOSURES[0]
    lines = [note, *HARBOUR_BODY] if where == "under the headline" else [*HARBOUR_BODY, note]
    page = _page(["Home", "News", "Travel"], ["Harbour closes northern pier after divers find cracks"], lines,
                 ["© 2026 The Daily Post"])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.paragraphs == tuple(HARBOUR_BODY)
    assert [r.rule for r in cleaned.removed if r.text == note] == [AD]


def test_an_articles_sentences_about_commissions_stay():
    body = [*HARBOUR_BODY[:2], ARTICLE_LINES[0], ARTICLE_LINES[1], ARTICLE_LINES[3]]
    page = _page(["Home", "News"], ["Harbour closes northern pier after divers find cracks"], body,
                 ["© 2026 The Daily Post"])
    assert clean_text(page, OPTIONS).paragraphs == tuple(body)


def test_an_extractors_reading_loses_the_disclosure():
    note = DISCLOSURES[1]
    paragraphs = "".join(f"<p>{p}</p>" for p in [note, *HARBOUR_BODY])
    page = f"""<!DOCTYPE html><html><head><title>Harbour closes northern pier - Daily Post</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Harbour closes northern pier</h1>{paragraphs}</article>
<footer><p>© 2026 Daily Post. All rights reserved.</p></footer></body></html>"""
    cleaned = clean_html(page, OPTIONS)
    assert list(cleaned.paragraphs) == HARBOUR_BODY
    assert AD in {r.rule for r in cleaned.removed if r.text == note}
