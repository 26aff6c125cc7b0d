"""The article's title is its headline, not the byline, date or share row under it.

The body decides where the article starts; the line just above it is often the
byline ("Emma Stone Lifestyle Writer"), the date ("05.06.2025 um 14:46") or a share
row's label. Where the page repeats its <title> as a headline, that headline is
the title; where it does not, a line of digits is still no title.
"""

from __future__ import annotations

import pytest

from conftest import COUNCIL_BODY, COUNCIL_BODY_DE
from ingest.clean.text import clean_text
from ingest.config import CleanOptions

HEADLINE = "Council approves new budget with more buses for the north"
NAV = ["Home", "News", "Sport", "Business", "Weather", "Sign in"]


def page(above_body: list[str], page_title: bool = True) -> str:
    head = [f"{HEADLINE} | The Daily Example", ""] if page_title else []
    lines = head + NAV + ["", HEADLINE, ""] + above_body + [""]
    lines += [line for sentence in COUNCIL_BODY for line in (sentence, "")]
    lines += ["Related stories", "Mayor opens new library", "Bus fares to rise in spring", "",
              "© 2025 The Daily Example. All rights reserved."]
    return "\n".join(lines)


@pytest.mark.parametrize("above_body", [
    ["By Jane Porter", "Lifestyle Writer"],
    ["Jane Porter News Reporter"],
    ["05.06.2025 um 14:46"],
    ["Published: 15:56 BST, 27 April 2025 | Updated: 15:57 BST, 27 April 2025"],
    ["View 6 Images"],
])
def test_the_headline_the_page_repeats_is_the_title(above_body):
    cleaned = clean_text(page(above_body), CleanOptions())
    assert cleaned.title == HEADLINE
    assert list(cleaned.paragraphs) == COUNCIL_BODY


@pytest.mark.parametrize("date", ["05.06.2025 um 14:46", "2025年6月5日 14:46", "Jun 5, 2025, 8:54 PM UTC |"])
def test_a_date_above_the_body_is_no_title_without_a_page_title(date):
    cleaned = clean_text(page([date], page_title=False), CleanOptions())
    assert cleaned.title == HEADLINE
    assert list(cleaned.paragraphs) == COUNCIL_BODY


def test_a_headline_that_ends_a_sentence_is_the_title_and_not_also_the_standfirst():
    question = "Will the council's new budget bring more buses to the north?"
    text = page(["05.06.2025 um 14:46"]).replace(f"{HEADLINE} | ", f"{question} | ").replace(
        f"\n{HEADLINE}\n", f"\n{question}\n")
    cleaned = clean_text(text, CleanOptions())
    assert cleaned.title == question
    assert question not in cleaned.paragraphs


BODIES = {
    "zh": ["今天上午，市政府召开新闻发布会，介绍了城市交通建设的最新进展和明年的工作安排。",
           "据介绍，新建的地铁线路预计将于明年年底开通运营，覆盖城市东部的多个社区和学校。"],
    "ja": ["市議会は十四日の本会議で、新年度の一般会計予算案を賛成多数で可決した。",
           "予算案には、駅前の新しい図書館の建設費や、子育て支援の拡充などが盛り込まれている。"],
    "ko": ["시의회는 오늘 본회의를 열고 내년도 예산안을 찬성 다수로 통과시켰다고 밝혔다.",
           "예산안에는 북부 지역의 버스 노선을 늘리고 학생 요금을 낮추는 계획이 포함됐다."],
    "en": COUNCIL_BODY,
}
# (the page's <title>, the headline the page repeats under its menu, the body's language)
TITLED = [
    ("市政府发布城市交通建设新规划 地铁新线明年开通_科技_新闻网", "市政府发布城市交通建设新规划 地铁新线明年开通", "zh"),
    ("市議会が新年度予算案を可決 図書館建設へ：例示新聞デジタル", "市議会が新年度予算案を可決 図書館建設へ", "ja"),
    ("시의회, 내년 예산안 통과… 북부 버스 노선 확대-정치ㅣ예시일보", "시의회, 내년 예산안 통과… 북부 버스 노선 확대", "ko"),
    ("'Star Wars' fans queue for days as new budget passes | The Daily Example",
     "‘Star Wars’ fans queue for days as new budget passes", "en"),
]


