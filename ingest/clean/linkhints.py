"""The hint a page puts after a link for screen readers: "(opens in new window)", ", opens new tab".

Sites append it to a link's text in a span that only screen readers show, so a page saved
as text has it wherever a link was: after each share button ("Click to share on Twitter
(Opens in new window)", WordPress's Jetpack; "Klick, um über Twitter zu teilen (Wird in
neuem Fenster geöffnet)"), after each footer link ("Careers, opens new tab", Reuters), and
inside the article's sentences ("The report, opens new tab by the institute ..."). No reader
of the page sees it.

- A short line that ends with one (at most HINTED_MAX_WORDS words) is a link alone on its
  line: a button, a menu or footer entry (rule "phrase:ui": ingest.clean.rules asks
  `ends_with_hint` of the lines ingest.clean.pagescan finds ending with a hint, in its scan of
  the lines' last words). Such lines are never joined as a hard wrap's (ingest.clean.rejoin).
  No dev gold keeps one.
- In the lines kept, `without_hints` takes the hint out and leaves the link's words.

Only whole hints with their verb are known ("opens in a new tab", "se abre en una nueva
ventana"), or a window's or tab's name in brackets ("(neues Fenster)"): "a new window"
alone is also a sentence's words ("Se abrió una nueva ventana").
"""

from __future__ import annotations

import re
from itertools import compress, count, repeat
from operator import eq

from .trie import trie

_UI = "phrase:ui"  # rules.UI (rules imports this module)

HINTED_MAX_WORDS = 15

# The hints, lower case: a link that opens a new window or tab, in the languages of the pages
# that write one.
HINTS = (
    "opens in new window", "opens in a new window", "opens in new tab", "opens in a new tab", "opens new tab",
    "opens new window", "opens a new window", "opens a new tab", "link opens in a new window",
    "link opens in a new tab", "opens in new browser tab", "opens in a new browser tab",
    "wird in neuem fenster geöffnet", "wird in einem neuen fenster geöffnet", "öffnet in neuem fenster",
    "öffnet in neuem tab", "öffnet in einem neuen fenster", "öffnet in einem neuen tab",
    "öffnet sich in einem neuen fenster", "öffnet sich in einem neuen tab", "öffnet im neuen fenster",
    "öffnet im neuen tab", "öffnet sich im neuen fenster", "öffnet sich im neuen tab", "öffnet neues fenster",
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
# The last word of every hint, and the brackets that close one: a line that ends with none of
# them (str.endswith, before any pattern runs) ends with no hint.
_LAST = tuple(sorted({hint.split()[-1] for hint in HINTS} | {")", "]", "）"}))

# A hint at the line's end: after a comma, a dash or a space, or in brackets (in the line's
# last TAIL_CHARS characters: a hint is shorter). A bare hint ends no sentence ("Clicking it
# opens a new tab." is one).
TAIL_CHARS = 80
_HINT = trie((hint, "") for hint in HINTS)
_BRACKETED = trie((hint, "") for hint in HINTS + BRACKETED)
_ENDS_WITH_HINT = re.compile(r"(?:[,\-–—]\s*+" + _HINT + r"[\s.]*+|\s" + _HINT + r"\s*+|[(\[（]\s*+" + _BRACKETED
                             + r"\s*+[)\]）][\s.]*+)\Z")
# A hint inside a line: in brackets, or after a comma (", opens new tab by the institute"). One
# pattern for each opening character, so that sre skips to it (an alternation of the two took
# five times as long: no character to skip to), and each run only on a text that holds it.
_INNER_HINTS = tuple((opening, re.compile(re.escape(opening) + r"\s*+" + _BRACKETED + r"\s*+[)\]）]", re.IGNORECASE))
                     for opening in "([（") + ((",", re.compile(r",\s*+" + _HINT + r"(?!\w)", re.IGNORECASE)),)


def ends_with_hint(line: str, n_words: int, most: int = HINTED_MAX_WORDS) -> bool:
    """Whether a line of `n_words` words is a link alone on its line: it ends with a hint and
    has at most `most` words. (Only its last TAIL_CHARS characters are read.)"""
    if n_words > most:
        return False
    tail = line[-TAIL_CHARS:].lower()
    return tail.rstrip(" .").endswith(_LAST) and _ENDS_WITH_HINT.search(tail) is not None


def links_hinted(texts: list[str], words: list[int], rules: list) -> bool:
    """Whether one of the page's lines is a link alone on its line, told by its hint (rule
    "phrase:ui" and ends_with_hint): a page that has one writes hints, and may have more
    inside its sentences. (Only the lines with rule "phrase:ui" are read: the rules are
    compared in C.)"""
    if _UI not in rules:
        return False
    return any(ends_with_hint(texts[i], words[i]) for i in compress(count(), map(eq, rules, repeat(_UI))))


# A longer line that ends with a hint is a link too when it stands in a run of hinted links (a
# box of job offers, each "Title (m/w/d) Employer (opens in new window)"): up to this many words.
HINTED_RUN_MAX_WORDS = 40


def label_hinted_runs(texts: list[str], words: list[int], rules: list) -> None:
    """Give rule "phrase:ui" to each line of up to HINTED_RUN_MAX_WORDS words with no rule that
    ends with a hint and stands next to a hinted link (or to such a line in its turn)."""
    if _UI not in rules:
        return
    n = len(texts)

    def hinted(j: int) -> bool:  # (the cheap test first: most lines beside a button have a rule)
        return 0 <= j < n and rules[j] is None and ends_with_hint(texts[j], words[j], HINTED_RUN_MAX_WORDS)

    for i in list(compress(count(), map(eq, rules, repeat(_UI)))):  # (the rules change below)
        if (hinted(i - 1) or hinted(i + 1)) and ends_with_hint(texts[i], words[i]):
            for step in (-1, 1):
                j = i + step
                while hinted(j):
                    rules[j] = _UI
                    j += step


def without_hints(text: str) -> str:
    """The text without the hints inside or at the end of its lines (in brackets, with the space
    before them, or after a comma); the link's own words stay."""
    spans = sorted(m.span() for opening, pattern in _INNER_HINTS if opening in text for m in pattern.finditer(text))
    if not spans:
        return text
    parts, last = [], 0
    for start, end in spans:
        if start < last:  # (within a hint already taken out)
            continue
        if text[start] != "," and start > last and text[start - 1] == " ":
            start -= 1  # "the ruling (opens in a new tab) before": one space stays
        parts.append(text[last:start])
        last = end
    parts.append(text[last:])
    return "".join(parts)
