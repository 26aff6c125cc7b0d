"""Text normalisation and word shingling shared by hashing and MinHash.

Normalisation folds what should not make two texts differ: Unicode compatibility
forms (NFKC), case, accents (Guaidó = Guaido), quote and dash styles, whitespace.

Tokens: words where a script separates words by spaces; in a run of a script that
does not (Chinese, Japanese kana and kanji, Thai, Lao, Khmer, Myanmar), overlapping
character bigrams, as Lucene's CJK analyzer indexes them. A Chinese word averages
about two characters, so a bigram stands for about a word and a k-token shingle
spans k+1 characters: the article and paragraph shingle sizes keep their meaning.
Measured on generated paragraphs of three sentences (tests/test_scripts.py), one word
(two characters) changed gives Jaccard, on 3- / 5-shingles: English 0.87 / 0.79,
Korean 0.87 / 0.79, Chinese 0.90 / 0.86, Japanese 0.92 / 0.88, Thai 0.96 / 0.94 (its
generated words are longer). Korean separates words by spaces and is tokenised by words.
A word keeps the combining marks written after its letters (word_marks): a Hindi,
Bengali or Tamil word's vowel signs and virama are its letters ("प्रधानमंत्री" is one
token, not the five pieces Python's \\w makes of it: "प", "रध", "नम", "त", "र").
On real news (the eval sets' gold paragraphs of 40-120 words or characters, see
benchmarks/dedup.py), one word in twenty replaced (in Chinese and Japanese, two
characters in forty) gives a mean Jaccard, on 3- / 5-shingles, of: English 0.76 / 0.65,
Korean 0.78 / 0.66, Japanese 0.77 / 0.65, Chinese 0.77 / 0.70. So passage_jaccard 0.5
(3-shingles) and article_jaccard 0.5 (5-shingles) mean the same edit in every script.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
import zlib

import numpy as np

from store.arrays import sorted_unique
from store.script_index import NOSPACE, NOSPACE_RUN

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-",
})
# combining marks (accents) left after NFKD decomposition
_COMBINING = re.compile("[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f"
                        "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_JOINERS = (0x200C, 0x200D)  # zero-width non-joiner and joiner, inside Indic and Persian words
_LETTER = f"[^\\W{NOSPACE}]"  # a word character of a script written with spaces


@functools.cache
def word_marks() -> str:
    """A regex class's contents: every combining mark (Unicode categories Mn, Mc, Me) of
    the Basic Multilingual Plane but those of the scripts without spaces (a Thai mark is
    in its run), and the zero-width (non-)joiners. Python's \\w takes none of them, yet
    in Devanagari, Bengali, Tamil and the other Brahmic scripts a vowel sign or virama is
    part of its word. (The other planes' marks are historic scripts' and variation
    selectors: with one of them in it, sre tries the class as some 300 ranges in turn,
    not as a bitmap, and tokens took twice as long.) Made from the Unicode database on
    first use (about 10 ms), not at import."""
    codes = [c for c in range(0x10000)
             if unicodedata.category(chr(c))[0] == "M" and not NOSPACE_RUN.match(chr(c))]
    runs: list[list[int]] = []
    for c in sorted([*codes, *_JOINERS]):
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in runs)


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A word (letters, with the marks written after them), and: a run of a script without
    spaces, or a word of other scripts. Marks and letters are disjoint classes, so the
    repeats are linear."""
    marks = word_marks()
    word = re.compile(f"\\w++(?:[{marks}]++\\w*+)*+")
    token = re.compile(f"([{NOSPACE}]+)|{_LETTER}++(?:[{marks}]++{_LETTER}*+)*+")
    return word, token


def cut_at_marks(text: str) -> bool:
    """Whether a text has a word that an older newsarchive cut at its combining marks (its
    tokens then differ from today's: see word_marks). Only a text with a mark, or a letter
    that decomposes into one, is normalised to tell."""
    may, cut = _mark_tests()
    return may.search(text) is not None and cut.search(normalize_text(text)) is not None


