"""A teaser's card in the body, read from its foot: the blurb that ends with its link ("...
mehr", "... Read more", "... lire la suite") has rule phrase:related, and the kicker and headline
right above it (no sentence end) are the card's (rule teaser). A sub-heading over the article's
own paragraph, and a paragraph over the card, stay."""
from __future__ import annotations

import pytest

from conftest import COUNCIL_BODY, COUNCIL_BODY_DE
from ingest.config import CleanOptions
from ingest.clean.text import clean_text

OPTIONS = CleanOptions()
BODY_FR = [
    "Le conseil municipal a adopté lundi le nouveau budget après un long débat sur les transports publics.",
    "Les élus ont indiqué que le plan ajoutera des bus dans les quartiers du nord et baissera les tarifs.",
    "L'opposition a estimé que l'argent devait aller à la réfection des routes, repoussée depuis des années.",
    "La maire s'attend à ce que les premières lignes ouvrent avant la fin de l'été prochain.",
]


@pytest.mark.parametrize("headline, body, card", [
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE,
     ("Analyse 11.04.2024", "Verkehrswende Wenn der Bus zu spät kommt",
      "Schon im Frühjahr stritt der Rat über die Linien im Norden der Stadt. mehr")),
    ("Council approves budget for more buses", COUNCIL_BODY,
     ("How the Northern Line Lost Its Buses",
      "When the last bus left the northern depot in May, residents were left without a service. Read more")),
    ("Le conseil adopte le budget pour plus de bus", BODY_FR,
     ("Transports Pourquoi le tramway du nord prend du retard",
      "Les travaux ont commencé il y a deux ans, mais la ligne n'est toujours pas ouverte. Lire la suite")),
], ids=["de-kicker-headline", "en-headline", "fr-headline"])
def test_the_headline_over_a_teasers_blurb_and_link_goes(headline, body, card):
    text = "\n\n".join(["Home", "News", headline, *body[:2], *card, *body[2:], "Privacy Policy"])
    cleaned = clean_text(text, OPTIONS)
    assert list(cleaned.paragraphs) == body
    assert [r.rule for r in cleaned.removed if r.text == card[-2]] == ["teaser"]  # the headline


def test_a_sub_heading_over_the_articles_own_paragraph_stays():
    sub = "Fares for students"
    text = "\n\n".join(["Home", "News", "Council approves budget for more buses", *COUNCIL_BODY[:2], sub,
                        *COUNCIL_BODY[2:], "Privacy Policy"])
    assert sub in clean_text(text, OPTIONS).paragraphs
