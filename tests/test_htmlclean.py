"""The HTML cleaner on small pages built here."""

from __future__ import annotations

import pytest

from conftest import COUNCIL_BODY as BODY
from ingest.config import CleanOptions
from ingest.clean.html import clean_html
from ingest.clean.htmltext import html_to_lines
from ingest.clean.choose import (READABILITY, TRAFILATURA, choose_reading, containment, grams, reading_grams,
                                  units)
from ingest.clean.rules import RULES

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


def test_a_year_alone_is_no_publication_date():
    """A page without a date of its own but its footer's "© 2019": htmldate's search of the
    text reads the year as 1 January 2019 (dates.page_date); the page has no date. Its
    metadata's 1 January stands."""
    undated = html_page(BODY).replace('<meta property="article:published_time" content="2019-05-03T10:00:00Z">', "")
    assert "published_time" not in undated and "© 2019" in undated
    assert clean_html(undated, OPTIONS).published is None
    new_year = html_page(BODY).replace("2019-05-03T10:00:00Z", "2019-01-01T08:00:00Z")
    assert clean_html(new_year, OPTIONS).published == "2019-01-01"


@pytest.mark.parametrize("dateline", ["Opublikowano: 2 grudnia 2022", "Publicado el 2 de diciembre de 2022"])
def test_a_stated_date_the_metadata_lacks_is_the_publication_date(dateline):
    """A page whose metadata, date elements and URL give no date, and whose text states it in a
    language htmldate does not read (it takes the footer's "© 2019" for 1 January 2019): the date
    the line classifier reads in the page's text is the page's, whichever reading is the body."""
    undated = html_page(BODY, f"<p class='meta'>{dateline}</p>").replace(
        '<meta property="article:published_time" content="2019-05-03T10:00:00Z">', "")
    cleaned = clean_html(undated, OPTIONS)
    assert list(cleaned.paragraphs) == BODY
    assert cleaned.published == "2022-12-02"


def test_a_page_trafilatura_extracts_nothing_from_keeps_its_metadata():
    """trafilatura returns nothing, metadata included, for a page whose text it prunes (a brief
    set in an <aside>): its title, date, URL, site and author are read on their own."""
    page = ("""<!DOCTYPE html><html lang="en"><head><title>Council approves budget - Daily Bugle</title>
<meta property="og:site_name" content="Daily Bugle"><meta name="author" content="Jane Porter">
<meta property="article:published_time" content="2024-05-03T10:00:00Z">
<link rel="canonical" href="https://bugle.example/council-budget"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav><aside class="brief"><h1>Council approves budget</h1>"""
            + "".join(f"<p>{p}</p>" for p in BODY) + "</aside></body></html>")
    cleaned = clean_html(page, OPTIONS)
    assert set(BODY) <= set(cleaned.paragraphs)
    assert (cleaned.title, cleaned.published, cleaned.url, cleaned.site_name, cleaned.author) == (
        "Council approves budget", "2024-05-03", "https://bugle.example/council-budget", "Daily Bugle", "Jane Porter")


HEADLINE = "Council approves budget for new buses"


def boxed_page(h1: str, title: str = f"{HEADLINE} - Daily Bugle") -> str:
    """A page whose only <h1> is `h1`, a box's heading, with the headline in an <h2>."""
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return f"""<!DOCTYPE html><html><head><title>{title}</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<div class="box"><h1>{h1}</h1><form><input name="email"></form></div>
<div class="story"><h2 class="headline">{HEADLINE}</h2>{paragraphs}</div>
<footer><p>© 2019 Daily Bugle. All rights reserved.</p></footer></body></html>"""


@pytest.mark.parametrize("h1", ["Get the Daily Bugle in your inbox", "Main menu"])
def test_a_box_heading_that_is_the_pages_only_h1_is_not_the_title(h1):
    """trafilatura takes a page's only <h1> for its headline; where that names neither the
    page's <title> nor what the article says, the headline the line classifier found is
    the title."""
    assert clean_html(boxed_page(h1), OPTIONS).title == HEADLINE


def test_a_headline_that_says_what_the_article_says_stays_the_title():
    """An <h1> that words the article otherwise than the page's <title> (an SEO title) stays
    trafilatura's title: its words are the article's."""
    h1 = "Council buys forty electric buses for the northern districts"
    page = boxed_page(h1, title="Electric buses: what the council decided - Daily Bugle")
    assert clean_html(page, OPTIONS).title == h1


