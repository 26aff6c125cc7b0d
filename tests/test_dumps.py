"""ingest/clean/dumps.py: a lynx dump's link numbers ("[11]Introduction") leave the text
that is archived and indexed; bracketed numbers in any other text stay."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from page_shapes import as_browser_dump, dump_available  # noqa: E402

from ingest.clean.document import clean_document  # noqa: E402
from ingest.clean.dumps import numbered_links, without_link_numbers  # noqa: E402
from ingest.config import CleanOptions  # noqa: E402
from ingest.models import TEXT, RawDocument  # noqa: E402

PARAGRAPHS = [
    "The harbour authority said on Monday that the new ferry terminal in Bergen would open in April, "
    "two years later than planned, after builders found old foundations under the quay.",
    "Passengers from Hirtshals and Kiel will board from a covered walkway, and the terminal will "
    "berth three ships at once, the authority said in a statement published on its website.",
    "Shop owners in the old town welcomed the news but asked the city for more parking near the "
    "harbour, where most visitors arriving by ferry spend their first hours.",
    "The old terminal, built in the nineteen-sixties, will close when the new one opens, and the "
    "city plans to turn its hall into a market for local food and crafts, the mayor said.",
    "Ferry companies said they expected the number of passengers to grow by a fifth over the next "
    "five years, as more travellers choose the sea route over flying to the west coast.",
]


def _references(numbers: range, scheme: str = "https") -> str:
    return "\n".join(f"  {n:>3}. {scheme}://example.org/{n}" for n in numbers)


def _dump(body: str, numbers: range) -> str:
    """A page as `lynx -dump` writes it: numbered links in the text, their list at the end."""
    return (f"   [1]Home [2]News [3]Sport\n\n{body}\n\n   [{numbers.stop - 1}]Contact us\n\n"
            f"References\n\n   Visible links:\n{_references(numbers)}\n")


def _clean(text: str) -> tuple[str, ...]:
    raw = RawDocument(location="page.txt", sha256="0" * 64, media_type=TEXT, content=text.encode(),
                      text=text, source="test")
    return clean_document(raw, CleanOptions()).paragraphs


def test_link_numbers_go_and_the_lines_stay():
    body = "\n\n".join(f"   {p[:40]}[{4 + i}]{p[40:]}" for i, p in enumerate(PARAGRAPHS))
    links = len(PARAGRAPHS) + 4  # three in the menu, one a paragraph, one in the footer
    dump = _dump(body, range(1, links + 1))
    assert numbered_links(dump) == links
    stripped = without_link_numbers(dump)
    assert stripped.count("\n") == dump.count("\n")
    assert all(p in stripped for p in PARAGRAPHS)
    assert [p for p in _clean(dump) if p in PARAGRAPHS] == PARAGRAPHS


def test_a_list_with_gaps_and_broken_addresses_is_still_the_dumps():
    # lynx numbers form fields too (the list leaves them out) and breaks a share link's text
    # over lines; the list goes on after "Hidden links:"
    items = [*range(1, 6), *range(7, 12)]
    listing = ("\n".join(f"  {n:>3}. https://example.org/{n}" for n in items[:5])
               + "\n  mailto:?body=A long share text\n  that lynx broke over two lines\n\n   Hidden links:\n"
               + "\n".join(f"  {n:>3}. https://example.org/{n}" for n in items[5:]))
    dump = "   [1]Home [6]____ " + " ".join(f"[{n}]Link" for n in items[1:]) + "\n\nReferences\n\n" + listing
    assert numbered_links(dump) == 11
    assert "[" not in without_link_numbers(dump)


@pytest.mark.parametrize("text", [
    # footnote marks in prose, and no address list at the end
    "Turnout rose to 71 per cent[1] and the vote was counted overnight[2], officials said[3].\n",
    # an address list, but numbered from 40: the end of an article's own list
    "Sources[1]\n\n" + _references(range(40, 46)),
    # an address list whose numbers do not go up
    "Read more[1] and more[2]\n\n" + "\n".join(f"  {n}. https://example.org/" for n in (1, 3, 2, 4)),
    # too few addresses to be a dump's list
    "Read more[1] and more[2]\n\n" + _references(range(1, 3)),
])
def test_other_texts_keep_their_bracketed_numbers(text):
    assert numbered_links(text) == 0
    assert without_link_numbers(text) == text


def _linked(paragraph: str, i: int) -> str:
    """The paragraph with its sixth to ninth words a link."""
    words = paragraph.split(" ")
    return " ".join([*words[:5], f"<a href='/more{i}'>" + " ".join(words[5:9]) + "</a>", *words[9:]])


@pytest.mark.skipif(not dump_available("lynx"), reason="lynx is not installed")
def test_a_real_lynx_dump_is_archived_without_its_link_numbers():
    html = ("<html><body><nav><a href='/'>Home</a> | <a href='/news'>News</a> | <a href='/sport'>Sport</a></nav>"
            "<h1>Ferry terminal to open in spring</h1>"
            + "".join(f"<p>{_linked(p, i)}</p>" for i, p in enumerate(PARAGRAPHS))
            + "<footer><a href='/contact'>Contact us</a></footer></body></html>")
    dump = as_browser_dump(html, "lynx")
    assert "[4]" in dump and "References" in dump
    assert [p for p in _clean(dump) if p in PARAGRAPHS] == PARAGRAPHS
