"""Where the plain-text article is: its parts on either side of a list, a table or a chart."""

from __future__ import annotations

from ingest.clean.text import clean_text
from ingest.config import CleanOptions

OPTIONS = CleanOptions()
MENU = ["Home", "News", "Politics", "Business", "Sport", "Weather", "Sign in"]
FOOTER = ["About us", "Contact", "Jobs", "Advertise"]
HEADLINE = "What the new market hall will sell"
# A long article: its densest run of sentences scores far more than a short opening.
LONG = [f"Traders in the {place} said the hall would change how the town shops, and that the rent the council "
        f"asks of them is fair for a building of its size and its place near the station."
        for place in ("northern quarter", "old harbour", "station square", "river district", "castle hill",
                      "market lane", "west end", "university quarter", "cathedral close", "canal basin",
                      "south gate", "mill street")]
OPENING = ["The council opened the new market hall on Saturday, two years after the old one burned down.",
           "More than three hundred people queued outside before the doors opened at eight in the morning.",
           "Here is what the stalls on its ground floor will sell from the first week."]
# What the opening announces: short lines, none a sentence, none repeated on the page.
STALLS = ["Bread", "Cheese", "Fresh fish", "Olives", "Spices", "Honey", "Flowers", "Coffee beans",
          "Cured ham", "Apples", "Mushrooms", "Eggs"]


