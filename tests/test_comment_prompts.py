"""A comment box's prompt at the end of the body: a line that names a comment and says the reader
must sign in or register to write one, that the comments are closed, or that is the comment form's own
line (commenting.comment_prompts,
rule phrase:comments, an end marker: the lines after it go too). An article's own line about
comments ("declined to comment") stays."""
from __future__ import annotations

import pytest

from conftest import COUNCIL_BODY, COUNCIL_BODY_DE, COUNCIL_BODY_ES
from ingest.config import CleanOptions
from ingest.clean.text import clean_text

OPTIONS = CleanOptions()
BODY_ES = COUNCIL_BODY_ES


def _page(headline: str, body: list[str], *tail: str) -> str:
    return "\n\n".join(["Home", "News", "Sport", headline, *body, *tail, "Privacy Policy"])


@pytest.mark.parametrize("headline, body, prompt", [
    ("El consejo aprueba el presupuesto para más autobuses", BODY_ES,
     "Para comentar debes registrarte y completar los datos generales."),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE,
     "Du musst eingeloggt sein, um Kommentare zu schreiben!"),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE,
     "Die Kommentarfunktion ist um diese Uhrzeit deaktiviert."),
    ("Council approves budget for more buses", COUNCIL_BODY,
     "You must be logged in to post a comment on this story."),
    # the comment form's own lines: it asks for the reader's comment, or offers to keep the name in the browser
    ("Council approves budget for more buses", COUNCIL_BODY,
     "Save my name, email, and website in this browser for the next time I comment."),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE, "Bitte geben Sie Ihren Kommentar ein!"),
    ("El consejo aprueba el presupuesto para más autobuses", BODY_ES,
     "Guardar mi nombre, correo electrónico y web en este navegador para la próxima vez que comente."),
], ids=["es-register", "de-logged-in", "de-closed", "en-logged-in", "en-browser", "de-your-comment", "es-browser"])
def test_a_comment_box_prompt_under_the_article_goes(headline, body, prompt):
    cleaned = clean_text(_page(headline, body, prompt), OPTIONS)
    assert list(cleaned.paragraphs) == body
    assert {r.rule for r in cleaned.removed if r.text == prompt} == {"phrase:comments"}


def test_what_follows_the_prompt_goes_with_it():
    """The prompt ends the article: a list of most-read stories under it goes too."""
    after = "Las más leídas", "Qué pasó en el consejo municipal durante la votación del presupuesto"
    cleaned = clean_text(_page("El consejo aprueba el presupuesto para más autobuses", BODY_ES,
                               "Para poder comentar tenés que ingresar con tu usuario.", *after), OPTIONS)
    assert list(cleaned.paragraphs) == BODY_ES


@pytest.mark.parametrize("line", [
    "The bus company declined to comment on the plan when asked on Monday.",  # a reporter's line
    "Ein Sprecher der Verkehrsbetriebe wollte den Beschluss auf Anfrage nicht kommentieren.",
    # a browser named in the article's own line, with no comment in it
    "Riders can check the new timetable in any web browser from Monday, the transport office said.",
])
def test_an_articles_line_about_comments_stays(line):
    body = [*COUNCIL_BODY, line]
    cleaned = clean_text(_page("Council approves budget for more buses", body), OPTIONS)
    assert line in cleaned.paragraphs


def test_a_prompt_above_the_end_marker_that_cut_the_block_goes():
    """The body block ran on past the comment box into the teasers under it, so the prompt was not
    among its last lines; the box's count ends the article, and the prompt right above it goes."""
    prompt = "Die Kommentarfunktion ist um diese Uhrzeit deaktiviert."
    body = [*COUNCIL_BODY_DE, *(
        f"Für die Linie {n} kauft die Stadt {n + 2} neue Busse, die ab dem Frühjahr im Zehn-Minuten-Takt "
        f"zwischen dem Bahnhof und dem Stadtteil {place} fahren sollen, wie der Kämmerer am Abend sagte."
        for n, place in enumerate(("Nordstadt", "Südstadt", "Altstadt", "Weststadt", "Oststadt", "Hafen"), 3))]
    teasers = [line for place in ("Nordstadt", "Südstadt", "Altstadt") for line in (
        "Verkehr", f"Neue Radwege für die {place} sollen bis zum Herbst fertig sein",
        f"In der {place} sollen bis zum Herbst drei neue Radwege entstehen, doch die Anwohner fürchten "
        "um ihre Parkplätze und haben eine Petition mit vielen Unterschriften eingereicht.", "13.01.2026")]
    cleaned = clean_text(_page("Stadtrat beschließt Haushalt für mehr Busse", body, prompt,
                               "0 Kommentare", "Das könnte Sie auch interessieren", *teasers), OPTIONS)
    assert list(cleaned.paragraphs) == body
    assert {r.rule for r in cleaned.removed if r.text == prompt} == {"phrase:comments"}
