"""The standfirst: sentences between a headline and its article stay with the article."""

from __future__ import annotations

import pytest

from ingest.config import CleanOptions
from ingest.clean import rules as R
from ingest.clean.pagescan import match_lines
from ingest.clean.text import clean_text

OPTIONS = CleanOptions()

MENU = ["Home", "News", "Sport", "Business", "Culture", "Opinion", "Share", "Tweet", "Email"]
BODY = [
    "The city council voted on Tuesday to buy forty new electric buses for the northern routes, "
    "which have been crowded since the new hospital opened last spring.",
    "The purchase will cost about twelve million euros over three years, the finance committee said, "
    "and part of it will come from a regional fund for clean transport.",
    "Several members of the opposition argued that the money should first go to repairing the bus "
    "depot, whose roof has leaked for more than a decade according to the drivers.",
    "The first buses are expected to arrive next autumn, and the old diesel fleet will be sold to "
    "smaller towns in the region once the new vehicles are in service.",
]
HEADLINE = "Council buys forty electric buses for the northern routes"
DECK = [
    "The vote ends a two-year dispute over how the city should replace its ageing diesel fleet.",
    "Opposition members wanted the money spent on the crumbling bus depot instead.",
]
BYLINE = "By Anna Keller"
DATE = "Published 3 May 2019"
CREDIT = "Photo: Reuters"
SHARE = ["Share on Facebook", "Share on Twitter", "Share via Email"]


def _page(*between: str) -> str:
    """A page: its title, a menu, the headline, `between`, the body, a footer."""
    lines = [f"{HEADLINE} | City Times", *MENU, HEADLINE, *between, *BODY, "Comments", "Copyright 2019 City Times"]
    return "\n\n".join(lines)


def _rule(cleaned, line: str) -> str | None:
    return next((r.rule for r in cleaned.removed if r.text == line), None)


def test_standfirst_under_headline_kept_and_byline_date_credit_still_go():
    """A two-sentence standfirst between the headline and a byline, a date, a share row
    and a photo credit is the article's; those lines are still removed."""
    cleaned = clean_text(_page(*DECK, BYLINE, DATE, *SHARE, CREDIT), OPTIONS)
    kept = "\n".join(cleaned.paragraphs)
    for line in DECK:
        assert line in kept
    assert cleaned.title == HEADLINE
    for line in (BYLINE, DATE, *SHARE, CREDIT):
        assert line not in kept
        assert _rule(cleaned, line) is not None
    assert cleaned.paragraphs[-1] == BODY[-1]


def test_no_standfirst_leaves_byline_and_date_out():
    """With only a byline and a date under the headline, the body starts where it did."""
    cleaned = clean_text(_page(BYLINE, DATE), OPTIONS)
    assert cleaned.paragraphs[0] == BODY[0]
    assert _rule(cleaned, BYLINE) is not None and _rule(cleaned, DATE) is not None


# A Korean page (spaced words; a headline repeating the page title, a photo label, a lede
# sentence, a sub-heading, then the body), written for this test.
KO_HEADLINE = "시의회, 북부 노선에 전기버스 40대 도입 결정"
KO_BODY = [
    "시의회는 화요일 북부 노선에 투입할 전기버스 40대를 구매하기로 의결했다. 새 병원이 문을 연 지난봄부터 이 노선은 "
    "출퇴근 시간마다 승객들로 붐볐다.",
    "재정위원회는 구매 비용이 3년에 걸쳐 약 120억 원에 이를 것이라고 밝혔다. 비용의 일부는 친환경 교통을 위한 지역 "
    "기금에서 충당된다.",
    "야당 의원들은 먼저 버스 차고지 지붕을 고쳐야 한다고 주장했다. 운전기사들에 따르면 차고지 지붕은 10년 넘게 물이 "
    "새고 있다.",
    "첫 버스는 내년 가을에 도착할 예정이며, 기존 경유 버스는 새 차량이 운행을 시작하면 인근 소도시에 매각된다.",
]
KO_LEDE = ("2년을 끌어온 노후 경유 버스 교체 논란이 이날 표결로 일단락됐다. 시는 내년부터 "
           "북부 노선을 차례로 전기버스로 바꾼다.")
