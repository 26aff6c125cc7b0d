"""Precision of plain-text cleaning on unseen pages: chrome after or inside the article that the
cleaner kept.

- a comment form: its heading as blog and news software words it in many languages ("Leave a
  Reply", "Schreibe einen Kommentar", "Deja una respuesta"), its fields by their required mark
  ("Name *", "E-Mail (erforderlich)") and the line that explains the mark; what follows a form is
  the sidebar or the footer, never the article the form is under.

Each test also holds an article line that looks like the chrome (a footnote's star, a table
row's star, code with a star).
"""

from __future__ import annotations

import pytest
from conftest import HARBOUR_BODY

from ingest.clean.rules import COMMENTS, match_line

FORM = "pattern:form"  # ingest.clean.notices.FORM
from ingest.clean.text import clean_text
from ingest.config import CleanOptions

OPTIONS = CleanOptions()


def _rule(line: str) -> str | None:
    return match_line(line, len(line.split()))


def _clean(lines: list[str]):
    return clean_text("\n\n".join(lines), OPTIONS)


@pytest.mark.parametrize("head", [
    "Leave a Reply", "Schreibe einen Kommentar", "Hinterlasse einen Kommentar", "Kommentar verfassen",
    "Hinterlasse eine Antwort", "Hinterlassen Sie eine Antwort", "Hinterlasse jetzt einen Kommentar",
    "Deja una respuesta", "Deja un comentario", "Laisser un commentaire", "Lascia un commento",
    "Deixe um comentário", "Laat een reactie achter", "Lämna ett svar", "Dodaj komentarz",
    "Оставить комментарий", "Bir yanıt yazın", "Tinggalkan Balasan",
])
def test_the_head_of_a_comment_form_is_a_comments_line_in_many_languages(head):
    assert _rule(head) == COMMENTS
    if "ı" not in head:  # (Turkish's dotless i is lower-cased as "i")
        assert _rule(head.upper()) == COMMENTS


@pytest.mark.parametrize("line", [
    "3 kommenttia", "5 komentarzy", "12 комментариев", "4 komentářů", "7 yorum", "12 hozzászólás", "1 commento",
])
def test_a_count_of_comments_is_a_comments_line_in_many_languages(line):
    assert _rule(line) == COMMENTS


def test_a_singular_heading_alone_heads_a_commentary_not_comments():
    # "Komentarz", "Commento": an analysis's section ("Commentary"), the article goes on under it
    assert _rule("Komentarz") is None
    assert _rule("Commento") is None


@pytest.mark.parametrize("line", [
    "Name *", "E-Mail *", "Ihr Kommentar *", "Name (required)", "E-Mail (erforderlich) (Adresse wird niemals veröffentlicht)",
    "Your email address will not be published. Required fields are marked *",
    "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
    "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *",
])
def test_a_required_field_and_the_line_that_explains_its_mark_are_a_form(line):
    assert _rule(line) == FORM


@pytest.mark.parametrize("line", [
    "* Alle Preise inklusive Mehrwertsteuer und Versand.",  # a footnote
    "2017 Andrej Babiš 53 *",  # a table row's footnote mark
    "- player.setav magicka *",  # code
    "SELECT * FROM orders WHERE total > 100",
    "Die Athlet*innen trainieren jeden Tag.",
    "Preise*",
])
def test_an_article_line_with_a_star_is_no_form(line):
    assert _rule(line) != FORM


FORM_DE = ["Schreibe einen Kommentar",
           "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
           "Kommentar *", "Name *", "E-Mail *", "Website",
           "Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser speichern."]
SIDEBAR_DE = ["Hallo!", "Willkommen auf meinem Blog über den Hafen und die Fähren der Inseln.",
              "Hier schreibe ich jede Woche über Schiffe, Häfen und das Leben an der Küste."]


def test_a_german_comment_form_after_the_article_ends_it():
    cleaned = _clean(["Pier closed after divers find cracks", *HARBOUR_BODY, *FORM_DE, *SIDEBAR_DE])
    assert list(cleaned.paragraphs) == HARBOUR_BODY
    removed = {r.text for r in cleaned.removed}
    assert set(FORM_DE + SIDEBAR_DE) <= removed


