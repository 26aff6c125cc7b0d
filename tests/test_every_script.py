"""A news page in a script the dev sets hardly hold (Hindi, Bengali, Arabic, Urdu, Hebrew,
Russian, Greek, Georgian, Armenian, Amharic, Burmese, Khmer, Tamil, Vietnamese, Turkish) keeps
its article and loses its menu, as plain text and as HTML: generated pages
(scripts_corpus.news_page), whose words are the script's letters, so that no rule can hold
by a word it knows. The full stops and commas are each script's own: a Hindi paragraph whose
only marks were "।" was once taken for a run of names and lost. A Tibetan page, which spaces only
its clauses, keeps its article too. And in every one of them, an edited copy of a page is found
as its near-duplicate, and another story is not."""

from __future__ import annotations

import hashlib
import random
import sqlite3
import unicodedata

import pytest

from ingest.clean import clean_document
from ingest.clean.text import clean_text
from ingest.config import CleanOptions
from ingest.models import HTML, RawDocument
from ingest.normalize import NOSPACE_RUN, normalize_text, words
from scripts_corpus import SPACED_SCRIPTS, news_html, news_page

OPTIONS = CleanOptions()


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("script", sorted(SPACED_SCRIPTS))
def test_a_page_in_any_script_keeps_every_paragraph_of_its_article(script, seed):
    page, paragraphs, menu = news_page(script, seed)
    cleaned = clean_text(page, OPTIONS)
    kept = list(cleaned.paragraphs)
    assert [p for p in kept if p in paragraphs] == paragraphs
    assert not set(menu) & set(kept)
    assert cleaned.title is not None and cleaned.title in page


@pytest.mark.parametrize("seed", range(2))
@pytest.mark.parametrize("script", sorted(SPACED_SCRIPTS))
def test_an_html_page_in_any_script_is_its_article_alone(script, seed):
    page, paragraphs, chrome = news_html(script, seed)
    content = page.encode()
    raw = RawDocument(location=f"{script}-{seed}.html", sha256=hashlib.sha256(content).hexdigest(),
                      media_type=HTML, content=content, text=page, source="generated")
    cleaned = clean_document(raw, OPTIONS)
    assert list(cleaned.paragraphs) == paragraphs
    assert not set(chrome) & set(cleaned.paragraphs)


def _tibetan_page(seed: int) -> tuple[str, list[str], list[str]]:
    """A Tibetan news page: syllables joined by the tsheg ("་"), a space only after a clause's
    shad ("།"), as (text, the article's paragraphs, the menu's entries)."""
    rng = random.Random(f"bo-{seed}")
    consonants = [chr(c) for c in range(0x0F40, 0x0F6A) if c != 0x0F48]  # (U+0F48 is unassigned)
    vowels = ["\u0f72", "\u0f74", "\u0f7a", "\u0f7c", ""]

    def word() -> str:  # as text is stored (store.textform: NFC, which decomposes "ཀྵ" U+0F69)
        return unicodedata.normalize("NFC", "་".join(rng.choice(consonants) + rng.choice(vowels)
                                                    for _ in range(rng.randint(1, 3))))

    def clause() -> str:
        return "་".join(word() for _ in range(rng.randint(4, 8))) + "།"

    paragraphs = [" ".join(clause() for _ in range(rng.randint(3, 6))) for _ in range(rng.randint(3, 7))]
    menu = [word() for _ in range(9)]
    title = "་".join(word() for _ in range(5))
    others = ["་".join(word() for _ in range(4)) for _ in range(10)]
    return "\n".join([title, *menu, title, "12.03.2024", *paragraphs, word(), *others]), paragraphs, menu


