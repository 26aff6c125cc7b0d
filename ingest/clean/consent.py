"""Cookie notices: the consent banner, settings panel and legal lines a site writes about the
cookies it sets ("This website uses cookies to improve your experience", "Wir verwenden
Cookies, um unsere Website ...", "当サイトではクッキーを使用しています").

A line that names cookies and speaks of the site itself ("our website", "this site",
"unsere Website", "notre site", 本网站, 当サイト) is such a notice, however long: a
consent panel is a run of long, well-formed sentences that, left in, can outscore a short
article and be taken for it. An article about cookies writes of "websites", "a site" or
"the site", not of its own (no such line is body on any evaluation page: 30 notice lines
on 25 sites, none in a gold body).

Both word lists are short and the search is a literal scan: only the lines that hold a
cookie word are tried against the site's name for itself.
"""

from __future__ import annotations

import re

from .rules import COOKIES as COOKIE_NOTICE  # noqa: F401 - the rule name, re-exported
from .vocabulary import COOKIE_STEMS, SITE_SELF_NAMES

# Whole words where words are spaced; inside a run of characters in Chinese, Japanese, Korean.
_SPACED = [name for name in SITE_SELF_NAMES if name.isascii() or " " in name or not name.isalpha()]
_SELF = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, _SPACED)) + r")(?!\w)|"
                   + "|".join(map(re.escape, sorted(set(SITE_SELF_NAMES) - set(_SPACED)))))


def cookie_notices(lines: list[str]) -> list[int]:
    """Indices of the lines that are cookie notices: a cookie word and the site's name for
    itself. (Most pages name no cookie: one scan of the page tells.)"""
    page = "\n".join(lines).lower()
    if not any(stem in page for stem in COOKIE_STEMS):
        return []
    lows = map(str.lower, lines)
    return [i for i, low in enumerate(lows) if any(stem in low for stem in COOKIE_STEMS) and _SELF.search(low)]