def test_the_article_before_a_comment_form_is_chosen_over_a_denser_sidebar_after_it():
    # A short post, a form whose fields say "(required)", then a sidebar of more sentences than
    # the post: the post is the article.
    post = HARBOUR_BODY[:2]
    form = ["Kommentar verfassen", "Gib hier deinen Kommentar ein ...", "E-Mail (erforderlich)",
            "Name (erforderlich)", "Website"]
    sidebar = ["Über diesen Blog",
               "Dieser Blog erzählt seit vielen Jahren von den Häfen, den Fähren und den Menschen an der Küste.",
               "Die Fotos in diesem Blog stehen unter einer freien Lizenz und dürfen mit Namensnennung "
               "weitergegeben werden.",
               "Trotz sorgfältiger Kontrolle übernehme ich keine Haftung für die Inhalte der verlinkten Seiten, "
               "für die allein ihre Betreiber verantwortlich sind.",
               "Alle Texte dieses Blogs schreibe ich selbst, und jede Woche kommt mindestens ein neuer Beitrag "
               "über die Küste dazu."]
    cleaned = _clean(["Pier closed after divers find cracks", *post, *form, *sidebar])
    assert list(cleaned.paragraphs) == post


# --- a link to another story inside the article, after a "read also" marker -----------------

@pytest.mark.parametrize("line", [
    "Lea más: Tribunal condena a cuatro años de prisión a ex contralor",
    "Lea:\xa0Consejo Permanente aborda este miércoles la confiscación de sus oficinas",  # a no-break space
    "VEA TAMBIÉN: Estrella de la educación no brilla para estudiantes del oeste",
    "MIRA: Madre se acerca a conocer los motivos de captura de su hijo",
    "Le puede interesar: Abrirán tres nuevos casos contra la fuerza pública",
    "Leia mais: Governo anuncia novo pacote para o transporte público",
    "Lies auch: Warum der Hafen schon wieder gesperrt werden muss",
    "Zum Artikel: Tarifrunde im Nahverkehr: Das wird verhandelt",
    "Leggi anche: Il porto chiude il molo nord dopo le crepe",
    "Czytaj też: Port zamyka północne nabrzeże po odkryciu pęknięć",
])
def test_a_read_also_marker_and_a_headline_on_one_line_is_a_teaser_in_many_languages(line):
    assert _rule(line) == "phrase:related"


@pytest.mark.parametrize("line", [
    "Mira: Ich war damals zwölf und wusste nicht, was passiert.",  # an interview's answer
    "Lea: Yo no lo sabía, pero mi madre sí lo sabía.",
    "Mira: ",  # no teaser (a prompt of several words alone on its line heads a box: "Lee más:")
])
def test_a_speaker_named_like_a_marker_is_no_teaser(line):
    assert _rule(line) != "phrase:related"


def test_an_inline_teaser_goes_and_the_article_around_it_stays():
    teaser = "Lea también:\xa0Los trabajadores del puerto exigen más seguridad en los muelles"
    other = "LE PUEDE INTERESAR: El gobierno promete reparar los muelles antes del verano"
    article = [
        "Las autoridades portuarias cerraron el muelle norte el viernes después de que los buzos encontraron "
        "grietas en dos pilares de hormigón.",
        "El ferry a las islas saldrá del muelle sur hasta que terminen las reparaciones, que según el director "
        "podrían durar seis semanas.",
        "Los pasajeros deberán llegar media hora antes, porque el muelle sur tiene menos espacio para los coches "
        "que esperan.",
        "El director dijo que el puerto pagará los autobuses que llevan a los pasajeros del centro al muelle sur.",
    ]
    cleaned = _clean(["Cierran el muelle norte tras hallar grietas", article[0], article[1], teaser, article[2],
                      other, article[3]])
    assert list(cleaned.paragraphs) == article
    assert {r.text for r in cleaned.removed} >= {teaser, other}


