"""Cookie notices: the consent banner, settings panel and legal lines a site writes about the
cookies it sets ("This website uses cookies to improve your experience", "Wir verwenden
Cookies, um unsere Website ...", "当サイトではクッキーを使用しています").

A line that names cookies and speaks of the site itself ("our website", "this site",
"unsere Website", "notre site", 本网站, 当サイト) is such a notice, however long: a
consent panel is a run of long, well-formed sentences that, left in, can outscore a short
article and be taken for it. An article about cookies writes of "websites", "a site" or
"the site", not of its own (no such line is body on any evaluation page: 30 notice lines
on 25 sites, none in a gold body).

A notice also ends the article, as a comments widget does (rules.END_RULES), unless the
article resumes after it: the panel's other lines name cookies but not the site ("Cookies
that are strictly necessary ... cannot be switched off") and read as an article's sentences.

Both word lists are short and the search is a literal scan of the page pagescan.match_lines
has already lower-cased: only the lines that hold a cookie word are tried against the
site's name for itself. The rule is rules.COOKIES ("phrase:cookies").
"""

from __future__ import annotations

import re
from .lines import lines_holding
from .scripts import probe
from .vocabulary import COOKIE_STEMS, SITE_SELF_NAMES

# Whole words where words are spaced; inside a run of characters in Chinese, Japanese, Korean.
_SPACED = [name for name in SITE_SELF_NAMES if name.isascii() or " " in name or not name.isalpha()]
_SELF = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, _SPACED)) + r")(?!\w)|"
                   + "|".join(map(re.escape, sorted(set(SITE_SELF_NAMES) - set(_SPACED)))))
_STEMS = [(stem, probe(stem)) for stem in COOKIE_STEMS]
# A cookie panel's paragraph is at most some 900 characters long on the pages read; a longer line
# that names cookies is an article's (a story saved as one line), and is not searched for names.
NOTICE_MAX_CHARS = 2000


def cookie_notices(page: str, starts: list[int], lows: list[str]) -> list[int]:
    """Indices of the lines that are cookie notices: a cookie word and the site's name for
    itself. `lows` are the page's lines lower-cased, `page` them joined by newlines (with
    one before the first) and `starts[k]` where line k starts in it, as pagescan.match_lines
    has them: the page is scanned once for each cookie word (str.find), and only the lines
    one is found in are tried against the site's names. (A word of a script the page lacks
    is not searched for: scripts.probe.)"""
    found = lines_holding(page, starts, (stem for stem, char in _STEMS if not char or char in page))
    return sorted(k for k in found
                  if 0 <= k < len(lows) and len(lows[k]) <= NOTICE_MAX_CHARS and _SELF.search(lows[k]))