@functools.cache
def _mark_tests() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A mark of word_marks, or a letter whose decomposition keeps one through normalize_text
    (Devanagari's "क़", Hebrew's "שׁ"); and a letter of a script with spaces followed by a mark."""
    marks = re.compile(f"[{word_marks()}]")
    decomposing = "".join(chr(c) for c in range(0x10000) if not marks.match(chr(c))
                          and marks.search(_COMBINING.sub("", unicodedata.normalize("NFKD", chr(c)))))
    return re.compile(f"[{word_marks()}{decomposing}]"), re.compile(f"{_LETTER}[{word_marks()}]")


def normalize_text(text: str) -> str:
    """Fold compatibility forms, case, accents, quotes, dashes and whitespace."""
    # " ".join(split()) collapses and strips exactly the characters regex \s matches
    # (both use str.isspace), several times faster than a regex substitution
    if text.isascii():
        return " ".join(text.casefold().split())
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    stripped = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(unicodedata.normalize("NFC", stripped).split())


def words(text: str) -> list[str]:
    """The normalised tokens of a text (punctuation dropped): see normalized_words."""
    return normalized_words(normalize_text(text))


def normalized_words(normalized: str) -> list[str]:
    """The tokens of an already normalised text: words, and bigrams in runs of scripts without spaces."""
    word, token = _patterns()
    if not NOSPACE_RUN.search(normalized):  # as search has them (NFKC folds half-width kana)
        return word.findall(normalized)
    tokens: list[str] = []
    for m in token.finditer(normalized):
        run = m.group(1)
        if run is None:
            tokens.append(m.group())
        elif len(run) == 1:
            tokens.append(run)
        else:
            tokens.extend(map(str.__add__, run[:-1], run[1:]))  # overlapping bigrams
    return tokens


# ASCII word characters (what regex \w matches below 128) kept, every other byte a space
_ASCII_WORDS = bytes(c if chr(c).isalnum() or c == ord("_") else ord(" ") for c in range(128)) + b" " * 128


def word_tokens(normalized: str) -> list[bytes]:
    """The words of an already normalised text, UTF-8 encoded: `normalized_words`,
    encoded, which is what word hashes are taken of. ASCII text (most news once
    normalised) is split on a byte table, several times faster than the regex."""
    if normalized.isascii():
        return normalized.encode("ascii").translate(_ASCII_WORDS).split()
    return [word.encode("utf-8") for word in normalized_words(normalized)]


def content_hash(text: str) -> str:
    """sha256 of the normalised text: equal for exact duplicates."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


_MULT = np.uint64(0x9E3779B97F4A7C15)


def word_hashes(tokens: list[str] | list[bytes]) -> np.ndarray:
    """A stable 32-bit hash of each word (crc32 of its UTF-8), as uint64 for shingle mixing."""
    encoded = tokens if not tokens or isinstance(tokens[0], bytes) else map(str.encode, tokens)
    return np.fromiter(map(zlib.crc32, encoded), dtype=np.uint64, count=len(tokens))


def shingle_hashes(tokens: list[str], size: int) -> np.ndarray:
    """32-bit hashes of the distinct word `size`-grams of a token list, sorted."""
    return sorted_unique(shingle_sequence(tokens, size))


def shingle_sequence(tokens: list[str], size: int) -> np.ndarray:
    """32-bit hashes of the word `size`-grams of a token list, in text order.

    A text shorter than `size` words gives one shingle of all its words; an empty
    text gives none. The hash is a polynomial over per-word crc32 values, so it is
    stable across processes and runs (unlike Python's hash()).
    """
    if not tokens:
        return np.empty(0, dtype=np.uint32)
    return shingles_of_word_hashes(word_hashes(tokens), size)


def shingles_of_word_hashes(h: np.ndarray, size: int) -> np.ndarray:
    """Shingle hashes, in text order, from the per-word hashes of word_hashes()."""
    if len(h) == 0:
        return np.empty(0, dtype=np.uint32)
    n = max(1, len(h) - size + 1)
    acc = np.zeros(n, dtype=np.uint64)
    width = min(size, len(h))
    with np.errstate(over="ignore"):
        for j in range(width):
            acc = acc * _MULT + h[j : j + n]
        acc ^= acc >> np.uint64(29)
    return (acc & np.uint64(0xFFFFFFFF)).astype(np.uint32)
