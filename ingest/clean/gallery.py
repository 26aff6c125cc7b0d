"""Photo galleries in plain text: numbered slides ("1/50 Title", "[2/5] Caption", "3 of 12").

A gallery pasted into a page is a run of slides, each a counter line with its
title, then a caption and a credit. The captions are sentences, so the line
scores would take the gallery for article text; its counters give it away: the
same total on three or more lines whose numbers rise. Every line from the first
counter to the end of the last slide (as long as the slides before it) goes with
rule "pattern:gallery" before the lines are scored, so that the article's parts
before and after the gallery read as one.
"""

from __future__ import annotations

import re
from collections import defaultdict


# "12/50 ...", "[1/5] ...", "3 of 12 ..." at the line's start, or after a list's bullet (a
# slideshow saved as a list: "* 1/50 ..."); a bare counter is rules' counter.
_SLIDE = re.compile(r"(?:[-*+•·][ \t]++)?\[?(\d{1,3}) ?(?:/|of) ?(\d{1,3})\]?(?=\s)")
_OPENS = re.compile(r"[\d\[*+•·-]")
MIN_SLIDES = 3
MIN_TOTAL = 3


def gallery_lines(texts: list[str], heads: str) -> list[bool]:
    """Whether each line of the page belongs to a gallery (see the module's docstring).

    `heads` holds each line's first character; only lines that start with a digit,
    "[" or a bullet are looked at.
    """
    inside = [False] * len(texts)
    slides: dict[int, list[tuple[int, int]]] = defaultdict(list)  # total -> [(line, number)]
    for m in _OPENS.finditer(heads):
        i = m.start()
        slide = _SLIDE.match(texts[i])
        if slide:
            number, total = int(slide.group(1)), int(slide.group(2))
            if total >= MIN_TOTAL and 1 <= number <= total:
                slides[total].append((i, number))
    for run in slides.values():
        if len(run) < MIN_SLIDES or any(b[1] <= a[1] for a, b in zip(run, run[1:])):
            continue
        first, last = run[0][0], run[-1][0]
        span = max(1, round((last - first) / (len(run) - 1)))
        end = min(len(texts), last + span)
        inside[first:end] = [True] * (end - first)
    return inside