def test_an_opening_cut_off_by_a_list_it_announces_stays_with_a_long_article():
    """The opening paragraphs before a list (with no chrome in it) are the article's, however
    long the part after the list is."""
    page = "\n\n".join([HEADLINE + " | Town Courier", *MENU, HEADLINE, *OPENING, *STALLS, *LONG, *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.title == HEADLINE
    assert cleaned.paragraphs[:len(OPENING)] == tuple(OPENING)
    assert cleaned.paragraphs[-len(LONG):] == tuple(LONG)
    assert not set(MENU + FOOTER) & set(cleaned.paragraphs)


def test_a_block_before_a_menu_is_no_opening():
    """Sentences above the article with chrome between them and it (a share row, a menu) stay
    out: only the article's own lines between two blocks join them."""
    promo = ["Our newsletter brings you the town's news every morning, free of charge.",
             "Thousands of readers in the county already start their day with it."]
    chrome = ["Share on Facebook", "Share on X", *MENU]
    page = "\n\n".join([HEADLINE + " | Town Courier", *promo, *chrome, HEADLINE, *LONG, *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.paragraphs == tuple(LONG)


# A chart as a saved page renders it: its title, axis labels and source, one a line.
CHART = ["Rents paid per stall", "MONTHLY", "400", "300", "200", "100",
         *(f"’{year:02d}" for year in range(10, 26)), "Source: Town council"]
AFTER_CHART = [f"The {kind} traders pay less than they did in the old hall, the council said, because the new roof "
               f"cost less to build than planned and the town kept the difference for the traders this year."
               for kind in ("bread", "cheese", "fish", "olive", "spice", "honey", "flower", "coffee", "ham",
                            "apple", "mushroom", "egg", "wine", "tea", "nut", "herb")]


def test_the_article_runs_on_past_a_chart_to_a_denser_part_after_the_headline():
    """The headline that repeats the page title anchors the article to the part right under
    it; a denser part after a chart (only the chart's own lines between) is the rest of the
    article, not a notice further down."""
    first = LONG[:3]
    page = "\n\n".join([HEADLINE + " | Town Courier", *MENU, HEADLINE, *first, *CHART, *AFTER_CHART, *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.title == HEADLINE
    assert cleaned.paragraphs == tuple(first + AFTER_CHART)


def test_an_opening_above_a_chart_drawn_twice_stays_with_the_article():
    """A page that draws its chart twice (for wide and for narrow screens) repeats the chart's
    labels, but within the gap alone: they are still the article's own lines, and the opening
    above them joins the denser part after; a label the page shows elsewhere too is chrome."""
    labelled = ["Rents paid per stall and per month", *CHART[1:]]  # a title of four words or more repeats
    page = "\n\n".join([*MENU, *OPENING[:2], *labelled, *labelled, *AFTER_CHART, *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.paragraphs == tuple(OPENING[:2] + AFTER_CHART)
    page = "\n\n".join([*MENU, labelled[0], *OPENING[:2], *labelled, *labelled, *AFTER_CHART, *FOOTER])
    assert clean_text(page, OPTIONS).paragraphs == tuple(AFTER_CHART)


def test_a_lede_under_the_headline_stays_with_a_long_article_across_its_share_row_and_date():
    """The sentences between the headline that repeats the page title and a long article,
    set apart from it by a share row, a date, a credit and an advertisement, are its lede."""
    lede = ["The town's new market hall opened on Saturday with ninety stalls, two years after a fire "
            "destroyed the old building and most of the traders' stock."]
    between = ["Share on Facebook", "Share on X", "Published 12 May 2025, 09:14", "News agency wire service",
               "Advertisement"]
    page = "\n\n".join([HEADLINE + " | Town Courier", *MENU, HEADLINE, *lede, *between, *LONG, *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.title == HEADLINE
    assert cleaned.paragraphs == tuple(lede + LONG)


def test_a_lede_under_a_question_headline_stays_across_a_box_of_links():
    """A headline that asks a question scores as a sentence; the opening under it, set apart from a
    long article by a box of job links (each ending with its "opens in a new window" hint), is
    still the article's opening, not a block before the article."""
    question = "Will the new market hall sell enough to pay its rent?"
    opening = ["The town's new market hall opened on Saturday with ninety stalls, two years after a fire "
               "destroyed the old building and most of the traders' stock, and the council hopes the rents "
               "will repay the cost of the building within twenty years."]
    jobs = ["Jobs at the Town Courier"] + [f"{role} (m/w/d) Town Council (opens in a new window)"
                                           for role in ("Market manager", "Night porter", "Stall inspector",
                                                        "Electrician", "Cleaner", "Accountant", "Cook", "Driver")]
    page = "\n\n".join([question + " | Town Courier", *MENU, question, *opening, *jobs, *LONG, *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.paragraphs == tuple(opening + LONG)


# A table of contents: the article's sub-headings (four words or more each, so that the page's
# repeating them counts), listed between its opening and its first section.
SECTIONS = ["Why the old hall burned down", "What the new building cost the town",
            "Who will run the stalls upstairs", "When the car park will open"]


def _sectioned(contents: list[str]) -> str:
    body = [line for k, heading in enumerate(SECTIONS) for line in (heading, *LONG[3 * k:3 * k + 3])]
    return "\n\n".join([*MENU, *OPENING[:2], "Contents:", *contents, *body, *FOOTER])


def test_an_opening_above_a_table_of_contents_stays_with_the_article():
    """The lines of a table of contents repeat the article's sub-headings: they are its own lines,
    and the opening above them joins it."""
    cleaned = clean_text(_sectioned(SECTIONS), OPTIONS)
    assert cleaned.paragraphs[:2] == tuple(OPENING[:2])
    assert cleaned.paragraphs[-3:] == tuple(LONG[9:12])
    assert "Contents:" not in cleaned.paragraphs


def test_lines_the_page_repeats_elsewhere_still_cut_an_opening_off():
    """Repeated lines that are not the article's own (a menu shown twice) are chrome between a
    block and the article: the block stays out."""
    menu = ["Read our guide to local markets", "Meet the traders of the county", "Send us your pictures now"]
    page = _sectioned(menu) + "\n\n" + "\n\n".join(menu)
    cleaned = clean_text(page, OPTIONS)
    assert OPENING[0] not in cleaned.paragraphs
    assert cleaned.paragraphs[-3:] == tuple(LONG[9:12])


# A listicle: an introduction, then numbered facts, each a sentence, each under a photo's credit
# and above an embed the reader's settings blocked.
INTRO = ["The bridge over the estuary opened to traffic on Monday after eleven years of work.",
         "Engineers say it is one of the most complex structures ever built in the region.",
         "Its builders spent most of those years underwater, laying the foundations of its towers.",
         "To show its scale, we have collected a few figures about the bridge and its construction."]
FACTS = ["1. The bridge is 4.2 kilometres long, the longest of its kind in the country.",
         "2. Its two towers rise 210 metres above the water at high tide.",
         "3. More than 90,000 tonnes of steel went into its deck and cables.",
         "4. Up to 60,000 vehicles a day are expected to cross it by the end of the decade."]
BLOCKED = ["External content unavailable", "Your privacy settings prevent this content from loading.",
           "Change settings"]


def _listicle(facts: list[str]) -> str:
    lines = [HEADLINE + " | Town Courier", *MENU, HEADLINE, *INTRO, "The bridge in figures"]
    for fact in facts:
        lines += ["Photo: Jane Roe/Agency", fact, *BLOCKED]
    return "\n\n".join(lines + FOOTER)


def test_a_listicles_numbered_facts_between_photos_and_embeds_stay():
    cleaned = clean_text(_listicle(FACTS), OPTIONS)
    assert set(FACTS) <= set(cleaned.paragraphs)
    assert cleaned.paragraphs[:len(INTRO)] == tuple(INTRO)
    assert not set(MENU + FOOTER) & set(cleaned.paragraphs)


def test_numbered_lines_that_are_no_list_of_the_article_stay_out():
    """Two numbered sentences are no chain, and numbered lines that are no sentences (a "most
    read" box's headlines) continue no article."""
    two = clean_text(_listicle(FACTS[:2]), OPTIONS)
    assert FACTS[1] not in two.paragraphs
    headlines = [fact.rstrip(".") for fact in FACTS]
    page = "\n\n".join([HEADLINE + " | Town Courier", *MENU, HEADLINE, *INTRO, "Most read", *headlines, *FOOTER])
    assert not set(headlines) & set(clean_text(page, OPTIONS).paragraphs)


# A box of other stories set inside an article, between its first part and the rest.
OTHER_STORIES = ("Council votes on parking fees", "New bus line to the hospital", "Library hours extended",
                 "Flood defences for the harbour", "School roof repaired", "Mayor meets traders")
RELATED_BOX = ["Related", *(line for n, story in enumerate(OTHER_STORIES) for line in (story, f"{n + 3} May"))]


def _boxed(first: list[str], rest: list[str]) -> str:
    """A page with no headline that repeats its title, whose article is `first`, the box, then `rest`."""
    return "\n\n".join(["Town Courier", *MENU, *first, *RELATED_BOX, *rest, *FOOTER])


def test_the_part_above_a_box_of_other_stories_stays_with_the_article():
    """The article's part above the box is a third of the part below it: it joins, although it
    scores less than a part after the body must (a box of teasers is no end of the article)."""
    first, rest = LONG[:4], LONG[4:] + AFTER_CHART[:4]
    cleaned = clean_text(_boxed(first, rest), OPTIONS)
    assert cleaned.paragraphs == tuple(first + rest)


def test_a_weaker_part_above_the_box_and_the_same_part_below_it_stay_out():
    """A part above the box that scores a fifth of the article is no part of it (a site's
    introduction); and a part after the article that scores a third of it is what follows an
    article (an author's note, a reader's comment), not its rest."""
    intro, article = LONG[:2], LONG[2:] + AFTER_CHART[:4]
    assert clean_text(_boxed(intro, article), OPTIONS).paragraphs == tuple(article)
    article, after = LONG[:4] + AFTER_CHART[:8], LONG[4:8]
    assert clean_text(_boxed(article, after), OPTIONS).paragraphs == tuple(article)


def test_the_pages_first_line_is_no_part_above_the_article():
    """The page's first line is its <title> as a browser saves it, with whatever the save ran
    into it (an icon font's labels, a site's blurb); however long, it is no part of the article
    above the box."""
    first = " ".join(f"Our paper has covered the {area} since 1870 and prints its news every morning, "
                     f"online and on paper, for readers in each of the county's towns and villages."
                     for area in ("valley", "coast", "moors", "islands", "lakes"))
    article = LONG[4:] + AFTER_CHART[:4]
    cleaned = clean_text("\n\n".join([first, *MENU[:-1], *RELATED_BOX, *article, *FOOTER]), OPTIONS)
    assert cleaned.paragraphs == tuple(article)


# A box of other stories saved a text node a line: each teaser's labels and numbers on lines of
# their own, "Kommentare:" among them, the same on every teaser.
TEASER_BOX = ["Mehr zum Thema"] + [line for headline, count in [
    ("Neue Halle für den Wochenmarkt", "12"), ("Streit um die Standgebühren", "45"), ("Was aus dem alten Markt wird", "8")]
    for line in [headline, "Veröffentlicht/Aktualisiert:", "vor 58 Minuten", "Kommentare:", count, ",", "Empfehlungen:", "3"]]


def test_the_article_runs_on_past_a_box_whose_teasers_each_show_a_comments_label():
    """A comments label that each teaser of a box repeats is no comments heading: the article's
    part after the box is joined to it (blocks._stops_merge)."""
    page = "\n".join([HEADLINE + " | Town Courier", *MENU, HEADLINE, *LONG[:8], *TEASER_BOX, *LONG[8:], *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.paragraphs == tuple(LONG)


def test_a_comments_label_the_page_shows_once_still_ends_the_article():
    """The same label once, over the readers' comments, each under its author and time: they
    stay out, however long."""
    comments = [f"Ich wohne seit {n} Jahren am Markt und finde, dass die neue Halle viel zu teuer geworden ist, "
                f"während die Händler kaum noch Platz für ihre Stände haben, die Parkplätze fehlen und der Bus "
                f"am Samstag nur noch einmal in der Stunde fährt, so dass ich meine Einkäufe lieber im Dorf mache "
                f"als in der Stadt, wo alles teurer ist und niemand mehr Zeit für ein Gespräch hat."
                for n in ("zwanzig", "dreißig", "vierzig")]
    thread = [line for name, said in zip(("Anna", "Bernd", "Clara"), comments) for line in (name, "vor 2 Stunden", said)]
    page = "\n".join([HEADLINE + " | Town Courier", *MENU, HEADLINE, *LONG[:8], "Kommentare:", *thread, *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.paragraphs == tuple(LONG[:8])


# A newsletter's sign-up box as sites set it after an article's first paragraph, its pitch a sentence.
SIGN_UP_BOX = ["Sign up for our newsletters", "Morning Briefing", "Every weekday", "Council Watch", "Every Friday",
               "Get the stories our reporters file from the town hall, the schools and the sports grounds in your "
               "inbox every morning before work, free of charge.",
               "Enter your email address", "Sign up", "Privacy Policy"]
FIRST_PARAGRAPH = ("The market hall that burned down two years ago opens again on Saturday, with room for twice as "
                   "many stalls as before and a roof that lets the daylight in.")


def test_the_opening_paragraph_above_a_sign_up_box_stays_with_the_article():
    """A sign-up box under the article's first paragraph parts it from the rest, which scores far
    more: the paragraph is still the article's, and the box's lines go, its pitch too
    (blocks._opening_paragraph)."""
    page = "\n\n".join([HEADLINE + " | Town Courier", *MENU, HEADLINE, "By Jo Smith", FIRST_PARAGRAPH, *SIGN_UP_BOX,
                        *LONG, *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert cleaned.paragraphs == (FIRST_PARAGRAPH, *LONG)


def test_a_line_of_teasers_above_a_sign_up_box_is_no_opening():
    """A line with no sentence's end under the headline (a "most read" list run together) is no
    opening paragraph that a box may part from the article."""
    most_read = " ".join(f"{n} {headline}" for n, headline in enumerate([
        "Council to sell the old library on the corner of Mill Street", "New bus timetable starts in May with more "
        "buses to the station", "Bakery on Mill Street closes after ninety years in the same family", "Town team "
        "wins the county cup for the third time running", "Road works on the bridge to last until the autumn",
        "School on the hill to get a new sports hall next year", "Police look for witnesses after a fire in the "
        "old mill", "Farmers' market moves to the station square for the summer"], start=1))
    page = "\n\n".join([HEADLINE + " | Town Courier", *MENU, HEADLINE, "By Jo Smith", most_read, *SIGN_UP_BOX,
                        *LONG, *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert most_read not in cleaned.paragraphs


def test_a_paragraph_far_under_the_headline_above_a_sign_up_box_is_no_opening():
    """Past the byline and a long row of links under the headline, a paragraph over a sign-up box
    is the box's or the page's, not the article's opening (ANCHOR_REACH)."""
    promo = ("Our reporters cover the town council, its schools and its sports clubs every day of the week, "
             "and our newsletters bring their stories to you each morning.")
    links = ["Council", "Schools", "Sport", "Weather", "Traffic", "Events", "Jobs", "Homes", "Cars", "Obituaries",
             "Puzzles", "Letters", "Archive"]
    page = "\n\n".join([HEADLINE + " | Town Courier", *MENU, HEADLINE, "By Jo Smith", *links, promo, *SIGN_UP_BOX,
                        *LONG, *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert promo not in cleaned.paragraphs


def test_an_opening_parted_from_the_body_by_more_than_a_sign_up_box_stays_out():
    """Only a sign-up box is crossed: a paragraph above a comments widget and a sign-up box is
    not joined to the body below them."""
    page = "\n\n".join([HEADLINE + " | Town Courier", *MENU, HEADLINE, "By Jo Smith", FIRST_PARAGRAPH,
                        "Comments", *SIGN_UP_BOX, *LONG, *FOOTER])
    cleaned = clean_text(page, OPTIONS)
    assert FIRST_PARAGRAPH not in cleaned.paragraphs