def dressed_page(h1: str, og_title: str) -> str:
    """A page whose metadata's title is `og_title` and whose headline is `h1`."""
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return f"""<!DOCTYPE html><html><head><title>{og_title} - Daily Bugle</title>
<meta property="og:title" content="{og_title}"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>{h1}</h1>{paragraphs}</article>
<footer><p>© 2019 Daily Bugle. All rights reserved.</p></footer></body></html>"""


@pytest.mark.parametrize("og_title", [f"Chronicle: {HEADLINE}", f"{HEADLINE} | City news",
                                      HEADLINE.replace("new buses", "'new' buses")])
def test_the_headline_the_page_shows_is_the_title_not_the_metadatas_dressed_copy(og_title):
    """The metadata's title holds the headline's words and a section's name, or other quotes:
    the title is the headline as the page shows it, and that line is not in the body."""
    page = dressed_page(HEADLINE.replace("new buses", "‘new’ buses") if "'" in og_title else HEADLINE, og_title)
    cleaned = clean_html(page, OPTIONS)
    assert cleaned.title == (HEADLINE.replace("new buses", "‘new’ buses") if "'" in og_title else HEADLINE)
    assert list(cleaned.paragraphs) == BODY


SHOWN = "Council buys forty electric buses for the north"


@pytest.mark.parametrize("og_title", ["Forty electric buses for the north, the council decides",
                                      "Council to buy electric buses"])
def test_the_headline_the_page_shows_is_the_title_where_the_metadata_words_it_otherwise(og_title):
    """The metadata's title words the headline for search engines and social cards; the
    page's only <h1>, which shares enough of its words, is the headline readers see, and
    that line is not in the body."""
    cleaned = clean_html(dressed_page(SHOWN, og_title), OPTIONS)
    assert cleaned.title == SHOWN
    assert list(cleaned.paragraphs) == BODY


@pytest.mark.parametrize("h1, og_title", [
    ("Daily Bugle", SHOWN),  # the site's logo, no headline's width
    ("Weather warning for the weekend issued", SHOWN),  # another story's: no words in common
    (f"12 May 2025: {SHOWN}", SHOWN),  # the same headline, dated: the metadata's is the cleaner
    ("Buses", SHOWN),
])
def test_an_h1_that_does_not_word_the_metadatas_title_leaves_it(h1, og_title):
    assert clean_html(dressed_page(h1, og_title), OPTIONS).title == og_title


def test_an_h1_of_several_pieces_or_one_of_several_leaves_the_metadatas_title():
    """A kicker set in an element of its own runs into the <h1>'s text; with two <h1>s the
    page does not say which is the headline."""
    og_title = "Forty electric buses for the north, the council decides"
    kicker = dressed_page(f"<span>Transport</span>{SHOWN}", og_title)
    assert clean_html(kicker, OPTIONS).title == og_title
    two = dressed_page(SHOWN, og_title).replace("<article>", f"<article><h1>{SHOWN} again today</h1>")
    assert clean_html(two, OPTIONS).title == og_title


def test_a_short_line_inside_the_metadatas_title_is_no_headline():
    """A classifier's title narrower than a headline (ANCHOR_MIN_COLUMNS) is not taken for one,
    however it sits inside the metadata's title."""
    from ingest.clean.headline import told_title, topic_keys
    said = lambda: topic_keys(" ".join(BODY))  # noqa: E731
    assert told_title(f"{HEADLINE} - News", "News", f"{HEADLINE} - News", said) == f"{HEADLINE} - News"
    assert told_title(f"Chronicle: {HEADLINE}", HEADLINE, HEADLINE, said) == HEADLINE


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


@pytest.mark.parametrize("wrap", [
    '<div class="story"><div class="body">{}</div></div>',
    '<section>\n<div class="inner">{}</div>\n</section>\n',
])
def test_an_article_container_saved_alone_keeps_its_body(wrap):
    """A scraper that saves only the article's container writes a page with no <html> and
    one element at the top; trafilatura's loader takes that for no HTML at all."""
    page = wrap.format("".join(f"<p>{p}</p>" for p in BODY))
    assert list(clean_html(page, OPTIONS).paragraphs) == BODY


