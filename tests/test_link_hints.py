"""A screen reader's hint that a link opens a new window or tab ("(Opens in new window)",
", opens new tab"): a short line that ends with one is a link alone on its line (a share
button, a footer entry), and inside the lines kept the hint goes and the link's words stay."""

from __future__ import annotations

import pytest

from ingest.clean import clean_document
from ingest.clean.linkhints import HINTED_MAX_WORDS, ends_with_hint, without_hints
from ingest.clean.rules import UI, match_line
from ingest.config import CleanOptions
from ingest.models import HTML, TEXT, RawDocument

STORY = [
    "Der Stadtrat hat am Montagabend den neuen Fahrplan für die Fähren zu den Inseln beschlossen.",
    "Künftig legen die Schiffe zur Hauptverkehrszeit alle zwanzig Minuten ab, nachts stündlich.",
    "Die Bewohner der Inseln hatten seit Jahren frühere Verbindungen am Morgen gefordert.",
    "Die neuen Zeiten gelten ab dem ersten Dezember, teilte die Verwaltung am Dienstag mit.",
]
# WordPress's share buttons (Jetpack) as a German blog shows them, each a line of its own and
# about as long as the others: read as a hard-wrapped paragraph, they were joined and kept.
SHARE_ROW = [
    "Klick, um auf Facebook zu teilen (Wird in neuem Fenster geöffnet)",
    "Klick, um über Twitter zu teilen (Wird in neuem Fenster geöffnet)",
    "Klicken, um auf WhatsApp zu teilen (Wird in neuem Fenster geöffnet)",
    "Klicken, um dies einem Freund per E-Mail zu senden (Wird in neuem Fenster geöffnet)",
    "Klicken zum Ausdrucken (Wird in neuem Fenster geöffnet)",
]


def _rule(line: str) -> str | None:
    return match_line(line, len(line.split()))


@pytest.mark.parametrize("line", [
    "Click to share on Twitter (Opens in new window)", "Careers, opens new tab", "Sunday Times Opens in new window",
    "Download the App (iOS), opens new tab", "Tweet may have been deleted (opens in a new tab)",
    "Partager sur Facebook (s'ouvre dans un nouvel onglet)", "Compartir en X (se abre en una nueva ventana)",
    "Condividi su Facebook (Si apre in una nuova finestra)", "Delen op LinkedIn (opent in een nieuw venster)",
    "Udostępnij (otwiera się w nowym oknie)", "Facebookでシェア（新しいウィンドウで開く）", "Impressum (neues Fenster)",
    "Fachinformatiker/in (m/w/d) Stadtverwaltung Kaiserslautern (öffnet im neuen Fenster)",
    *SHARE_ROW,
])
def test_a_short_line_that_ends_with_a_hint_is_a_link_alone(line):
    assert _rule(line) == UI


@pytest.mark.parametrize("line", [
    "Clicking the link opens a new tab.",  # a sentence that says it: no hint
    "Se abrió una nueva ventana",  # "a new window" alone is a sentence's words
    "Die Verwaltung will im Herbst ein neues Fenster zur Bürgerbeteiligung öffnen",
])
def test_a_sentence_about_windows_or_tabs_is_no_link(line):
    assert _rule(line) != UI


def test_a_long_line_with_a_hint_is_the_article_s():
    line = ("To read the 70-page report, which explains how the institute in The Hague triangulated "
            "the firing point of the tank rounds, click here, opens new tab.")
    assert len(line.split()) > HINTED_MAX_WORDS and not ends_with_hint(line.lower(), len(line.split()))


def test_without_hints_keeps_the_link_s_words():
    assert without_hints("The report, opens new tab by the institute was published.") == \
        "The report by the institute was published."
    assert without_hints("Read the ruling (opens in a new tab) before the hearing.") == \
        "Read the ruling before the hearing."
    assert without_hints("Un article sur ce sujet (Nouvelle fenêtre) avait été publié.") == \
        "Un article sur ce sujet avait été publié."
    unchanged = "Clicking the link opens a new tab, which the reader may close."
    assert without_hints(unchanged) == unchanged


