"""The date line under a headline, in the forms news sites write it, becomes the article's date.

Only the English "Published 3 May 2019" was read before; a plain-text page of most
sites in other languages had no date.
"""

from __future__ import annotations

import warnings
from datetime import datetime

import pytest

from conftest import COUNCIL_BODY
from ingest.clean.dates import date_line, fielded_date, find_date, opening_date, stamp_line
from ingest.clean.text import clean_text
from ingest.config import CleanOptions

HEADLINE = "Council approves new budget with more buses for the north"


def page(date_line: str) -> str:
    lines = [f"{HEADLINE} | The Daily Example", "", "Home", "News", "Sport", "Weather", "",
             HEADLINE, "", "Jane Porter", date_line, ""]
    lines += [line for sentence in COUNCIL_BODY for line in (sentence, "")]
    lines += ["Related stories", "Mayor opens new library", "",
              "Published in 2025 by The Daily Example. All rights reserved."]
    return "\n".join(lines)


@pytest.mark.parametrize("date_line, day", [
    ("05.06.2025 um 14:46", "2025-06-05"),
    ("Stand: 28.04.2023 16:11 Uhr", "2023-04-28"),
    ("12. März 2025 18:03", "2025-03-12"),
    ("Publicado el 25/05/2025 21:57 h", "2025-05-25"),
    ("2025年1月14日 10:30", "2025-01-14"),
    ("Sat 24 Feb 2024 12.42 CET", "2024-02-24"),
    ("Published: 15:56 BST, 27 April 2024 | Updated: 15:57 BST, 27 April 2024", "2024-04-27"),
    ("19.10.19, 08:16 Uhr", "2019-10-19"),  # a two-digit year
    ("Kultur, 2.11.22", "2022-11-02"),
    ("19. Dezember 202219. Dezember 2022", "2022-12-19"),  # published and updated, run together
    ("28. Juni 201914. Januar 2020", "2019-06-28"),
    ("miércoles, 4 de mayo de 202207:59 hs", "2022-05-04"),
    ("Miércoles, 4 de Mayo de 2022 a las 07:46hrs.", "2022-05-04"),  # a unit after the time, and its dot
    ("04 de mayo 2022 a las 09:01 hrs.", "2022-05-04"),
    ("31 Donnerstag Okt 2019", "2019-10-31"),  # the weekday between the day and the month
])
def test_the_date_line_under_the_headline_is_the_published_date(date_line, day):
    cleaned = clean_text(page(date_line), CleanOptions())
    assert cleaned.published == day
    assert cleaned.title == HEADLINE
    assert list(cleaned.paragraphs) == COUNCIL_BODY


@pytest.mark.parametrize("date_line", ["03 November 2025", "Monday, November 3, 2025", "2025.11.03 20:00",
                                       "By Jane Porter published 3 November 2025",
                                       "November 3, 2025 by Jane Porter 5 Comments",  # the date first
                                       "03.11.2025 - Meldung - Verkehr und Stadtplanung",
                                       "3. November 2025 / 20:00"])  # read as a breadcrumb
def test_a_date_line_above_a_long_byline_block_is_the_published_date(date_line):
    """The date over the headline, with the authors' names and links between them and the body
    (more lines than the ones just above the body that are read first): it is the page's date,
    whether a rule took it for a timestamp, a counter ("2025.11.03 20:00"), a byline or none."""
    authors = [line for name in ("Jane Porter", "Ali Khan", "Mia Wong", "Tom Berg", "Eva Lind")
               for line in (name, "View author publications", "Search author on: Google Scholar")]
    lines = [f"{HEADLINE} | The Daily Example", "", "Home", "News", "", "NEWS FEATURE", date_line, "",
             HEADLINE, "", *authors, ""]
    lines += [line for sentence in COUNCIL_BODY for line in (sentence, "")]
    cleaned = clean_text("\n".join(lines), CleanOptions())
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert cleaned.published == "2025-11-03"
    assert date_line not in "\n".join(cleaned.paragraphs)


