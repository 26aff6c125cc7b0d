"""Pages saved as Markdown (html2text, crawl4ai, Firecrawl) are archived as text, not markup.

Links keep their text and lose their addresses, images go, headings, quotes, emphasis
and escapes go; every line stays where it was, so a removed line names its line of
the input. Text with a bracket or two is not Markdown and is left alone.
"""

from __future__ import annotations

import json
import textwrap
import sqlite3

import pytest

from conftest import GALLERY_SLIDES
from ingest.clean.markdown import looks_like_markdown, markdown_to_text
from ingest.clean.text import clean_text
from ingest.clean import clean_document
from ingest.config import CleanOptions
from ingest.models import TEXT, RawDocument

OPTIONS = CleanOptions()

BODY = [
    "The regional parliament voted on Thursday to extend the night train network to Warsaw, "
    "Zagreb and Rome by 2028, after a debate that lasted more than nine hours.",
    "Transport Minister Leonore Gewessler said the plan would take about 310,000 passengers a "
    "year off short-haul flights. Critics called the figure optimistic and asked for a review.",
    "Rail operators in Poland and Croatia welcomed the vote. Polish State Railways said new "
    "sleeper carriages ordered last spring would be ready for the Warsaw route.",
    "Tickets for the first new connection, Vienna to Rome via Venice, are expected to go on "
    "sale in October, according to the railway, which will run the trains with partners.",
]
# The same paragraphs as a scraper writes them: links, emphasis, an escape.
BODY_MARKDOWN = [
    "The regional parliament voted on Thursday to extend the [night train network]"
    "(https://example.org/topics/night-trains) to Warsaw, Zagreb and Rome by 2028, after a "
    "debate that lasted more than nine hours.",
    "Transport Minister [Leonore Gewessler](https://example.org/people/leonore-gewessler) said "
    "the plan would take about 310,000 passengers a year off _short-haul_ flights. Critics "
    "called the figure **optimistic** and asked for a review.",
    "Rail operators in Poland and Croatia welcomed the vote. Polish State Railways said new "
    "sleeper carriages ordered last spring would be ready for the Warsaw route.",
    "Tickets for the first new connection, Vienna to Rome via Venice, are expected to go on "
    "sale in October, according to the [railway](https://example.org/obb), which will run the "
    "trains with partners.",
]
MENU = ["[![Logo](https://example.org/logo.png)](https://example.org/)", "",
        *(f"  * [{name}](https://example.org/{name.lower()}/)"
          for name in ("World", "Business", "Sport", "Opinion", "Subscribe")), ""]
FOOTER = ["", "  * [About us](https://example.org/about)", "  * [Contact](https://example.org/contact)",
          "  * [Privacy policy](https://example.org/privacy)", "", "© 2026 The Daily Record"]


def markdown_page() -> str:
    return "\n".join(MENU + ["# Night trains to reach Warsaw, Zagreb and Rome", "",
                             "![Sleeper carriage](https://example.org/img/sleeper.jpg)", ""]
                     + "\n\n".join(BODY_MARKDOWN).split("\n") + FOOTER)


def test_a_markdown_page_cleans_to_its_text_without_addresses():
    cleaned = clean_document(RawDocument("page.md", "0" * 64, TEXT, b"", markdown_page(), "test"), OPTIONS)
    assert list(cleaned.paragraphs) == BODY
    assert cleaned.title == "Night trains to reach Warsaw, Zagreb and Rome"
    assert not any("http" in r.text or "](" in r.text for r in cleaned.removed)


def test_markup_goes_and_every_line_keeps_its_number():
    page = markdown_page()
    # a link that html2text wrapped over three lines
    page += "\n[Rome tickets on sale in\nOctober](https://example.org/news/rome-\ntickets-october)\n"
    text = markdown_to_text(page)
    assert text.count("\n") == page.count("\n")
    assert "http" not in text and "**" not in text and "](" not in text
    assert "Rome tickets on sale in\nOctober\n\n" in text
    cleaned = clean_text(text, OPTIONS)
    lines = page.splitlines()
    for removed in cleaned.removed:
        if removed.rule not in ("title", "published"):
            assert removed.text.split()[0].strip("*_#[") in lines[removed.line_no]