def test_a_share_row_of_hinted_buttons_under_the_article_is_removed():
    page = "\n\n".join(["Fähren fahren öfter - Inselblog", "Fähren fahren öfter", *STORY]) + "\n\nTeilen mit:\n" \
        + "\n".join(SHARE_ROW) + "\n\nGefällt mir:\n"
    cleaned = clean_document(RawDocument("blog.txt", "0", TEXT, page.encode(), page, "test"), CleanOptions())
    assert list(cleaned.paragraphs) == STORY
    removed = {r.text: r.rule for r in cleaned.removed}
    assert all(removed.get(line) == UI for line in SHARE_ROW), removed


def test_a_box_of_hinted_links_goes_whole_however_long_its_links():
    """Job offers between two of the article's paragraphs, each "Title (m/w/d) Employer (opens in
    new window)": the long ones are links too, next to the short ones; the article's own long
    sentence that ends with a hinted link stays."""
    offers = ["Fachkraft Hafenlogistik (m/w/d) Hafenbetriebe Nord (öffnet im neuen Fenster)",
              "Sachbearbeiter/in für Fahrgastrechte und Beschwerdemanagement im Kundenservice des Fährbetriebs "
              "(m/w/d) Reederei Insel- und Küstenschifffahrt GmbH (öffnet im neuen Fenster)",
              "Kapitän/in (m/w/d) Fährlinie Süd (öffnet im neuen Fenster)"]
    own = ("Die Verwaltung hat den vollständigen Fahrplan mit allen Abfahrtszeiten der Schiffe und der Busse "
           "auf ihrer Seite veröffentlicht (öffnet im neuen Fenster)")
    assert len(offers[1].split()) > HINTED_MAX_WORDS
    page = "\n\n".join(["Fähren fahren öfter - Inselblog", "Fähren fahren öfter", *STORY[:2], "Neue Stellen",
                         *offers, *STORY[2:], own])
    cleaned = clean_document(RawDocument("blog.txt", "0", TEXT, page.encode(), page, "test"), CleanOptions())
    assert not set(map(without_hints, offers)) & set(cleaned.paragraphs)
    assert set(STORY) | {without_hints(own)} <= set(cleaned.paragraphs)
    assert {r.rule for r in cleaned.removed if r.text in offers} == {UI}


def test_a_hint_inside_the_article_goes_and_its_sentence_stays():
    """A site that writes hints writes them on its menu's links too: those tell the cleaner to
    look for hints in the body (a text without a hinted line is not searched for one)."""
    first = STORY[0].replace("den neuen Fahrplan", "den neuen Fahrplan, öffnet in neuem Tab")
    footer = ["Impressum, öffnet in neuem Tab", "Datenschutz, öffnet in neuem Tab"]
    page = "\n\n".join(["Fähren fahren öfter - Inselblog", "Fähren fahren öfter", first, *STORY[1:], *footer])
    cleaned = clean_document(RawDocument("blog.txt", "0", TEXT, page.encode(), page, "test"), CleanOptions())
    assert list(cleaned.paragraphs) == STORY
    assert {r.text for r in cleaned.removed if r.rule == UI} >= set(footer)


def test_an_html_page_loses_the_hints_of_its_links():
    """In HTML the hint is a span only screen readers are shown; the reading keeps its words."""
    paragraphs = list(STORY)
    paragraphs[1] = paragraphs[1].replace("alle zwanzig Minuten",
                                          '<a href="/plan">alle zwanzig Minuten<span class="sr-only">'
                                          ' (öffnet in neuem Tab)</span></a>')
    html = ("<html><head><title>Fähren fahren öfter</title></head><body><article><h1>Fähren fahren öfter</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")
    cleaned = clean_document(RawDocument("blog.html", "0", HTML, html.encode(), html, "test"), CleanOptions())
    assert "\n".join(cleaned.paragraphs) == "\n".join(STORY)