@pytest.mark.parametrize("seed", range(4))
def test_a_tibetan_page_keeps_its_article(seed):
    """Tibetan puts a space only after a clause: counted by its spaces, a paragraph was a few
    words, and every line of the article went as too short."""
    page, paragraphs, menu = _tibetan_page(seed)
    cleaned = clean_text(page, OPTIONS)
    assert list(cleaned.paragraphs) == paragraphs
    assert not set(menu) & set(cleaned.paragraphs)


def _edited_copy(page: str, paragraphs: list[str], separator: str) -> str:
    """The page as a site that took it on gives it: one word of its first paragraph changed and
    its last paragraph left out."""
    lines = page.split("\n")
    first = lines.index(paragraphs[0])
    words = lines[first].split(separator)
    words[3] = words[5]
    lines[first] = separator.join(words)
    lines.remove(paragraphs[-1])
    return "\n".join(lines)


@pytest.mark.parametrize("script", [*sorted(SPACED_SCRIPTS), "bo"])
def test_an_edited_copy_in_any_script_is_a_near_duplicate_and_another_story_is_not(cli, db_path, tmp_path,
                                                                                     script):
    """A word of a script with vowel signs is one token with its signs, and Tibetan's words are
    its syllables: the copy is found."""
    page, paragraphs, _ = _tibetan_page(2) if script == "bo" else news_page(script, 2)
    other, _, _ = _tibetan_page(3) if script == "bo" else news_page(script, 3)
    folder = tmp_path / script
    folder.mkdir()
    (folder / "a.txt").write_text(page, encoding="utf-8")
    copy = _edited_copy(page, paragraphs, "་" if script == "bo" else " ")
    (folder / "b.txt").write_text(copy, encoding="utf-8")
    (folder / "c.txt").write_text(other, encoding="utf-8")
    cli("ingest", folder, "--db", db_path)
    with sqlite3.connect(db_path) as conn:
        ids = {location.rsplit("/", 1)[-1]: article for location, article
               in conn.execute("SELECT location, article_id FROM sightings")}
        duplicates = dict(conn.execute("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL"))
    assert duplicates == {ids["b.txt"]: ids["a.txt"]}


@pytest.mark.parametrize("script", sorted(s for s in SPACED_SCRIPTS if not NOSPACE_RUN.search(news_page(s, 0)[1][0])))
def test_dedup_reads_a_word_with_its_vowel_signs_as_one_word(script):
    """Near-duplicate shingles are made of words: a Hindi, Bengali or Tamil word's vowel signs
    and virama are part of it (Python's \\w takes no combining mark, and cut such a word into
    pieces of a letter or two, which unrelated texts share)."""
    _, paragraphs, _ = news_page(script, 5)
    _, _, stop, comma = SPACED_SCRIPTS[script]
    for paragraph in paragraphs:
        assert words(paragraph) == [w.strip(stop + comma) for w in normalize_text(paragraph).split()]


# A Hindi sentence of 13 words (its 13 words were 29 pieces when dedup cut words at their vowel signs).
HINDI_LINE = "प्रधानमंत्री नरेंद्र मोदी ने सोमवार को नई दिल्ली में किसानों से मुलाकात की"


def test_a_hindi_line_shorter_than_a_passage_is_no_passage_in_two_stories(cli, db_path, tmp_path):
    """paragraph_min_words counts a Hindi paragraph's words as an English one's: a 13-word line
    that two different stories share is no repeated passage (passages need 20 words)."""
    for seed in (2, 3):
        page, paragraphs, _ = news_page("hi", seed)
        (tmp_path / f"{seed}.txt").write_text(page.replace(paragraphs[1], paragraphs[1] + "\n" + HINDI_LINE + "।"),
                                              encoding="utf-8")
    cli("ingest", tmp_path / "2.txt", tmp_path / "3.txt", "--db", db_path)
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT article_id, passage_id FROM paragraphs WHERE text = ?", [HINDI_LINE + "।"]).fetchall()
    assert len({article for article, _ in rows}) == 2, "both stories keep the line"
    assert [passage for _, passage in rows] == [None, None]