def test_an_article_a_browser_shows_only_with_scripts_off_is_read():
    """Blogger's template puts the post in a script template, for scripts to lay out, and
    again in a <noscript>: what a browser with scripts off shows is the article."""
    story = BODY + ["Bus drivers welcomed the plan but asked the council to hire more staff before the routes open.",
                    "The budget also sets aside money for new shelters at forty stops across the city's outer districts."]
    post = "".join(f"<p>{p}</p>" for p in story)
    page = html_page([], extra=f'<div class="post-body"><script type="text/template">{post}</script>'
                               f"<noscript>{post}</noscript></div>")
    assert list(clean_html(page, OPTIONS).paragraphs) == story


def test_a_noscript_copy_of_an_article_the_page_shows_is_not_read_twice():
    story = BODY + ["Bus drivers welcomed the plan but asked the council to hire more staff before the routes open.",
                    "The budget also sets aside money for new shelters at forty stops across the city's outer districts."]
    post = "".join(f"<p>{p}</p>" for p in story)
    page = html_page(story, extra=f"<noscript>{post}</noscript>")
    assert list(clean_html(page, OPTIONS).paragraphs) == story


def test_a_noscript_asking_to_turn_scripts_on_stays_out():
    notice = ("This site needs JavaScript to work properly. Please enable JavaScript in your browser "
              "settings and reload the page to see the full article.")
    page = html_page(BODY, extra=f"<noscript><p>{notice}</p></noscript>")
    assert list(clean_html(page, OPTIONS).paragraphs) == BODY


def table_laid_out_page(body: list[str]) -> str:
    """A page of the 2000s: menus, article and comments in the cells of nested tables."""
    menu = "".join(f'<td><a href="/{w.lower()}">{w}</a></td>' for w in ("Home", "News", "Sport", "Weather"))
    comments = "".join(f"<tr><td>reader{i} wrote:</td><td>I read this in the paper too, thanks for the story.</td></tr>"
                       for i in range(3))
    article = "".join(f"{p}<br><br>" for p in body)
    return (f"<html><head><title>Council approves budget - Daily Bugle</title></head><body>"
            f'<table width="100%"><tr><td><table><tr>{menu}</tr></table></td></tr>'
            f'<tr><td width="70%"><h1>Council approves budget</h1>{article}</td>'
            f'<td><table><tr><td>Most read</td></tr><tr><td><a href="/a">Another story about the weather</a></td></tr>'
            f"</table></td></tr><tr><td><table>{comments}</table></td></tr>"
            f"<tr><td>© 2005 Daily Bugle. All rights reserved.</td></tr></table></body></html>")


def test_a_page_laid_out_in_tables_is_read_as_blocks():
    """trafilatura writes a layout table's rows as "| cell | cell |" lines: the article's
    paragraphs run together in one cell beside the menus. A table whose cell holds a table or
    most of its text lays out the page, and is read as blocks."""
    cleaned = clean_html(table_laid_out_page(BODY), OPTIONS)
    assert list(cleaned.paragraphs) == BODY


def test_a_table_of_links_in_an_article_is_no_table_row_of_the_body():
    """A box of related stories laid out in a table's cells is links, not data: trafilatura
    wrote it as a "| link | link |" row of the body."""
    related = "".join(f'<td><a href="/story/{i}">{title}</a></td>' for i, title in enumerate(
        ["Bus drivers strike over pay", "New bridge opens in spring", "Mayor answers readers' questions",
         "Schools get new heating", "Parks to stay open later"]))
    page = html_page(BODY, extra=f"<table><tr><td>Related:</td>{related}</tr></table>")
    cleaned = clean_html(page, OPTIONS)
    assert list(cleaned.paragraphs) == BODY


def test_a_data_table_in_an_article_stays_a_table():
    rows = [("Buses", "12.4m", "New routes to the northern districts and lower fares for students, as the plan "
                               "promised, with a review after the first year of service and a report to the council "
                               "on how many people ride the new buses and how late they run on winter evenings."),
            ("Roads", "8.1m", "Repairs to the ring road and the bridges over the river, which have waited for years"),
            ("Parks", "2.0m", "Lighting along the paths of the three largest parks and new benches at the lake"),
            ("Schools", "5.5m", "Roofs and heating in the oldest primary schools, before the coming winter"),
            ("Libraries", "1.1m", "Longer opening hours on Saturdays and a reading room for students")]
    assert len(rows[0][2]) >= 200  # a cell a paragraph long, but a small part of the table
    table = "<table>" + "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows) + "</table>"
    cleaned = clean_html(html_page(BODY, extra=table), OPTIONS)
    assert any(line.startswith("| Buses | 12.4m |") for line in cleaned.paragraphs), cleaned.paragraphs


