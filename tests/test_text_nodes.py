"""Pages saved a text node a line (BeautifulSoup's get_text("\\n"), lxml's itertext) keep
their sentences whole.

Such a scraper ends a line wherever a tag starts or ends, so a sentence that holds a link
arrives in pieces: "The", "airline", "had said a flight ...", then ", which ..." after a
link that closed a clause. A piece that starts with a mark that closes a clause (a comma,
a bracket, 。) or with a hyphen and the rest of a compound word whose first part was a link
("Radon" + "-Situation") starts no paragraph and is joined to the line before it, with no space;
a piece of four or more words that starts in lower case continues even a short line. A
menu of short entries stays a menu, and a quotation opened with » or ” stays its own
paragraph. A short piece that starts in upper case, a name in a link, joins the sentence
it stands in when the line after it goes on with that sentence (after an opening too short to
be continued by itself, "Das", when the rest has eight words or more); with nothing after it,
nothing tells it from a menu entry. In Japanese a piece after a link starts with a
particle ("は", "に", "によると"), which no sentence starts with.
"""

from __future__ import annotations

from ingest.clean.text import clean_text
from ingest.config import CleanOptions

OPTIONS = CleanOptions()

MENU = ["Home", "World", "Business", "Sport", "Opinion", "Subscribe", "Sign in"]
FOOTER = ["About us", "Contact", "Terms of use", "Privacy policy", "© 2026 The Valley Courier"]
TITLE = "Town council approves the new bridge over the river"


def _page(body: list[str]) -> str:
    """A page as get_text("\\n", strip=True) saves it: no blank lines at all."""
    return "\n".join([TITLE + " | The Valley Courier", *MENU, TITLE, *body, *FOOTER])


# The article's sentences broken where its links and emphasis start and end.
ARTICLE = [
    "The town council voted on Tuesday to build a new bridge over the river, after a debate",
    "that lasted more than four hours and split the governing group along unusual lines.",
    "Mayor",
    "Hannah Okafor",
    ", who proposed the plan last spring, said the bridge would cut the drive between the two",
    "halves of the town from twenty minutes to five. Opponents asked for an independent review",
    "of the costs before any contract is signed.",
    "The",
    "regional transport office",
    "had said a bridge at this point of the river would need deeper foundations than the old",
    "ferry landing, because the bank there is soft clay that floods most winters.",
    "Work is expected to start next year and take about three years. The council will pay for",
    "half of it (",
    "about 40 million euros",
    ") and hopes the rest will come from the national infrastructure fund.",
    "Local shop owners, many of whom had campaigned for the bridge since 2019, welcomed the",
    "vote and said they hoped the building work would not close the market square.",
]


def test_a_sentence_broken_at_its_links_is_one_sentence_again():
    cleaned = clean_text(_page(ARTICLE), OPTIONS)
    body = "\n".join(cleaned.paragraphs)
    # the pieces after a link that closed a clause join without a space before the mark
    assert "Hannah Okafor, who proposed the plan last spring" in body
    assert "(about 40 million euros) and hopes the rest" in body
    # a long lower-case piece continues the short line before it
    assert "regional transport office had said a bridge at this point" in body
    assert " ," not in body and "( " not in body
    # the menu is still removed line by line, not glued to the article
    for entry in MENU:
        assert entry not in cleaned.paragraphs