KO_SUB = "\"차고지부터 고쳐야\" 야당 반발"
KO_LABEL = "시의회 본회의장"


def _ko_page() -> str:
    lines = [f"{KO_HEADLINE}-사회", "홈", "뉴스", "공유", KO_HEADLINE, "입력 2019.05.03 10:00",
             KO_LABEL, KO_LEDE, KO_SUB, "확대보기", *KO_BODY, "댓글", "저작권자 © 시티타임스"]
    return "\n\n".join(lines)


def test_korean_lede_above_subheading_kept():
    """A lede sentence and the sub-heading under it, right above the body, are the
    article's, and the headline stays the title; the photo label and the
    "enlarge" label go."""
    cleaned = clean_text(_ko_page(), OPTIONS)
    kept = "\n".join(cleaned.paragraphs)
    assert KO_LEDE in kept and KO_SUB in kept
    assert cleaned.title == KO_HEADLINE
    assert KO_LABEL not in kept and "확대보기" not in kept


def test_tight_teaser_list_above_body_not_pulled_in():
    """A list of teasers set tight (no blank lines) above the body is no lede and
    sub-heading: it stays out."""
    teasers = ["Man dies after crash on the ring road near the airport",
               "Property taxes are on the rise. These maps show where and how much.",
               "Skimming device found at a petrol station in the east"]
    text = "\n\n".join([f"{HEADLINE} | City Times", *MENU, "Most read", "\n".join(teasers), *BODY])
    kept = "\n".join(clean_text(text, OPTIONS).paragraphs)
    for line in teasers:
        assert line not in kept


def test_sentence_over_a_photo_credit_is_a_caption_not_a_standfirst():
    """Between the headline and the body, a sentence followed by a photo credit is the
    photo's caption: the standfirst above it stays, the caption goes."""
    caption = "Buses wait at the northern depot, whose roof has leaked for years."
    credit = "Photograph: Anna Keller/Getty Images"
    cleaned = clean_text(_page(DECK[0], BYLINE, caption, credit, *SHARE), OPTIONS)
    kept = "\n".join(cleaned.paragraphs)
    assert DECK[0] in kept
    assert caption not in kept and credit not in kept


# A German page written for this test: headline (repeating the page title), standfirst, a date
# line, a photo credit, then the body.
DE_HEADLINE = "Stadtrat kauft vierzig Elektrobusse für die Nordlinien"
DE_DECK = ("Die Entscheidung ist gefallen: Vom kommenden Herbst an fahren auf den "
           "Nordlinien nur noch Busse mit Elektroantrieb.")
DE_BODY = [
    "Der Stadtrat hat am Dienstag beschlossen, vierzig neue Elektrobusse für die nördlichen Linien zu "
    "kaufen, die seit der Eröffnung des neuen Krankenhauses im vergangenen Frühjahr überfüllt sind.",
    "Der Kauf wird nach Angaben des Finanzausschusses über drei Jahre etwa zwölf Millionen Euro kosten, "
    "ein Teil davon kommt aus einem regionalen Fonds für sauberen Verkehr.",
    "Mehrere Mitglieder der Opposition forderten, das Geld zuerst in die Reparatur des Busdepots zu "
    "stecken, dessen Dach nach Angaben der Fahrer seit mehr als zehn Jahren undicht ist.",
    "Die ersten Busse sollen im nächsten Herbst eintreffen, die alte Dieselflotte wird an kleinere "
    "Städte der Region verkauft, sobald die neuen Fahrzeuge im Einsatz sind.",
]


