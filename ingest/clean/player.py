"""A video player's controls in a page's text (rule "phrase:embed").

A page saved with a video.js player drawn (Brightcove's player and many news sites' own are
built on it) holds the player's controls and its caption-settings dialog as text: dozens of
short lines ("Play Video", "Current Time 0:00", "Loaded: 0%", "Playback Rate", "Text Edge Style
None Raised Depressed Uniform Dropshadow", "This is a modal window."), often between two
paragraphs of the article, where they cut it in two as a box of links would. Their words are
the player's own, in each language it was translated to: player_words.json holds its strings
(video.js's lang files, every version: benchmarks/make_player_words.py).

A line is the player's when, numbers, times, percentages, rates ("1x") and marks ("/", "---")
left out, it is one of those strings or each of its words is a word of one. A panel is a run
of such lines, passing over at most PANEL_GAP lines that are not but have at most GAP_WORDS
words (a site's own "Share" button) or GAP_SHARE of their words the player's (an option an
older player named otherwise: "Foreground --- White Black ... Semi-Opaque"), in which at least
PANEL_ANCHORS different anchors open a line: strings of two words or more ("Current Time",
"Playback Rate", "Text Edge Style None Raised ..."; in Chinese or Japanese, of three characters
or more). An article's own short lines that happen to be the player's words ("Red", "Close",
"Chapters") make no panel. The
panel's lines go before the lines are scored, as a gallery's do (ingest.clean.gallery).

A page on which fewer than SHOWN_ANCHORS lines are an anchor as the player writes it ("Playback
Rate", "Font Size") is not looked at further: one set lookup a line. (A page's text-size widget
shows "Font Size" alone.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .scripts import has_unspaced

# What a player writes around its words: times ("0:00", "-0:00"), numbers, percentages, rates
# ("1x", "1.5x") and marks.
_FILLER = re.compile(r"[-−–—]?\d++(?:[.,:]\d++)*+\s*+(?:%|x(?!\w))?|[/|·•\-–—−]++")
_EDGES = ".,:;!?()[]\"'“”«»。、，：（）"
PANEL_ANCHORS = 3  # different anchors a panel holds at least
PANEL_GAP = 2  # lines that are not the player's a run passes over, one after the other
GAP_WORDS = 3  # ... each of at most this many words,
GAP_SHARE = 0.75  # ... or with this share of its words the player's
ANCHOR_WORDS = 2  # an anchor: a string of this many words or more,
ANCHOR_CHARS = 3  # ... or, in a script written without spaces, of this many characters or more
PREFIX_WORDS = 4  # a line that starts with an anchor of at most this many words counts it
SHOWN_ANCHORS = 2  # lines that are an anchor as the player writes it, on a page worth a closer look


def _core(text: str) -> str:
    """The text lower-cased, without fillers, its words stripped of the marks at their edges."""
    words = (w.strip(_EDGES) for w in _FILLER.sub(" ", text.casefold()).split())
    return " ".join(w for w in words if w)


def _anchor(core: str) -> bool:
    return len(core.split()) >= ANCHOR_WORDS or len(core) >= ANCHOR_CHARS and has_unspaced(core)


_SOURCE = json.loads(Path(__file__).with_name("player_words.json").read_text(encoding="utf-8"))["strings"]
_STRINGS = frozenset(filter(None, map(_core, _SOURCE)))
_WORDS = frozenset(word for string in _STRINGS for word in string.split())
_ANCHORS = frozenset(filter(_anchor, _STRINGS))
# The anchors as a page shows them, for the page's first test: as written, in capitals, lower
# case, with a full stop ("This is a modal window.").
_SHOWN = frozenset(shown + stop for text in _SOURCE if _anchor(_core(text))
                   for shown in (text, text.upper(), text.lower(), text.capitalize()) for stop in ("", "."))


def _line(text: str) -> tuple[bool, float, str | None]:
    """Whether the line is the player's, the share of its words that are the player's, and the
    anchor it is or starts with, if one."""
    core = _core(text)
    if not core:
        return True, 1.0, None  # only a time, a number or a mark
    if core in _STRINGS:
        return True, 1.0, core if core in _ANCHORS else None
    words = core.split()
    share = sum(map(_WORDS.__contains__, words)) / len(words)
    lead = next((head for k in range(min(len(words) - 1, PREFIX_WORDS), ANCHOR_WORDS - 1, -1)
                 if (head := " ".join(words[:k])) in _ANCHORS), None)  # "Font Family Default Monospace ..."
    return share == 1.0, share, lead


def player_lines(texts: list[str]) -> list[bool]:
    """Whether each line (stripped, not blank) is a line of a video player's panel (see the
    module's docstring). Only the runs of lines around a line that is an anchor as the player
    writes it are read."""
    inside = [False] * len(texts)
    shown = _SHOWN.intersection(texts)
    if len(shown) < SHOWN_ANCHORS:
        return inside
    read: dict[int, tuple[bool, float, str | None]] = {}

    def line(i: int) -> tuple[bool, float, str | None]:
        if i not in read:
            read[i] = _line(texts[i])
        return read[i]

    def reach(seed: int, step: int) -> int:
        """The last player line of the run from `seed` on, going `step` lines at a time."""
        last, gap, i = seed, 0, seed + step
        while 0 <= i < len(texts):
            player, share, _ = line(i)
            if player:
                last, gap = i, 0
            elif gap < PANEL_GAP and (len(texts[i].split()) <= GAP_WORDS or share >= GAP_SHARE):
                gap += 1
            else:
                break
            i += step
        return last

    done = -1
    for seed in (i for i, text in enumerate(texts) if text in shown):
        if seed <= done:
            continue
        first, done = reach(seed, -1), reach(seed, 1)
        anchors = {anchor for i in range(first, done + 1) if (anchor := line(i)[2])}
        if len(anchors) >= PANEL_ANCHORS:
            inside[first:done + 1] = [True] * (done + 1 - first)
    return inside