@pytest.mark.parametrize("page_title, headline, language", TITLED)
def test_the_headline_is_found_whatever_the_title_separator_or_quote_style(page_title, headline, language):
    body = BODIES[language]
    lines = [page_title, "", *NAV, "", headline, "", "Jane Porter Lifestyle Writer", ""]
    lines += [line for sentence in body for line in (sentence, "")]
    lines += ["Related stories", "Mayor opens new library", "Bus fares to rise in spring"]
    cleaned = clean_text("\n".join(lines), CleanOptions())
    assert cleaned.title == headline
    assert list(cleaned.paragraphs) == body


def test_a_headline_in_other_words_than_the_page_title_is_the_title():
    page_title = "Council passes budget with more northern buses | The Daily Example"
    headline = "Council passes $40 million budget with more buses for northern districts"
    lines = [page_title, "", *NAV, "", headline, "", "Jane Porter @JanePorter", ""]
    lines += [line for sentence in COUNCIL_BODY for line in (sentence, "")]
    cleaned = clean_text("\n".join(lines), CleanOptions())
    assert cleaned.title == headline
    assert list(cleaned.paragraphs) == COUNCIL_BODY


# (the page's <title>, a headline that says it in other words, the body's language): in
# scripts written without spaces the two share characters, not whole runs between spaces.
REWORDED = [
    ("市政府发布交通建设新规划 地铁新线明年开通_新闻网", "市政府公布城市交通建设规划：地铁新线将于明年底开通", "zh"),
    ("市議会が新年度予算案を可決、図書館建設へ：例示新聞デジタル", "新年度予算案、市議会で可決 駅前に図書館を建設へ", "ja"),
]


@pytest.mark.parametrize("page_title, headline, language", REWORDED, ids=[r[2] for r in REWORDED])
def test_a_headline_in_other_words_is_the_title_in_scripts_without_spaces(page_title, headline, language):
    body = BODIES[language]
    lines = [page_title, "", *NAV, "", headline, "", "Jane Porter @JanePorter", ""]
    lines += [line for sentence in body for line in (sentence, "")]
    cleaned = clean_text("\n".join(lines), CleanOptions())
    assert cleaned.title == headline
    assert list(cleaned.paragraphs) == body


def test_a_body_sentence_that_repeats_the_title_stays_in_the_body():
    page_title = "The city council approved the new budget on Monday | The Daily Example"
    lines = [page_title, "", *NAV, "", "Jane Porter @JanePorter", ""]
    lines += [line for sentence in COUNCIL_BODY for line in (sentence, "")]
    cleaned = clean_text("\n".join(lines), CleanOptions())
    assert list(cleaned.paragraphs) == COUNCIL_BODY


# (the page's <title>, the body's language): a page whose headline is not among its lines (or
# words the title too differently to be told), with a byline right above the body.
UNNAMED = [
    ("Council budget adds buses to northern districts | The Daily Example", "en"),
    ("Stadtrat beschließt neuen Haushalt: mehr Busse für die nördlichen Bezirke | Beispielblatt", "de"),
    ("市政府介绍城市交通建设最新进展 地铁新线明年年底开通｜新闻网", "zh"),
    ("市議会が新年度予算案を可決 図書館建設へ：例示新聞デジタル", "ja"),
    ("Council budget adds buses to northern districts › The Daily Example", "en"),  # a blog theme's separators
    ("Stadtrat beschließt neuen Haushalt: mehr Busse für die nördlichen Bezirke « Beispielblatt", "de"),
]
BODIES["de"] = COUNCIL_BODY_DE


