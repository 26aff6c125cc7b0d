"""A page saved run together on one line, read as pieces the line classifier can weigh.

A scraper that collapses whitespace (" ".join(text.split()), get_text(" ")) saves menus,
headline, article, teasers and footer as one line. Read whole it is kept or dropped whole; it
is read instead as its sentences (split_sentences), with more cuts that stand for the lines
it lost: a run of capitalised words (a menu glued onto the sentence after it) or, in Chinese
and Japanese, of short parts a space apart (a menu's items), the headline where the page says
its <title> again, and a marker phrase ("Related stories", "Share this") that opens a piece or
runs on inside it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import compress, count

from .lines import REPEAT_PROSE_WORDS, SPACED_STOPS
from .pagescan import match_lines
from .rules import END_RULES, FORM, SUBSCRIBE, TEASER_RULES
from .scripts import HAN_KANA

# A page saved with its line breaks collapsed (a scraper's " ".join(text.split()), a
# get_text(" ")) is one line holding menus, article and footer: read as one line, it is
# kept whole or dropped whole. Such a line is read as its sentences instead.
RUN_TOGETHER_LINES = 3  # a page of at most this many lines...
RUN_TOGETHER_CHARS = 1000  # ...one of them at least this long
# A sentence ends at . ! ? … or another script's full stop that a space follows (SPACED_STOPS:
# "।", "؟", "။", ...), with its closing quotes or brackets, before a space; or at 。！？ (and
# closers) before anything. Both are bounded, so the split is linear.
_SENTENCE_BREAK = re.compile(f"[.!?…{SPACED_STOPS}]" + r"[\"'”’»)\]]{0,3} +|[。！？][」』”）]{0,3}")


def run_together(texts: list[str]) -> bool:
    """Whether the page's line breaks were collapsed: a few lines, one of them very long."""
    return 0 < len(texts) <= RUN_TOGETHER_LINES and max(map(len, texts)) >= RUN_TOGETHER_CHARS


def split_sentences(nos: list[int], texts: list[str]) -> tuple[list[int], list[str]]:
    """Each line of RUN_TOGETHER_CHARS or more as its sentences, its headline (_headline_cuts),
    list items after a clock time (_clock_cuts), runs the page says again (_repeat_cuts), menu
    runs (_capitalised_runs, _unspaced_runs) and marker phrases (_marker_pieces) apart, all with
    the line's number; every piece stripped and not empty, as the lines it stands for."""
    new_nos: list[int] = []
    new_texts: list[str] = []
    for no, line in zip(nos, texts):
        if len(line) < RUN_TOGETHER_CHARS:
            new_nos.append(no)
            new_texts.append(line)
            continue
        start = 0
        breaks = {*(m.end() for m in _SENTENCE_BREAK.finditer(line)), *_headline_cuts(line), *_clock_cuts(line),
                  *_repeat_cuts(line), len(line)}
        pieces: list[str] = []
        for end in sorted(breaks):
            pieces += _capitalised_runs(line[start:end].strip())
            start = end
        for part in (p for head in _marker_pieces(pieces) for p in _unspaced_runs(head)):
            part = part.strip()  # (a line typed with two spaces leaves a piece of none)
            if part:
                new_nos.append(no)
                new_texts.append(part)
    return new_nos, new_texts


# A clock time that a capitalised word (or a letter of a script without case) follows: on a
# page run together, a list's time stamp run into the next item's headline ("... 13:54 En
# Islande, tuer un Basque ...", a live blog's or a "latest news" box's); the piece is cut
# after it. Inside a sentence ("at 10:30 Tuesday") the cut leaves both halves to the article.
# Pages run together: readability-dev 0.8801 -> 0.8844, aeb-dev 0.8269 -> 0.8261; outside,
# trafilatura's held-out half 0.8296 -> 0.8328, fundus's 0.8094 -> 0.8139.
# (The scan starts at the colon, a literal sre skips to; the hour's digits are read behind it.)
_CLOCK_MINUTES = re.compile(r":\d{2}(?![\d:]) (?=\w)")
_HOUR = re.compile(r"(?<![\d:.])\d{1,2}\Z")


def _clock_cuts(line: str) -> list[int]:
    """Where a clock time that a capitalised word follows ends (see above)."""
    return [m.end() - 1 for m in _CLOCK_MINUTES.finditer(line)
            if _HOUR.search(line, max(0, m.start() - 3), m.start()) and _capital(line[m.end()])]