# --- the heading of a box of teasers, composed of "more" or "similar" and "stories" ---------

@pytest.mark.parametrize("head", [
    "Ähnliche Beiträge", "Verwandte Beiträge", "Weitere Beiträge aus der Kolumne:", "Mehr Themen:",
    "Top Themen der Redaktion", "Weitere aktuelle Themen aus der Arbeitswelt", "Das könnte dich auch interessieren",
    "Lies auch", "Otras noticias", "Más noticias de Colombia", "ÚLTIMAS NOTAS", "Recent stories",
    "Explore further", "Altre notizie", "Outras notícias", "Meer nieuws", "Autres articles",
    # "related news", "related article" in the singular as in the plural
    "Noticia Relacionada", "Noticias relacionadas", "Artículo relacionado", "Notícia relacionada",
    # a read-also prompt alone on its line
    "Informate más", "MIRA TAMBIÉN", "Siehe auch", "Zobacz także", "Don't miss",
    # keep reading, must-see, the editors recommend, more on this topic, reading tips
    "Seguí leyendo", "Imperdibles", "L'auteur vous recommande", "Więcej na ten temat", "Lue aiheesta lisää:",
    "Read more from Jane Roe:", "Dies passt zum Thema:", "Unsere Lesetipps", "Weiterlesen auf example.de:",
    "À découvrir également", "相关报道：", "Explore Related Content",
    # most viewed, trending on the site
    "Lo más visto de La República", "Most viewed", "TRENDING ON THE DAILY COURIER", "Mais vistos",
])
def test_the_heading_of_a_box_of_teasers_is_related_in_many_languages(head):
    assert _rule(head) == "phrase:related"


def test_a_blurb_right_after_a_related_heading_is_damped_as_a_teaser():
    from ingest.clean.rules import RELATED
    from ingest.clean.scoring import damp_teasers
    # heading, a blurb that scores, the next teaser's headline
    rules = [None, RELATED, None, None]
    words = [20, 2, 14, 6]
    ends = [True, False, True, False]
    scores = [20.0, -8.0, 14.0, -3.0]
    keys = ["a", "ähnliche beiträge", "b", "c"]
    damped = damp_teasers(rules, words, ends, scores, [0, 2], keys)
    assert damped == [2] and scores[2] < 14.0


def test_a_japanese_blurb_of_one_sentence_is_damped_one_of_several_is_not():
    """In a script without spaces a teaser's blurb is one sentence; a line with a sentence's end
    inside it is a paragraph of an article, whatever lines without 。 stand around it."""
    from ingest.clean.scoring import damp_teasers
    one = "市議会は二十日、新年度の予算案を賛成多数で可決した。"
    several = one + "工事は来年の春に始まる見通しだ。"
    for blurb, damped in ((one, [1]), (several, [])):
        scores = [-3.0, 20.0, -3.0]
        keys = ["港町の市議会、予算案を可決", blurb, "北区で新しい図書館が開館"]
        assert damp_teasers([None] * 3, [8, 20, 9], [False, True, False], scores, [1], keys, True) == damped
        assert (scores[1] < 20.0) == bool(damped)


def test_a_list_the_article_ends_with_runs_up_to_a_related_box():
    intro = "Und hier findet ihr die im Video genannten Orte mit dem Weg dorthin:"
    places = ["Die Biosphäre Potsdam", "Vom Bahnhof mit der Tram bis zur Haltestelle Vogelpark",
              "Crash Room", "3 Minuten vom Bahnhof Ostkreuz zu Fuß",
              "Base Flying", "2 Minuten vom Bahnhof Alexanderplatz"]
    article = [
        "In Berlin lebe ich nun schon seit neun Jahren und habe bereits jede Menge Verrücktes erlebt.",
        "Heute zeige ich euch daher im Video oben drei der verrücktesten Orte, die man in der Stadt besuchen kann.",
        "Vielen Dank an die Bahn, die mich für dieses Video unterstützt hat und mit der man alle Orte bequem erreicht.",
    ]
    box = ["Related articles", "Was passiert hier eigentlich noch?", "Die Wahrheit über den Winter in der Stadt"]
    cleaned = _clean(["Drei verrückte Orte in Berlin", *article, intro, *places, *box, "Impressum", "Datenschutz"])
    assert list(cleaned.paragraphs) == [*article, intro, *places]


