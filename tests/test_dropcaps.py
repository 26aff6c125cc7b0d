"""An article's big first letter, set apart from its word, is joined to it again.

A page that floats its first letter beside the paragraph comes out of a converter as
"W hale whisperer ..." or with the letter on a line of its own. The articles here were
written for these tests; the page around them is the usual chrome.
"""

from __future__ import annotations

import json

import pytest

from ingest.clean.dropcaps import DROP_CAP_PARAGRAPHS, joined_drop_cap, lone_drop_cap
from ingest.clean.text import clean_text
from ingest.config import CleanOptions

TITLE = "Whale whisperer returns to the beach where it all began"
BODY = [
    "The council said the whale had been seen near the harbour twice this week, and that "
    "volunteers were ready to help if it stranded again on the northern beach.",
    "Residents gathered on the sand at dawn, some carrying buckets of water, others simply "
    "watching the whale as it moved slowly along the shallow edge of the bay.",
    "Officials from the conservation department said the animal appeared healthy, though "
    "they would keep watching the area until the whale returned to deeper water.",
]


def page(body: list[str], above: list[str] = ()) -> str:
    head = [f"{TITLE} | Coast News", "", "Home", "News", "Sport", "Subscribe", "",
            TITLE, "By Jane Porter", "March 3, 2025", ""]
    tail = ["", "Related stories", "Harbour works to start in spring", "", "© 2025 Coast News"]
    return "\n".join(head + list(above) + [line for b in body for line in (b, "")] + tail)


def test_a_letter_set_apart_is_joined_to_its_word():
    opening = "W hale whisperer Hori Parata was just seven years old when he attended his " \
              "first mass stranding, a beaching of porpoises on the northern coast."
    cleaned = clean_text(page([opening, *BODY]), CleanOptions())
    assert cleaned.paragraphs[0] == opening.replace("W hale", "Whale", 1)
    assert list(cleaned.paragraphs[1:]) == BODY


def test_a_letter_on_its_own_line_is_put_back():
    opening = "hale whisperer Hori Parata was just seven years old when he attended his " \
              "first mass stranding, a beaching of porpoises on the northern coast."
    cleaned = clean_text(page([opening, *BODY], above=["W", ""]), CleanOptions())
    assert cleaned.paragraphs[0] == "W" + opening
    assert "W" in [r.text for r in cleaned.removed]  # the letter's own line is still accounted for


def test_the_joined_word_is_found_by_search(cli, db_path, tmp_path):
    opening = "Z anzibar officials said the ferry would resume its crossings on Monday, " \
              "after a week in which storms kept every boat in the harbour at Zanzibar."
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ferry.txt").write_text(page([opening, *BODY]), encoding="utf-8")
    cli("ingest", folder, "--db", db_path)
    hits = [json.loads(line) for line in cli("search", "Zanzibar officials", "--json", "--db", db_path).stdout.splitlines()
            if line.startswith("{")]
    assert [h["title"] for h in hits] == [TITLE]


@pytest.mark.parametrize("paragraph, page_words", [
    ("A stray thought crossed her mind as the train pulled out of the station.", "astray"),  # as common
    ("V pondělí vláda schválila nový rozpočet pro příští rok.", "pondělí"),  # Czech "on Monday"
    ("I am told the meeting will go ahead as planned next week.", "am"),
    ("A new bridge will open in the spring, the council said.", "new"),
])
def test_a_one_letter_word_stays_apart(paragraph, page_words):
    page_text = f"{paragraph}\n{page_words} and more words\n{paragraph}"
    assert joined_drop_cap(paragraph, page_text) is None


def test_a_letter_line_above_a_lower_case_line_needs_the_page_to_say_so():
    assert lone_drop_cap("T", "urkey and Poland were added to the list.", "Turkey added\nT\nurkey and Turkey") == \
        "Turkey and Poland were added to the list."
    # "eu" is no word this page writes as "Eeu": the line above is a list's letter, not a drop cap
    assert lone_drop_cap("E", "eu rules were agreed on Monday.", "E\neu rules were agreed") is None


def test_only_the_bodys_first_paragraphs_are_looked_at():
    """A drop cap opens the article: a paragraph further down keeps its letter apart, and the
    work does not grow with the page."""
    opening = "T he clinic in the valley opened its new wing this week, the hospital said in a statement."
    late = clean_text(page([*BODY, opening]), CleanOptions())
    assert len(BODY) >= DROP_CAP_PARAGRAPHS
    assert opening in late.paragraphs  # past the first paragraphs: left as it was
    early = clean_text(page([opening, *BODY]), CleanOptions())
    assert early.paragraphs[0] == opening.replace("T he", "The", 1)
