"""A photo's caption stands right above its credit line ("Foto: Name", "Image Credits: X", "©
Name") in the body, and the article goes on under the credit: credits.credited_captions, rule
pattern:caption. A paragraph above a credit at the article's end, a paragraph of several
sentences, a question and an article's notice with a number ("© 2019 Name") stay."""
from __future__ import annotations

import pytest

from conftest import COUNCIL_BODY, COUNCIL_BODY_DE, COUNCIL_BODY_ES
from ingest.config import CleanOptions
from ingest.clean.credits import credit_lines, image_file_name
from ingest.clean.rules import match_line
from ingest.clean.text import clean_text

OPTIONS = CleanOptions()
BODY_ES = COUNCIL_BODY_ES


def _page(headline: str, body: list[str], *inserted: str) -> str:
    # the photo's lines between the article's second and third paragraphs
    return "\n\n".join(["Home", "News", "Sport", headline, *body[:2], *inserted, *body[2:], "Privacy Policy"])


def assert_removed_as_caption(headline: str, body: list[str], line: str) -> None:
    """The line, set between the body's second and third paragraphs, goes as a caption, and the body stays."""
    cleaned = clean_text(_page(headline, body, line), OPTIONS)
    assert list(cleaned.paragraphs) == body
    assert {r.rule for r in cleaned.removed if r.text == line} == {"pattern:caption"}


@pytest.mark.parametrize("headline, body, caption, credit", [
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE,
     "Bürgermeisterin Anna Berger bei ihrer Rede im Rathaus am Montag.", "Foto: Jan Roth (Keystone)"),
    ("Council approves budget for more buses", COUNCIL_BODY,
     "The city's new electric buses at the northern depot", "Image Credits: Transit Authority"),
    ("El consejo aprueba el presupuesto para más autobuses", BODY_ES,
     "La alcaldesa Ana Berger durante su discurso en el ayuntamiento.", "© Juan Roth"),
], ids=["de-foto", "en-image-credits", "es-copyright-sign"])
def test_the_line_above_a_photo_credit_is_its_caption(headline, body, caption, credit):
    cleaned = clean_text(_page(headline, body, caption, credit), OPTIONS)
    assert list(cleaned.paragraphs) == body
    assert {r.rule for r in cleaned.removed if r.text == caption} == {"pattern:caption"}


@pytest.mark.parametrize("paragraph, credit", [
    # two sentences: a paragraph of the article over a photo without a caption
    ("The vote came late. Members said the plan would add more buses to the northern districts.",
     "Photo: Jan Roth"),
    ("Will the first new routes open before the summer?", "Foto: Jan Roth"),  # a question
    ("The council's decision was welcomed by the local bus operators", "© 2019 Transit News"),  # a notice
    # one sentence longer than a caption: a paragraph of wire copy over a photo with only a credit
    ("Members of the council said on Monday that the plan would add more buses to the northern districts "
     "and lower the fares for students", "Photo: Jan Roth"),
])
def test_a_paragraph_above_a_credit_that_is_no_caption_stays(paragraph, credit):
    cleaned = clean_text(_page("Council approves budget for more buses", COUNCIL_BODY, paragraph, credit), OPTIONS)
    assert paragraph in cleaned.paragraphs


def test_the_last_line_above_a_credit_the_article_does_not_go_on_after_stays():
    """A slideshow's text over its slide's credit, a chart's credit before an advertisement."""
    last = "The mayor said she expected the first new routes to open before the end of the summer"
    text = "\n\n".join(["Home", "Council approves budget for more buses", *COUNCIL_BODY[:3], last,
                        "Photo: Jan Roth", "Advertisement", "Privacy Policy"])
    assert last in clean_text(text, OPTIONS).paragraphs


# Paragraphs of two sentences each: a photo between them that has only its credit takes none.
BODY_DE_LONG = [f"{a} Das sagte die Stadt am Dienstag." for a in COUNCIL_BODY_DE]


@pytest.mark.parametrize("line", [
    "Bildrechte: IMAGO/Jan Roth",  # a credit alone
    "Der neue Bus der Verkehrsbetriebe vor dem Rathaus. Bildrechte: Deutsches Rundfunkarchiv",  # after its caption
])
def test_a_german_picture_rights_credit_is_a_caption(line):
    """"Bildrechte:" (picture rights) names a photo's credit as "Foto:" and "Bildquelle:" do."""
    assert_removed_as_caption("Stadtrat beschließt Haushalt für mehr Busse", BODY_DE_LONG, line)


@pytest.mark.parametrize("line", ["Quelle: dpa, Landesregierung", "Bron: BELGA", "Kilde: Store norske leksikon",
                                  "Источник: ТАСС"])
