"""An alternation cut to a line's first character matches as the whole pattern does:
ingest.clean.alternation, and rules._SHORT_CUT built with it."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.clean import rules as R
from ingest.clean.alternation import Alternation

# The regular-expression forms the phrase lists use, each where it can decide a cut: an
# optional prefix that may or may not take the first character, a class, escapes, a
# lookahead, a repeated group, an empty alternative, a named group inside a group.
LEAD, TAIL = r"[\s•|]*+", r"[\s.:!]*+$"
BODY = (r"(?P<share>share(?: this| on \w+)?|tweet|e-mail|\d+ shares?)"
        r"|(?P<comments>(?:\d+\s+)?(?:comments?|kommentare)(?:\s*\(\d+\))?)"
        r"|(?P<related>(?:read )?more(?: on| from) .{1,20}|related(?!\w)|[a-c]x+|(?:ab)+c|(?:x|y)+z)"
        r"|(?P<ui>\u00e9dition|\x41bc|(?:home|)|(?=top)top|menu\b)")
SAMPLES = ["share", "share this", "share on facebook", "tweet", "e-mail", "12 shares", "3 comments",
           "comments (4)", "kommentare", "read more on the budget", "more from the city", "related",
           "relatedness", "bxxx", "ababc", "abc", "xyz", "yxz", "édition", "Abc", "home", "", "top", "menu", "menus",
           "• share.", "| 12 comments:", "   ", "x", "shared", "more", "read more", "1 share"]


@pytest.fixture(scope="module")
def alternation():
    return Alternation(LEAD, BODY, TAIL)


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    return (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup))


@pytest.mark.parametrize("line", SAMPLES)
def test_a_cut_matches_as_the_whole_pattern(alternation, line):
    assert _same(alternation.match(line), alternation.pattern.match(line))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*SAMPLES, "•", " ", "(", ")", "2", "on", "a", "b", "c"]), max_size=5),
       st.text(max_size=8))
def test_cuts_agree_with_the_whole_pattern_on_any_line(alternation, pieces, noise):
    for line in ("".join(pieces), " ".join(pieces), " ".join(pieces) + noise, noise + " ".join(pieces)):
        assert _same(alternation.match(line), alternation.pattern.match(line)), line


def test_a_cut_leaves_out_what_cannot_start_with_its_character(alternation):
    cut = alternation.cut("t").pattern
    assert "tweet" in cut and "top" in cut and "kommentare" not in cut and "e-mail" not in cut
    # an optional prefix that can take the character keeps what follows whole
    assert "kommentare" in alternation.cut("1").pattern


def test_the_phrase_rule_cut_by_first_character_agrees_with_the_whole_one():
    lines = [line.lower() for line in (
        "Share", "Share this article", "12 Comments", "Leave a comment", "Read more", "More from Reuters",
        "Related stories", "Most read", "Advertisement", "Advertisement · Scroll to continue", "Sign up",
        "Subscribe now for our newsletter", "The Daily Courier", "News", "More", "Main menu", "Home",
        "Back to top", "Contact us", "About the author", "Mehr zum Thema Verkehr", "Weitere Artikel",
        "関連記事", "공유하기", "แชร์", "• Twitter", "Kommentare (3)", "Jetzt kostenlos abonnieren")]
    assert any(R._SHORT_L.match(line) for line in lines) and not all(R._SHORT_L.match(line) for line in lines)
    for line in lines:
        assert _same(R._SHORT_CUT.match(line), R._SHORT_L.match(line)), line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdefghilmnorstuvw •|:.0123456789"), max_size=30))
def test_the_phrase_rule_cuts_agree_on_any_line(line):
    assert _same(R._SHORT_CUT.match(line), R._SHORT_L.match(line))


def test_past_the_most_cuts_the_whole_pattern_is_used(monkeypatch):
    import ingest.clean.alternation as A

    monkeypatch.setattr(A, "MAX_CUTS", 1)
    alternation = Alternation(LEAD, BODY, TAIL)
    assert alternation.match("share") and alternation.match("tweet") and not alternation.match("shared")
    assert len(alternation._cuts) == 1


def test_a_group_of_a_kind_the_parser_does_not_read_is_refused_with_its_place():
    with pytest.raises(ValueError, match="does not read"):
        Alternation("", "(?i)share", "$")
    with pytest.raises(ValueError, match="unclosed"):
        Alternation("", "(?:share", "$")