@pytest.mark.parametrize("stated, above, day", [
    ("Veröffentlicht am 16.08.2019", False, "2019-08-16"),
    ("Erschienen am: 1. November 2023", False, "2023-11-01"),
    ("Publié le 18 juil. 2024 à 08:01 Mis à jour le 18 juil. 2024 à 09:06", True, "2024-07-18"),
    ("Published on May 3, 2019 by Jane Porter, Twitter, Facebook, Email", True, "2019-05-03"),
    ("Veröffentlicht am 1. November 2023 09:35 von Jane Porter Twitter Facebook Xing LinkedIn Instagram E-Mail",
     True, "2023-11-01"),
    ("Last edited: 10 November 2019, 13:28", False, "2019-11-10"),  # a word of updating
    ("Zuletzt bearbeitet: 04.02.2022, 08:27 Uhr", False, "2022-02-04"),
])
def test_a_line_that_states_when_the_article_came_out_gives_its_date(stated, above, day):
    """A line that opens with a word of publishing ("Veröffentlicht am", "Publié le") and a date,
    under the article, or above it with a byline and links after the date, or that has such a
    word after its title or byline: it is the page's date, and no part of the body."""
    body = [line for sentence in COUNCIL_BODY for line in (sentence, "")]
    lines = [f"{HEADLINE} | The Daily Example", "", "Home", "News", "", HEADLINE, "", *([stated, ""] if above else []),
             *body, *([] if above else [stated, ""]), "Related stories", "Mayor opens new library"]
    cleaned = clean_text("\n".join(lines), CleanOptions())
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert cleaned.published == day


def _spaced(sentences: list[str]) -> list[str]:
    """Paragraphs as a page saves them: each line, then a blank one."""
    return [line for sentence in sentences for line in (sentence, "")]


def _council_page(*middle: str) -> str:
    """The council story's page: its <title>, a menu, the lines `middle` (headline, datelines,
    body) and a box of teasers under them."""
    return "\n".join([f"{HEADLINE} | The Daily Example", "", "Home", "News", "", *middle,
                      "Related stories", "Mayor opens new library"])


@pytest.mark.parametrize("stated, above", [
    ("„Neue Busse für den Norden“ von Jane Porter Veröffentlicht am 3. März 2024", True),
    ("Beitrag von Jane Porter — veröffentlicht 03.03.2024 08:00", False),
])
def test_a_publishing_word_inside_a_line_by_the_article_gives_its_date(stated, above):
    """A line above the article (a title and a byline run into the date, over a share row) or
    under it, whose word of publishing stands after other words: its date is the page's."""
    head = [stated, "Facebook Twitter E-Mail Drucken"] if above else []
    cleaned = clean_text(_council_page(*head, HEADLINE, "", *_spaced(COUNCIL_BODY), *([] if above else [stated, ""])),
                         CleanOptions())
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert cleaned.published == "2024-03-03"


@pytest.mark.parametrize("line, day", [
    ("Jane Porter / 22.04.2020 / 06:15 / Foto: Ali Khan / 150 /", "2020-04-22"),
    ("By Jane Porter | March 3, 2025 | 5 min read", "2025-03-03"),
    ("Politik · 03.11.2025 · 14:00", "2025-11-03"),
    ("// By Jane Porter • Nov 11, 2020", "2020-11-11"),
    ("Home / News / 2023 / Politics", None),  # a year is no day
    ("Top 10 products of 2024 | The Daily Example", None),
    ("Council approves budget, 3 May 2019", None),  # no fields
])
def test_a_line_of_fields_gives_the_date_of_its_date_field(line, day):
    assert fielded_date(line) == day


@pytest.mark.parametrize("fields, day", [
    ("By Jane Porter | March 3, 2025 | 5 min read", "2025-03-03"),
    ("Politik · 03.11.2025 · 14:00 · Jane Porter und Ali Khan", "2025-11-03"),
])
def test_a_line_of_fields_above_the_article_gives_its_date(fields, day):
    """A byline or a section, the date and more in one line above the headline: its date field
    is the page's date."""
    cleaned = clean_text(_council_page(fields, "Vorlesen", HEADLINE, "", *_spaced(COUNCIL_BODY)), CleanOptions())
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert cleaned.published == day


