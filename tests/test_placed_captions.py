"""A caption in the body that places the people its photo shows ("(v.l.)", "(left)", "Name,
center, ...", "from left:") or calls its photo an archive one ("(Archivbild)") is a caption
however it ends: credits.placed_captions, rule pattern:caption."""
from __future__ import annotations

import pytest

from conftest import COUNCIL_BODY, COUNCIL_BODY_DE
from ingest.config import CleanOptions
from ingest.clean.credits import placed_captions
from ingest.clean.pagescan import match_lines
from ingest.clean.text import clean_text

OPTIONS = CleanOptions()


def _page(headline: str, body: list[str], caption: str) -> str:
    # the caption between the article's second and third paragraphs, where a photo sits
    return "\n\n".join(["Home", "News", "Sport", headline, *body[:2], caption, *body[2:], "Privacy Policy"])


@pytest.mark.parametrize("headline, body, caption", [
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE,
     "Bürgermeisterin Anna Berger und Kämmerer Jan Roth (v.l.) stellen den Haushalt im Rathaus vor."),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE,
     "Ein Bus der städtischen Verkehrsbetriebe fährt durch die Innenstadt. (Archivbild)"),
    ("Council approves budget for more buses", COUNCIL_BODY,
     "Mayor Anna Berger, center, speaks with council members after the vote at the city hall on Monday."),
    ("Council approves budget for more buses", COUNCIL_BODY,
     "Pictured from left, are council members Jan Roth, Mia Lane and Tom Fisher at the city hall."),
], ids=["de-from-left", "de-archive", "en-center", "en-from-left"])
def test_a_caption_placing_its_people_goes(headline, body, caption):
    cleaned = clean_text(_page(headline, body, caption), OPTIONS)
    assert list(cleaned.paragraphs) == body
    assert {r.rule for r in cleaned.removed if r.text == caption} == {"pattern:caption"}


@pytest.mark.parametrize("line", [
    "The party has moved to the left, right, and center of the debate over the years.",  # no name before
    "Senator Anna Berger (R) said the plan would add more buses to the northern districts.",  # a party
    "Im Ofen (Mitte) in 15 Minuten backen, bis die Plätzchen goldbraun sind.",  # a rack, no position of a photo
])
def test_prose_that_names_a_side_is_no_caption(line):
    n = len(line.split())
    assert match_lines([line], [n]) == [None] and placed_captions([line], [n]) == []
