"""HTML pages whose extractor reading loses a section heading or keeps a box of teaser links
(ingest.clean.structure), through the real cleaner; and the line kinds it reads (htmltext)."""

from __future__ import annotations

import hashlib
import time

import lxml.html
import pytest

from conftest import COUNCIL_BODY as BODY
from ingest.clean import clean_document
from ingest.clean.htmltext import (ANCHOR, FIGURE, HAS_LINK, HEADING, ITEM_TEXT, LINK, LIST_ITEM,
                                   tree_to_block_lines, tree_to_lines)
from ingest.clean.structure import link_lists, rejoin_broken_lines, restore_sections
from ingest.config import CleanOptions
from ingest.models import HTML, RawDocument

OPTIONS = CleanOptions()
TEASERS = ["Bus drivers vote to strike over pay as talks with the city break down again",
           "New bridge over the river opens two years late and far over its budget",
           "School meals will cost more from September, the education office says"]
LINKED = ["The full text of the budget as the council adopted it on Monday",
          "How the council voted, member by member, on each of the amendments",
          "Our guide to the bus routes that will change in the northern districts"]


def cleaned(html: str):
    """The page through the real cleaner, as an ingest reads it."""
    data = html.encode("utf-8")
    return clean_document(RawDocument("page.html", hashlib.sha256(data).hexdigest(), HTML, data, html, "test"),
                          OPTIONS)


def div_page(inner: str) -> str:
    """A page of plain <div>s: no <article>, <main> or class that names the content, so
    trafilatura recovers the article's paragraphs one by one (and only its paragraphs)."""
    return f"""<!DOCTYPE html><html><head><title>Council approves budget - Daily Bugle</title></head><body>
<div class="a1"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>
<div class="a2"><h1>Council approves budget</h1>{inner}</div>
<div class="a3"><p>© 2019 Daily Bugle. All rights reserved.</p></div></body></html>"""


def article_page(inner: str) -> str:
    return f"""<!DOCTYPE html><html><head><title>Council approves budget - Daily Bugle</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Council approves budget</h1>{inner}</article>
<footer><p>© 2019 Daily Bugle. All rights reserved.</p></footer></body></html>"""


@pytest.mark.parametrize("section, lines", [
    ("<h2>What the opponents say</h2>", ["What the opponents say"]),
    ("<h3 id='s2'>What the opponents say <a href='#s2'>¶</a></h3>", ["What the opponents say ¶"]),
    ("<ul><li>More buses for the north</li><li>Lower fares for students</li></ul>",
     ["More buses for the north", "Lower fares for students"]),
])
def test_section_the_extractor_dropped_is_put_back_in_place(section, lines):
    page = div_page(f"<p>{BODY[0]}</p><p>{BODY[1]}</p>{section}<p>{BODY[2]}</p><p>{BODY[3]}</p>")
    assert list(cleaned(page).paragraphs) == BODY[:2] + lines + BODY[2:]


def test_a_heading_whose_words_a_paragraph_also_uses_is_put_back():
    quote = "Council member Maria Lopez said the vote was the closest in a decade and thanked the residents."
    page = div_page(f"<p>{BODY[0]}</p><p>{BODY[1]}</p><h2>Maria Lopez</h2><p>{quote}</p><p>{BODY[2]}</p>")
    assert list(cleaned(page).paragraphs) == BODY[:2] + ["Maria Lopez", quote, BODY[2]]


@pytest.mark.parametrize("other", [
    "<h2><a href='/other'>Another story about the weather</a></h2>",  # a teaser's headline
    "<ul><li><a href='#one'>One</a></li><li><a href='#two'>Two</a></li></ul>",  # a table of contents
    "<figure><ul><li>Photo: Daily Bugle</li></ul></figure>",  # a caption
])
def test_links_and_captions_between_paragraphs_are_not_put_back(other):
    section = "<h2>What the opponents say</h2>"
    page = div_page(f"<p>{BODY[0]}</p>{other}<p>{BODY[1]}</p>{section}<p>{BODY[2]}</p><p>{BODY[3]}</p>")
    assert list(cleaned(page).paragraphs) == BODY[:2] + ["What the opponents say"] + BODY[2:]


@pytest.mark.parametrize("teaser", [
    '<a href="/s{i}"><p>{t}</p></a>',  # a block inside a link
    '<h3><a href="/s{i}">{t}</a></h3>',  # a linked headline
])
def test_run_of_teaser_links_inside_the_article_is_removed_a_list_of_links_stays(teaser):
    box = "".join(teaser.format(i=i, t=t) for i, t in enumerate(TEASERS))
    see_also = "<ul>" + "".join(f'<li><a href="/r{i}"><div><p>{t}</p></div></a></li>'
                                for i, t in enumerate(LINKED)) + "</ul>"
    page = article_page(f"<p>{BODY[0]}</p>{see_also}<p>{BODY[1]}</p>{box}<p>{BODY[2]}</p><p>{BODY[3]}</p>")
    result = cleaned(page)
    assert [line for line in result.paragraphs if line in BODY] == BODY
    assert {r.text: r.rule for r in result.removed if r.text in TEASERS} == dict.fromkeys(TEASERS, "markup:link-list")
    assert all(any(t in line for line in result.paragraphs) for t in LINKED)  # a list is content as often