def test_a_byline_with_its_date_under_the_first_paragraph_gives_the_date():
    """A byline and its date among the body's first items (under a first paragraph the page sets
    above it): its date is the page's."""
    byline = "von Jane Porter, Online-Redaktion Veröffentlicht: 26.12.2022"
    body = _spaced(COUNCIL_BODY)
    cleaned = clean_text(_council_page(HEADLINE, "", *body[:2], byline, "", *body[2:]), CleanOptions())
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert cleaned.published == "2022-12-26"


@pytest.mark.parametrize("dateline", [
    "PUBLISHED: January 16, 2023 at 4:30 p.m. | UPDATED: January 17, 2023 at 3:58 a.m.",
    "Jane Porter · The Daily Example · Posted: Jan 16, 2023 4:00 AM EST | Last Updated: January 17",
    "Veröffentlicht am 16. Januar 2023 von Jane Porter",
])
@pytest.mark.parametrize("under_first_paragraph", [False, True])
def test_a_long_dateline_atop_the_body_is_no_part_of_it(dateline, under_first_paragraph):
    """A dateline with more words than a date line has (a byline, an update's date, a section):
    removed as a timestamp, wherever among the body's first items, and read for the date."""
    body = _spaced(COUNCIL_BODY)
    middle = [*body[:2], dateline, "", *body[2:]] if under_first_paragraph else [dateline, "", *body]
    cleaned = clean_text(_council_page(HEADLINE, "", *middle), CleanOptions())
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert [r.rule for r in cleaned.removed if r.text == dateline] == ["pattern:timestamp"]
    assert cleaned.published == "2023-01-16"


@pytest.mark.parametrize("run", [f"Politik · {HEADLINE} · 16.01.2023", f"{HEADLINE} · 16.01.2023"])
def test_a_headline_run_into_its_date_stays_the_title_line(run):
    """Above the body, a line of fields with a date is the headline with its kicker or date, not
    a dateline: it stays the page's title line (a line of fields atop the body is a dateline)."""
    cleaned = clean_text(_council_page(run, "", *_spaced(COUNCIL_BODY)), CleanOptions())
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert [r.rule for r in cleaned.removed if r.text == run] == ["title"]
    assert cleaned.published == "2023-01-16"


def test_a_publishing_word_inside_an_article_sentence_gives_no_date():
    """Only a line outside the body is read for a publishing word inside it: an article's sentence
    that says when something was published is no dateline."""
    said = "The report was published on 3 March 2021, and the council read it closely."
    cleaned = clean_text(_council_page(HEADLINE, "", *_spaced([*COUNCIL_BODY, said])), CleanOptions())
    assert said in cleaned.paragraphs
    assert cleaned.published is None


@pytest.mark.parametrize("line", [
    "2024",  # a year alone
    "Top 10 products of 2024",
    "Palm Bay 18 22 13 17 — 70",
    "iPhone 15 Pro review",
    "Posted 3 hours ago",
    "Version 1.2.19.5", "v1.2.19", "Firmware 2.11.22b",  # versions, not a day with a two-digit year
    "1.1.88",  # a year before 1990
    "Order 202012345 shipped", "Ref: 2022120312",  # long numbers, no year run into another
    "The council met on 3 May 2019 and again on 10 May 2019 to discuss the budget at length.",
])
def test_a_line_that_states_no_date_gives_none(line):
    assert find_date(line) is None


@pytest.mark.parametrize("line, day", [
    ("Monday, 3 November 2025 | Politics | 4 Comments", "2025-11-03"),
    ("| 03.11.2025 | Jane Porter and Ali Khan", "2025-11-03"),
    ("Meldung vom 03.11.2025, Verkehr und Stadtplanung", None),  # the date is not what it opens with
    ("Top 10 products of 2025 for the whole family", None),
    ("November 2025: the council's budget in numbers", None),  # a month, no day
])
def test_a_line_opening_with_a_date_gives_it_whatever_follows(line, day):
    assert opening_date(line) == day