def _local_page(title: str, menu: list[str], headline: str, body: list[str], tail: list[str],
                *between: str) -> str:
    """A page a line a paragraph: its <title>, a menu, the headline, `between`, the body, a tail."""
    return "\n\n".join([title, *menu, headline, *between, *body, *tail])


def _de_page(*between: str) -> str:
    return _local_page(f"{DE_HEADLINE} - Stadtanzeiger", ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur"],
                       DE_HEADLINE, DE_BODY, ["Kommentare", "Impressum"], *between)


def test_standfirst_above_a_date_line_and_credit_stays_german():
    """A standfirst right under the headline, parted from the body by a date line and a photo
    credit, is the article's: the date line read as the line above the body that might be a
    headline (it had no rule yet) no longer cuts the standfirst off; the date and credit go."""
    date, credit = "03.05.2019, 08:15 Uhr / Aktualisiert am 04.05.2019, 17:20 Uhr", "Bild: Stadtanzeiger"
    cleaned = clean_text(_de_page(DE_DECK, date, credit), OPTIONS)
    kept = "\n".join(cleaned.paragraphs)
    assert DE_DECK in kept
    assert cleaned.title == DE_HEADLINE
    assert date not in kept and credit not in kept
    assert cleaned.paragraphs[-1] == DE_BODY[-1]


def test_standfirst_above_a_byline_date_and_short_label_stays_english():
    """A standfirst under the headline, then a byline, a date and a short label with no rule
    ("Members only") before the body: the label is no headline, the standfirst stays."""
    date, label = "3 May 2019, 10:04", "Members only"
    cleaned = clean_text(_page(DECK[0], BYLINE, date, label), OPTIONS)
    kept = "\n".join(cleaned.paragraphs)
    assert DECK[0] in kept
    assert cleaned.title == HEADLINE
    for line in (BYLINE, date, label):
        assert line not in kept


def test_an_author_note_under_the_standfirst_is_no_standfirst():
    """A sentence that opens with a byline's word and a name ("By Anna Keller, ...", "Von ...")
    is the author's note, too long for the byline rule: the standfirst above it stays, it goes."""
    note = "By Anna Keller, a transport reporter who has covered the city council for ten years."
    cleaned = clean_text(_page(DECK[0], note, "3 May 2019, 10:04", "Comments", *SHARE, "Share this story",
                               "Image: Anna Keller / City Times"), OPTIONS)
    kept = "\n".join(cleaned.paragraphs)
    assert DECK[0] in kept and note not in kept
    de_note = "Von Anna Keller, die seit zehn Jahren für den Stadtanzeiger über den Stadtrat berichtet."
    cleaned = clean_text(_de_page(DE_DECK, de_note, "03.05.2019, 08:15 Uhr", "Kommentare", "Teilen",
                                  "Auf Facebook teilen", "Per E-Mail teilen", "Bild: Anna Keller / Stadtanzeiger"),
                         OPTIONS)
    kept = "\n".join(cleaned.paragraphs)
    assert DE_DECK in kept and de_note not in kept


def test_a_dek_without_closing_punctuation_under_the_headline_stays():
    """A dek (a line that sums the story up, with no closing punctuation; a year in it is the
    story's) right under the headline, above a byline and a date, is the article's; the byline
    and the date go."""
    dek = "Opposition members warn that the crumbling bus depot will be left to rot for another decade"
    cleaned = clean_text(_page(dek, BYLINE, DATE), OPTIONS)
    kept = "\n".join(cleaned.paragraphs)
    assert dek in kept and cleaned.title == HEADLINE
    assert BYLINE not in kept and DATE not in kept
    de_dek = "Die Opposition warnt nach der Abstimmung 2021 vor weiteren Jahren ohne Reparatur am Busdepot"
    cleaned = clean_text(_de_page(de_dek, "Von Anna Keller", "03.05.2019, 08:15 Uhr"), OPTIONS)
    kept = "\n".join(cleaned.paragraphs)
    assert de_dek in kept and cleaned.title == DE_HEADLINE
    assert "Von Anna Keller" not in kept


