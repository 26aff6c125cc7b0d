"""Markdown as scrapers save pages (html2text, trafilatura's markdown, crawl4ai, Firecrawl),
reduced to the plain text the line classifier reads.

A page saved as Markdown carries its links as `[text](url)`, its images as
`![alt](src)`, headings as `## `, emphasis as `**`/`_`, and escapes. Left in, the
markup makes every menu entry a long line of URL and every body paragraph carry
addresses: the line classifier misreads both, and the archive would store and index
the addresses as words. Here the markup goes and the text stays: a link becomes its
text, an image nothing. Line breaks are kept where they were (a link html2text
wrapped over two lines leaves an empty line), so a removed line keeps its number in
the input.

A .md file and a record's markdown field are Markdown; so is any other text that
holds at least MIN_LINKS links or images (a page saved as .txt), while prose that
only mentions a bracket is left alone. Every pattern is bounded (a link's text
and address by length, no nesting), so the work is linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

MIN_LINKS = 5  # "](" this many times: a page's menus alone hold more, prose never

# ![alt](src): an image, dropped; then [text](url): a link, its text kept. The text holds
# no brackets (a nested image is gone before its link is read); the address may hold
# escaped parentheses (html2text writes Wikipedia's ".../Title_\(film\)") or a balanced
# pair (CommonMark's rule), not nested. Each piece starts with a different character, so
# the match never backtracks into itself.
_ADDRESS = r"\((?:[^()\\]|\\.|\([^()\\]{0,400}\)){0,4000}\)"
_IMAGE = re.compile(r"!\[[^\[\]]{0,1000}\]" + _ADDRESS, re.DOTALL)
_LINK = re.compile(r"\[([^\[\]]{0,1000})\]" + _ADDRESS, re.DOTALL)
# A heading or quote mark at the line's start, or a heading's after a list item's bullet
# ("* ## 1/50 Title": the bullet stays).
_LINE_MARK = re.compile(r"^([ \t]*+[*+-][ \t]++)#{1,6}[ \t]+|^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?)", re.MULTILINE)
_STRONG = re.compile(r"\*\*|__")
# A single _ or * that opens or closes emphasis: at a word's edge, not inside snake_case.
# The mark comes first and the lookbehinds look back over it, so the search jumps from
# one * or _ to the next (written the other way round it was ten times slower).
_EMPHASIS = re.compile(r"[*_](?:(?<![\w*][*_])(?=[^\s*_])|(?<=[^\s*_][*_])(?![\w*]))")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")


# A line that starts a block of its own, which no line continues and which continues no
# line: a list item, a heading, a quote, a table row, a fence, a rule, code indented by four.
_BLOCK = re.compile(r"[ \t]*(?:[*+\-][ \t]|\d{1,9}[.)][ \t]|#|>|\||```|~~~|(?:[\-*_=][ \t]*){3,}$)"
                    r"|    |[^\n]{0,1000}?[ \t]\|[ \t]")
# A list item's text goes on in a line that starts no block (a lazy continuation).
_ITEM = re.compile(r"[ \t]*(?:[*+\-]|\d{1,9}[.)])[ \t]")


def paragraphs(text: str) -> list[int]:
    """Each line's paragraph number (text.splitlines()): Markdown runs a paragraph over the
    lines that follow one another up to a blank line, a line that starts a block (_BLOCK) or
    a hard break (a line ending in two spaces or a backslash). html2text wraps a paragraph at
    78 columns and puts a long link on a line of its own: its lines are one paragraph, also
    where a line ends with a full stop and the link's address is gone."""
    ids = []
    number = 0
    open_ = False  # whether the line before can go on in this one
    for line in text.splitlines():
        if not line.strip():
            number += 1
            open_ = False
        else:
            block = _BLOCK.match(line) is not None
            if block or not open_:
                number += 1
            open_ = (not block or _ITEM.match(line) is not None) and not line.endswith(("  ", "\\"))
        ids.append(number)
    return ids


def link_characters(text: str) -> list[int]:
    """How many characters of each line (text.splitlines()) are the text of a link (an
    image's alt text is none: images go)."""
    lines = text.splitlines(keepends=True)
    counts = [0] * len(lines)
    if "](" not in text:
        return counts
    if "![" in text:  # an image keeps its line breaks: the lines keep their places
        lines = _IMAGE.sub(_newlines, text).splitlines(keepends=True)
    starts = list(accumulate(map(len, lines), initial=0))
    page = "".join(lines)
    for m in _LINK.finditer(page):
        no = bisect_right(starts, m.start()) - 1
        for part in m.group(1).splitlines():
            if no < len(counts):
                counts[no] += len(part.strip())
            no += 1
    return counts


# An item of a Markdown page this much of whose characters are links' text is a menu, a
# list of teasers or a tag cloud, not a paragraph of an article.
LINK_SHARE = 0.6


def mostly_links(nos: list[int], texts: list[str], members: dict, links: list[int]) -> list[int]:
    """The items (`texts`, first line numbers `nos`, joined lines `members` as rejoin.rejoin
    gives them) that are LINK_SHARE or more the text of links (`links`: link_characters)."""
    out = []
    for i, (no, text) in enumerate(zip(nos, texts)):
        group = members.get(i)
        chars = sum(links[n] for n, _ in group) if group else links[no]
        if chars and chars >= LINK_SHARE * len(text):
            out.append(i)
    return out


# A level-1 heading ("# Title"; html2text writes <h1> so).
_HEADLINE = re.compile(r"^#[ \t]++\S", re.MULTILINE)


def headline_line(text: str) -> int | None:
    """The line number (text.splitlines()) of the first level-1 heading, where a page saved
    as Markdown keeps its <h1>: most often the article's headline, or None."""
    m = _HEADLINE.search(text)
    return None if m is None else text.count("\n", 0, m.start())


def looks_like_markdown(text: str) -> bool:
    """Whether the text is Markdown as a scraper saves a page: it holds MIN_LINKS links."""
    return text.count("](") >= MIN_LINKS and len(_LINK.findall(text, 0, 200_000)) >= MIN_LINKS


def _newlines(match: re.Match) -> str:
    return "\n" * match.group(0).count("\n")


def _link_text(match: re.Match) -> str:
    inside = match.group(1)
    return inside + "\n" * (match.group(0).count("\n") - inside.count("\n"))


def markdown_to_text(text: str) -> str:
    """The text without its Markdown markup, on the same lines: links become their text,
    images go, heading and quote marks, emphasis and escapes go. Bullets stay (the line
    classifier reads them)."""
    if "![" in text:
        text = _IMAGE.sub(_newlines, text)
    text = _LINK.sub(_link_text, text)
    text = _LINE_MARK.sub(r"\1", text)
    if "**" in text or "__" in text:
        text = _STRONG.sub("", text)
    text = _EMPHASIS.sub("", text)
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text