def test_a_compound_word_broken_at_its_link_is_one_word_again():
    # The first part of a compound is a link, the rest follows it on a line of its own. A
    # command's flag ("-s") and an ad marker ("-Anzeige-") start otherwise: they stay lines.
    article = [
        "Das Bundesamt für Strahlenschutz hat am Dienstag eine neue Karte zur",
        "Radon",
        "-Situation in Deutschland veröffentlicht, die für jeden Ort die zu erwartende Belastung zeigt.",
        "Die Karte ersetzt eine ältere Fassung, die nur Durchschnittswerte für ganze Landkreise angab.",
        "Was Bauherren tun können",
        "-Anzeige-",
        "Wer ein Haus bauen will, kann mit einer Messung im Boden klären, ob Schutz nötig ist, und",
        "ruft dafür die Messstelle seines Landes an, die auch die Geräte verleiht und auswertet.",
        "Wer die Daten selbst auswerten will, übersetzt das Programm des Amtes mit",
        "-s STANDALONE und lädt die Karte als Datei herunter, wie es die Anleitung beschreibt.",
    ]
    body = "\n".join(clean_text(_page(article), OPTIONS).paragraphs)
    assert "neue Karte zur Radon-Situation in Deutschland veröffentlicht" in body
    assert "-Anzeige-" not in body  # the ad marker is not glued to the sub-heading above it
    assert "mit-s" not in body


def test_a_page_saved_a_paragraph_a_line_is_left_as_it_is():
    paragraphs = [" ".join(ARTICLE[0:2]), " ".join(ARTICLE[2:7]).replace(" ,", ","),
                  " ".join(ARTICLE[7:11]), " ".join(ARTICLE[11:15]).replace("( ", "(").replace(" )", ")"),
                  " ".join(ARTICLE[15:])]
    page = "\n\n".join([TITLE + " | The Valley Courier", "\n".join(MENU), TITLE, *paragraphs, "\n".join(FOOTER)])
    assert clean_text(page, OPTIONS).paragraphs == tuple(paragraphs)


def test_a_quotation_opened_with_a_closing_quote_mark_is_its_own_paragraph():
    """Swedish opens and closes a quotation with ”, German and Danish open one with »."""
    quote_sv = "”Vi kommer att bygga bron inom tre år”, sade borgmästaren till lokaltidningen i går."
    quote_de = "»Wir werden die Brücke in drei Jahren bauen«, sagte die Bürgermeisterin am Dienstag."
    body = [ARTICLE[0] + " " + ARTICLE[1], quote_sv, quote_de, ARTICLE[11] + " " + ARTICLE[12]]
    paragraphs = clean_text(_page(body), OPTIONS).paragraphs
    assert quote_sv in paragraphs and quote_de in paragraphs


def test_a_lower_case_menu_is_not_joined_to_the_line_before_it():
    menu = ["news", "sport", "weather", "local events", "jobs"]
    page = "\n".join([TITLE, *menu, TITLE, ARTICLE[0] + " " + ARTICLE[1],
                      ARTICLE[11] + " " + ARTICLE[12], ARTICLE[15] + " " + ARTICLE[16]])
    cleaned = clean_text(page, OPTIONS)
    assert not any(entry in paragraph for entry in menu for paragraph in cleaned.paragraphs)
    assert {r.text for r in cleaned.removed} >= set(menu)


