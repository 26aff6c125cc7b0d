"""No line makes the cleaner's rules slow: 1 MB adversarial lines cost about what 1 MB of prose does.

Each shape is a prefix, a short unit repeated to 1 MB, and a character that makes the
rules' patterns fail at the very end: the inputs that made backtracking patterns
quadratic (a line of 64,000 digits took 30 s, 1 MB about two hours). The bound is
relative, measured in CPU time in the same test run: a shape may cost at most
SLOWER times what cleaning 1 MB of ordinary article text costs. Linear code stays
well under it (at most about 8x here); quadratic code at 1 MB takes minutes.
"""

from __future__ import annotations

import random
import time

import pytest

from conftest import COUNCIL_BODY
from ingest.clean.dates import find_published, parse_date
from ingest.clean.pagescan import match_lines
from ingest.clean.rules import match_line, strip_bullet, strip_bullets
from ingest.clean.text import clean_text
from ingest.config import CleanOptions

OPTIONS = CleanOptions()
SIZE = 1_000_000
SLOWER = 20

# (prefix, unit, suffix): the line is prefix + unit * k + suffix, about SIZE characters.
SHAPES = [
    ("", "1", " x"),  # a counter's digit runs
    ("1", " ", "x"),  # "N views": the spaces before a missing word
    ("", "+1", "x"),
    ("", "1-", "x"),
    ("", "1,.()+-", "x"),
    ("", "a@", "!"),  # an e-mail address with no domain
    ("http://", "a", " x"),
    ("1 said", " ", "x said"),  # a comment header's spaces
    ("photo ", " ", "x"),  # a caption's spaces around a missing "credit"
    ("(", " ", "x"),
    ("| ", " ", "x"),
    ("- ", " ", "x"),
    ("", "©", "x"),
    ("copyright", " ", "x"),
    ("related", " ", "x"),
    ("by ", "a", "!"),
    ("12:30", " ", "x"),  # a timestamp's trailing spaces
    ("published ", "1 ", "x"),
    ("", " >", "x"),  # breadcrumb separators everywhere
    ("", "a > ", "!"),
    ("", "a.", " x"),
    ("•", " ", "x"),
]


def adversarial(prefix: str, unit: str, suffix: str) -> str:
    return prefix + unit * ((SIZE - len(prefix) - len(suffix)) // len(unit)) + suffix


def cpu_seconds(fn, *args) -> float:
    start = time.process_time()
    fn(*args)
    return time.process_time() - start


@pytest.fixture(scope="module")
def prose_seconds() -> float:
    """CPU seconds of cleaning 1 MB of ordinary article text (varied sentences, paragraphs)."""
    words = " ".join(COUNCIL_BODY).replace(".", "").replace(",", "").split()
    rnd = random.Random(0)
    paragraphs, size = [], 0
    while size < SIZE:
        sentences = (" ".join(rnd.choices(words, k=rnd.randint(8, 25))).capitalize() + "."
                     for _ in range(3))
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 2
    text = "\n\n".join(paragraphs)
    assert len(clean_text(text, OPTIONS).paragraphs) > 100  # it is cleaned as an article
    return min(cpu_seconds(clean_text, text, OPTIONS) for _ in range(3))


def _clean(line: str) -> None:
    clean_text(line, OPTIONS)


def _match_line(line: str) -> None:
    match_line(line, len(line.split()))


def _match_lines(line: str) -> None:
    match_lines([line, line[:200], "A normal line of text."],
                [len(line.split()), len(line[:200].split()), 5])


def _dates(line: str) -> None:
    find_published(line)
    parse_date(line)


def _bullets(line: str) -> None:
    strip_bullet(line)
    strip_bullets([line], line[:1])


RULE_FUNCTIONS = [_match_line, _match_lines, _clean, _dates, _bullets]


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: f"{s[0]!r}+{s[1]!r}*n+{s[2]!r}")
def test_adversarial_line_costs_about_a_line_of_prose(shape, prose_seconds):
    line = adversarial(*shape)
    for fn in RULE_FUNCTIONS:
        seconds = cpu_seconds(fn, line)
        if seconds >= SLOWER * prose_seconds:
            # measured as the prose is, the best of three: a single run in the full suite can take
            # a collection of its large heap (0.81 s once where the line takes 0.48 s); quadratic
            # code takes minutes each time
            seconds = min(seconds, cpu_seconds(fn, line), cpu_seconds(fn, line))
        assert seconds < SLOWER * prose_seconds, (fn.__name__, seconds, prose_seconds)


def test_title_separators_after_a_long_run_of_spaces(prose_seconds):
    """The first line is split at title separators (" | ", " - "); a long run of spaces
    without one was tried at each space."""
    first = adversarial("Council approves budget", " ", "x")
    text = "\n".join([first, *COUNCIL_BODY])
    assert cpu_seconds(_clean, text) < SLOWER * prose_seconds


def test_hard_wrapped_paragraph_of_2_mb(prose_seconds):
    """A paragraph of many short wrapped lines is joined in one step, not line by line
    (which copied the growing paragraph at each line: 2.7 s for these 2 MB)."""
    text = "The council met on Monday\n" + "ab cd ef gh ij\n" * (2 * SIZE // 15)
    cleaned = clean_text(text, OPTIONS)
    assert len(cleaned.paragraphs) == 1  # all lines are one rejoined paragraph
    assert cpu_seconds(_clean, text) < 2 * SLOWER * prose_seconds


def test_long_first_line_is_not_searched_for_each_line(prose_seconds):
    """The headline anchor looks for each line in the page's first line (its title): a
    first line of 0.5 MB and 40,000 short lines took 9 s."""
    first = "Council budget | " + "lorem ipsum dolor | " * (SIZE // 40)
    text = first + "\n" + "Abcd efg hij\n" * (SIZE // 26)
    assert cpu_seconds(_clean, text) < SLOWER * prose_seconds


@pytest.mark.parametrize("unit", [" ", " \t", "\u00a0 "], ids=["spaces", "tabs", "nbsp"])
def test_an_html_text_node_of_whitespace_without_a_line_break(unit, prose_seconds):
    """Line breaks in a text node become spaces (htmltext._join_source_lines); the
    pattern `\\s*\\n\\s*` tried a run of spaces without a break at each space (80,000
    spaces: 13 s). The result is what that pattern made."""
    import re

    from ingest.clean.htmltext import _join_source_lines, html_to_lines

    node = adversarial("Council approves budget", unit, "x")
    page = f"<html><body><p>{node}</p><p>{' '.join(COUNCIL_BODY)}</p></body></html>"
    assert cpu_seconds(html_to_lines, page) < SLOWER * prose_seconds
    for text in ("a \n\n b", "\n a \t\n", "a\u2028\n\u00a0b\n", "\n", ""):
        assert _join_source_lines(text) == re.sub(r"\s*\n\s*", " ", text)