def test_metadata_and_the_headline_again_under_the_headline_are_no_dek():
    """Under the headline, a line of metadata too long for its rule (a field's label, names
    with a separator, a date in digits) or the headline again with its kicker is no dek: it
    stays out."""
    for line in ("Tags: city council, electric buses, northern routes, public transport, depot",
                 "Anna Keller | Tom Weber | City Desk | Transport and Infrastructure",
                 "Transport news: council buys forty electric buses for the northern routes",
                 "05/10/2018 - Posted in city council news and transport by our local reporters"):
        cleaned = clean_text(_page(line, BYLINE, DATE), OPTIONS)
        assert line not in "\n".join(cleaned.paragraphs)
        assert cleaned.paragraphs[0] == BODY[0]


def test_a_caption_whose_credit_the_wrap_put_on_the_next_line_is_no_standfirst():
    """A photo's caption under the headline whose "/" credit a wrap left on the next line
    ("... Tuesday, Nov." then "19, 2019. (Jane Roe/AP)") is no standfirst, though a date line
    below it leaves the standfirst to be counted from the headline."""
    caption = ("Council members inspect one of the new electric buses at the northern depot on "
               "Tuesday, Nov.")
    credit = "19, 2019. (Anna Keller/AP)"
    cleaned = clean_text(_page(caption, credit, "3 May 2019, 10:04"), OPTIONS)
    kept = "\n".join(cleaned.paragraphs)
    assert caption not in kept and credit not in kept
    assert cleaned.paragraphs[0] == BODY[0]
    es_caption = ("Los concejales revisan uno de los nuevos autobuses eléctricos en la cochera del norte "
                  "el martes 19 de nov.")
    es_credit = "de 2019. (Ana García/EFE)"
    page = "\n\n".join([f"{HEADLINE} | City Times", *MENU, HEADLINE, es_caption, es_credit, "3 May 2019, 10:04",
                        *BODY])
    kept = "\n".join(clean_text(page, OPTIONS).paragraphs)
    assert es_caption not in kept


ES_HEADLINE = "El ayuntamiento compra cuarenta autobuses eléctricos para las rutas del norte"
ES_BODY = [
    "El pleno municipal aprobó el martes la compra de cuarenta autobuses eléctricos para las rutas del "
    "norte, que van llenas desde que abrió el nuevo hospital la primavera pasada.",
    "La compra costará unos doce millones de euros en tres años, según la comisión de hacienda, y una "
    "parte saldrá de un fondo regional para el transporte limpio.",
    "Varios concejales de la oposición defendieron que el dinero debía ir antes a reparar la cochera, "
    "cuyo tejado tiene goteras desde hace más de una década según los conductores.",
]


def _es_page(*between: str) -> str:
    return _local_page(f"{ES_HEADLINE} | Diario de la Ciudad", ["Portada", "Política", "Economía", "Deportes", "Cultura"],
                       ES_HEADLINE, ES_BODY, ["Comentarios", "Aviso legal"], *between)


@pytest.mark.parametrize("page, dek, byline", [
    (_page, "Opposition members warn that the crumbling bus depot will be left to rot for another decade",
     "Anna Keller and Tom Weber in Hamburg"),
    (_de_page, "Die Opposition warnt vor weiteren Jahren ohne Reparatur am maroden Busdepot der Stadt",
     "Anna Keller und Tom Weber in Hamburg"),
    (_es_page, "La oposición advierte de que la cochera seguirá sin reparar durante otra década entera",
     "Ana García y Tomás Ruiz en Zaragoza"),
], ids=["en", "de", "es"])
def test_a_dek_above_a_byline_that_reads_as_a_headline_stays(page, dek, byline):
    """A dek right under the headline stays the article's when the line just above the body that
    reads as a headline is a byline our rule does not know ("Anna Keller and Tom Weber in
    Hamburg", as agencies sign) above the date: the byline is no headline whose dek that is, and
    it still goes."""
    cleaned = clean_text(page(dek, byline, "3 May 2019, 10:04"), OPTIONS)
    kept = "\n".join(cleaned.paragraphs)
    assert dek in kept
    assert byline not in kept
    assert cleaned.paragraphs[0] == dek


