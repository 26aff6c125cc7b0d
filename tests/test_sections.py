"""The plain-text article's body where the block search, the teaser rules or the headline
anchor used to lose it: sections of one paragraph under sub-headings, an inline "Read more"
link between two sections, the standfirst under the headline with a share row between."""

from __future__ import annotations

from ingest.clean import rules as R
from ingest.clean.text import clean_text
from ingest.clean.worded import worded_anchor
from ingest.config import CleanOptions

OPTIONS = CleanOptions()
MENU = ["Home", "News", "Politics", "Business", "Sport", "Weather", "Sign in"]
# The footer opens with a line of no rule (the site's name), as most footers do.
FOOTER = ["Coast Herald weekend edition", "About us", "Contact", "Jobs", "Advertise"]
HEADLINE = "Court upholds the fine for the ferry operator"
LEDE = ["The regional court has upheld the fine that the harbour authority set for the ferry operator last spring.",
        "The operator had argued that the timetable it published was only a draft and bound nobody."]
# Sub-headings, each over one paragraph of more words than a teaser's blurb has.
SECTIONS = [(f"The {topic} question",
             f"On the {topic} question the judges found that the operator had known for months what the authority "
             f"expected of it, that its letters to the authority said as much, and that a company of its size "
             f"could not claim to have misread a rule that every other operator on the {topic} route had followed "
             f"without complaint since the rule was first published.")
            for topic in ("timetable", "safety", "pricing", "harbour", "island")]


def _page(*parts: list[str]) -> str:
    return "\n\n".join([HEADLINE + " | Coast Herald", *MENU, HEADLINE, *(line for part in parts for line in part),
                        *FOOTER])


def _removed(cleaned, line: str) -> str | None:
    return next((r.rule for r in cleaned.removed if r.text == line), None)


def test_sections_of_one_long_paragraph_each_are_no_teaser_list():
    """An article whose sections are one paragraph each under a sub-heading keeps them all:
    a teaser's blurb is short, a section's paragraph is not."""
    sections = [line for pair in SECTIONS for line in pair]
    cleaned = clean_text(_page(LEDE, sections), OPTIONS)
    assert cleaned.title == HEADLINE
    for _, paragraph in SECTIONS:
        assert paragraph in cleaned.paragraphs
    assert cleaned.paragraphs[:len(LEDE)] == tuple(LEDE)


def test_a_list_of_short_teasers_after_the_article_still_goes():
    """Headlines each with a one-sentence blurb after the article are its list of teasers."""
    teasers = [line for k, what in enumerate(("bridge", "lighthouse", "marina", "ferry"))
               for line in (f"New {what} plans shown to residents this week",
                            f"The council showed residents the plans for the {what} on Tuesday evening.")]
    cleaned = clean_text(_page(LEDE, [line for pair in SECTIONS for line in pair], teasers), OPTIONS)
    assert not set(teasers) & set(cleaned.paragraphs)
    assert SECTIONS[-1][1] in cleaned.paragraphs


def test_a_sub_heading_after_an_inline_read_more_link_stays():
    """A "Read more: <headline>" link between two sections is the teaser itself: the
    sub-heading after it is the article's, not one of a box's teasers."""
    link = "Read more: Island ferry timetable changes again for the summer season"
    sub, paragraph = SECTIONS[1]
    body = [*LEDE, SECTIONS[0][1], link, sub, paragraph, SECTIONS[2][1], SECTIONS[3][1]]
    cleaned = clean_text(_page(body), OPTIONS)
    assert sub in cleaned.paragraphs
    assert _removed(cleaned, link) == R.RELATED

    # A line under the link with a sentence's end inside it is a photo's caption, not a sub-heading.
    caption = "The island ferry leaves the harbour. (Coast Herald)"
    body = [*LEDE, SECTIONS[0][1], link, caption, paragraph, SECTIONS[2][1], SECTIONS[3][1]]
    assert caption not in clean_text(_page(body), OPTIONS).paragraphs
    # A bare marker ("Related stories") or one whose line ends in a colon introduces the
    # headline under it: that stays a teaser.
    for marker in ("Related stories", "Watch | Residents react to the new timetable:"):
        teaser = "Ferry passengers queue for hours at the harbour"
        body = [*LEDE, SECTIONS[0][1], marker, teaser, SECTIONS[1][1], SECTIONS[2][1], SECTIONS[3][1]]
        assert _removed(clean_text(_page(body), OPTIONS), teaser) == R.TEASER, marker


