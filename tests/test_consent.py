"""Cookie notices (ingest.clean.consent): a site's consent panel is never taken for the article.

A consent panel is a run of long, well-formed sentences. On a page whose title line does
not name the article (Markdown, a page saved without its <title>), nothing but the scores
tells the panel from a short article, and the panel scored higher. A line that names
cookies and the site itself is now a notice; an article about cookies is left alone.
"""

from __future__ import annotations

import pytest
from conftest import HARBOUR_BODY

from ingest.clean.pagescan import match_lines
from ingest.clean.rules import COOKIES
from ingest.clean.text import clean_text
from ingest.config import CleanOptions

OPTIONS = CleanOptions()

ARTICLE = HARBOUR_BODY[:3]
PANEL = [
    "We use cookies and similar technologies on our website to recognise you when you come back, "
    "to remember your settings and to measure how our pages are used, so that we can improve them.",
    "Some of these cookies are set by our advertising partners, who may use them to build a profile "
    "of your interests and show you relevant advertisements on other sites you visit.",
    "You can accept all cookies, reject the ones that are not strictly necessary, or choose which "
    "purposes you allow; you can change your choice at any time in the settings at the foot of this site.",
    "Strictly necessary cookies keep this site secure and remember the contents of your basket, and "
    "they cannot be switched off; performance cookies count visits and traffic sources for our website.",
]


def _page(*blocks: list[str]) -> str:
    return "\n\n".join("\n\n".join(block) for block in blocks)


def test_a_consent_panel_longer_than_the_article_is_not_taken_for_it():
    page = _page(["Home", "News", "Sport", "Weather"], ARTICLE, ["Share this article"], PANEL)
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.paragraphs == tuple(ARTICLE)
    assert {r.text for r in cleaned.removed} >= set(PANEL)
    # the lines that name the site itself are notices; the one about "other sites" goes with them
    assert {r.text for r in cleaned.removed if r.rule == COOKIES} == {PANEL[0], PANEL[2], PANEL[3]}


def test_an_article_about_cookies_keeps_its_lines():
    article = [
        "The browser maker said on Monday that it would stop supporting third-party cookies next "
        "year, the small files that let advertisers follow people from one website to another.",
        "Publishers warned that the change would cut what they earn from advertising, because a site "
        "would no longer know which of its readers had shown interest in a product elsewhere.",
        "Regulators in Brussels said they would study whether the replacement, which keeps the data "
        "inside the browser, gives the company an unfair advantage over other advertising firms.",
    ]
    cleaned = clean_text(_page(["Home", "Technology"], article, ["© 2026 The Daily Post"]), OPTIONS)
    assert cleaned.paragraphs == tuple(article)


@pytest.mark.parametrize("line", [
    "Wir verwenden Cookies, um unsere Website für Sie optimal zu gestalten und fortlaufend zu verbessern.",
    "En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de cookies.",
    "当サイトではクッキーを使用しています。引き続き閲覧することで同意したものとみなします。",
    "本网站使用Cookie来改善您的浏览体验。",
])
def test_notices_in_other_languages_are_found(line):
    assert match_lines(["Ein ganz gewöhnlicher Satz über das Wetter.", line], [7, 12]) == [None, COOKIES]


PANEL_AFTER = [
    "We use cookies on our website to give you the most relevant experience by remembering your "
    "preferences and repeat visits, and to understand how our pages are read.",
    "Cookies that are strictly necessary are set in response to actions made by you, such as setting "
    "your privacy preferences, logging in or filling in forms, and they cannot be switched off.",
    "Performance cookies allow us to count visits and traffic sources, so that we can measure and "
    "improve how well the pages work and see which of them are the most and the least popular.",
]


def test_a_consent_panel_right_after_the_article_ends_it():
    """A notice ends the article as a comments widget does: the panel's lines after it, which
    name cookies but not the site, go with it, although they read as an article's sentences."""
    page = _page(["Home", "News"], ARTICLE, PANEL_AFTER)
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.paragraphs == tuple(ARTICLE)
    assert {r.text for r in cleaned.removed} >= set(PANEL_AFTER)


def test_a_notice_above_the_article_does_not_end_it():
    page = _page(["Home", "News"], PANEL_AFTER[:1], ["Accept", "Reject"], ARTICLE, ["© 2026 The Daily Post"])
    assert clean_text(page, OPTIONS).paragraphs == tuple(ARTICLE)