# A run of REPEAT_RUN_WORDS words or more that the page says again, from a capitalised word (or
# a digit, or a letter of a script without case) up to one: on a page run together, a teaser's
# headline shown in two lists, a box's text, a menu; it is cut out of its piece at each place,
# and the pieces that say the same again then score as repeats. A run of REPEAT_PROSE_WORDS
# words or more with a sentence's end inside is prose shown twice (a preview above a paywall,
# an article saved twice) and stays whole; a run that starts or ends inside a sentence ("...
# visiting a common nuisance, held in jail in lieu of ...", a police log's wording) is none.
# Two runs side by side are two (list items shown in another order elsewhere). Pages run
# together: aeb-dev 0.8261 -> 0.8403, fundus-dev 0.8374 -> 0.8479, readability-dev 0.8844 ->
# 0.8881; outside, trafilatura's held-out half 0.8328 -> 0.8375 (pages under half their
# snippets 31 -> 30; its even half 29 -> 34), fundus's 0.8139 -> 0.8200.
REPEAT_RUN_WORDS = 8
_WORD = re.compile(r"\S+")


def _repeat_cuts(line: str) -> list[int]:
    """Where each run the page says again starts and ends (see above). The runs are found from
    the hashes of each REPEAT_RUN_WORDS words in a row: linear."""
    words = line.split()
    size = REPEAT_RUN_WORDS
    hashes = list(map(hash, zip(*(words[k:] for k in range(size)))))  # each REPEAT_RUN_WORDS words in a row
    repeated = {h for h, n in Counter(hashes).items() if n > 1}
    runs: list[list[int]] = []
    for k in compress(count(), map(repeated.__contains__, hashes)):
        if runs and k < runs[-1][1]:
            runs[-1][1] = k + size
        else:
            runs.append([k, k + size])
    if not runs:
        return []
    spans = [m.span() for m in _WORD.finditer(line)]  # (the words line.split() gives)
    cuts = []
    for a, b in runs:
        if b - a >= REPEAT_PROSE_WORDS and _SENTENCE_BREAK.search(line, spans[a][0], spans[b - 1][1]):
            continue
        if _opens_item(words[a]) and (b == len(words) or _opens_item(words[b])):
            cuts.append(spans[a][0])
            if b < len(words):
                cuts.append(spans[b][0])
    return cuts


def _opens_item(word: str) -> bool:
    """Whether the word may open a list's item: a capital, a digit or a letter without case first."""
    first = word[:1]
    return first.isdigit() or _capital(first)


def _capital(char: str) -> bool:
    """Whether the character is a capital letter or a letter of a script without case."""
    return char.isalpha() and not char.islower()


# Chinese and Japanese set no space between words: on a page run together, a space beside a
# Han or Kana character stands where a line broke or inside a sentence, around a linked word
# ("気象庁 は13日", "規模（ マグニチュード ）は", "と 宮崎県 に"; a Chinese blog spaces its
# clauses). The piece is split at such spaces, the parts a sentence runs across joined again
# (after a particle, an opening bracket or a comma; before a particle, a closing bracket, a
# comma or a full stop), and a run of UNSPACED_RUN or more short parts (UNSPACED_ITEM_CHARS
# characters at most, no full stop nor comma in them) is cut out as a menu's run ("毎日新聞
# 朝刊 夕刊 紙面 ..."): the piece stays whole around it. A run of spaces is tried once, from
# its start: linear.
UNSPACED_RUN = 3
UNSPACED_ITEM_CHARS = 8
_UNSPACED_BREAK = re.compile(f"(?<=[{HAN_KANA}」』）】])\\s++|(?<!\\s)\\s++(?=[{HAN_KANA}「『（【])")
_PARTICLES = "はがをにでとのもへや"  # Japanese particles of one Hiragana character
_ENDS_GOING_ON = re.compile(f"[{_PARTICLES}（「『【、，]$")
# a particle alone (not a word's first letter: "はてな"), a closing bracket, a comma, a full stop
_STARTS_GOING_ON = re.compile(f"[{_PARTICLES}](?![\\u3041-\\u309f])|[）」』】、，。！？]")
_SENTENCE_MARKS = frozenset("、。，．！？；：,.!?;:")
_UNSPACED_RUN = re.compile("1{%d,}" % UNSPACED_RUN)  # over the parts' flags: linear


def _unspaced_runs(piece: str) -> list[str]:
    """The piece, with each menu's run in a script without spaces a piece of its own (above)."""
    parts = _UNSPACED_BREAK.split(piece)
    if len(parts) < UNSPACED_RUN:
        return [piece]
    joined = [parts[0]]
    for part in parts[1:]:
        if _ENDS_GOING_ON.search(joined[-1]) or _STARTS_GOING_ON.match(part):
            joined[-1] += " " + part
        else:
            joined.append(part)
    flags = "".join(["1" if len(part) <= UNSPACED_ITEM_CHARS and _SENTENCE_MARKS.isdisjoint(part) else "0"
                     for part in joined])
    pieces = _cut_out(joined, [m.span() for m in _UNSPACED_RUN.finditer(flags)])
    return [piece] if pieces is None else pieces