def test_a_short_line_naming_its_source_is_a_credit(line):
    """"Quelle:", "Bron:", "Kilde:", "Источник:" open an agency's or a chart's credit."""
    assert_removed_as_caption("Stadtrat beschließt Haushalt für mehr Busse", BODY_DE_LONG, line)


def test_a_source_inside_a_paragraph_is_the_articles():
    line = "Die Zahl der Fahrgäste stieg im Jahr um zwölf Prozent (Quelle: Landesamt für Statistik)."
    body = [*BODY_DE_LONG[:2], line, *BODY_DE_LONG[2:]]
    assert line in clean_text(_page("Stadtrat beschließt Haushalt für mehr Busse", body), OPTIONS).paragraphs


@pytest.mark.parametrize("credit", ["AFP", "Getty Images", "Michael Conroy, AP", "Philipp von Ditfurth/dpa",
                                    "imago images/Pemax", "(Reuters)", "личный архив Анны Петровой",
                                    "Courtesy of the family", "Foto aus dem Privatarchiv",
                                    "Mads Claus Rasmussen/Ritzau Scanpix", "Jan Nowak, PAP", "Lehtikuva"])
def test_a_credit_alone_in_the_body_is_removed(credit):
    """A photo's credit on a line of its own, its caption elsewhere or none: an agency, or a
    photographer and the agency (credits.credit_lines)."""
    cleaned = clean_text(_page("Council approves budget for more buses", COUNCIL_BODY, credit), OPTIONS)
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert {r.rule for r in cleaned.removed if r.text == credit} == {"pattern:caption"}


@pytest.mark.parametrize("line", ["Reuters contributed reporting to this story.", "Michael Conroy, a photographer for AP",
                                  "the council/AP",
                                  "Courtesy of the city council, the old ferry timetables went on show on Monday."])
def test_a_line_that_names_an_agency_in_words_stays(line):
    """A sentence that names an agency, or a name that is no photographer's, is no credit."""
    assert credit_lines([line], [len(line.split())], [None], 0, 1) == []


@pytest.mark.parametrize("line", [
    "Image caption The mayor opened the new depot on Monday",
    "Media captionHow the new buses are charged overnight",  # the label hidden, run into the caption
    "Image copyright Reuters",
    "Image source, Getty Images",
])
def test_a_line_under_a_screen_reader_caption_label_is_a_caption(line):
    assert_removed_as_caption("Council approves budget for more buses", COUNCIL_BODY, line)


def test_a_sentence_about_image_captions_stays():
    line = "Image captions are read aloud to blind readers, so the council asked for them on every page."
    assert match_line(line, len(line.split())) is None


@pytest.mark.parametrize("name", ["google.JPG", "CSD-Parade.jpg", "bus_depot.2024.png"])
def test_an_images_file_name_is_removed_and_joins_no_headline(name):
    # under the headline, where the image did not load: no part of the title, nor of the body
    headline = "Council approves budget for more buses"
    page = "\n\n".join(["Home", "News", headline, name, *COUNCIL_BODY, "Privacy Policy"]).replace(
        f"{headline}\n\n{name}", f"{headline}\n{name}")
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.title == headline
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert {r.rule for r in cleaned.removed if r.text == name} == {"pattern:caption"}


@pytest.mark.parametrize("line", ["x.jpg.bak", "photos/bus.jpg", "The depot.jpg file was lost.", ".png"])
def test_what_is_no_lone_image_file_name(line):
    assert not image_file_name(line)


BODY_HI = [
    "नगर निगम ने बुधवार को कहा कि शहर का पुराना पुस्तकालय अगले महीने से रविवार को भी खुला रहेगा।",
    "अधिकारियों ने बताया कि इसके लिए दो हजार से अधिक निवासियों ने एक याचिका पर हस्ताक्षर किए थे।",
    "निगम के अनुसार अतिरिक्त घंटों पर हर साल लगभग चालीस लाख रुपये खर्च होंगे, जो संस्कृति बजट से आएंगे।",
    "पुस्तकालय के कर्मचारियों ने फैसले का स्वागत किया और कहा कि वे नए समय के लिए तैयार हैं।",
]


def test_a_paragraph_of_two_sentences_in_hindi_above_a_credit_stays():
    """Hindi ends its sentences with "।": a line with one inside it is a paragraph, no caption."""
    paragraph = "महापौर ने सोमवार को पुस्तकालय का दौरा किया। उनके साथ निगम के कई सदस्य भी थे"
    page = _page("पुस्तकालय अब रविवार को भी खुलेगा", BODY_HI, paragraph, "Photo: PTI")
    assert paragraph in clean_text(page, OPTIONS).paragraphs