@pytest.mark.parametrize("address", [
    r"https://en.wikipedia.org/wiki/Brenner_Base_Tunnel_\(railway\)",  # html2text escapes them
    "https://en.wikipedia.org/wiki/Brenner_Base_Tunnel_(railway)",  # a balanced pair, CommonMark
    r'https://example.org/a_\(b\) "Brenner (railway)"',  # and a title with its own
], ids=["escaped", "balanced", "titled"])
def test_an_address_with_parentheses_leaves_no_address_behind(address):
    page = markdown_page().replace("(https://example.org/obb)", f"({address})")
    page = page.replace("![Sleeper carriage](https://example.org/img/sleeper.jpg)",
                        f"![Sleeper carriage]({address.replace('wiki/', 'img/')}.jpg)")
    text = markdown_to_text(page)
    assert "wikipedia" not in text and "example.org" not in text and "](" not in text
    assert text.count("\n") == page.count("\n")
    cleaned = clean_document(RawDocument("page.md", "0" * 64, TEXT, b"", page, "test"), OPTIONS)
    assert list(cleaned.paragraphs) == BODY


def test_a_slideshow_saved_as_a_list_of_headed_slides_goes_as_a_gallery():
    """html2text writes a slideshow's slides as list items that hold a heading ("* ## 1/4
    Title"): the heading's mark goes, the bullet stays, and the slides' counters after it
    still tell the gallery."""
    assert markdown_to_text("  * ##  1/4 Harbour fire") == "  * 1/4 Harbour fire"
    slides = []
    for number, (title, caption) in enumerate(GALLERY_SLIDES, 1):
        slides += [f"  * ##  {number}/4 {title}", "", caption, "", "GETTY IMAGES", ""]
    page = "\n".join(MENU + ["# Night trains to reach Warsaw, Zagreb and Rome", ""]
                     + "\n\n".join(BODY_MARKDOWN[:2]).split("\n") + ["", *slides]
                     + "\n\n".join(BODY_MARKDOWN[2:]).split("\n") + FOOTER)
    cleaned = clean_document(RawDocument("page.md", "0" * 64, TEXT, b"", page, "test"), OPTIONS)
    assert list(cleaned.paragraphs) == BODY
    gallery = {r.text for r in cleaned.removed if r.rule == "pattern:gallery"}
    assert {"* 1/4 Harbour fire", "Pupils of the northern school won a national prize for their science project."} <= gallery


def test_the_level_one_heading_anchors_the_article_over_a_denser_footer():
    """A page saved as Markdown has no <title> line for its headline to repeat; its "# " heading
    (html2text's <h1>) is the headline, and the article under it wins over a denser footer."""
    from ingest.clean.markdown import headline_line

    disclaimer = [
        "The information provided on this website, including the blogs, community pages and all other "
        "content, was originally intended for readers in one country, and the rules where you live may vary.",
        "Results vary depending on the starting point, the goals and the effort of each reader, and the "
        "testimonials featured on these pages may have used more than one of the products that we sell.",
        "These statements have not been evaluated by any food or drug authority, and the products are not "
        "intended to diagnose, treat, cure or prevent any disease, so consult your physician before use.",
        "Consult your physician and follow all safety instructions before beginning any exercise program "
        "or using any supplement or meal replacement product that is mentioned in any of these articles.",
    ]
    body = BODY_MARKDOWN[:3]
    page = "\n".join(MENU + ["# \\- Night trains to reach Warsaw", ""] + "\n\n".join(body).split("\n")
                     + ["", "## More stories", ""]
                     + [f"  * [{t} ({n})](https://example.org/news/{n})" for n, t in enumerate((
                         "Bus fares to rise in spring", "Mayor opens new library", "Storm closes the harbour",
                         "New bridge for the north", "Schools to get more teachers", "Market returns to square")
                         * 5)]
                     + [""]
                     + "\n\n".join(disclaimer).split("\n") + FOOTER)
    assert page.splitlines()[headline_line(page)].startswith("# ")
    cleaned = clean_document(RawDocument("page.md", "0" * 64, TEXT, b"", page, "test"), OPTIONS)
    assert list(cleaned.paragraphs) == BODY[:3]


