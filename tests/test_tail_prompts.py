"""Prompts under an article (subscribe, follow, sign up) that read as sentences go with the
article's last lines: labels.label_trailing_prompts."""
from __future__ import annotations

from conftest import COUNCIL_BODY
from ingest.config import CleanOptions
from ingest.clean.text import clean_text

OPTIONS = CleanOptions()

GERMAN_BODY = [
    "Der Stadtrat hat am Montag nach einer langen Debatte über den Nahverkehr den neuen Haushalt beschlossen.",
    "Die Mitglieder sagten, der Plan bringe mehr Busse in die nördlichen Bezirke und senke die Preise für Studenten.",
    "Die Gegner meinten, das Geld solle in die Reparatur der Straßen fließen, die seit Jahren verschoben wird.",
    "Die Bürgermeisterin erwartet, dass die ersten neuen Linien noch vor dem Ende des Sommers fahren.",
]
FINNISH_BODY = [
    "Kaupunginvaltuusto hyväksyi uuden talousarvion maanantaina pitkän joukkoliikennettä koskevan keskustelun jälkeen.",
    "Jäsenten mukaan suunnitelma tuo lisää busseja pohjoisiin kaupunginosiin ja alentaa opiskelijoiden lippujen hintoja.",
    "Vastustajien mielestä rahat olisi pitänyt käyttää teiden korjaamiseen, joka on viivästynyt jo vuosia.",
    "Pormestari odottaa ensimmäisten uusien linjojen aloittavan liikennöinnin ennen kesän loppua.",
]


def _page(headline: str, body: list[str], tail: str) -> str:
    return "\n\n".join(["Home", "News", "Sport", headline, *body, tail, "Privacy Policy", "Contact"])


def _removed_rule(cleaned, line: str) -> str | None:
    return next((r.rule for r in cleaned.removed if r.text.strip() == line), None)


def test_follow_prompt_under_the_article_goes():
    tail = "Follow The Daily Courier on Twitter and Instagram and on Facebook for the latest news."
    cleaned = clean_text(_page("Council approves budget for more buses", COUNCIL_BODY, tail), OPTIONS)
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert _removed_rule(cleaned, tail) == "phrase:subscribe"


def test_subscribe_prompt_in_german_goes():
    tail = "Abonnieren Sie jetzt unsere digitale Ausgabe und lesen Sie den ganzen Bericht."
    cleaned = clean_text(_page("Stadtrat beschließt Haushalt für mehr Busse", GERMAN_BODY, tail), OPTIONS)
    assert list(cleaned.paragraphs) == GERMAN_BODY
    assert _removed_rule(cleaned, tail) == "phrase:subscribe"


def test_prompt_after_an_exclamation_goes():
    tail = "Saat parhaat uutiset suoraan sähköpostiisi! Tilaa niin monta uutiskirjettä kuin haluat!"
    cleaned = clean_text(_page("Valtuusto hyväksyi talousarvion", FINNISH_BODY, tail), OPTIONS)
    assert list(cleaned.paragraphs) == FINNISH_BODY
    assert _removed_rule(cleaned, tail) == "phrase:subscribe"


def test_verb_mid_sentence_or_high_in_the_body_stays():
    # "register" inside a sentence and "Follow" opening a line far above the end are the article's
    body = [COUNCIL_BODY[0], "Follow-up talks with the bus operators are planned for the autumn, the council said.",
            *COUNCIL_BODY[1:], "Residents who want a student fare must register with the transport office first."]
    cleaned = clean_text(_page("Council approves budget for more buses", body[:-1], body[-1]), OPTIONS)
    assert list(cleaned.paragraphs) == body
