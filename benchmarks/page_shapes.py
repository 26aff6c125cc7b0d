"""The shapes a scraper saves a page in, made from the dev sets' pages for the benchmarks.

Each takes a page's HTML (or the plain text a browser shows) and gives the plain text a
scraper would have saved: html2text's Markdown, a text node a line, a text browser's dump
(w3m, lynx), the text hard-wrapped at a width or run together on one line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

_TOKEN = re.compile(r"\S+\s*")


def _columns(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def hard_wrap(text: str, width: int) -> str:
    """The text as a scraper that wraps at `width` columns saves it (html2text, lynx, w3m):
    each line broken at spaces before the word that would pass the width, a word longer
    than a line (a run of Chinese or Japanese) broken where the width falls; wide
    characters take two columns."""
    out = []
    for line in text.split("\n"):
        rows, row, used = [], "", 0
        for token in _TOKEN.findall(line):
            word = token.rstrip()
            need = sum(map(_columns, word))
            if used + need <= width or (not row.strip() and need <= width):
                row, used = row + token, used + sum(map(_columns, token))
                continue
            if row.strip() and need <= width:
                rows.append(row.rstrip())
                row, used = token, sum(map(_columns, token))
                continue
            for char in token:  # longer than a line: broken inside
                if used + _columns(char) > width:
                    rows.append(row.rstrip())
                    row, used = "", 0
                if row or not char.isspace():
                    row, used = row + char, used + _columns(char)
        rows.append(row.rstrip())
        out.append("\n".join(rows))
    return "\n".join(out)


def as_markdown(html: str) -> str:
    """The page as html2text saves it (Markdown, wrapped at 78 columns), as scrapers do.
    Characters stay as they are (`unicode_snob`): by default html2text writes an entity's
    ASCII look-alike ("&aacute;" as "a"), which no cleaner can undo and no gold matches,
    so a page's score would measure the converter, not the cleaning."""
    import html2text  # optional: pip install -e '.[bench]'
    converter = html2text.HTML2Text()
    converter.unicode_snob = True
    try:
        return converter.handle(html)
    except Exception:  # noqa: BLE001 - html2text fails on a few malformed pages: count them as empty
        return ""


def as_text_nodes(html: str) -> str:
    """The page as get_text("\n", strip=True) saves it: each text node, stripped, on a line
    of its own, scripts and styles left out (lxml does what BeautifulSoup does here)."""
    import lxml.html
    from lxml import etree
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for skipped in root.xpath("//script|//style|//noscript|//template"):
        skipped.drop_tree()
    return "\n".join(filter(None, map(str.strip, root.itertext())))


def without_first_line(text: str) -> str:
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    return text if first is None else "\n".join(lines[:first] + lines[first + 1:])


def as_scraped(text: str, wrap: int | None = None, collapse: bool = False) -> str:
    """The plain text run together on one line (`collapse`) and/or hard-wrapped at `wrap` columns."""
    if collapse:
        text = " ".join(text.split())
    if wrap:
        text = hard_wrap(text, wrap)
    return text


# A text browser's dump, as `w3m -dump` and `lynx -dump` save a page (lynx with its numbered
# links and their list, or without, -nolist): paragraphs wrapped at 80 columns, list bullets,
# image alt texts, form fields as brackets. Debian packages w3m and lynx.
DUMPS = {
    "w3m": ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"],
    "lynx": ["lynx", "-dump", "-stdin", "-force_html", "-assume_charset=utf-8", "-display_charset=utf-8"],
    "lynx-nolist": ["lynx", "-dump", "-nolist", "-stdin", "-force_html", "-assume_charset=utf-8",
                    "-display_charset=utf-8"],
}
DUMP_SECONDS = 20


def dump_available(tool: str) -> bool:
    """Whether the text browser a dump needs is installed."""
    return shutil.which(DUMPS[tool][0]) is not None


# The page's own charset declaration: the dev sets' pages are stored in UTF-8 whatever their
# <meta> says, and lynx believes the <meta> over -assume_charset (a GB2312 page came out as mojibake).
_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)


def _without_charset(match: re.Match) -> str:
    return "" if "charset" in match.group(0).lower() else match.group(0)


def as_browser_dump(html: str, tool: str) -> str:
    """The page as the text browser `tool` (a key of DUMPS) dumps it, or "" if it fails."""
    html = _META.sub(_without_charset, html)
    try:
        done = subprocess.run(DUMPS[tool], input=html.encode("utf-8"), capture_output=True,
                              timeout=DUMP_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        return ""
    return done.stdout.decode("utf-8", errors="replace")