@pytest.mark.parametrize("page_title, language", UNNAMED, ids=[f"{u[1]}-{k}" for k, u in enumerate(UNNAMED)])
def test_a_page_that_names_no_headline_is_titled_by_its_title_line_not_the_byline(page_title, language):
    body = BODIES[language]
    lines = [page_title, "", *NAV, "", "Jane Porter @JanePorter", ""]
    lines += [line for sentence in body for line in (sentence, "")]
    cleaned = clean_text("\n".join(lines), CleanOptions())
    assert cleaned.title and cleaned.title in page_title
    assert not any(site in cleaned.title for site in ("The Daily Example", "新闻网", "Beispielblatt"))
    assert list(cleaned.paragraphs) == body
    assert (0, page_title, "title") in {(r.line_no, r.text, r.rule) for r in cleaned.removed}


def test_a_first_line_that_shares_no_words_with_the_body_is_no_title():
    menu = "Home News Sport Business Weather Podcasts"  # a page saved without its <title>
    lines = [menu, "", "Jane Porter @JanePorter", ""]
    lines += [line for sentence in COUNCIL_BODY for line in (sentence, "")]
    cleaned = clean_text("\n".join(lines), CleanOptions())
    assert cleaned.title != menu
    assert list(cleaned.paragraphs) == COUNCIL_BODY


# (the headline, the body's language): pages saved without their <title> line, so no line
# repeats it; the line right above the body is a byline.
UNTITLED = [
    (HEADLINE, "en"),
    ("Stadtrat beschließt neuen Haushalt mit mehr Bussen", "de"),
    ("市政府介绍城市交通建设最新进展", "zh"),
    ("市議会が新年度予算案を可決", "ja"),
]


@pytest.mark.parametrize("headline, language", UNTITLED, ids=[u[1] for u in UNTITLED])
def test_a_page_saved_without_its_title_line_is_titled_by_the_headline_that_says_what_the_body_says(
        headline, language):
    body = BODIES[language]
    lines = [*NAV, "", headline, "", "Share this article", "", "Jane Porter @JanePorter", ""]
    lines += [line for sentence in body for line in (sentence, "")]
    lines += ["Related stories", "Mayor opens new library", "Bus fares to rise in spring"]
    cleaned = clean_text("\n".join(lines), CleanOptions())
    assert cleaned.title == headline
    assert list(cleaned.paragraphs) == body


def html_article(title: str, site_name: str | None, url: str, headline: str, body: list[str]) -> str:
    site = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return (f'<html><head><title>{title}</title><meta property="og:title" content="{title}">{site}'
            f'<link rel="canonical" href="{url}"></head><body>'
            f'<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>{headline}</h1>'
            f"{paragraphs}</article><footer>Contact us</footer></body></html>")


# (the page's <title>, og:site_name, its address, the headline as the title should read)
SITE_TITLES = [
    (f"{HEADLINE} | CBC News", "CBC", "https://www.cbc.ca/news/canada/budget-1.2", HEADLINE),
    (f"{HEADLINE} – DW – 28.04.2023", None, "https://www.dw.com/en/budget/a-1", HEADLINE),
    ("市議会が新年度予算案を可決：例示新聞デジタル", "例示新聞デジタル", "https://www.example.jp/a/1", "市議会が新年度予算案を可決"),
    (f"Opinion | {HEADLINE}", "The Daily Example", "https://www.dailyexample.com/o/1", f"Opinion | {HEADLINE}"),
    (HEADLINE, "The Daily Example", "https://www.dailyexample.com/n/1", HEADLINE),
]


@pytest.mark.parametrize("page_title, site_name, url, expected", SITE_TITLES,
                         ids=["site", "site-and-date", "ja", "section-kept", "no-site"])
def test_an_html_title_leaves_out_the_site_and_date_the_page_adds_to_it(page_title, site_name, url, expected):
    from ingest.clean.html import clean_html

    body = BODIES["ja"] if "市議会" in expected else COUNCIL_BODY
    cleaned = clean_html(html_article(page_title, site_name, url, expected, body), CleanOptions())
    assert cleaned.title == expected
    assert list(cleaned.paragraphs) == body


BLOG = "The Harbour Islands Ferry Watchers Weblog"