def test_snake_case_bullets_and_a_few_brackets_are_not_markup():
    assert markdown_to_text("  * a_snake_case name, 3 * 4 = 12") == "  * a_snake_case name, 3 * 4 = 12"
    prose = "\n\n".join(BODY) + "\n\nSee the report [1](https://example.org/report) for details."
    assert not looks_like_markdown(prose)
    assert clean_text(prose, OPTIONS).paragraphs == clean_document(
        RawDocument("a.txt", "0" * 64, TEXT, b"", prose, "test"), OPTIONS).paragraphs


def test_ingesting_a_markdown_file_archives_and_finds_the_link_text(cli, tmp_path):
    folder = tmp_path / "scraped"
    folder.mkdir()
    (folder / "night-trains.md").write_text(markdown_page(), encoding="utf-8")
    db = tmp_path / "archive.db"
    cli("ingest", str(folder), "--db", str(db))
    with sqlite3.connect(db) as conn:
        (body,) = conn.execute("SELECT text FROM articles").fetchone()
    assert "Leonore Gewessler said" in body and "example.org" not in body
    assert "Night trains" in cli("search", "Gewessler", "--db", str(db)).output


def test_a_scraped_record_in_markdown_keeps_its_words_not_its_addresses(cli, tmp_path):
    """A Firecrawl or crawl4ai record: its Markdown body is an article already, without markup."""
    record = {"url": "https://example.org/news/night-trains", "title": "Night trains to reach Rome",
              "markdown": "\n\n".join(BODY_MARKDOWN)}
    feed = tmp_path / "crawl.jsonl"
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path / "archive.db"
    cli("ingest", str(feed), "--db", str(db))
    with sqlite3.connect(db) as conn:
        (text, title) = conn.execute("SELECT text, title FROM articles").fetchone()
    assert text == "\n\n".join(BODY) and title == "Night trains to reach Rome"


def _as_html2text(paragraph: str) -> str:
    """The paragraph wrapped at 78 columns, as html2text writes it (a link's address unbroken)."""
    return "\n".join(textwrap.wrap(paragraph, 78, break_long_words=False, break_on_hyphens=False))


# Paragraphs as html2text wraps them: a link that does not fit goes on a line of its own,
# and a line may end with a full stop where the paragraph goes on.
WRAPPED = [
    ("The regional parliament voted on Thursday to extend the night train network.\n"
     "[Transport Minister Leonore Gewessler](https://example.org/people/leonore-gewessler)\n"
     "said the plan would take about 310,000 passengers a year off short-haul flights,\n"
     "after a debate that lasted more than nine hours."),
    ("Rail operators in Poland and Croatia welcomed the vote on Thursday evening.\n"
     "[Polish State Railways](https://example.org/companies/polish-state-railways-pkp)\n"
     "said new sleeper carriages ordered last spring would be ready for the route."),
]


def test_a_paragraph_html2text_wrapped_is_one_paragraph_again():
    """Markdown's lines up to a blank line are one paragraph, whatever they end with: html2text
    broke these at its width and before links whose addresses are gone once read."""
    page = "\n".join(MENU + ["# Night trains to reach Warsaw, Zagreb and Rome", ""]
                     + "\n\n".join(WRAPPED + BODY_MARKDOWN[2:]).split("\n") + FOOTER)
    cleaned = clean_document(RawDocument("page.md", "0" * 64, TEXT, b"", page, "test"), OPTIONS)
    joined = [" ".join(markdown_to_text(p).split("\n")) for p in WRAPPED]
    assert list(cleaned.paragraphs) == joined + BODY[2:]


def test_a_paragraph_of_links_is_a_menu_however_long():
    """html2text runs a menu of links together into a paragraph: mostly link text, it goes as
    a list of links, and the article stays."""
    sections = ("World", "Europe", "Business", "Markets", "Technology", "Science", "Climate",
                "Health", "Culture", "Books", "Travel", "Food", "Sport", "Football", "Opinion")
    menu = _as_html2text(" ".join(f"[{name} news today](https://example.org/{name.lower()}/)"
                                  for name in sections))
    page = "\n".join([menu, ""] + "\n\n".join(BODY_MARKDOWN).split("\n") + FOOTER)
    cleaned = clean_document(RawDocument("page.md", "0" * 64, TEXT, b"", page, "test"), OPTIONS)
    assert list(cleaned.paragraphs) == BODY
    rules = {r.rule for r in cleaned.removed if r.line_no < menu.count("\n") + 1}
    assert rules == {"markup:link-list"}
