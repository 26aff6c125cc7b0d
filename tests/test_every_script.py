"""A news page in a script the dev sets hardly hold (Hindi, Bengali, Arabic, Urdu, Hebrew,
Russian, Greek, Georgian, Armenian, Amharic, Burmese, Khmer, Tamil, Vietnamese, Turkish) keeps
its article and loses its menu, as plain text and as HTML: generated pages
(scripts_corpus.news_page), whose words are the script's letters, so that no rule can hold
by a word it knows. The full stops and commas are each script's own: a Hindi paragraph whose
only marks were "।" was once taken for a run of names and lost."""

from __future__ import annotations

import hashlib

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
