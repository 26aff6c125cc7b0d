"""HTML pages whose extractor reading loses a section heading or keeps a box of teaser links
(ingest.clean.structure), through the real cleaner; and the line kinds it reads (htmltext)."""

from __future__ import annotations

import hashlib
import time

import lxml.html
import pytest

from conftest import COUNCIL_BODY as BODY
from ingest.clean import clean_document
from ingest.clean.htmltext import (ANCHOR, APART, FIGURE, HAS_LINK, HEADING, ITEM_TEXT, LINK, LIST_ITEM, PARAGRAPH,
                                   tree_to_block_lines, tree_to_lines)
from ingest.clean.structure import (MAX_DROPPED_WORDS, MAX_OPENING_LINES, MAX_SAME_START, link_lists, rejoin_broken_lines,
                                     restore_dropped_words, restore_opening, restore_sections)
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
    pieces, 20,000 reading lines that each lost words of a page line: linear work (a quadratic
    walk over them takes minutes)."""
    n = 20_000
    page = [BODY[0]] + [f"Item number {i} of the menu" for i in range(n)] + [BODY[1]]
    body = [BODY[0], BODY[1]] + [f"Item numbers are {i} in this line" for i in range(n)]
    pieces = ["A first piece of the paragraph"] + [f"word{i} and more" for i in range(n)]
    start = time.process_time()
    restored = restore_sections(body, page, [0] + [LIST_ITEM] * n + [0], "Council approves budget")
    rejoined = rejoin_broken_lines(pieces, [" ".join(pieces)])
    kept, removed = link_lists([f"Teaser {i}" for i in range(n)], [f"Teaser {i}" for i in range(n)], [LINK] * n)
    alike = [f"Item number {i} of the long menu at the top of every page of the site" for i in range(n)]
    cut = [line.replace(" long", "") for line in alike]
    refilled = restore_dropped_words(cut, alike, [PARAGRAPH] * n, frozenset(alike))
    long_lines = [f"Item number {i} " + "word " * 50_000 for i in range(16)]  # each split once, not once a line
    restore_dropped_words([f"Item number {i} of a line" for i in range(n)], long_lines, [PARAGRAPH] * 16,
                          frozenset(long_lines))
    assert time.process_time() - start < 10
    assert restored[1:n + 1] == page[1:n + 1] and rejoined == [" ".join(pieces)] and not kept and len(removed) == n
    m = MAX_SAME_START  # a key's lines past it are not looked at
    assert refilled[:m] == alike[:m] and refilled[m:] == cut[m:]


def test_a_page_hyphenated_with_soft_hyphens_keeps_its_body_as_typed():
    """A German page hyphenated for narrow screens (trafilatura's reading loses its soft
    hyphens, the page's lines keep them): its whole body, as a reader types it, without them
    (store.textform)."""
    shy = "\u00ad"
    paragraphs = ["Die Stadt|ver|wal|tung hat am Montag den neuen Haus|halts|plan vor|ge|stellt, "
                  "der deutlich höhere Aus|ga|ben für den Nah|ver|kehr vorsieht.".replace("|", shy),
                  "Der Stadtrat wird im kommenden Monat über den Entwurf abstimmen, teilte die Sprecherin mit.",
                  "Kri|ti|ker be|män|geln, dass die Schul|sa|nie|rung erneut ver|scho|ben wird und die "
                  "Ge|büh|ren für Kin|der|gär|ten steigen sollen.".replace("|", shy)]
    page = article_page("".join(f"<p>{p}</p>" for p in paragraphs))
    body = list(cleaned(page).paragraphs)
    assert body == [p.replace(shy, "") for p in paragraphs]


def _page_and_reading(inner: str):
    """The block lines and kinds of an article page, and the line classifier's reading of them."""
    from ingest.clean.htmltext import media_captions
    from ingest.clean.text import clean_text
    root = lxml.html.document_fromstring(article_page(inner))
    lines, kinds = tree_to_block_lines(root)
    return lines, kinds, frozenset(clean_text("\n".join(lines), OPTIONS).paragraphs), media_captions(root)


DROPPED = ("Since then, several large city departments have said they cannot meet the new rules "
           "for lack of office space, including the water board and the planning office.")


def test_a_paragraph_the_extractor_dropped_comes_back_when_the_classifier_keeps_it():
    """trafilatura now and then leaves out one paragraph of an article (one that opens with
    a link, one after an embedded video); between two of its lines, a <p> of the page that
    the line classifier's reading keeps as well is put back at its place."""
    inner = (f"<p>{BODY[0]}</p><p>{BODY[1]}</p><p><a href='/city/departments'>Since then, several large "
             "city departments</a> have said they cannot meet the new rules for lack of office space, "
             f"including the water board and the planning office.</p><p>{BODY[2]}</p><p>{BODY[3]}</p>")
    lines, kinds, agreed, captions = _page_and_reading(inner)
    assert DROPPED in agreed
    reading = BODY[:2] + BODY[2:]  # the extractor's reading, without the paragraph
    assert restore_sections(reading, lines, kinds, "Council approves budget", (), agreed, captions) == \
        BODY[:2] + [DROPPED] + BODY[2:]
    assert restore_sections(reading, lines, kinds, "Council approves budget") == reading  # no agreement


@pytest.mark.parametrize("box", [
    "<div class='pic'><a href='/img/1'><img src='/img/1.jpg' alt=''></a><p>{text}</p></div>",  # a caption
    "<video src='/v/1.mp4'><p>{text}</p></video>",  # what a browser shows that cannot play the video
    "<blockquote><p>{text}</p></blockquote>",  # a quote set apart
    "<aside><p>{text}</p></aside>",
])
def test_a_caption_a_quote_or_a_video_fallback_is_no_paragraph_to_put_back(box):
    text = "The council members at the vote on Monday evening, as the photographer saw them from the gallery."
    lines, kinds, agreed, captions = _page_and_reading(f"<p>{BODY[0]}</p><p>{BODY[1]}</p>"
                                                      f"{box.format(text=text)}<p>{BODY[2]}</p><p>{BODY[3]}</p>")
    assert text in lines
    assert restore_sections(BODY, lines, kinds, "Council approves budget", (), agreed | {text}, captions) == BODY


def test_media_captions_are_the_lines_beside_an_image_not_the_article_around_it():
    """The lines of a small box around an image (a zoom button, a caption) are captions; the
    paragraphs of an article with an image among them are not, nor the text after the box."""
    from ingest.clean.htmltext import media_captions
    root = lxml.html.document_fromstring(article_page(
        f"<p>{BODY[0]}</p><div class='box'><div><img src='/a.jpg'><button>Zoom</button></div>"
        f"<div class='c'><p> The new  bus\nstation </p></div></div>After the box"
        f"<img src='/b.jpg'>" + "".join(f"<p>{p}</p><p>{p}</p>" for p in BODY[1:])))
    assert media_captions(root) == frozenset({"Zoom", "The new bus station"})


def test_paragraph_and_apart_kinds():
    """What tree_to_block_lines says of text in a <p>, in a quote, in a video's fallback."""
    from ingest.clean.htmltext import APART, PARAGRAPH
    root = lxml.html.document_fromstring(
        "<html><body><p>In a paragraph <a href='/x'>with a link</a></p><div>In a div</div>"
        "<blockquote><p>Quoted</p></blockquote><video><p>No video</p></video>"
        "<p>Math <math><annotation>x^2</annotation></math></p></body></html>")
    kind = dict(zip(*tree_to_block_lines(root)))
    assert kind["In a paragraph with a link"] & PARAGRAPH and not kind["In a div"] & PARAGRAPH
    assert kind["Quoted"] & APART and kind["No video"] & APART and kind["Math x^2"] & APART
    assert not kind["In a paragraph with a link"] & APART


def test_a_list_item_with_a_formulas_annotation_is_not_put_back():
    """A list item the extractor left out is put back, but not one that holds a <math>: its
    TeX annotation is no text the reader sees (Wikipedia writes every formula twice)."""
    items = ("<ul><li>The sum of two such matrices is again one "
             "<math><semantics><mi>A</mi><annotation>{\\displaystyle A+B}</annotation></semantics></math></li></ul>")
    root = lxml.html.document_fromstring(article_page(f"<p>{BODY[0]}</p><p>{BODY[1]}</p>{items}<p>{BODY[2]}</p>"))
    lines, kinds = tree_to_block_lines(root)
    assert any("displaystyle" in line for line in lines)
    assert restore_sections(BODY[:3], lines, kinds, "Council approves budget") == BODY[:3]
    plain = lxml.html.document_fromstring(article_page(
        f"<p>{BODY[0]}</p><p>{BODY[1]}</p><ul><li>The sum of two such matrices</li></ul><p>{BODY[2]}</p>"))
    assert restore_sections(BODY[:3], *tree_to_block_lines(plain), "Council approves budget") == \
        BODY[:2] + ["The sum of two such matrices"] + BODY[2:3]


# A paragraph with a link in a <span class="link">, which trafilatura drops as a widget.
SPANNED = ('Members said the plan would add <span class="link"><a href="/buses">more buses</a></span> to the '
           'northern districts and lower fares for students.')


def test_words_the_extractor_dropped_inside_a_paragraph_are_put_back():
    """trafilatura's reading loses the words of an inline element it takes for a widget ("Members
    said the plan would add to the northern districts"); the page's paragraph, which the line
    classifier keeps too, is stored whole."""
    inner = "".join(f"<p>{SPANNED if i == 1 else line}</p>" for i, line in enumerate(BODY))
    assert list(cleaned(article_page(inner)).paragraphs) == BODY


def test_a_formula_the_extractor_dropped_stays_out():
    """A paragraph with a formula in it, as Wikipedia writes one: trafilatura drops the formula
    and its TeX annotation, and the page line that holds them is set apart (<math>), so they do
    not come back."""
    formula = ('<span class="mwe-math-element"><span class="mwe-math-mathml-inline" style="display: none;">'
               '<math><semantics><mrow><mi>A</mi></mrow><annotation encoding="application/x-tex">'
               '{\\displaystyle A}</annotation></semantics></math></span>'
               '<img src="/math/a.svg" class="mwe-math-fallback-image-inline" alt="A"></span>')
    inner = "".join(f"<p>{line.replace('the new budget', 'the new budget ' + formula, 1)}</p>" for line in BODY)
    body = " ".join(cleaned(article_page(inner)).paragraphs)
    assert "displaystyle" not in body and BODY[1] in body


def test_a_reading_line_gets_back_only_a_few_words_of_a_kept_paragraph():
    page = ["Members said the plan would add more buses to the northern districts and lower fares for students.",
            "The mayor said she expected the first new routes to open before the end of the coming summer, "
            "and every one of the bus lines of the old network to run again by the spring of next year."]
    reading = ["Members said the plan would add to the northern districts and lower fares for students.",
               "The mayor said she expected the first new routes to open before the end of the coming summer."]
    kinds = [PARAGRAPH, PARAGRAPH]
    assert restore_dropped_words(reading, page, kinds, frozenset(page)) == [page[0], reading[1]]
    # the page line the line classifier does not keep, or one set apart, is not taken
    assert restore_dropped_words(reading, page, kinds, frozenset()) == reading
    assert restore_dropped_words(reading, page, [PARAGRAPH | APART] * 2, frozenset(page)) == reading
    # the second page line adds more than MAX_DROPPED_WORDS words: another sentence, not an inline element
    assert len(page[1].split()) - len(reading[1].split()) > MAX_DROPPED_WORDS


def main_page(inner: str, header: str = "") -> str:
    """A page whose article sits in a <main> under its headline, as news sites lay one out."""
    return f"""<!DOCTYPE html><html><head><title>Council approves budget - Daily Bugle</title></head><body>
<header class="thm-header">{header}<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<div class="thm-body"><main class="thm-main"><h1>Council approves budget</h1>{inner}</main></div>
<footer><p>© 2019 Daily Bugle. All rights reserved.</p></footer></body></html>"""


def test_the_articles_text_before_its_first_break_is_put_back():
    """An <article> whose paragraphs are text runs between <br>s: trafilatura drops the first
    (the element's own text before its first child); the line classifier keeps it, and it is
    of the markup of the reading's first line, so the article is stored whole."""
    page = main_page(f"<article class='arti-body'>{'<br><br>'.join(BODY)}</article>")
    assert list(cleaned(page).paragraphs) == BODY


def test_lines_above_the_reading_come_back_only_when_kept_and_alike():
    """restore_opening puts back the page lines right above the reading's first line only
    while each is of its markup, kept by the line classifier, and not the headline; at most
    MAX_OPENING_LINES of them."""
    root = lxml.html.document_fromstring(main_page(f"<p>{BODY[0]}</p><div>{'<br><br>'.join(BODY[1:])}</div>"))
    lines, kinds = tree_to_block_lines(root)
    title = "Council approves budget"
    agreed = frozenset(lines)
    assert restore_opening(BODY[2:], lines, kinds, title, agreed) == BODY[1:]  # a text run over a text run
    assert restore_opening(BODY[1:], lines, kinds, title, agreed) == BODY[1:]  # a <p> over a text run
    assert restore_opening(BODY[2:], lines, kinds, title, agreed - {BODY[1]}) == BODY[2:]  # not kept
    assert restore_opening(BODY[2:], lines, kinds, title, agreed, captions=frozenset({BODY[1]})) == BODY[2:]
    headed = lxml.html.document_fromstring(main_page(f"<div>Council approves budget<br><br>{'<br><br>'.join(BODY)}</div>"))
    lines, kinds = tree_to_block_lines(headed)
    assert restore_opening(BODY[1:], lines, kinds, title, frozenset(lines)) == BODY  # the headline stays out
    many = [f"{line} ({k})" for k in range(3) for line in BODY]  # more lines above than are looked at
    long_run = lxml.html.document_fromstring(main_page(f"<div>{'<br><br>'.join(many)}</div>"))
    lines, kinds = tree_to_block_lines(long_run)
    assert restore_opening(many[-1:], lines, kinds, title, frozenset(lines)) == many[-1 - MAX_OPENING_LINES:]


def test_a_reading_of_nothing_but_teaser_links_gives_way_to_the_line_classifier():
    """Where trafilatura and readability both read a box of teasers under the article (every
    line of it a link to another story), the body is the line classifier's reading, without
    the teasers, and not an empty body."""
    teasers = TEASERS + ["Library extends its opening hours for the summer months"]
    items = "".join(f'<li class="item"><a class="link" href="/story/{k}.html"><article class="feature-content">'
                    f'<img class="figure" src="/f/{k}.jpg"><span class="figcaption"><span class="title">{t}</span>'
                    f'<time class="date">2019-04-19</time><p class="lead">{t[:40]}…</p></span></article></a></li>'
                    for k, t in enumerate(teasers))
    logo = ('<div class="header-wrapper cf"><div class="header-logo"><a class="link" href="/"><img class="logo" '
            'src="/logo.png" alt="Daily Bugle"></a></div></div><div class="main-ad"><div id="ad-header1"></div></div>')
    page = main_page(f"<div class='arti-content'><article class='arti-body cf'>{'<br><br>'.join(BODY)}</article></div>"
                     f"<section class='main-feature'><ul class='feature-list cf'>{items}</ul></section>", logo)
    result = cleaned(page)
    assert list(result.paragraphs) == BODY
    links = [r for r in result.removed if r.rule == "markup:link-list"]
    assert all(any(r.text.startswith(t) for r in links) for t in teasers)
    lines, _ = tree_to_block_lines(lxml.html.document_fromstring(page))
    assert all(lines[r.line_no] == r.text for r in links)  # numbered by their place on the page