def test_the_articles_next_numbered_item_after_a_related_box_is_no_teaser():
    """A listicle's "Read more" box between its items: the box's headlines go, the item that opens
    with the next number after the body's last ("3." after "2.") is the article's and stays."""
    items = [
        "1. Check the ferry times before you leave",
        "The ferry to the islands leaves from the south pier while the north pier is under repair, "
        "and the timetable changes every week.",
        "2. Arrive half an hour early",
        "The south pier has less room for the cars that wait, so the harbour master asks drivers to come early.",
    ]
    box = ["Read more", "Harbour workers demand safer piers after accident",
           "City promises to repair the piers before summer"]
    rest = ["3. Take the bus from the centre",
            "The port pays for the buses that take passengers from the centre to the south pier until June."]
    cleaned = _clean(["Five tips for taking the ferry this spring", HARBOUR_BODY[0], *items, *box, *rest,
                      *HARBOUR_BODY[1:]])
    assert list(cleaned.paragraphs) == [HARBOUR_BODY[0], *items, *rest, *HARBOUR_BODY[1:]]
    assert {r.text for r in cleaned.removed} >= set(box)
    # a headline in the box that opens with another number stays a teaser
    other = ["Read more", "7. Harbour workers demand safer piers", "City promises to repair the piers"]
    cleaned = _clean(["Five tips for taking the ferry this spring", HARBOUR_BODY[0], *items, *other, *rest,
                      *HARBOUR_BODY[1:]])
    assert "7. Harbour workers demand safer piers" not in cleaned.paragraphs


# --- "add a comment", the list of the latest comments, the link to the next article -----------

@pytest.mark.parametrize("head", [
    "Kommentar hinzufügen", "Ajouter un commentaire", "Añadir comentario", "Aggiungi un commento",
    "Recent Comments", "Neueste Kommentare", "Commentaires récents", "Comentarios recientes",
    "Senaste kommentarer", "Najnowsze komentarze", "Свежие комментарии", "最近のコメント",
    "Comments on this story", "Kommentarer til denne saken", "Kommentare zu diesem Artikel (12)",
])
def test_add_a_comment_and_the_latest_comments_heading_are_comments_lines_in_many_languages(head):
    assert _rule(head) == COMMENTS


@pytest.mark.parametrize("line", [
    "Next post: Harbour reopens the north pier to ferries",
    "Previous Story: The ferry timetable changes again",
    "vorheriger Artikel: Der Hafen öffnet den Nordkai wieder",
    "Artículo anterior: El puerto reabre el muelle norte",
])
def test_a_link_to_the_previous_or_next_article_with_its_headline_is_a_teaser(line):
    assert _rule(line) == "phrase:related"


def test_a_sentence_that_opens_with_next_is_no_teaser():
    assert _rule("Next, the port will reopen the pier to the ferries that serve the islands.") is None


# --- a related box of teasers with their blurbs and times (teasers.trim_teaser_box) ------------

TEASERS = [  # a teaser's time, its headline, its blurb
    ("2 hours ago", "Will the ferry fares rise again this summer?",
     "The ferry company has asked the council to approve higher fares. A decision is due in May."),
    ("Yesterday, 18:05", "Coastal trains to run every half hour",
     "The rail company adds trains on the coastal line. The new timetable starts on Monday."),
    ("14.03.2025, 09:12", "Anglers move to the breakwater",
     "With the pier closed, the town's anglers have found a new spot. Not everyone is pleased."),
]