def _cut_out(words: list[str], runs: list[tuple[int, int]]) -> list[str] | None:
    """The words, a space apart, as pieces: each (start, stop) run of them a piece of its own,
    and what lies between runs; None when there is no run."""
    if not runs:
        return None
    out: list[str] = []
    start = 0  # where the current piece starts
    for run, stop in runs:
        out += [" ".join(words[a:b]) for a, b in ((start, run), (run, stop)) if b > a]
        start = stop
    out.append(" ".join(words[start:]))
    return [p for p in out if p]


# On a page run together, the page's <title> comes first and its headline, which words it
# the same way, comes again further on: between a menu and the article, run into both. The
# longest run of the page's first words, HEADLINE_MIN_WORDS to HEADLINE_MAX_WORDS of them, that
# the page says again is cut out where it first stands and where it stands again (up to
# HEADLINE_MAX_PLACES times, a breadcrumb's copy too), so the headline is a piece of its own
# and anchors the article as on a page with its lines. A page that says more of its first
# words again repeats itself: it has no headline told so. In Chinese and Japanese the run is
# counted in characters, HEADLINE_MIN_UNSPACED to HEADLINE_MAX_UNSPACED.
HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_WORDS = 30
HEADLINE_MIN_UNSPACED = 10
HEADLINE_MAX_UNSPACED = 80
_HAN_KANA_CHAR = re.compile(f"[{HAN_KANA}]")
HEADLINE_MAX_PLACES = 8
_TITLE_REACH = 2000  # characters of the page its first words are read in


def _headline_ends(line: str) -> tuple[Sequence[int], bool]:
    """Where a run of the page's first words may end, shortest first, and whether the last is
    the longest run allowed (not the line's end): after HEADLINE_MIN_WORDS to
    HEADLINE_MAX_WORDS + 1 words; on a page whose first HEADLINE_MAX_UNSPACED characters hold
    HEADLINE_MIN_UNSPACED Han or Kana characters or more, after any character from the
    HEADLINE_MIN_UNSPACED-th to the (HEADLINE_MAX_UNSPACED + 1)-th (Chinese and Japanese set no
    space between words, and a title may run into the site's name: "見出し：新聞")."""
    if len(_HAN_KANA_CHAR.findall(line, 0, HEADLINE_MAX_UNSPACED)) >= HEADLINE_MIN_UNSPACED:
        return range(HEADLINE_MIN_UNSPACED, min(len(line), HEADLINE_MAX_UNSPACED + 1) + 1), \
            len(line) > HEADLINE_MAX_UNSPACED + 1
    spaces = [m.start() for m in re.finditer(" ", line[:_TITLE_REACH])][:HEADLINE_MAX_WORDS + 1]
    return spaces[HEADLINE_MIN_WORDS - 1:], len(spaces) > HEADLINE_MAX_WORDS


def _headline_cuts(line: str) -> list[int]:
    """Where the page's headline starts and ends, each place it stands, on a page run
    together (see above); none when no run of its first words comes again."""
    ends, capped = _headline_ends(line)
    lo, hi, best = 0, len(ends) - 1, None
    while lo <= hi:  # where a longer run of first words comes again, every shorter one does
        mid = (lo + hi) // 2
        size = ends[mid]
        at = line.find(line[:size], size)
        if at >= 0:
            best, lo = (size, at), mid + 1
        else:
            hi = mid - 1
    if best is None or capped and best[0] == ends[-1]:
        return []  # (a page that says its longest run of first words again repeats itself)
    size, at = best
    cuts = [size]
    while at >= 0 and len(cuts) <= 2 * HEADLINE_MAX_PLACES:
        cuts += [at, at + size]
        at = line.find(line[:size], at + size)
    return cuts


# A run of this many words or more, each starting with a capital letter, is a menu's run
# inside a sentence piece of a page run together ("Trending Latest Sections Tech Health Space
# ..."): prose puts a lower-case word among five capitalised ones. A word that ends with a
# comma or semicolon is in a sentence's list ("1 Green, 1 Red, 1 Yellow"), and a number in
# a date or a quantity, not in a menu; a script without case never starts such a run.
CAPITALISED_RUN = 6
_LIST_PUNCTUATION = ",;，、；"


