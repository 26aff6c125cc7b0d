"""A button that bids the reader act now, alone on its line ("Jetzt abonnieren", "Jetzt kostenlos
registrieren", "Now subscribe", "Ahora suscríbete"), is chrome (rule phrase:ui) wherever it stands,
and ends nothing: the article's paragraphs under an inline box stay. "Jetzt" in a sentence is prose."""
from __future__ import annotations

import pytest

from conftest import COUNCIL_BODY, COUNCIL_BODY_DE
from ingest.config import CleanOptions
from ingest.clean.rules import match_line
from ingest.clean.text import clean_text

OPTIONS = CleanOptions()


@pytest.mark.parametrize("headline, body, button", [
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE, "Jetzt kostenlos registrieren"),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE, "Jetzt spenden"),
    ("Council approves budget for more buses", COUNCIL_BODY, "Now subscribe!"),
    ("Council approves budget for more buses", COUNCIL_BODY, "Ahora suscríbete"),
], ids=["de-register", "de-donate", "en-subscribe", "es-subscribe"])
def test_a_now_button_in_the_body_goes_and_the_article_goes_on(headline, body, button):
    # the button three paragraphs from the end: the paragraphs under it are the article's
    text = "\n\n".join(["Home", "News", headline, body[0], button, *body[1:], "Privacy Policy"])
    cleaned = clean_text(text, OPTIONS)
    assert list(cleaned.paragraphs) == body
    assert {r.rule for r in cleaned.removed if r.text == button} == {"phrase:ui"}


@pytest.mark.parametrize("line", ["Jetzt geht es los", "Now the council will vote on the plan"])
def test_now_in_a_line_of_prose_is_no_button(line):
    assert match_line(line, len(line.split())) is None