def test_a_box_of_teasers_with_blurbs_and_times_after_the_article_goes():
    box = ["More stories", *(line for teaser in TEASERS for line in teaser)]
    cleaned = _clean(["Harbour closes the north pier", *HARBOUR_BODY, *box, "Impressum", "Datenschutz"])
    assert list(cleaned.paragraphs) == HARBOUR_BODY
    # the times may stand between the headline and the blurb
    box = ["More stories", *(line for time, headline, blurb in TEASERS for line in (headline, time, blurb))]
    cleaned = _clean(["Harbour closes the north pier", *HARBOUR_BODY, *box, "Impressum", "Datenschutz"])
    assert list(cleaned.paragraphs) == HARBOUR_BODY


def test_two_sub_headed_sections_after_a_related_heading_stay():
    """Fewer than TEASER_TAIL_PAIRS headline-and-blurb pairs after a related heading may be the
    article's last sections under their sub-headings: they stay."""
    sections = ["Why did the pillars crack?",
                "Engineers said salt water had reached the steel inside the concrete. The pier is sixty years old.",
                "What happens next",
                "The council will decide in May whether to repair the pier or to build a new one."]
    cleaned = _clean(["Harbour closes the north pier", *HARBOUR_BODY, "More stories", *sections])
    assert list(cleaned.paragraphs)[-4:] == sections


# --- a run of headlines set close inside an article that spaces its paragraphs ---------------

def _spaced(parts: list[str | list[str]]) -> str:
    """A page with its menu and footer, paragraphs apart by a blank line, a list's lines one under
    the other (a page without chrome is an article alone, whose parts are all its own)."""
    parts = ["Home", "Search", *parts, "Privacy policy"]
    return "\n\n".join(part if isinstance(part, str) else "\n".join(part) for part in parts)


def test_a_run_of_headlines_set_close_inside_the_article_goes():
    headlines = ["Harbour: New ferry ordered for the island route",
                 "Council: The budget for the coastal road doubles",
                 "Weather: Storm warning for the north coast on Sunday",
                 "Interview: The harbour master on thirty years at the pier",
                 "Sport: Rowing club wins the regatta again"]
    cleaned = clean_text(_spaced(["Harbour closes the north pier", *HARBOUR_BODY[:2], headlines,
                                  *HARBOUR_BODY[2:]]), OPTIONS)
    assert list(cleaned.paragraphs) == HARBOUR_BODY
    assert {r.text for r in cleaned.removed} >= set(headlines)


@pytest.mark.parametrize("intro, items", [
    # a list the article introduces with a colon
    ("The port has asked drivers to follow four rules while the pier is closed:",
     ["Arrive at the south quay half an hour before the ferry leaves",
      "Leave the waiting lane free for the buses from the centre",
      "Park in the new car park behind the fish market",
      "Show the ticket at the gate before the ramp"]),
    # a bulleted list, as Markdown or a text browser writes one, and code
    ("What the port asks of drivers.",
     ["* Arrive at the south quay half an hour before the ferry leaves",
      "* Leave the waiting lane free for the buses from the centre",
      "* Park in the new car park behind the fish market",
      "* Show the ticket at the gate before the ramp"]),
    ("The timetable is a file on the port's server.",
     ["$ curl https://port.example/timetable.json", "$ jq .ferries timetable.json", "$ less ferries.txt",
      "$ grep south ferries.txt"]),
    # a list whose items enumerate
    ("The reduced timetable, day by day.",
     ["Monday and Tuesday: ferries at 7, 11 and 16 hours", "Wednesday: ferries at 7, 12, 15 and 19 hours",
      "Thursday and Friday: ferries at 8, 13 and 17 hours", "Saturday: ferries at 9, 14 and 18 hours"]),
])
def test_an_articles_list_set_close_stays(intro, items):
    cleaned = clean_text(_spaced(["Harbour closes the north pier", *HARBOUR_BODY[:2], intro, items,
                                  *HARBOUR_BODY[2:]]), OPTIONS)
    assert list(cleaned.paragraphs) == [*HARBOUR_BODY[:2], intro, *items, *HARBOUR_BODY[2:]]