def blog_page(title: str, kicker: str | None = None) -> str:
    """A blog's page: its name in the banner at the top, wider than the post's headline, then the
    menu, the headline (under it a kicker, if any), the post and the blog's footer."""
    lines = [title, "", BLOG, ""] + NAV + ["", "Winter ferry timetable"] + ([kicker] if kicker else []) + [""]
    lines += [line for sentence in COUNCIL_BODY for line in (sentence, "")]
    lines += ["Older posts", "", BLOG, "Proudly powered by a blog engine"]
    return "\n".join(lines)


def test_a_headline_under_the_sites_banner_is_the_title_where_the_title_ends_with_the_site():
    """"Headline | Site": the site's name is the title's widest part, and the banner repeats it;
    the headline that stands between the banner and the body is the title."""
    cleaned = clean_text(blog_page(f"Winter ferry timetable | {BLOG}"), CleanOptions())
    assert cleaned.title == "Winter ferry timetable"
    assert list(cleaned.paragraphs) == COUNCIL_BODY


def test_a_kicker_under_the_headline_is_no_title_where_the_title_ends_with_the_site():
    """"Kicker | Headline - Site": the anchor is the headline, which does not end the title; the
    kicker standing under it is no headline, though it is an earlier part of the title."""
    cleaned = clean_text(blog_page("Ferry news today | Winter ferry timetable - Harbour News", "Ferry news today"),
                         CleanOptions())
    assert cleaned.title == "Winter ferry timetable"
    assert list(cleaned.paragraphs) == COUNCIL_BODY


@pytest.mark.parametrize("headline", ["VIDEO: Council approves new budget with more buses",
                                      "Erstes Bild: So könnte die neue Seilbahn aussehen",
                                      "Photos: Council approves new budget with more buses"])
def test_a_headline_with_a_media_label_that_repeats_the_page_title_is_the_title(headline):
    # "VIDEO:" or "Bild:" opens a caption as often, but a caption does not repeat the <title>
    text = page([]).replace(HEADLINE, headline)
    cleaned = clean_text(text, CleanOptions())
    assert cleaned.title == headline
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert [r.rule for r in cleaned.removed if r.text == headline] == ["title"]


def test_a_caption_with_a_media_label_under_another_title_stays_a_caption():
    caption = "Photo: Council approves new budget with more buses"
    text = page([caption])
    cleaned = clean_text(text, CleanOptions())
    assert cleaned.title == HEADLINE
    assert [r.rule for r in cleaned.removed if r.text == caption] == ["pattern:caption"]


@pytest.mark.parametrize("run_into", [
    "Home / News / Politics / {}",  # a trail of crumbs before the headline
    "Home → News → {}",  # with any of the breadcrumb rule's separators
    "Home :: News :: {}",
    "{} 3.17 5 12",  # a rating's counts after it
    "12.05.2025 | {}",  # a date set off by a title's separator
    "{} - 12 May 2025",
])
def test_what_a_page_runs_into_its_headline_line_is_no_part_of_the_title(run_into):
    text = page([]).replace(f"\n{HEADLINE}\n", "\n" + run_into.format(HEADLINE) + "\n")
    cleaned = clean_text(text, CleanOptions())
    assert cleaned.title == HEADLINE
    assert list(cleaned.paragraphs) == COUNCIL_BODY


def test_a_deck_run_into_the_headline_line_is_no_part_of_a_title_that_is_the_headline_alone():
    """A page whose <title> is its headline alone, with no site's name: a line that goes on after
    the headline (a deck the page sets beside it) is titled by the headline."""
    text = page([]).replace(f"{HEADLINE} | The Daily Example", HEADLINE)
    text = text.replace(f"\n{HEADLINE}\n", f"\n{HEADLINE} Twelve new routes by the end of next year\n")
    cleaned = clean_text(text, CleanOptions())
    assert cleaned.title == HEADLINE
    assert list(cleaned.paragraphs) == COUNCIL_BODY