def test_two_linked_paragraphs_are_no_link_list():
    box = "".join(f'<a href="/s{i}"><p>{t}</p></a>' for i, t in enumerate(TEASERS))
    two = "".join(f'<a href="/r{i}"><p>{t}</p></a>' for i, t in enumerate(LINKED[:2]))
    page = article_page(f"<p>{BODY[0]}</p><p>{BODY[1]}</p>{two}<p>{BODY[2]}</p>{box}<p>{BODY[3]}</p>")
    assert list(cleaned(page).paragraphs) == BODY[:2] + LINKED[:2] + BODY[2:]


def test_a_paragraph_the_extractor_cut_at_its_source_line_breaks_is_one_paragraph():
    # Paragraphs in <div>s, their source indented: trafilatura reads them with its fallback,
    # which keeps the source's line breaks.
    wrapped = "".join(f"<div class='t'>{line.replace(' the ', ' the' + chr(10) + '            ', 1)}</div><br>"
                      for line in BODY)
    assert list(cleaned(div_page(wrapped)).paragraphs) == BODY


def test_block_lines_are_the_page_lines_with_the_markup_of_their_text():
    html = ("<html><head><title>T</title></head><body><h2 id='a'>Part one <a href='#a'>¶</a></h2>"
            "<p>Text and <a href='/x'>a link</a></p><ul><li>Item</li><li><a href='/y'>Linked</a></li>"
            "<li><div>Block in item</div></li></ul><a href='/z'><div><p>Teaser</p></div></a>"
            "<figure><figcaption>Caption</figcaption></figure><p>Line\u2028separated</p></body></html>")
    root = lxml.html.document_fromstring(html)
    lines, kinds = tree_to_block_lines(root)
    assert lines == tree_to_lines(root).splitlines()
    kind = dict(zip(lines, kinds))
    assert kind["Part one ¶"] & HEADING and kind["Part one ¶"] & ANCHOR and not kind["Part one ¶"] & HAS_LINK
    assert kind["Text and a link"] & HAS_LINK and not kind["Text and a link"] & LINK
    assert kind["Item"] & LIST_ITEM and kind["Item"] & ITEM_TEXT and not kind["Item"] & HAS_LINK
    assert kind["Linked"] & LINK and kind["Linked"] & ITEM_TEXT
    assert kind["Block in item"] & LIST_ITEM and not kind["Block in item"] & ITEM_TEXT
    assert kind["Teaser"] & LINK and not kind["Teaser"] & LIST_ITEM
    assert kind["Caption"] & FIGURE
    assert kind["Line"] == kind["separated"]


def test_work_is_bounded_on_pages_of_many_alike_lines():
    """Runs of 20,000 list items, reading lines that start alike, a paragraph cut in 20,000
    pieces: linear work (a quadratic walk over them takes minutes)."""
    n = 20_000
    page = [BODY[0]] + [f"Item number {i} of the menu" for i in range(n)] + [BODY[1]]
    body = [BODY[0], BODY[1]] + [f"Item numbers are {i} in this line" for i in range(n)]
    pieces = ["A first piece of the paragraph"] + [f"word{i} and more" for i in range(n)]
    start = time.process_time()
    restored = restore_sections(body, page, [0] + [LIST_ITEM] * n + [0], "Council approves budget")
    rejoined = rejoin_broken_lines(pieces, [" ".join(pieces)])
    kept, removed = link_lists([f"Teaser {i}" for i in range(n)], [f"Teaser {i}" for i in range(n)], [LINK] * n)
    assert time.process_time() - start < 10
    assert restored[1:n + 1] == page[1:n + 1] and rejoined == [" ".join(pieces)] and not kept and len(removed) == n


def test_soft_hyphens_of_the_page_are_kept_where_trafilatura_drops_them():
    """A German page hyphenated for narrow screens: its body is the page's text as written,
    soft hyphens and all (readability keeps them; trafilatura's reading loses them)."""
    shy = "\u00ad"
    paragraphs = ["Die Stadt|ver|wal|tung hat am Montag den neuen Haus|halts|plan vor|ge|stellt, "
                  "der deutlich höhere Aus|ga|ben für den Nah|ver|kehr vorsieht.".replace("|", shy),
                  "Der Stadtrat wird im kommenden Monat über den Entwurf abstimmen, teilte die Sprecherin mit.",
                  "Kri|ti|ker be|män|geln, dass die Schul|sa|nie|rung erneut ver|scho|ben wird und die "
                  "Ge|büh|ren für Kin|der|gär|ten steigen sollen.".replace("|", shy)]
    page = article_page("".join(f"<p>{p}</p>" for p in paragraphs))
    body = list(cleaned(page).paragraphs)
    assert body == paragraphs