def test_empty_and_broken_html():
    for html in ("", "   ", "<html>", "<<<>>>", "not html at all"):
        cleaned = clean_html(html, OPTIONS)
        assert isinstance(cleaned.paragraphs, tuple)


def test_html_to_lines_one_block_per_line():
    text = html_to_lines("<html><head><title>T</title><style>p{}</style></head><body>"
                         "<div>One <b>two</b></div><p>Three</p><script>x()</script>four<br>five</body></html>")
    assert text.splitlines() == ["T", "One two", "Three", "four", "five"]


def test_html_to_lines_reads_an_xhtml_page_after_its_xml_declaration():
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">'
            "<head><title>T</title></head><body><p>One</p><p>Two</p></body></html>")
    assert html_to_lines(page).splitlines() == ["T", "One", "Two"]


# Readers' comments: prose sentences of their own, more words than the article.
_TOPICS = ["the bus lanes", "the parking fees", "the school run", "the night trains", "the cycle paths",
           "the river bridge", "the market square", "the ring road"]
_VIEWS = ["have been a mess since the works began", "cost my family more every single month",
          "were promised by three mayors before this one", "deserve a proper vote by every resident",
          "look fine on paper but nobody asked the drivers"]
COMMENTS = [f"Honestly, {t} {v}, and I doubt that this budget changes much for us in {t[4:]} street."
            for t in _TOPICS for v in _VIEWS]


def test_good_extraction_not_replaced_by_longer_reading_with_comments():
    comments = "".join(f'<div class="comment"><p>{c}</p></div>' for c in COMMENTS)
    teasers = "".join(f'<li><a href="/s{i}">{t.capitalize()} and more news from the city hall today</a></li>'
                      for i, t in enumerate(_TOPICS))
    page = html_page(BODY).replace(
        "<footer>", f'<section id="comments" class="comments">{comments}</section>'
                    f'<div class="sidebar"><ul>{teasers}</ul></div><footer>')
    cleaned = clean_html(page, OPTIONS)
    body = "\n".join(cleaned.paragraphs)
    assert list(cleaned.paragraphs) == BODY
    assert "Honestly" not in body and "city hall" not in body
    # the comments are not lost: they are removed lines, each with a rule name
    removed = {r.text: r.rule for r in cleaned.removed}
    assert all(c in removed for c in COMMENTS)
    assert set(removed.values()) <= set(RULES)


def test_one_line_body_with_photo_credit_is_kept():
    # a page whose text sits in one block with the image credit: trafilatura returns one line
    for line in ("Photo: Daily Bugle staff. " + " ".join(BODY), " ".join(BODY) + " (Photo: Reuters)"):
        cleaned = clean_html(html_page([line]), OPTIONS)
        assert list(cleaned.paragraphs) == [line]


def test_article_found_when_trafilatura_finds_nothing():
    # some templates put the story in an <aside>, which trafilatura discards
    page = html_page([]).replace("<aside>", "<aside>" + "".join(f"<p>{p}</p>" for p in BODY) + "</aside><aside>")
    body = "\n".join(clean_html(page, OPTIONS).paragraphs)
    assert all(p in body for p in BODY)
    assert "Home" not in body


def test_source_line_breaks_inside_a_block_are_spaces():
    text = html_to_lines("<html><body><p>\n  When\n</p><p>a <b>\n  b\n</b>\n c</p><pre>x = 1\ny = 2</pre></body></html>")
    assert text.splitlines() == ["When", "a b c", "x = 1", "y = 2"]


def test_readings_compared_by_characters_in_scripts_without_spaces():
    # a Japanese sentence is one \\w+ run: it must still give many 4-grams, not one
    sentence = "市議会は月曜日に長い議論の末に新しい予算を承認した。"
    assert units(sentence)[:4] == ["市", "議", "会", "は"]
    assert len(grams(sentence)) > 10
    assert containment(grams(sentence[:15]), grams(sentence)) == 1.0