def _listed_page(page, headline: str, lead: str, byline: str, similar: str, other: list[str]) -> str:
    """`page` with `lead` under the headline, above a byline and a date, and, under the body, a
    list of similar stories that shows this article again (a date and author, its headline, `lead`)."""
    text = page(lead, byline, "3 May 2019, 10:04")
    listing = [similar, f"04.05.2019 / {byline}", headline, lead, *other]
    return text + "\n\n" + "\n\n".join(listing)


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("kind", ["dek", "standfirst"])
def test_a_lead_the_page_repeats_only_under_its_own_headline_in_a_story_list_stays(lang, kind):
    """A dek or standfirst that the page shows again only in a list of stories under the article
    (right under the headline's copy: the site lists the article itself) is the article's lead,
    no template line; the list's copies go. A lead the page repeats elsewhere still goes."""
    if lang == "en":
        page, headline, byline, similar = _page, HEADLINE, "Anna Keller", "Similar stories"
        lead = ("Opposition members warn that the crumbling bus depot will be left to rot for another decade"
                if kind == "dek" else DECK[0])
        other = ["05.05.2019 / Tom Weber", "Tram Line Closed For Repairs Until June",
                 "The northern tram line will be closed for two months while the tracks are replaced."]
    else:
        page, headline, byline, similar = _de_page, DE_HEADLINE, "Anna Keller", "Ähnliche Artikel"
        lead = ("Die Opposition warnt vor weiteren Jahren ohne Reparatur am maroden Busdepot der Stadt"
                if kind == "dek" else DE_DECK)
        other = ["05.05.2019 / Tom Weber", "Straßenbahnlinie Bis Juni Gesperrt",
                 "Die nördliche Straßenbahnlinie wird zwei Monate lang gesperrt, weil die Gleise erneuert werden."]
    cleaned = clean_text(_listed_page(page, headline, lead, byline, similar, other), OPTIONS)
    assert cleaned.paragraphs[0] == lead
    assert cleaned.paragraphs.count(lead) == 1
    # shown again in the footer, with no headline above it, the line is the site's template
    text = page(lead, byline, "3 May 2019, 10:04") + "\n\n" + "\n\n".join([similar, *other, lead])
    assert lead not in clean_text(text, OPTIONS).paragraphs[:1]


@pytest.mark.parametrize("site", ["Stadtanzeiger für Klausen und das Eisacktal",
                                  "Allgemeine Zeitung für die Stadt und den Kreis"])
def test_the_headline_not_the_sites_name_of_like_width_anchors_the_article(site):
    """A page title of the headline and the site's name, a little narrower: the site's name at
    the top of the page (its logo) is no headline; the line that repeats the title's widest part
    is, and the dek under it stays with the article."""
    dek = "Die Opposition warnt vor weiteren Jahren ohne Reparatur am maroden Busdepot der Stadt"
    headline = "Stadtrat kauft vierzig Elektrobusse für Nordlinien"
    lines = [f"{headline} | {site}", site, "Startseite", "Politik", "Wirtschaft", "Sport", "Kultur",
             headline, dek, "Anna Keller und Tom Weber in Hamburg", "03.05.2019, 08:15 Uhr", *DE_BODY,
             "Kommentare", "Impressum"]
    cleaned = clean_text("\n\n".join(lines), OPTIONS)
    assert cleaned.paragraphs[0] == dek
    assert site not in cleaned.paragraphs


