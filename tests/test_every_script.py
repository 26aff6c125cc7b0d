"""A news page in a script the dev sets hardly hold (Hindi, Bengali, Arabic, Urdu, Hebrew,
Russian, Greek, Georgian, Armenian, Amharic, Burmese, Khmer, Tamil, Vietnamese, Turkish) keeps
its article and loses its menu, as plain text and as HTML: generated pages
(scripts_corpus.news_page), whose words are the script's letters, so that no rule can hold
by a word it knows. The full stops and commas are each script's own: a Hindi paragraph whose
only marks were "।" was once taken for a run of names and lost. A Tibetan page, which spaces only
its clauses, keeps its article too."""

from __future__ import annotations

import hashlib
import random
import unicodedata

import pytest

from ingest.clean import clean_document
from ingest.clean.text import clean_text
from ingest.config import CleanOptions
from ingest.models import HTML, RawDocument
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