def test_another_sites_name_after_the_headline_is_no_part_of_the_title():
    """A page saved from a syndicating site: its headline line carries the first site's name
    after a separator, which the page's own <title> does not hold."""
    text = page([]).replace(f"\n{HEADLINE}\n", f"\n{HEADLINE} | Valley Wire Service\n")
    cleaned = clean_text(text, CleanOptions())
    assert cleaned.title == HEADLINE


@pytest.mark.parametrize("page_title, line", [
    # the title holds what follows the headline's separator (the page sets a no-break space in
    # it where the title has a plain one): it is the headline's own
    (f"{HEADLINE} – a plan for ten years | The Daily Example", f"{HEADLINE} – a plan for ten\xa0years"),
    # a title with a site's name: a line that goes on after a space is a longer headline
    (f"{HEADLINE} | The Daily Example", f"{HEADLINE} and the south"),
])
def test_what_follows_the_headline_stays_where_the_title_does_not_set_it_apart(page_title, line):
    text = page([]).replace(f"{HEADLINE} | The Daily Example", page_title).replace(f"\n{HEADLINE}\n", f"\n{line}\n")
    cleaned = clean_text(text, CleanOptions())
    assert cleaned.title == line


@pytest.mark.parametrize("headline", [
    "Weekly report 14. - 20. May 2025",  # a date range: what is left is no headline
    "Bus plan / Council approves new budget",  # one kicker before a slash is no trail of crumbs
    "Council approves new budget for 2025",  # digits the <title> holds too
])
def test_a_headline_keeps_its_own_dates_digits_and_kicker(headline):
    text = page([]).replace(HEADLINE, headline)
    cleaned = clean_text(text, CleanOptions())
    assert cleaned.title == headline


def test_a_trail_of_crumbs_taken_for_the_headline_gives_its_last_crumb():
    """A page whose headline line is the trail of crumbs to it (the <title>'s widest part is no
    line of the page): the title is the trail's last crumb, not the trail."""
    body = ["Emden is a harbour town in East Frisia, on the river Ems, close to the border with the Netherlands.",
            "Its old town lost most of its buildings in the war, but the town hall and the harbour were rebuilt.",
            "Visitors come for the art gallery, the lighthouse ship and the boat tours through the canals."]
    trail = "You are here: Home » Europe » Germany » Lower Saxony » Emden"
    lines = ["Emden - Sights and attractions", "", "Home", "Travel", "Hotels", "", trail, ""]
    lines += [line for sentence in body for line in (sentence, "")] + ["Related", "Leer", "Aurich"]
    cleaned = clean_text("\n".join(lines), CleanOptions())
    assert cleaned.title == "Emden"
    assert list(cleaned.paragraphs) == body


def test_a_one_word_headline_that_is_a_part_of_the_title_is_the_title():
    """A headline of one word under a <title> whose widest part is the site's tagline: the line
    above the body that is one of the title's parts is the headline (too few words to be read as
    one otherwise)."""
    body = ["Im Winter sind die Möglichkeiten zu fischen begrenzter als in der warmen Jahreszeit am See.",
            "Ein zu Unrecht unterschätzter Zielfisch ist der Hecht, der auch bei kaltem Wasser gut beisst.",
            "Kleine, rundliche Gummifische und genügend Gewicht bringen im Winter die meisten Bisse."]
    lines = ["Winterhechte | fisch.example | Das Magazin für Fischer und Angler", "", "Start", "Shop",
             "Newsletter", "", "26.01.2022 | Praxis", "Winterhechte", ""]
    lines += [line for sentence in body for line in (sentence, "")] + ["Stellensuche", "Impressum"]
    cleaned = clean_text("\n".join(lines), CleanOptions())
    assert cleaned.title == "Winterhechte"
    assert list(cleaned.paragraphs) == body


