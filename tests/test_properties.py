"""Property tests: no text makes the cleaners raise; no query makes search raise anything but QueryError."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from conftest import SAMPLES
from ingest.clean import clean, clean_document
from ingest.config import CleanOptions, Config
from ingest.decode import _CONTROLS, control_characters, decode
from ingest.models import HTML, MARKDOWN, TEXT, RawDocument
from ingest.pipeline import ingest
from ingest.clean.markdown import markdown_to_text
from ingest.clean.text import clean_text
from store.archive import connect
from store.search import QueryError, fts_query, search

OPTIONS = CleanOptions()
FTS_SYNTAX = ['"', "(", ")", "*", ":", "^", "+", "-", "{", "}", "AND", "OR", "NOT", "NEAR", "NEAR(",
              "title", "text", "novel_text", " ", ",", "'", ";", "--", "\x00", "\udcff", "Guaido", "Лавров",
              "中文", "東", "ไทย", "\u0e31", "대통령", "é", "\u0301", "_", "\t", "\n"]

# Text: any Unicode (surrogates included, as undecodable file names and terminals produce),
# and line-oriented text that looks like news with boilerplate.
any_text = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=400)
lines = st.lists(st.one_of(st.text(max_size=120), st.sampled_from(
    ["Share this:", "Published: 2024-02-30", "- Advertisement -", "By Staff", "", "   ",
     "Published on 31/31/2019 25:61", "Read more »", "Advertisement"])), max_size=20)
queries = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(FTS_SYNTAX), max_size=25).map("".join),
    st.lists(st.sampled_from(FTS_SYNTAX), max_size=25).map(" ".join),
)


@settings(max_examples=300, deadline=None)
@given(any_text)
@example("\udcff\x00\r\n\u2028\u2029")
@example("Published: " + "9" * 5000)
def test_clean_text_never_raises(text):
    result = clean_text(text, OPTIONS)
    assert all(p.strip() for p in result.paragraphs)


@settings(max_examples=200, deadline=None)
@given(lines)
def test_clean_text_never_raises_on_news_like_lines(parts):
    clean_text("\n".join(parts), OPTIONS, frozenset({"share this:"}))


MARKDOWN_SYNTAX = ["[", "]", "(", ")", "![", "](", "http://x.org/a", "\n", "\n\n", " ", "**", "__", "_",
                   "*", "# ", "> ", "\\", "\\*", "word", "中文", "\x00", "- "]
markdown_like = st.lists(st.sampled_from(MARKDOWN_SYNTAX), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(markdown_like, any_text))
@example("[a\nb](http://x\ny) ![i](z)\n")
def test_markdown_to_text_keeps_every_line_and_every_word(text):
    """Markup goes, lines stay where they were (removed lines keep their numbers), and
    no letter outside a link's address is lost."""
    out = markdown_to_text(text)
    assert out.count("\n") == text.count("\n")
    if "(" not in text:  # no link or image address to drop: every letter and digit stays
        assert [c for c in out if c.isalnum()] == [c for c in text if c.isalnum()]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, st.sampled_from([TEXT, HTML, MARKDOWN]))
@example("<html><body>" + "<div>" * 3000 + "x</body></html>", HTML)
@example("<?xml version='1.0' encoding='latin-1'?><p>é</p>", HTML)
@example("\x00<html>", HTML)
def test_clean_document_never_raises(text, media_type):
    raw = RawDocument("/x.txt", "0" * 64, media_type, text.encode("utf-8", "surrogatepass"), text, "x")
    clean_document(raw, OPTIONS)
    clean(raw, OPTIONS)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_never_raises(data):
    text = decode(data)
    assert text is None or isinstance(text, str)


@settings(max_examples=500, deadline=None)
@given(st.one_of(any_text, st.text(st.sampled_from("a\x00\x07\t\n\x0b\x0c\r\x1b\x7f\x80\x9f\xa0\u0100é\ud800"),
                                   max_size=60)))
def test_control_characters_are_counted_as_the_regex_counts_them(text):
    assert control_characters(text) == len(_CONTROLS.findall(text))


@settings(max_examples=500, deadline=None)
@given(queries, st.booleans())
def test_fts_query_gives_a_match_expression_or_query_error(query, for_script_index):
    try:
        match = fts_query(query, for_script_index=for_script_index)
    except QueryError:
        return
    assert match.strip()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """A small real archive (the samples) opened read-only, as the search command opens it."""
    base = tmp_path_factory.mktemp("props")
    shutil.copytree(SAMPLES, base / "samples")
    ingest([base / "samples"], base / "archive.db", Config())
    db = connect(base / "archive.db", readonly=True)
    yield db
    db.close()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(queries, st.booleans(), st.booleans(), st.booleans())
@example('"unbalanced', True, False, False)
@example("((((" * 200 + "a", True, False, False)
@example("x" * 20_000, False, False, False)
@example("title:Guaido", True, True, False)
def test_search_raises_only_query_error(archive, query, raw, novel, show_all):
    try:
        hits = search(archive, query, raw=raw, novel=novel, show_all=show_all, limit=5)
    except QueryError as exc:
        assert str(exc)
        return
    assert len(hits) <= 5


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.none(), st.text(max_size=30)), st.one_of(st.none(), st.text(max_size=30)))
def test_search_filters_raise_only_query_error(archive, source, since):
    try:
        search(archive, "Guaido", source=source, since=since, until=since)
    except QueryError:
        pass