def test_a_two_digit_year_is_this_century_up_to_next_year():
    next_year = datetime.now().year % 100 + 1
    assert find_date(f"3.4.{next_year - 1:02d}") == f"{2000 + next_year - 1}-04-03"
    assert find_date("3.4.97") == "1997-04-03"


def test_a_date_after_the_latest_is_not_taken():
    assert find_date("05.06.2025 um 14:46", latest=datetime(2025, 1, 1)) is None
    assert find_date("05.06.2025 um 14:46", latest=datetime(2026, 1, 1)) == "2025-06-05"


def test_a_date_in_the_body_is_not_the_published_date():
    text = page("Jane Porter Lifestyle Writer").replace(
        COUNCIL_BODY[0], COUNCIL_BODY[0] + " The vote was on 3 May 2019.")
    assert clean_text(text, CleanOptions()).published is None


@pytest.mark.parametrize("line, stamp", [
    ("# re: 很高兴入住博客堂 2004-12-27 12:55 scong", True),
    ("Maciej F. October 27, 2011 at 5:44 AM", True),
    ("由作者张贴 @ 2005-06-14 03:25:55 (370)", True),
    ("October 27, 2011", False),  # a date, no time: a date line's, not a stamp's
    ("The meeting began at 10:30 and lasted until noon.", False),  # a time, no date
    ("Kickoff 2011-10-27 at 19:30 in the old stadium, with tickets on sale at the gate from Monday "
     "morning onwards and more to follow.", False),  # too long for a stamp
])
def test_a_stamp_is_a_short_line_with_a_date_and_a_time_of_day(line, stamp):
    assert stamp_line(line, latest=datetime(2026, 1, 1)) is stamp


@pytest.mark.parametrize("line", ["2014;6:38-72.", "2011;3:12-49"])
def test_a_reference_read_as_a_time_in_an_impossible_zone_gives_no_date(line):
    """A journal reference's "2014;6:38-72." is, to dateutil (which htmldate asks), a time with
    a zone 72 hours off: a datetime that raises as soon as it is compared. It is no date."""
    assert find_date(line) is None