def test_a_tables_header_row_above_the_body_is_no_title():
    """The line just above the body is a table's header row, its cells a tab apart as a page's
    text shows them: the headline is the line above it."""
    body = ["Anna Berg painted the harbour of her home town for more than forty years, in oil and in watercolour.",
            "The list below names every painting of the harbour we know of, with its owner, technique and year.",
            "Most of the early harbour paintings are in private hands; the museum of the town holds the later ones."]
    lines = ["Start", "Exhibitions", "Contact", "", "Paintings by Anna Berg", "",
             "Owner\tHarbour painting\tTechnique\tYear", ""]
    lines += [line for sentence in body for line in (sentence, "")] + ["Imprint", "Privacy"]
    cleaned = clean_text("\n".join(lines), CleanOptions())
    assert cleaned.title == "Paintings by Anna Berg"
    assert list(cleaned.paragraphs) == body


@pytest.mark.parametrize("contact", ["Any questions? Write to info@surf.example", "More at www.surf.example/boards"])
def test_a_line_with_an_address_above_the_body_is_no_title(contact):
    """A contact line or a link's target just above the body, an e-mail or web address written
    out: the headline is the line above it."""
    body = ["Ben Wilson has shaped surfboards on the north coast for thirty years, one board at a time.",
            "Every board is built for the rider who orders it, after a day on the water together.",
            "The workshop is open to visitors on Saturdays, when the next boards are being glassed."]
    lines = ["Home", "Boards", "Contact", "", "Ben Wilson Surfboards", "", contact, ""]
    lines += [line for sentence in body for line in (sentence, "")] + ["Imprint", "Privacy"]
    cleaned = clean_text("\n".join(lines), CleanOptions())
    assert cleaned.title == "Ben Wilson Surfboards"
    assert list(cleaned.paragraphs) == body


@pytest.mark.parametrize("cut", ["…", "...", " …"])
def test_a_headline_cut_with_an_ellipsis_is_the_titles_whole_headline(cut):
    """The page sets its headline cut to a teaser's length ("... more buses for…"); its title
    line has it whole: the title is the whole headline, without the site."""
    words = HEADLINE.split()
    lines = [f"{HEADLINE} | The Daily Example", "", *NAV, "", " ".join(words[:-2]) + cut, ""]
    lines += [line for sentence in COUNCIL_BODY for line in (sentence, "")]
    cleaned = clean_text("\n".join(lines), CleanOptions())
    assert cleaned.title == HEADLINE
    assert list(cleaned.paragraphs) == COUNCIL_BODY


@pytest.mark.parametrize("date", ["Jun 17", "17.06.2025", "June 17, 2025"])
@pytest.mark.parametrize("page_title", [True, False])
def test_the_date_a_page_sets_over_its_headline_and_into_it_is_no_part_of_the_title(date, page_title):
    """A blog's theme prints the post's date on a line of its own and again at the start of the
    headline's line: the title is the headline."""
    text = page([], page_title).replace(f"\n{HEADLINE}\n", f"\n{date}\n\n{date} {HEADLINE}\n")
    cleaned = clean_text(text, CleanOptions())
    assert cleaned.title == HEADLINE
    assert list(cleaned.paragraphs) == COUNCIL_BODY


def test_a_headline_that_opens_with_the_words_of_the_line_above_keeps_them_where_that_is_no_date():
    text = page([], page_title=False).replace(f"\n{HEADLINE}\n", f"\nSeven questions\n\nSeven questions {HEADLINE}\n")
    assert clean_text(text, CleanOptions()).title == f"Seven questions {HEADLINE}"


@pytest.mark.parametrize("line", [
    f"Bus plan {HEADLINE}",  # the title's kicker, its colon dropped
    f"City transport - {HEADLINE}",  # another kicker the page sets before the headline
])
def test_a_kicker_run_into_the_headline_line_is_no_part_of_the_title(line):
    """The title sets a kicker off with a colon ("Bus plan: Headline | Site"); the page's headline
    line runs a kicker into the headline: the title is the headline."""
    text = page([]).replace(f"{HEADLINE} | The Daily Example", f"Bus plan: {HEADLINE} | The Daily Example")
    cleaned = clean_text(text.replace(f"\n{HEADLINE}\n", f"\n{line}\n"), CleanOptions())
    assert cleaned.title == HEADLINE
    assert list(cleaned.paragraphs) == COUNCIL_BODY


