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


SHORT_POST = ("This quarter's open thread is a place to ask us anything about our research, our grants or "
              "the charities we follow, in the comments below; you may also write to us if you would rather "
              "keep a question private, and we will answer within a few days.")
# A text node a line (BeautifulSoup's get_text("\n")): each comment's author, "on", its time.
READERS = [
    ("Dana Whit", "Have you looked again at the second follow-up study of the cash programme, and does it change "
     "how you weigh it against the bed net charities this year? The first study found the gains faded after "
     "three years, and I wonder whether the new one says the same or finds that they last."),
    ("Team (Site)", "Not yet, but the review we do at the end of each year will take it into account along with "
     "the two other papers that came out this spring on the same question, and we will write about what we "
     "find in a post of its own so that readers can see how it changes our view of the programme."),
    ("Arun P", "I read your report on the road safety stickers and found no word on the cost of slower journeys "
     "for the passengers, which seems to me a real loss to set against the lives saved. Is there a speed below "
     "which it no longer pays, or is the effect on speed too small to matter?"),
    ("Team (Site)", "Our best guess is that the effect on speed is small: the drivers in the trial did not take "
     "much longer over their routes, and the passengers we spoke to said they would rather arrive a few "
     "minutes late than not at all, though we have little data on it and would welcome more."),
    ("Lee Ong", "Is it better to give now or to invest the money and give more later, when the research on which "
     "charities do the most good will have moved on a good deal further than it has today? I have read both "
     "sides and still cannot make up my mind on it."),
    ("Team (Site)", "We have written about this before, and our view has not changed much since then: the "
     "problems we fund now grow worse if they are left, and the charities can use more money this year than "
     "they are given, so we lean towards giving now for most donors."),
]
THREAD_NODES = []
for day, (name, said) in enumerate(READERS, start=3):
    THREAD_NODES += [name, "on", f"March {day}, 2021 at 9:12 am said:", said]


def test_a_short_post_is_kept_above_a_longer_thread_of_comments():
    """The readers' thread scores far above the post (its comments' heads are in it): the block
    under the headline, above the thread's heading, is the article (blocks.THREAD_HEADS)."""
    page = "\n".join(["Open thread for March 2021 - The Research Blog", "Home", "Blog", "Open thread for March 2021",
                      "Previous Post", "Next Post", "March 1, 2021", "|", "by", "Sam", SHORT_POST,
                      "Posted in", "Open thread", "|", "Permalink", "|", "4 Comments", "Previous Post", "Next Post",
                      "Comments", *THREAD_NODES, "Leave a Reply"])
    cleaned = clean_text(page, OPTIONS)
    assert list(cleaned.paragraphs) == [SHORT_POST]


def test_a_comments_link_above_the_article_does_not_cut_it_to_its_standfirst():
    """A toolbar's "12 Comments" between the standfirst and the article: the article, denser and
    with no comment heads in it, is kept whole."""
    article = [
        "The council voted on Tuesday night to close the old library on the corner of Mill Street and to move "
        "its books into the school building across the square by the end of the summer.",
        "Residents who came to the meeting said they had not been told about the plan until the week before, "
        "and several asked why the building could not be repaired instead of sold.",
        "The mayor said the roof alone would cost more than the new rooms in the school, and that the money "
        "from the sale would go to longer opening hours for the library in its new place.",
        "A second vote on the sale of the building is planned for the council's meeting in September.",
    ]
    page = "\n".join(["Library to move into the school - Town News", "News", "Library to move into the school",
                      "The old building on Mill Street will be sold after a vote on Tuesday night.",
                      "12 Comments", "Share", "Facebook", "X", "WhatsApp", "Email", "Print", "Save", "Listen",
                      "Gift this article", "Follow us", "Newsletter", "Subscribe", *article,
                      "Comments", "Jo on June 2, 2021 at 9:00 said:", "Sad to see it go.", "Leave a Reply"])
    cleaned = clean_text(page, OPTIONS)
    assert set(article) <= set(cleaned.paragraphs)
