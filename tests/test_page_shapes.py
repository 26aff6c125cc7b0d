"""benchmarks/page_shapes.py: a page as a text browser dumps it (w3m) is read as a wrapped
page, its paragraphs whole again (skipped where w3m is not installed: apt install w3m); a
page saved as Markdown keeps its characters (skipped without html2text, the bench extra); a
page saved a text node a line keeps what BeautifulSoup's get_text keeps."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from page_shapes import as_browser_dump, as_markdown, as_text_nodes, dump_available  # noqa: E402

from ingest.clean.text import clean_text  # noqa: E402
from ingest.config import CleanOptions  # noqa: E402

# Names and numbers start most of the wrapped lines: only the width tells they go on.
PARAGRAPHS = [
    "Harbour Director Ingrid Solberg told Reuters on Monday that Terminal Four in Bergen would open "
    "in April 2027, Two Years later than planned, after Contractor Veidekke found Old Foundations "
    "under Quay Seven and Quay Eight near the Fish Market.",
    "Passengers from Hirtshals, Stavanger, Haugesund and Kiel will board from a Covered Walkway, "
    "and Terminal Four will berth Three Ships at once, Solberg said in a Statement published by "
    "Bergen Havn, which runs the Port for Twelve Municipalities.",
    "Shop Owners in Bryggen welcomed the News but asked Mayor Marte Mjøs Persen for more Parking "
    "near the Old Town, where Most Visitors arriving by Ferry spend their First Hours before "
    "travelling on to Voss, Flåm or Hardanger.",
]


@pytest.mark.skipif(not dump_available("w3m"), reason="w3m is not installed")
def test_a_w3m_dump_keeps_its_paragraphs_whole():
    tracker = "<p>https://ads.example.net/b?P=" + "9f3a" * 30 + "</p>"  # a line no wrap can break
    html = ("<html><body><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
            "<h1>Ferry terminal to open in spring</h1>"
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + tracker * 3
            + "<footer>Contact us | Privacy policy</footer></body></html>")
    dump = as_browser_dump(html, "w3m")
    assert max(map(len, dump.splitlines())) > 80 and not any(p in dump for p in PARAGRAPHS)  # wrapped
    assert [p for p in clean_text(dump, CleanOptions()).paragraphs if p in PARAGRAPHS] == PARAGRAPHS


def test_a_page_saved_as_markdown_keeps_its_accented_characters():
    pytest.importorskip("html2text")
    html = "<p>La situaci&oacute;n &ldquo;tr&aacute;gica&rdquo; en Gaza, dijo el ministro espa&ntilde;ol.</p>"
    assert "La situación “trágica” en Gaza, dijo el ministro español." in as_markdown(html)


def test_a_page_saved_a_text_node_a_line_keeps_what_beautifulsoup_keeps():
    # BeautifulSoup reads a page that opens with an XML declaration (the shape made for the
    # outside checks saved such pages empty), and keeps a <noscript>'s text (a blog's post,
    # shown to a reader without scripts).
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
            f"<title>Bergen</title><style>p {{}}</style></head><body><p>{PARAGRAPHS[0]}</p><script>x()</script>"
            f"<noscript><p>{PARAGRAPHS[1]}</p></noscript><template><p>Slot</p></template></body></html>")
    assert as_text_nodes(page).splitlines() == ["Bergen", PARAGRAPHS[0], PARAGRAPHS[1]]
