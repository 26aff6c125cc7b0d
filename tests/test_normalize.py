"""Normalisation and word tokens: the fast paths give what their regex definitions give."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
from hypothesis import given, settings, strategies as st

from ingest.normalize import (NOSPACE, _COMBINING, _QUOTES, cut_at_marks, normalize_text, normalized_words,
                              word_hashes, word_tokens)
from store.arrays import sorted_unique

# text mixing ASCII, accents, combining marks, curly quotes, dashes, Unicode spaces
# (\x1c-\x1f and \u2028 are whitespace to Python), CJK and Greek, Devanagari, Bengali and
# Tamil letters with their vowel signs and virama, zero-width joiners
NEWS_LIKE = st.text(alphabet=st.sampled_from(list(
    "aZ9_ .,;:!?'\"-\t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2003\u2028\u3000"
    "éÉçñßİ\u0301\u0308“”‘’«»—–−…€°½ﬁΣσςЁ北京のカไท\u0e31ย"
    "कमन\u093e\u093f\u094d\u0902।ব\u09c7த\u0bcd\u200c\u200d👨")), max_size=80)


def _normalize_by_regex(text: str) -> str:
    """normalize_text as it was first written: a regex collapses the whitespace."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    stripped = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", stripped)).strip()


@settings(max_examples=500, deadline=None)
@given(NEWS_LIKE)
def test_normalize_text_equals_its_regex_definition(text):
    assert normalize_text(text) == _normalize_by_regex(text)


@settings(max_examples=500, deadline=None)
@given(NEWS_LIKE)
def test_word_tokens_are_the_regex_words_encoded(text):
    normalized = normalize_text(text)
    assert word_tokens(normalized) == [word.encode("utf-8") for word in normalized_words(normalized)]
    assert word_tokens(text) == [word.encode("utf-8") for word in reference_tokens(text)]  # not normalised too


_NOSPACE_CHAR = re.compile(f"[{NOSPACE}]")


def reference_tokens(text: str, marks: bool = True) -> list[str]:
    """Tokens by their definition, a character at a time: a run of word characters of
    scripts with spaces is a word; a run of a script without spaces gives its
    overlapping bigrams (a lone character is itself). A word goes on over the marks
    written after its letters (without `marks`: as an older newsarchive read it, a word
    ended at a mark)."""
    tokens, run, kind = [], "", None
    for char in text + " ":
        this = "nospace" if _NOSPACE_CHAR.match(char) else "word" if re.match(r"\w", char) else None
        if marks and this is None and kind == "word" and (unicodedata.category(char)[0] == "M" or char in "\u200c\u200d"):
            this = "word"  # a mark written after a word's letters (a vowel sign, a virama) is part of it
        if this != kind and run:
            tokens += ([run] if kind == "word" or len(run) == 1
                       else [run[i:i + 2] for i in range(len(run) - 1)])
            run = ""
        kind = this
        if this:
            run += char
    return tokens


@settings(max_examples=500, deadline=None)
@given(NEWS_LIKE)
def test_cut_at_marks_tells_the_texts_whose_tokens_an_older_newsarchive_read_otherwise(text):
    """An archive signed before words kept their marks is asked to reclean by this test of its
    texts (store.archive.upgrade_tokens): true exactly when the tokens then and now differ."""
    normalized = normalize_text(text)
    assert cut_at_marks(text) == (reference_tokens(normalized) != reference_tokens(normalized, marks=False))


def test_word_hashes_are_the_same_for_text_and_bytes():
    words = ["guaido", "guaidó", "北京", "x"]
    assert np.array_equal(word_hashes(words), word_hashes([w.encode("utf-8") for w in words]))
    assert word_hashes([]).shape == (0,)


@given(st.lists(st.integers(min_value=0, max_value=2**64 - 1), max_size=60))
def test_sorted_unique_equals_numpy_unique(values):
    array = np.array(values, dtype=np.uint64)
    assert np.array_equal(sorted_unique(array), np.unique(array))
    assert sorted_unique(array).dtype == array.dtype