def test_a_headline_in_lower_case_is_not_joined_to_the_menu_entry_above_it():
    """A headline that repeats the page's title starts its own item, whatever case it starts in:
    a lower-case piece of four words or more continues a short line, but not this one."""
    title = "iOS 14 beta adds a new privacy report for every app on the phone"
    page = "\n".join([title, *MENU, title, *ARTICLE, *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.title == title
    assert not any(paragraph.endswith("Sign in " + title) for paragraph in cleaned.paragraphs)
    assert "Sign in " + title not in {r.text for r in cleaned.removed}


def test_a_headline_in_lower_case_that_is_the_first_part_of_the_title_starts_its_own_item():
    """The page's title adds the site's name ("... - Macwelt"); the headline that is its first
    part starts its own item too, not the rest of the line above it (an article's number)."""
    headline = "iPhone 14 beta adds a new privacy report for every app on the phone"
    page = "\n".join([headline + " - The Valley Courier", *MENU, "2631553", headline, *ARTICLE, *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.title == headline
    assert not any(("2631553 " + headline) in text
                   for text in (*cleaned.paragraphs, *(r.text for r in cleaned.removed)))


def test_a_link_whose_text_is_a_part_of_the_title_stays_in_its_sentence():
    """A link inside a sentence may name what the title names ("Raspberry Pi 3" under the
    title "Raspberry Pi 3 - ..."): it is a piece of that sentence, not the headline."""
    name = "Raspberry Pi Model"
    body = ["The foundation that makes the small computers has released the", name,
            "with the same price tag as the one before, and a faster processor inside it."] + ARTICLE
    page = "\n".join([name + " | The Valley Courier", *MENU, TITLE, *body, *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert ("has released the " + name + " with the same price tag") in "\n".join(cleaned.paragraphs)


def test_a_name_in_a_link_between_two_pieces_of_its_sentence_is_part_of_it():
    pieces = ["The new line will run from the station at", "Kings Cross", "to the airport in",
              "Stansted", ", with trains every fifteen minutes from next spring, the operator said."]
    cleaned = clean_text(_page(ARTICLE + pieces), OPTIONS)
    assert ("The new line will run from the station at Kings Cross to the airport in Stansted, with "
            "trains every fifteen minutes from next spring, the operator said.") in cleaned.paragraphs


def test_a_link_that_is_the_subject_after_a_short_opening_joins_its_sentence():
    # "Das" + a link + the rest of the sentence: the opening is too short to be continued by
    # itself, the rest after the link tells it is one sentence. A label the page sets between
    # its paragraphs ("Article content") opens none: the sentence after it stays whole, apart.
    pieces = ["Das", "Phishingradar", "der Verbraucherzentrale warnt, dass derzeit zahlreiche Nachrichten mit "
              "falschen Betreffzeilen verschickt werden.",
              "Article content", "Treasury Board secretary Bill Matthews",
              "has said the public service will move away from desk hoteling and toward assigned seating.",
              "Article content", "Article content"]
    cleaned = clean_text(_page(ARTICLE + pieces), OPTIONS)
    assert ("Das Phishingradar der Verbraucherzentrale warnt, dass derzeit zahlreiche Nachrichten mit "
            "falschen Betreffzeilen verschickt werden.") in cleaned.paragraphs
    assert ("Treasury Board secretary Bill Matthews has said the public service will move away from desk "
            "hoteling and toward assigned seating.") in cleaned.paragraphs


JA_TITLE = "宮崎県で震度5弱の地震、沿岸に津波注意報"
JA_MENU = ["トップ", "社会", "おくやみ", "はてなブックマーク", "のりもの", "天気"]
# A Japanese article broken where its links start and end: a piece after a link starts with
# a particle ("は", "と", "に"), which no sentence starts with.
JA_ARTICLE = [
    "気象庁",
    "は13日午後9時19分ごろ、日向灘を震源とする地震があり、宮崎県で震度5弱を観測したと発表した。"
    "地震の規模を示すマグニチュードは6.9と推定される。",
    "気象庁は",
    "高知県",
    "と",
    "宮崎県",
    "に1メートルの津波注意報を出し、海岸に近づかないよう呼びかけた。",
    "宮崎市では、揺れが収まった後も多くの住民が高台の避難所に向かった。市によると、けが人の情報は入っていない。",
    "九州電力",
    "によると、管内の原子力発電所に異常はなく、停電も起きていないという。",
]


def test_a_japanese_sentence_broken_at_its_links_is_one_sentence_again():
    page = "\n".join([JA_TITLE + "：朝日新聞", *JA_MENU, JA_TITLE, *JA_ARTICLE, *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.paragraphs == (
        JA_ARTICLE[0] + JA_ARTICLE[1],
        "".join(JA_ARTICLE[2:7]),
        JA_ARTICLE[7],
        JA_ARTICLE[8] + JA_ARTICLE[9],
    )
    assert {r.text for r in cleaned.removed} >= set(JA_MENU)  # entries that start with kana stay apart