# A regional news page: its headline words the <title> otherwise, its article is two short
# paragraphs, and the teasers for other stories under it each have a blurb as long.
REGIONAL_TITLE = "Ferry strike: harbour traders expect a slow summer | Coast Herald"
REGIONAL_HEADLINE = "After the ferry strike harbour traders expect a slow summer"
REGIONAL_BODY = ["The traders at the harbour expect a slow start to the summer after the ferry strike, their "
                 "association said on Monday, because fewer visitors have booked rooms.",
                 "Traders say the visitors have other worries",
                 "Most of the visitors who cancelled their trips did so in the week of the strike, and few of them "
                 "have booked again since then, the association's chairwoman told the paper."]
SECTIONS_MENU = ["Coast", "Islands", "Harbour", "Tides", "Traffic", "Events", "Letters", "More from the coast"]
REGIONAL_TEASERS = [line for place, what in (("Northport", "bridge"), ("Eastbay", "school"), ("Westcliff", "library"),
                                             ("Southend", "market"))
                    for line in (f"{place}: council votes on the new {what}",
                                 f"The council of {place} votes on Thursday on the plans for a new {what}, which the "
                                 f"town has argued about for years. Residents can speak at the meeting, the mayor said.",
                                 "more")]


def test_a_headline_that_words_the_title_otherwise_anchors_the_article():
    """With no line that repeats the page title, the one line that shares most of its words
    with it is the headline: the short article under it is the body, not the denser list of
    teasers further down."""
    page = "\n\n".join([REGIONAL_TITLE, *MENU, REGIONAL_HEADLINE, "Updated: 20 April, 14:57",
                        *REGIONAL_BODY, *SECTIONS_MENU, *REGIONAL_TEASERS, *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert REGIONAL_BODY[0] in cleaned.paragraphs and REGIONAL_BODY[2] in cleaned.paragraphs
    assert not set(REGIONAL_TEASERS) & set(cleaned.paragraphs)


def test_a_worded_headline_after_the_article_or_among_teasers_alike_is_no_anchor():
    """The line that words the title must come before the densest block (after it, it is a
    teaser for the story), and be the only one (two alike are a list of teasers)."""
    texts = [REGIONAL_TITLE, "Home", REGIONAL_HEADLINE, *REGIONAL_BODY]
    words = [len(t.split()) for t in texts]
    rules = [None] * len(texts)
    ends = [t.endswith(".") for t in texts]
    assert worded_anchor(texts, words, rules, ends, before=3) == 2
    assert worded_anchor(texts, words, rules, ends, before=2) is None
    twice = texts + ["After the ferry strike the harbour traders expect a slow summer"]
    assert worded_anchor(twice, words + [11], rules + [None], ends + [False], before=3) is None


def test_a_long_paragraph_the_page_shows_twice_is_kept_once():
    """A paragraph of prose shown twice (a preview above a paywall's prompt, then the article)
    is the article: its first copy counts, the second goes as a repeat."""
    paragraph = SECTIONS[0][1]
    promo = "Good local reporting costs money. That is why the Herald offers a digital subscription to its readers."
    page = _page([paragraph, "Subscribe now", "3 free articles left this month", paragraph, "Herald digital offers",
                  promo])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.paragraphs.count(paragraph) == 1
    assert promo not in cleaned.paragraphs


def test_the_article_runs_on_past_the_share_row_under_its_lede():
    """The lede under the headline, then its photo's credit and a long share row, then the
    rest of the article (denser): a share row is no end of the article, the rest is its next
    part, not a notice the headline passed over."""
    lede = ("The regional court has upheld the fine that the harbour authority set for the ferry operator last "
            "spring, ending a dispute that had kept the island's only car ferry in port for most of the summer.")
    share = ["Facebook", "Twitter", "Flipboard", "Pinterest", "Reddit", "LinkedIn", "Email", "Copy Link",
             "Share on Facebook", "Share on X"]
    rest = ["The operator said on Monday that it would not appeal, and that the ferry would keep to the timetable "
            "the authority had set until the end of the year, when a new contract for the route is due.",
            "Islanders welcomed the ruling. The car ferry is their only link to the mainland in winter, when the "
            "small passenger boats stay in port, and its long stop last summer cost the shops dearly."]
    cleaned = clean_text(_page([lede, "Photo: Coast Herald", *share, *rest]), OPTIONS)
    assert cleaned.paragraphs == (lede, *rest)


def test_the_article_runs_on_past_a_code_listing_that_repeats_a_line():
    """Two parts of a how-to under its headline with a code listing between them: a command
    the listing repeats from an earlier one is the article's, not a template line, and the
    denser part after the listing is the article's next part."""
    intro = ["Builds of the harbour's booking service took twenty minutes on a good day, because every change "
             "to its code, however small, made the build install all of its dependencies again from the start, "
             "and the team waited for that many times a day.",
             "The fix took an afternoon: the build file now installs the dependencies before it copies the code, "
             "so a change to the code alone reuses the layer that holds them, and a build takes a minute now."]
    first = ["FROM python:3.12", "COPY . /srv/booking", "RUN pip install /srv/booking", "CMD booking serve"]
    second = ["FROM python:3.12", "COPY requirements.txt /srv", "RUN pip install -r /srv/requirements.txt",
              "COPY . /srv/booking", "RUN pip install /srv/booking", "CMD booking serve"]
    rest = [paragraph for _, paragraph in SECTIONS[:2]]
    cleaned = clean_text(_page([*intro, *first, "The better build file:", *second,
                                *rest]), OPTIONS)
    assert cleaned.paragraphs[:2] == tuple(intro)
    assert cleaned.paragraphs[-2:] == tuple(rest)


def test_a_denser_overlay_after_the_sites_copyright_notice_is_no_article():
    """What a page shows after its footer's copyright notice is an overlay (a dialog, a
    sign-up form, a modal filled with another page): the article before it stays the body,
    however much denser the overlay is."""
    overlay = [f"Members of the Coast Herald club read every {what} without limits, get the weekend edition "
               f"delivered to their door before eight in the morning, and are invited to the readers' evenings "
               f"that the newsroom holds in the harbour hall every month of the year."
               for what in ("story", "column", "report", "interview", "review")]
    article = [LEDE[0], LEDE[1], SECTIONS[0][1]]
    page = "\n\n".join([*MENU, HEADLINE, *article, *FOOTER, *MENU, *SECTIONS_MENU,  # saved without its title
                        "© 2024 Coast Herald. All rights reserved.", *overlay, "Close"])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.paragraphs == tuple(article)


def test_a_japanese_headline_that_words_the_title_otherwise_is_found_by_its_characters():
    """In a script written without spaces the words compared are characters: a headline that
    shares most of its characters with the title's headline part is the anchor."""
    texts = ["市議会が新年度予算案を可決｜港町新聞", "ホーム", "港町の市議会、新年度予算を可決",
             "市議会は二十日、新年度の予算案を賛成多数で可決した。港の整備費が大きく増えた。"]
    words = [len(t) for t in texts]  # lines.word_counts counts characters in these scripts
    rules = [None] * len(texts)
    ends = [False, False, False, True]
    assert worded_anchor(texts, words, rules, ends, before=3) == 2


# A Japanese news page whose article is one paragraph of several sentences between a photo's
# caption and a label (neither ends with 。), with a denser notice at its foot.
JA_ARTICLE = ("【港町＝山田太郎】港町市議会は二十日、新年度の予算案を賛成多数で可決した。老朽化した北側の"
              "桟橋を建て替える費用が盛り込まれ、工事は来年の春に始まる見通しだ。市長は記者会見で「漁業者の"
              "声を聞きながら、夏までに新しい船着き場の設計をまとめたい」と述べた。反対した議員は、市場の"
              "改修を先に進めるべきだと主張した。")
JA_NOTICE = ["港町新聞オンラインに掲載している記事や写真などは、著作権法や国際条約などで保護されています。"
             "港町新聞社など著作権者の承諾を得ずに、転載、インターネット送信などの方法で利用することはできません。",
             "港町新聞オンラインの偽サイトにご注意ください。本物のサイトのアドレスは紙面でお知らせしています。",
             "まずは一週間無料でお試しいただけます。お申し込みはこちらのページから受け付けています。"]


def test_a_japanese_article_of_one_paragraph_between_a_caption_and_a_label_is_the_body():
    """A paragraph of several sentences (。 inside it) is no teaser's blurb, whatever lines
    without 。 (a caption, a label) stand around it: the article under the headline is the
    body, not the denser notice at the page's foot."""
    menu = ["ホーム", "ニュース", "スポーツ", "経済", "文化", "ログイン"]
    page = "\n\n".join(["市議会が新年度予算案を可決 : 港町新聞オンライン", *menu, "市議会が新年度予算案を可決",
                        "2024/04/20 10:00", "予算案を可決した港町市議会の本会議場（二十日）", JA_ARTICLE,
                        "市政の動き", *[f"{place}の話題" for place in ("北区", "南区", "東区", "西区") for _ in range(4)],
                        *menu, *JA_NOTICE, "閉じる"])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.paragraphs == (JA_ARTICLE,)