def test_an_article_with_such_a_reference_is_archived_not_rejected(cli, db_path, tmp_path):
    """The reference under an article once made every run reject it as an internal error."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "review.txt").write_text("\n\n".join(
        [HEADLINE, *COUNCIL_BODY, "Smith J. Budgets of small towns. J Local Gov.", "2014;6:38-72."]), encoding="utf-8")
    result = cli("ingest", folder, "--db", db_path)
    assert "new 1" in result.output and "rejected 0" in result.output
    shown = cli("clean", folder / "review.txt")
    assert COUNCIL_BODY[0][:40] in shown.output


def test_a_word_dateutil_takes_for_a_time_zone_prints_no_warning():
    """dateutil warns of a word it reads as a zone's name ("... 5h READ"): a nightly run's
    output (and `clean`'s) stays free of it."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        find_date("2019 PM 99 5h READ")
    assert caught == []


@pytest.mark.parametrize("line", ["2019/12", "2014;6:38"])
def test_a_date_that_would_take_its_day_from_the_day_of_cleaning_is_none(line):
    """dateutil, which htmldate asks, fills what a line lacks from today: "2019/12" read as
    2019-12-<today>, a date that another night's run (a reclean) would read otherwise."""
    assert find_date(line) is None


@pytest.mark.parametrize("line, day", [("2024/12/03 22:53", "2024-12-03"), ("2018. 11. 23", "2018-11-23"),
                                       ("2025/1/21 20:50", "2025-01-21")])
def test_a_date_htmldate_reads_whole_is_kept(line, day):
    assert find_date(line) == day


MOST_READ = ["Las más leídas", *(f"{n}. {title}" for n, title in enumerate([
    "Mayor opens the new library on the river", "Storm closes the mountain pass for a week",
    "Three schools get new roofs before winter", "The old stadium will be sold next year",
    "Night trains return to the capital", "A record summer for the city's pools",
    "Bus drivers vote on a new contract", "The market hall reopens after two years"], 1)), "Videos más vistos",
    *(f"Video: {title}" for title in ["Firefighters save a cat", "The mayor on the budget", "A walk through the new park",
                                      "The harbour at dawn", "Cyclists on the new bridge", "A choir in the cathedral"]),
    "Lo último", *(f"{hour}:00 {title}" for hour, title in zip(range(8, 14), [
        "Traffic on the ring road", "Weather for the weekend", "Football: the derby", "Prices at the pump",
        "A new mayor for the suburb", "Concert tickets sold out"]))]


def test_the_date_line_under_the_headline_is_found_past_a_list_of_most_read_stories():
    """A site that sets its most read stories between the headline's date line and the body
    leaves the date far from the body: the lines right under the headline are read too."""
    lines = [f"{HEADLINE} | The Daily Example", "", "Home", "News", "Sport", "", HEADLINE, "Publicado:",
             "Miércoles, 4 de Mayo de 2022", "", *MOST_READ, ""]
    lines += [line for sentence in COUNCIL_BODY for line in (sentence, "")]
    cleaned = clean_text("\n".join(lines), CleanOptions())
    assert cleaned.published == "2022-05-04"
    assert list(cleaned.paragraphs) == COUNCIL_BODY


@pytest.mark.parametrize("line", ["Am 1. Dezember 2017 starb er.", "On 1 May 2019 at 10:30 they left."])
def test_a_sentence_with_a_date_and_a_time_is_no_date_line(line):
    assert not date_line(line)


@pytest.mark.parametrize(("lede", "day"), [
    ("Feb. 23, 2015 -- Life-threatening peanut allergies have been on the rise in the town for years.", "2015-02-23"),
    ("Düsseldorf, 22. November 2022 - Der Energieversorger der Stadt hat die Preise für das neue Jahr gesenkt.",
     "2022-11-22"),
    ("NEW YORK, Dec. 3, 2025 /PRNewswire/ -- Acme Corp said on Wednesday that it would open two new plants.",
     "2025-12-03"),
])
def test_a_lede_that_opens_with_its_dateline_gives_the_date(lede, day):
    """A page with no date line but the one its first paragraph opens with, as press releases
    and wire copy write it: a place, the date and a dash."""
    lines = [f"{HEADLINE} | The Daily Example", "", "Home", "News", "", HEADLINE, "", lede, "", *COUNCIL_BODY]
    cleaned = clean_text("\n".join(lines), CleanOptions())
    assert cleaned.published == day
    assert cleaned.paragraphs[0] == lede  # the lede stays whole


@pytest.mark.parametrize("lede", ["In 2015 - the year of the flood - the council moved out of the old town hall.",
                                  "Berlin (dpa) - Die Regierung will die Steuern im kommenden Jahr senken, hieß es."])
def test_a_lede_with_a_year_or_an_agency_before_its_dash_gives_no_date(lede):
    lines = [f"{HEADLINE} | The Daily Example", "", "Home", "News", "", HEADLINE, "", lede, "", *COUNCIL_BODY]
    assert clean_text("\n".join(lines), CleanOptions()).published is None


@pytest.mark.parametrize("date_below", ["10. September 2017", "15.12.2021", "September 10, 2017"])
def test_a_date_alone_right_under_the_body_gives_the_date_where_nothing_else_does(date_below):
    """A blog sets its post's date under the post, on a line of its own: the last place read."""
    lines = [f"{HEADLINE} | The Daily Example", "", "Home", "News", "", HEADLINE, ""]
    lines += [line for sentence in COUNCIL_BODY for line in (sentence, "")]
    lines += ["Jane Porter", date_below, "", "Privacy", "Imprint"]
    cleaned = clean_text("\n".join(lines), CleanOptions())
    assert cleaned.published == find_date(date_below)
    assert list(cleaned.paragraphs) == COUNCIL_BODY


def test_a_date_in_a_sentence_under_the_body_is_no_date():
    lines = [f"{HEADLINE} | The Daily Example", "", "Home", "News", "", HEADLINE, ""]
    lines += [line for sentence in COUNCIL_BODY for line in (sentence, "")]
    lines += ["The next meeting is on 10 September 2017 in the town hall.", "", "Privacy", "Imprint"]
    assert clean_text("\n".join(lines), CleanOptions()).published is None