def test_a_headline_line_that_reads_on_into_the_titles_part_after_its_colon_is_the_title():
    """A title part after the colon that opens in lower case goes on a sentence the line says
    whole: the line is the headline."""
    rest = "the plan that brings more buses to the north"
    line = f"The council budget is {rest}"
    text = page([]).replace(f"{HEADLINE} | The Daily Example", f"Council budget review: {rest} | The Daily Example")
    assert clean_text(text.replace(f"\n{HEADLINE}\n", f"\n{line}\n"), CleanOptions()).title == line


DATED_HEADLINE = "Harbour city finally gets the northern routes its riders waited for"


@pytest.mark.parametrize("under_date", [["Jane Porter @janeporter", "Key Points"], ["The Harbour Wire"]])
def test_a_page_saved_without_its_title_is_titled_by_the_headline_over_its_date(under_date):
    """A page saved without its <title> line: its headline says only some of what the body says,
    and stands over the date the article came out; a byline, a label or an agency's name stands
    between the date and the body, or between the headline and the date."""
    above = ["Published 15:56 BST, 27 April 2025", *under_date]
    if under_date[0].startswith("The Harbour"):
        above = [*under_date, "Published 15:56 BST, 27 April 2025"]
    text = page(above, page_title=False).replace(f"\n{HEADLINE}\n", f"\n{DATED_HEADLINE}\n")
    cleaned = clean_text(text, CleanOptions())
    assert cleaned.title == DATED_HEADLINE
    assert list(cleaned.paragraphs) == COUNCIL_BODY


def test_a_line_over_the_date_that_says_nothing_of_the_body_is_no_title():
    """The nearest line over the date that reads as a headline shares no word with the body (a
    post's section, a blog's tagline): it is not taken for the headline, nor is a line further
    up that does (a menu's teaser)."""
    tagline, teaser = "Notes from a quiet harbour town", "Weekend walks along the old canal with the northern ramblers"
    text = page(["Published 15:56 BST, 27 April 2025", "Jane Porter @janeporter"],
                page_title=False).replace(f"\n{HEADLINE}\n", f"\n{teaser}\n\n{tagline}\n")
    assert clean_text(text, CleanOptions()).title not in (tagline, teaser)


QUESTION = "Will the northern districts finally get their buses?"


def test_a_question_is_the_headline_of_a_page_saved_without_its_title():
    """A headline may ask (or exclaim): on a page saved without its <title>, the question that says
    what the body says is the title, not the byline above the body."""
    above = ["Jane Porter News Reporter", "Share on Facebook", "Share on Twitter", "Share by email"]
    text = page(above, page_title=False).replace(f"\n{HEADLINE}\n", f"\n{QUESTION}\n")
    cleaned = clean_text(text, CleanOptions())
    assert cleaned.title == QUESTION
    assert list(cleaned.paragraphs) == COUNCIL_BODY


@pytest.mark.parametrize("line, is_headline", [
    (QUESTION, True),
    # a deck that ends with a question has more words than a headline that asks
    ("Will the northern districts finally get their buses, after the council approved the new budget "
     "on Monday and the mayor promised new routes before summer?", False),
    ("The northern districts will finally get their buses.", False),  # a sentence
])
def test_a_short_question_may_be_a_headline_a_long_one_or_a_sentence_may_not(line, is_headline):
    """headline.topic_headline: the line over the body that says what the body says, on a page
    saved without its <title>; a question of ASKING_HEADLINE_MAX_WORDS words or fewer may be it."""
    from ingest.clean.headline import topic_headline, topic_keys
    from ingest.clean.lines import sentence_ends

    texts = [line, "Share on Facebook", *COUNCIL_BODY]
    rules = [None, "phrase:share", *[None] * len(COUNCIL_BODY)]
    found = topic_headline(texts, [len(t.split()) for t in texts], rules, sentence_ends(texts), 2,
                           lambda: topic_keys(" ".join(COUNCIL_BODY)))
    assert (found == 0) is is_headline