@pytest.mark.parametrize("credit", ["(Bildquelle: Stadtarchiv Klausen)", "(Bildnachweis: Anna Keller)"])
def test_a_caption_ending_with_a_german_image_credit_is_a_caption(credit):
    """A photo's caption that ends with "(Bildquelle: ...)" or "(Bildnachweis: ...)", German for
    the image's source or credit, has the caption rule, as "(Foto: ...)" has; the standfirst
    above it, under the byline and the date, stays the article's."""
    caption = f"Die Vertreter der Jugendverbände sprachen mit der Ministerin. {credit}"
    cleaned = clean_text(_de_page(DE_DECK, "03.05.2019, 08:15 Uhr", "Anna Keller", caption), OPTIONS)
    assert _rule(cleaned, caption) == R.CAPTION
    assert cleaned.paragraphs[0] == DE_DECK


@pytest.mark.parametrize("word, name", [("By", "Anna Keller"), ("von", "Anna Keller und Tom Weber"), ("Por", "Ana Ruiz")])
def test_a_byline_whose_name_stands_on_the_next_line_is_a_byline(word, name):
    """A page that sets the author's name apart saves its byline as two lines, the word and the
    name: both go with the byline rule, under a standfirst the article keeps, as one line would."""
    cleaned = clean_text(_page(*DECK, word, name, DATE), OPTIONS)
    kept = "\n".join(cleaned.paragraphs)
    assert list(cleaned.paragraphs) == [*DECK, *BODY]
    assert _rule(cleaned, word) == R.BYLINE and _rule(cleaned, name) == R.BYLINE and name not in kept


@pytest.mark.parametrize("word, after", [("by", "bis"), ("By", "Anna Keller, who has covered the council for years, writes.")])
def test_a_byline_word_before_no_name_is_no_byline(word, after):
    """The word is no byline before a lower-case line (a form's "von" / "bis") or a sentence."""
    texts = [word, after]
    rules = match_lines(texts, [len(t.split()) for t in texts])
    R.split_bylines(texts, "".join(t[0] for t in texts), [len(t.split()) for t in texts], rules)
    assert R.BYLINE not in rules


@pytest.mark.parametrize("run_in", [" by Anna Keller", " von Anna Keller", " access_time2019/05/03 11:51 folderCity",
                                    " 2019-05-03 11:51"])
def test_a_byline_or_date_run_into_the_headline_line_is_not_the_title(run_in):
    """A page that sets the byline or the date on the headline's line (a browser's text runs
    them together): the title is the headline the page's <title> names, without them."""
    lines = [f"{HEADLINE} | City Times", *MENU, HEADLINE + run_in, *BODY, "Comments", "Copyright 2019 City Times"]
    cleaned = clean_text("\n\n".join(lines), OPTIONS)
    assert cleaned.title == HEADLINE and list(cleaned.paragraphs) == BODY


@pytest.mark.parametrize("longer", [" after a long debate", " by 2030", " by the end of 2019", " 2019"])
def test_a_headline_longer_than_the_page_title_keeps_its_words(longer):
    """A headline that says more than the page's <title> is the title whole, a number or a
    "by" that belongs to it too."""
    lines = [f"{HEADLINE} | City Times", *MENU, HEADLINE + longer, *BODY, "Comments", "Copyright 2019 City Times"]
    assert clean_text("\n\n".join(lines), OPTIONS).title == HEADLINE + longer


@pytest.mark.parametrize("line, byline", [
    ("di Viviana Mazza", True), ("di Teresa Fallavollita 20 Novembre 2024", True),
    ("Di stagione", False),  # "in season": a phrase, not a name
    ("di Vegolosi.it", False),  # one word: a site, not a first and last name
    ("Di Maio e Salvini", False),
])
def test_an_italian_byline_is_di_before_a_first_and_last_name(line, byline):
    rule = match_lines([line], [len(line.split())])[0]
    assert (rule == R.BYLINE) is byline
    assert (R.match_line(line, len(line.split())) == R.BYLINE) is byline
