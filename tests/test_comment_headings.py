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
