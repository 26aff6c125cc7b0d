"""A blog's comments heading, a count and the post's title ("5 Gedanken zu „Title“", "11 responses
to “Title”"), ends the article like a comments widget, and the readers' comments under it are no
article however long: rules.comment_count, blocks._notice_before."""
from __future__ import annotations

import pytest

from ingest.config import CleanOptions
from ingest.clean.rules import match_line
from ingest.clean.text import clean_text

OPTIONS = CleanOptions()

POST = [
    "Am Sonntag war der Himmel über der Stadt so klar, dass ich die Kamera doch noch mitgenommen habe.",
    "Angefangen hatte es mit einem Foto aus der Hand, das für die wenige Zeit erstaunlich scharf geworden ist.",
    "Beim zweiten Versuch zog ein Flugzeug seinen Kondensstreifen quer durch das Bild über den Dächern.",
]
COMMENTS = [
    "Anna sagt:", "06.01.2020 um 9:16",
    "Beide Bilder sind toll! Das erste hat die bessere Qualität, das zweite mit dem Kondensstreifen am Himmel "
    "ist aber unschlagbar, finde ich. Ich hätte gern noch mehr solche Bilder aus der Stadt gesehen, gerade im "
    "Winter, wenn die Sonne so früh untergeht und der Himmel so schöne Farben hat wie auf diesen beiden Fotos.",
    "Ben sagt:", "06.01.2020 um 22:23",
    "Der helle Stern müsste die Venus sein, die man mit einem Stativ und einem starken optischen Zoom sogar "
    "als Sichel sehen könnte. Ich habe das im letzten Jahr selbst einmal versucht und war überrascht, wie gut "
    "das schon mit einer einfachen Kamera und etwas Geduld an einem klaren Abend im Januar funktioniert hat.",
]


@pytest.mark.parametrize("heading", ["2 Kommentare zu „Abendhimmel über der Stadt“",
                                     "2 responses to “Abendhimmel über der Stadt”",
                                     "Ein Gedanke zu „Abendhimmel über der Stadt“"])
def test_the_comments_under_a_count_heading_are_no_article(heading):
    page = "\n\n".join(["Blog", "Fotografie", "Abendhimmel über der Stadt", *POST, heading, *COMMENTS,
                        "Schreibe einen Kommentar"])
    cleaned = clean_text(page, OPTIONS)
    assert list(cleaned.paragraphs) == POST
    assert {r.rule for r in cleaned.removed if r.text == heading} == {"phrase:comments"}


def test_a_sentence_that_counts_responses_is_no_heading():
    line = "12 responses to the survey came from teachers in the northern districts."
    assert match_line(line, len(line.split())) is None


SPANISH_STORY = [
    "El fiscal se reunió ayer en Madrid con su superior para analizar el extenso auto del juez instructor.",
    "Ambos discutieron durante varias horas la estrategia que seguirán tras la citación de la imputada.",
    "El juez señaló en el auto que hay indicios claros de delitos fiscales a través de la empresa.",
]
# The comment form's heading and its notice, then each comment under its author and its time,
# with its rating, as a site's comment thread shows them.
THREAD = [
    "Comentario:", ("Recuerde que usted es responsable de todo lo que escribe y que se revelarán a las "
                    "autoridades competentes los datos que sean requeridos legalmente."),
    "Alcalino", "Hace 28 minutos",
    ("Vaya comportamiento tan poco ejemplar del fiscal, defiende lo indefendible como para que los "
     "ciudadanos creamos en la justicia que imparta ese señor."), "Valoración: 3",
    "Casper", "Hace 37 minutos",
    "Lo importante no es si imputa o no, lo importante es la comida que se van a pagar a costa del pueblo.",
    "Valoración: 1",
    "angelcaido", "Hace 52 minutos",
    "Muy independiente no se muestra el fiscal. ¿Es normal consultar con el fiscal jefe cada caso?",
    "Valoración: 2",
]


def test_comments_each_under_its_time_after_a_comments_heading_are_no_article():
    page = "\n\n".join(["Portada", "Local", "Anticorrupción decidirá en Madrid si recurre", *SPANISH_STORY,
                        *THREAD, "Aviso legal"])
    cleaned = clean_text(page, OPTIONS)
    assert list(cleaned.paragraphs) == SPANISH_STORY


def test_the_article_after_a_comments_link_under_its_lead_stays():
    # a share row's "Comentarios" link between the lead and the rest: the paragraphs that follow
    # have no time between them, and a box of timed teasers further down does not end the article
    teasers = ["Más sobre la ciudad", "El pleno aprueba el presupuesto de transporte", "Hace 3 horas",
               "La policía detiene a dos personas tras un robo", "Hace 12 horas"]
    more = ["La defensa presentará un recurso contra la citación antes de que termine el plazo de cinco días.",
            "Los partidos de la oposición pidieron explicaciones al gobierno en la sesión de control de hoy."]
    page = "\n\n".join(["Portada", "Local", "Anticorrupción decidirá en Madrid si recurre", SPANISH_STORY[0],
                        "compartir", "Comentarios", *SPANISH_STORY[1:], *more, *teasers])
    cleaned = clean_text(page, OPTIONS)
    assert list(cleaned.paragraphs) == SPANISH_STORY + more


# Each comment under a head that repeats the post's title beside its date, time and author, as
# blog engines print them: too many words for a date line, still each comment's stamp.
STAMPED_THREAD = [
    "Re: Ferry timetable changes 2021-03-12 14:05 harbourwatch",
    "Good to know before the holidays. The early boat was always full on Fridays anyway.",
    "Re: Ferry timetable changes 2021-03-12 15:31 Mira K.",
    "Does the new timetable also apply to the island's second pier? Nobody at the office could tell me.",
    "Re: Ferry timetable changes 2021-03-13 09:12 harbourwatch",
    "It does, according to the notice at the terminal. The last boat now leaves twenty minutes earlier.",
]


def test_comments_under_heads_with_their_time_after_a_comments_heading_are_no_article():
    page = "\n\n".join(["Portada", "Anticorrupción decidirá en Madrid si recurre", *SPANISH_STORY, "Comments",
                        *STAMPED_THREAD, "Aviso legal"])
    cleaned = clean_text(page, OPTIONS)
    assert list(cleaned.paragraphs) == SPANISH_STORY
    assert all(r.rule == "end-marker" for r in cleaned.removed if r.text in STAMPED_THREAD)


def test_a_timed_entry_of_the_article_after_a_comments_link_is_no_comment_head():
    # one stamped line after a "Comments" link in the share row is the article's own timeline
    more = ["Update 2021-03-12 14:05: the court has confirmed the date of the hearing for next week.",
            "La defensa presentará un recurso contra la citación antes de que termine el plazo de cinco días.",
            "Los partidos de la oposición pidieron explicaciones al gobierno en la sesión de control de hoy."]
    page = "\n\n".join(["Portada", "Anticorrupción decidirá en Madrid si recurre", SPANISH_STORY[0],
                        "Comments", *SPANISH_STORY[1:], *more])
    cleaned = clean_text(page, OPTIONS)
    assert list(cleaned.paragraphs) == SPANISH_STORY + more
