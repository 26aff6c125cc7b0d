"""The hint a page puts after a link for screen readers: "(opens in new window)", ", opens new tab".

Sites append it to a link's text in a span that only screen readers show, so a page saved
as text has it wherever a link was: after each share button ("Click to share on Twitter
(Opens in new window)", WordPress's Jetpack; "Klick, um über Twitter zu teilen (Wird in
neuem Fenster geöffnet)"), after each footer link ("Careers, opens new tab", Reuters), and
inside the article's sentences ("The report, opens new tab by the institute ..."). No reader
of the page sees it.

- A short line that ends with one (at most HINTED_MAX_WORDS words) is a link alone on its
  line: a button, a menu or footer entry (rule "phrase:ui"; ingest.clean.notices asks
  `ends_with_hint`). No dev gold keeps one.
- In the lines kept, `without_hints` takes the hint out and leaves the link's words.

Only whole hints with their verb are known ("opens in a new tab", "se abre en una nueva
ventana"), or a window's or tab's name in brackets ("(neues Fenster)"): "a new window"
alone is also a sentence's words ("Se abrió una nueva ventana").
"""

from __future__ import annotations

import re
from bisect import bisect_right

HINTED_MAX_WORDS = 15

# The hints, lower case: a link that opens a new window or tab, in the languages of the pages
# that write one.
HINTS = (
    "opens in new window", "opens in a new window", "opens in new tab", "opens in a new tab", "opens new tab",
    "opens new window", "opens a new window", "opens a new tab", "link opens in a new window",
    "link opens in a new tab", "opens in new browser tab", "opens in a new browser tab",
    "wird in neuem fenster geöffnet", "wird in einem neuen fenster geöffnet", "öffnet in neuem fenster",
    "öffnet in neuem tab", "öffnet in einem neuen fenster", "öffnet in einem neuen tab",
    "öffnet sich in einem neuen fenster", "öffnet sich in einem neuen tab", "öffnet neues fenster",
    "öffnet ein neues fenster", "öffnet neuen tab", "s'ouvre dans un nouvel onglet",
    "s'ouvre dans une nouvelle fenêtre", "ouvre un nouvel onglet", "ouvre une nouvelle fenêtre",
    "se abre en una nueva ventana", "se abre en una nueva pestaña", "abre en una nueva ventana",
    "abre en una nueva pestaña", "si apre in una nuova finestra", "si apre in una nuova scheda",
    "apre in una nuova finestra", "apre una nuova finestra", "opent in een nieuw venster",
    "opent in een nieuw tabblad", "opent in nieuw venster", "opent in nieuw tabblad", "abre em uma nova janela",
    "abre numa nova janela", "abre em uma nova aba", "abre em nova janela", "abre em nova aba",
    "öppnas i ett nytt fönster", "öppnas i nytt fönster", "öppnas i en ny flik", "öppnas i ny flik",
    "åpnes i et nytt vindu", "åpnes i ny fane", "åbner i et nyt vindue", "åbner i en ny fane",
    "otwiera się w nowym oknie", "otwiera się w nowej karcie", "otevře se v novém okně",
    "otevře se v nové záložce", "yeni pencerede açılır", "yeni sekmede açılır", "откроется в новом окне",
    "откроется в новой вкладке", "新しいウィンドウで開く", "新しいタブで開く", "別ウィンドウで開く",
    "別ウィンドウで開きます", "新しいウィンドウで開きます", "在新窗口中打开", "在新窗口打开", "在新标签页中打开",
    "在新視窗開啟", "새 창에서 열림", "새 창 열림", "새창 열림",
)
# What may stand alone in brackets after a link: the window or the tab it opens.
BRACKETED = ("new window", "new tab", "neues fenster", "neuer tab", "neuem fenster", "nouvelle fenêtre",
             "nouvel onglet", "nueva ventana", "nueva pestaña", "nuova finestra", "nuova scheda", "nieuw venster",
             "nova janela", "nytt fönster", "新しいウィンドウ", "別ウィンドウ", "新窗口", "새 창", "새창")
# The words every hint holds one of: a text without any has none.
STEMS = ("window", "tab", "fenster", "fenêtre", "onglet", "ventana", "pestaña", "finestra", "scheda",
         "venster", "tabblad", "janela", "aba", "fönster", "flik", "vindu", "fane", "vindue", "oknie",
         "karcie", "okně", "záložce", "pencere", "sekme", "окне", "вкладке", "ウィンドウ", "タブ", "窗口",
         "标签页", "視窗", "창")
assert all(any(stem in hint for stem in STEMS) for hint in HINTS + BRACKETED)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


_HINT = _alternation(HINTS)
_BRACKETED = _alternation(HINTS + BRACKETED)
# A hint at the line's end: after a comma, a dash or a space, or in brackets. Looked for in the
# line's last TAIL_CHARS characters only (a hint is shorter), so a line of many spaces costs
# no more than a short one.
TAIL_CHARS = 80
# A bare hint ends no sentence ("Clicking it opens a new tab." is one).
_ENDS_WITH_HINT = re.compile(r"(?:[,\-–—]\s*+(?:" + _HINT + r")[\s.]*+|\s(?:" + _HINT + r")\s*+|[(\[（]\s*+(?:"
                             + _BRACKETED + r")\s*+[)\]）][\s.]*+)\Z")
# A hint inside a line: in brackets, or after a comma (", opens new tab by the institute"), with
# the one space before it.
_INNER_HINT = re.compile(r" ?[(\[（]\s*+(?:" + _BRACKETED + r")\s*+[)\]）]|,\s*+(?:" + _HINT + r")(?!\w)",
                         re.IGNORECASE)


# The lines that may end with a hint, found in one scan of the page read backwards: each line's
# end, after a newline, is where a hint read backwards starts (sre skips to each newline), as
# ingest.clean.pagescan finds the lines' last words.
_REVERSED_END = re.compile("\n[ .]*+(?:[)\\]）][ \t]*+(?:" + _alternation(tuple(w[::-1] for w in HINTS + BRACKETED))
                           + ")[ \t]*+[(\\[（]|(?:" + _alternation(tuple(w[::-1] for w in HINTS)) + ")[ \t,\\-–—])")


def hinted_lines(page: str, starts: list[int]) -> list[int]:
    """The indices of the lines of `page` that may end with a hint (ends_with_hint says which do).
    `page` is the lower-cased lines each after a newline, and a final newline; line k starts
    at starts[k] (as ingest.clean.pagescan.match_lines has them)."""
    if not has_stem(page):
        return []
    end = len(page) - 1
    return [bisect_right(starts, end - m.start()) - 1 for m in _REVERSED_END.finditer(page[::-1])]


def has_stem(low: str) -> bool:
    """Whether the lower-cased text holds a word every hint holds one of (STEMS)."""
    return any(stem in low for stem in STEMS)


def ends_with_hint(low: str, n_words: int) -> bool:
    """Whether a lower-cased line of `n_words` words is a link alone on its line: it ends with
    a hint and has at most HINTED_MAX_WORDS words."""
    return n_words <= HINTED_MAX_WORDS and _ENDS_WITH_HINT.search(low[-TAIL_CHARS:]) is not None


def without_hints(text: str) -> str:
    """The text without the hints inside or at the end of its lines (in brackets, or after a
    comma); the link's own words stay."""
    if not has_stem(text.lower()):
        return text
    return _INNER_HINT.sub("", text)
