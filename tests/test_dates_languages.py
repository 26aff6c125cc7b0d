"""Date lines in the languages news is written in give the article its date, and go.

Before, a date line was read only in English (parse_date) or in the forms htmldate knows
(find_date): "14 de marzo de 2023", "2023년 3월 14일", "14 มีนาคม 2566" or "१४ मार्च २०२३"
gave no date, and such a line under the headline could become the page's title.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.clean.dates import date_line, find_date, parse_date
from ingest.clean.rules import TIMESTAMP
from ingest.clean.text import clean_text
from ingest.config import CleanOptions

DAY = "2023-03-14"


@pytest.mark.parametrize("language, line", [
    ("es", "14 de marzo de 2023, 10:45 CET"),
    ("es", "Actualizado: martes, 14 de marzo de 2023"),
    ("fr", "Publié le mardi 14 mars 2023 à 10h45"),
    ("it", "14 marzo 2023 ore 10:45"),
    ("pt", "14 de março de 2023 às 10h45"),
    ("de", "Dienstag, 14. März 2023, 10:45 Uhr"),
    ("de", "14. Mär. 2023"),
    ("ru", "14 марта 2023 г., 10:45"),
    ("pl", "14 marca 2023, 10:45"),
    ("tr", "14 Mart 2023 Salı 10:45"),
    ("nl", "di 14 mrt 2023 10:45"),
    ("el", "14 Μαρτίου 2023"),
    ("ko", "2023년 3월 14일 오전 10:45"),
    ("ja", "2023年3月14日 10時45分"),
    ("zh", "2023年03月14日 10:45"),
    ("th", "14 มีนาคม 2566 10:45 น."),  # Buddhist era: 2566 - 543
    ("th", "14 มี.ค. 2566"),
    ("hi", "१४ मार्च २०२३ १०:४५"),  # Devanagari digits
    ("ar", "14 مارس 2023 10:45"),
    ("ar", "١٤ مارس ٢٠٢٣"),  # Arabic-Indic digits
    ("vi", "Thứ Ba, 14 tháng 3, 2023 10:45"),
    ("vi", "ngày 14 tháng 3 năm 2023"),
    ("en", "March 14th, 2023 10:45 am"),
])
def test_a_date_line_in_any_language_is_read(language, line):
    assert find_date(line) == DAY
    assert parse_date(line) == DAY
    assert date_line(line)


def test_a_thai_year_is_of_the_buddhist_era_only_in_a_thai_line():
    assert find_date("14 มีนาคม 2566") == DAY
    assert find_date("14 March 2566") is None  # no such year, and after tomorrow


@pytest.mark.parametrize("line", [
    "Im Jahr 2023 kamen 14 neue Mitglieder hinzu",
    "En 2023 llegaron 14 nuevos socios al club",
    "В 2023 году в клуб пришли 14 новых членов",
    "Release 3.10.4 June 2022",  # a version, not a day
    "März 2023: 14 Spiele, 3 Siege",
    "2023 시즌 14경기",
])
def test_a_line_with_a_year_and_a_number_that_states_no_day_gives_none(line):
    assert find_date(line) is None
    assert not date_line(line)


@pytest.mark.parametrize("line", [
    "Am 14. März 2023 stimmte der Rat über den Haushalt ab.",
    "El 14 de marzo de 2023 el consejo municipal aprobó el presupuesto",
    "Фотографии с заседания совета 14 марта 2023 года в мэрии",
])
def test_a_sentence_that_holds_a_date_is_no_date_line(line):
    assert not date_line(line)


def test_the_latest_day_bounds_a_date_in_any_language():
    assert find_date("14 de marzo de 2023", latest=datetime(2023, 1, 1)) is None
    assert find_date("14 de marzo de 1985") is None  # before 1990


SPANISH_BODY = [
    "El consejo municipal aprobó el lunes el nuevo presupuesto después de un largo debate sobre el transporte.",
    "Los concejales dijeron que el plan añadirá autobuses en los barrios del norte y bajará las tarifas.",
    "La oposición sostuvo que el dinero debía ir a la reparación de calles, retrasada desde hace años.",
    "La alcaldesa afirmó que las primeras líneas nuevas abrirán antes del final del próximo verano.",
]
RUSSIAN_BODY = [
    "Городской совет в понедельник утвердил новый бюджет после долгого спора об общественном транспорте.",
    "Депутаты сказали, что план добавит автобусы в северных районах и снизит цены на проезд для студентов.",
    "Противники считали, что деньги нужно направить на ремонт дорог, который откладывают уже много лет.",
    "Мэр сказала, что первые новые маршруты откроются ещё до конца наступающего лета в этом году.",
]


def news_page(site: str, menu: list[str], headline: str, byline: str, date: str, body: list[str]) -> str:
    """A page as a browser shows it: the site's name as its <title>, a menu, the headline, the
    byline and the date line, then the body (the title does not repeat the headline)."""
    lines = [site, ""] + menu + ["", headline, "", byline, "", date, ""]
    lines += [line for sentence in body for line in (sentence, "")]
    return "\n".join(lines)


@pytest.mark.parametrize("site, menu, headline, byline, date, body", [
    ("Diario del Norte", ["Inicio", "Noticias", "Deportes", "Cultura", "Opinión"],
     "El consejo aprueba un presupuesto con más autobuses para el norte", "por Ana Gómez",
     "14 de marzo de 2023 10:45 CET", SPANISH_BODY),
    ("Северная газета", ["Главная", "Новости", "Спорт", "Культура", "Мнения"],
     "Совет утвердил бюджет с новыми автобусами для севера города", "Анна Иванова",
     "14 марта 2023 г., 10:45", RUSSIAN_BODY),
])
def test_the_date_line_under_a_headline_in_another_language_is_the_date_and_goes(site, menu, headline,
                                                                                   byline, date, body):
    cleaned = clean_text(news_page(site, menu, headline, byline, date, body), CleanOptions())
    assert cleaned.published == DAY
    assert cleaned.title == headline  # not the date line just above the body
    assert list(cleaned.paragraphs) == body
    assert [r.rule for r in cleaned.removed if r.text == date] == [TIMESTAMP]


ITALIAN_BODY = [
    "Il consiglio comunale ha approvato lunedì il nuovo bilancio dopo un lungo dibattito sui trasporti pubblici.",
    "I consiglieri hanno detto che il piano aggiungerà autobus nei quartieri del nord e ridurrà le tariffe.",
    "L'opposizione ha sostenuto che i fondi dovevano andare alla riparazione delle strade, rinviata da anni.",
    "La sindaca ha detto che le prime nuove linee apriranno prima della fine della prossima estate.",
]


def test_a_date_line_under_the_first_paragraph_is_the_date_and_goes():
    """A date line with the byline under the standfirst, which the body starts with."""
    headline = "Il consiglio approva un bilancio con più autobus per il nord"
    date = "Marco Rossi · 14 marzo 2023, 10:45"
    lines = [f"{headline} | Gazzetta del Nord", "", "Home", "Cronaca", "Sport", "Cultura", "", headline, "",
             ITALIAN_BODY[0], "", date, ""]
    lines += [line for sentence in ITALIAN_BODY[1:] for line in (sentence, "")]
    cleaned = clean_text("\n".join(lines), CleanOptions())
    assert cleaned.published == DAY
    assert cleaned.title == headline
    assert list(cleaned.paragraphs) == ITALIAN_BODY
    assert [r.rule for r in cleaned.removed if r.text == date] == [TIMESTAMP]


def test_a_date_line_under_a_standfirst_a_credit_and_the_byline_goes():
    """The article's head may run to six items: a standfirst of two sentences (the body starts
    with it), a photo's credit, the byline and then the date line."""
    headline = "Il consiglio approva un bilancio con più autobus per il nord"
    date = "Pubblicato giovedì 14 marzo 2023 10:45"
    head = [ITALIAN_BODY[0], ITALIAN_BODY[1], "Foto: Luca Bianchi", "Marco Rossi e Anna Neri", date]
    lines = [f"{headline} | Gazzetta del Nord", "", "Home", "Cronaca", "Sport", "Cultura", "", headline, ""]
    lines += [line for item in head + ITALIAN_BODY[2:] for line in (item, "")]
    cleaned = clean_text("\n".join(lines), CleanOptions())
    assert cleaned.published == DAY
    assert date not in cleaned.paragraphs
    assert [r.rule for r in cleaned.removed if r.text == date] == [TIMESTAMP]