_RUN = re.compile("1{%d,}" % CAPITALISED_RUN)  # over the words' flags: linear


def _capitalised_runs(piece: str) -> list[str]:
    """The piece, with each run of CAPITALISED_RUN or more capitalised words a piece of its
    own. A run followed by a lower-case word gives that word's sentence its first word
    back ("... Weight Loss Guide: How" + "to Lose Weight" keeps "How to Lose Weight")."""
    words = piece.split(" ")
    if len(words) < CAPITALISED_RUN:
        return [piece] if piece else []
    flags = "".join(["1" if w[:1].isupper() and w[-1:] not in _LIST_PUNCTUATION else "0" for w in words])
    runs = []
    for m in _RUN.finditer(flags):
        run, stop = m.span()
        if stop < len(words) and words[stop][:1].islower():
            stop -= 1  # the next sentence's first word
        if stop - run >= CAPITALISED_RUN:
            runs.append((run, stop))
    pieces = _cut_out(words, runs)
    return [piece] if pieces is None else pieces


# A piece that opens with a phrase a line of its own would be an end marker or a teaser box's
# heading by ("More Great Stories", "Share this article", "Comments (12)"), MARKER_MIN_WORDS to
# MARKER_MAX_WORDS words of it, is cut after the phrase: it then ends the article or heads its
# teasers as on a page with its lines. One word alone ("Share", "Print", "Comment") opens
# sentences too. Chosen leaving one dev set out, pages run together (3 and 4 words tie).
# Further in a piece (chrome runs on without a full stop: "... May 4, 2022 Share Facebook Twitter
# A senior official ...", "... 48.5k reactions • Join the Conversation Taipei ..."), such a phrase
# that starts at a capitalised word is cut out too, when its rule is one of _INNER_MARKER_RULES:
# not a sign-up prompt ("Sign up", "Log in" head a sign-up box in the middle of an article or sit
# in the masthead, and cut off the article there: Business Insider, Quanta) nor a form's field
# ("SELECT *" in an article's code). Dev pages run together: aeb-dev 0.8223 -> 0.8269, fundus-dev
# 0.8206 -> 0.8373, readability-dev 0.8627 -> 0.8801 (66 pages better, 15 worse); outside,
# trafilatura's held-out half 0.8125 -> 0.8296, fundus's 0.8026 -> 0.8094.
MARKER_MIN_WORDS = 2
MARKER_MAX_WORDS = 3
_MARKER_RULES = END_RULES | TEASER_RULES
_INNER_MARKER_RULES = _MARKER_RULES - {SUBSCRIBE, FORM}


def _marker_pieces(pieces: list[str]) -> list[str]:
    """The pieces, each cut after the longest marker phrase it opens with, and around each one
    further in (see above). The phrases a piece may hold (its first words, and those from each
    capitalised word) go through the rules all at once (pagescan.match_lines: a scan of them
    all, not a match each); each word is tried once."""
    places = []  # each piece's words, and where a phrase may start with the phrases there
    sizes: dict[str, int] = {}
    for piece in pieces:
        words = piece.split(" ")
        starts = []
        for at in range(len(words) - 1):
            if at == 0 or words[at][:1].isupper():
                phrases = [(size, " ".join(words[at:at + size])) for size in _phrase_sizes(words, at)]
                if phrases:
                    starts.append((at, phrases))
                    sizes.update((phrase, size) for size, phrase in phrases)
        places.append((words, starts))
    rule_of = dict(zip(sizes, match_lines(list(sizes), list(sizes.values()))))
    out: list[str] = []
    for words, starts in places:
        start = 0
        for at, phrases in starts:
            if at < start:
                continue  # inside the phrase cut out before it
            rules = _MARKER_RULES if at == 0 else _INNER_MARKER_RULES
            size = next((size for size, phrase in phrases if rule_of[phrase] in rules), 0)
            if size:
                if at > start:
                    out.append(" ".join(words[start:at]))
                out.append(" ".join(words[at:at + size]))
                start = at + size
        out.append(" ".join(words[start:]))
    return out


def _phrase_sizes(words: list[str], at: int) -> list[int]:
    """The sizes of the phrases from word `at` that may be markers, longest first: MARKER_MIN_WORDS
    to MARKER_MAX_WORDS words, that a word not in lower case follows (one that is goes on with
    the phrase's sentence: "Subscribe now to" + "read the latest news")."""
    return [size for size in range(min(MARKER_MAX_WORDS, len(words) - 1 - at), MARKER_MIN_WORDS - 1, -1)
            if not words[at + size][:1].islower()]
