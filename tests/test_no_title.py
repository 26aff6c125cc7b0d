"""Pages saved without their <title> line: no headline anchor (blocks.headline_anchor) tells
the cleaner where the article starts, so what is dense elsewhere on the page must not pass
for it."""

from __future__ import annotations

from ingest.clean.text import clean_text
from ingest.config import CleanOptions

OPTIONS = CleanOptions()

MENU = ["Home", "World", "Business", "Sport", "Opinion", "Subscribe", "Sign in"]
ARTICLE = [
    "The town council voted on Tuesday to keep the library open on Sundays, after a petition "
    "signed by more than two thousand residents.",
    "The extra hours will cost about forty thousand euros a year, which the council said "
    "would come from the culture budget.",
]
TAGS = ("budget council election festival harbour housing library market museum parking "
        "police railway school theatre tourism traffic weather youth bridge canal cinema "
        "climate concert cycling elderly energy farming ferry football forest garden health "
        "heritage hospital")


def test_a_tag_cloud_is_no_article_however_many_words_it_has():
    """A line of thirty-odd names with no punctuation mark (a tag cloud, a drop-down's options)
    scored as a long line of text and outweighed a short article."""
    tags = TAGS.split()
    assert len(tags) >= 30 and len(tags) > sum(len(p.split()) for p in ARTICLE) / 2
    page = "\n".join(MENU) + "\n\nTags\n" + " ".join(tags) + "\n\n" + "\n\n".join(ARTICLE) + "\n\nContact\nImprint"
    cleaned = clean_text(page, OPTIONS)
    assert list(cleaned.paragraphs) == ARTICLE
    assert not any(" ".join(tags[:5]) in p for p in cleaned.paragraphs)


def test_a_long_line_of_prose_without_a_full_stop_is_still_text():
    """A run of names has no punctuation at all; a long line with a comma is prose."""
    line = ("The council said the library would stay open on Sundays from next month and the "
            "museum would follow in the spring, once the new staff have been hired and trained "
            "for the longer opening hours")
    assert len(line.split()) >= 30 and not line.endswith(".")
    page = "\n".join(MENU) + "\n\n" + "\n\n".join(ARTICLE + [line]) + "\n\nContact\nImprint"
    assert line in clean_text(page, OPTIONS).paragraphs