def test_choice_needs_containment_not_length():
    article = [reading_grams(BODY[:2]), reading_grams(BODY)]  # a truncated and a whole reading
    longer = reading_grams(BODY + COMMENTS)
    # readability read the whole article where trafilatura stopped early: it contains and extends it
    assert choose_reading(article[0], article[1], article[0]).reading == READABILITY
    # a classifier reading with comments is longer, but readability agrees with trafilatura
    assert choose_reading(article[1], article[1], longer).reading == TRAFILATURA
    # a longer readability reading that does not contain trafilatura's is not taken
    assert choose_reading(article[1], reading_grams(COMMENTS), longer).reading == TRAFILATURA
    # trafilatura found nothing: the reading the other two agree on
    assert choose_reading(set(), article[1], article[1]).reading == READABILITY


def test_readability_taken_when_it_extends_trafilatura_by_half_not_by_a_little():
    stopped = BODY[:2] + [" ".join(BODY[2].split()[:8])]  # trafilatura stopped mid-paragraph
    first, whole = reading_grams(stopped), reading_grams(BODY)
    assert 0.5 * len(first) <= len(whole - first) < len(first)  # more than half again, not twice
    # readability contains it and goes on by more than half again
    assert choose_reading(first, whole, first).reading == READABILITY
    # readability adds a short caption-sized remainder only: trafilatura's reading stays
    caption = reading_grams(BODY + ["Photo: the council chamber on Monday evening."])
    assert choose_reading(whole, caption, whole).reading == TRAFILATURA



def test_thresholds_given_as_arguments_move_the_choice_as_the_module_defaults_do():
    """benchmarks/chooser_cv.py refits EXTEND and CONTAIN through choose_reading's arguments."""
    stopped = BODY[:2] + [" ".join(BODY[2].split()[:8])]
    first, whole = reading_grams(stopped), reading_grams(BODY)
    share = len(whole - first) / len(first)  # how much readability adds, against trafilatura's reading
    assert choose_reading(first, whole, first).reading == READABILITY  # the defaults take it
    assert choose_reading(first, whole, first, extend=share + 0.01).reading == TRAFILATURA
    assert choose_reading(first, whole, first, extend=share - 0.01).reading == READABILITY
    # readability's reading misses the first words of the article: the default containment
    # takes it, asking for all of trafilatura's 4-grams refuses it
    partial = reading_grams([" ".join(BODY[0].split()[2:])] + BODY[1:])
    assert 0.8 <= containment(first, partial) < 1.0
    assert choose_reading(first, partial, first).reading == READABILITY
    assert choose_reading(first, partial, first, contain=1.0).reading == TRAFILATURA


@pytest.mark.parametrize("script", ["ja", "zh"])
def test_a_japanese_or_chinese_page_keeps_its_body(script):
    """A page in a script without spaces keeps every body paragraph, as HTML and as plain text."""
    from ingest.clean.text import clean_text
    from scripts_corpus import article
    title, body = article(3, script)
    assert list(clean_html(html_page(body), OPTIONS).paragraphs) == body
    text = "\n".join(["Home | News | Sport", title, *body, "© 2019 Daily Bugle. All rights reserved."])
    assert list(clean_text(text, OPTIONS).paragraphs) == body


# A slideshow the page embeds in the article as a list: each slide a counter, a title and a caption.
_SLIDES = [f"{k}/12 {t.capitalize()} closes early The operator said {t} would stay shut while engineers "
           f"inspected the damage left by the storm last week." for k, t in
           enumerate(["the bus depot", "the tram line", "the harbour ferry", "the cable car", "the bike hire",
                      "the ring road", "the river bridge", "the night trains", "the market square",
                      "the school run", "the cycle paths", "the park and ride"], start=1)]


def test_a_slideshow_kept_as_a_list_inside_the_article_is_removed_as_a_gallery():
    gallery = "<ul>" + "".join(f"<li>{slide}</li>" for slide in _SLIDES) + "</ul>"
    page = html_page(BODY[:2], gallery + "".join(f"<p>{p}</p>" for p in BODY[2:]))
    cleaned = clean_html(page, OPTIONS)
    assert list(cleaned.paragraphs) == BODY
    removed = {r.text: r.rule for r in cleaned.removed}
    assert all(removed.get("- " + slide, removed.get(slide)) == "pattern:gallery" for slide in _SLIDES)


# A code listing in an article: lines shaped like a bullet, a counter and a breadcrumb.
_CODE = ["SELECT period,", "*,", "(n - series_avg) / series_stddev AS zscore", "3", "FROM readings;"]


def test_lines_of_a_code_listing_are_no_shape_rules_lines():
    listing = "<pre><code>" + "\n".join(_CODE) + "</code></pre>"
    cleaned = clean_html(html_page(BODY[:2], listing + "".join(f"<p>{p}</p>" for p in BODY[2:])), OPTIONS)
    body = list(cleaned.paragraphs)
    assert all(line in body for line in _CODE), body
    assert not any(r.text in _CODE for r in cleaned.removed)



@pytest.mark.parametrize("dateline", ["Veröffentlicht am 06.12.2022", "Posted: Thursday, April 21, 2022. 10:11 pm CST."])
def test_a_date_line_an_extractor_keeps_at_the_top_of_the_article_goes(dateline):
    """trafilatura keeps the date line inside the <article> as its first paragraph; it is the
    page's metadata (as the line classifier reads such a line above or atop the body)."""
    cleaned = clean_html(html_page([dateline, *BODY]), OPTIONS)
    assert list(cleaned.paragraphs) == BODY
    assert {r.rule for r in cleaned.removed if r.text == dateline} == {"pattern:timestamp"}


def test_a_dated_line_of_the_article_and_an_embedded_posts_signature_stay():
    # further down, a line with words besides its date is the article's; a post's signature is the post's
    from ingest.clean.dates import date_line

    signature = "— Daily Bugle (@dailybugle) May 3, 2019"
    assert date_line("May 3, 2019") and not date_line(signature)
    lines = [BODY[0], signature, *BODY[1:3], "The vote on the new routes: 14 May 2019", *BODY[3:]]
    cleaned = clean_html(html_page(lines), OPTIONS)
    assert list(cleaned.paragraphs) == lines


# A table in an article: a header, two rows of figures, and rows whose cells hold only a blank
# paragraph or a dash (spacers); trafilatura writes the rows as "| North | 12 |".
_TABLE_ROWS = [("Route", "Buses"), ("North", "12"), ("<p>&nbsp;</p>", "<p> </p>"), ("-", "–"), ("South", "9")]


def test_table_rows_of_empty_cells_are_not_stored(cli, db_path, tmp_path):
    """A row with no letter or digit in its cells ("|  |  |", "|---|---|") carries no words:
    it is not stored, and the rows with words are."""
    import sqlite3

    from trafilatura import extract

    table = "<table>" + "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in _TABLE_ROWS) + "</table>"
    page = html_page(BODY[:2], table + "".join(f"<p>{p}</p>" for p in BODY[2:]))
    reading = [line.strip() for line in (extract(page, favor_precision=True, include_comments=False) or "").splitlines()]
    empty = [line for line in reading if line.startswith("|") and not any(map(str.isalnum, line))]
    assert len(empty) >= 2  # the extractor's reading has the spacer rows
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(page, encoding="utf-8")
    cli("ingest", folder, "--db", db_path)
    with sqlite3.connect(db_path) as conn:
        (text,), = conn.execute("SELECT text FROM articles").fetchall()
        removed = dict(conn.execute("SELECT text, rule FROM removed_lines").fetchall())
    rows = [f"| {a} | {b} |" for a, b in _TABLE_ROWS if a.isalnum()]
    assert text.split("\n\n") == [*BODY[:2], *rows, *BODY[2:]]
    assert all(removed.get(line) == "pattern:empty-row" for line in empty)


def test_a_tables_rows_with_dates_at_the_bodys_start_stay():
    """A table near the start of the body (an infobox) whose rows hold a date, "| Founded |
    February 28, 1998 |", is the article's: a table's row is no date line."""
    table = ("<table><tr><th>Formation</th><td>July 15, 2003</td></tr><tr><th>Founded</th>"
             "<td>February 28, 1998</td></tr><tr><th>Type</th><td>Non-profit organization</td></tr></table>")
    page = ("<html><head><title>Council approves budget</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Council approves budget</h1><p>{BODY[0]}</p>{table}"
            + "".join(f"<p>{p}</p>" for p in BODY[1:]) + "</article><footer>Privacy policy</footer></body></html>")
    paragraphs = clean_html(page, OPTIONS).paragraphs
    assert "| Founded | February 28, 1998 |" in paragraphs and "| Formation | July 15, 2003 |" in paragraphs
