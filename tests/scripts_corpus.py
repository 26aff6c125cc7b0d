"""Generated news text in scripts with and without spaces between words, for the dedup tests.

Each script gets a seeded vocabulary of pseudo-words made of its own characters, so
that unrelated generated articles share few shingles, as real unrelated news does:
Chinese (ideographs), Japanese (kanji words with kana endings and particles), Thai
(letters with vowel and tone marks, no spaces inside a sentence), Korean (Hangul
syllables, words separated by spaces) and English-like Latin words.
"""

from __future__ import annotations

import html
import random
from pathlib import Path

SCRIPTS = ("zh", "ja", "th", "ko", "en")
_HAN = [chr(c) for c in range(0x4E00, 0x9FA5)]
_HIRAGANA = [chr(c) for c in range(0x3041, 0x3094)]
_THAI_CONSONANTS = [chr(c) for c in range(0x0E01, 0x0E2F)]
_THAI_MARKS = ["\u0e31", "\u0e34", "\u0e35", "\u0e48", "\u0e49", "\u0e32", "\u0e33", "\u0e40"]
_HANGUL = [chr(c) for c in range(0xAC00, 0xD7A4)]
_LATIN = "abcdefghijklmnopqrstuvwxyz"


def _word(rng: random.Random, script: str) -> str:
    if script == "zh":
        return "".join(rng.choice(_HAN) for _ in range(rng.choice((1, 2, 2, 2, 3))))
    if script == "ja":
        stem = "".join(rng.choice(_HAN) for _ in range(rng.choice((1, 2, 2))))
        return stem + "".join(rng.choice(_HIRAGANA) for _ in range(rng.choice((0, 1, 2))))
    if script == "th":
        return "".join(rng.choice(_THAI_CONSONANTS) + (rng.choice(_THAI_MARKS) if rng.random() < 0.4 else "")
                       for _ in range(rng.randint(2, 4)))
    if script == "ko":
        return "".join(rng.choice(_HANGUL) for _ in range(rng.randint(2, 4)))
    return "".join(rng.choice(_LATIN) for _ in range(rng.randint(3, 9)))


def vocabulary(script: str, seed: int = 0, size: int = 3000) -> list[str]:
    """Distinct pseudo-words of one script."""
    rng = random.Random(f"{script}-{seed}")
    words: set[str] = set()
    while len(words) < size:
        words.add(_word(rng, script))
    return sorted(words)


def sentence(rng: random.Random, vocab: list[str], script: str) -> str:
    """One sentence, written as the script writes it."""
    words = [rng.choice(vocab) for _ in range(rng.randint(12, 22))]
    if script in ("zh", "ja"):
        return "".join(words) + "。"
    if script == "th":
        return "".join(words)  # Thai runs words together and ends a sentence with a space
    if script == "ko":
        return " ".join(words) + "다."
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, vocab: list[str], script: str) -> str:
    """Three sentences, joined as the script joins them."""
    sep = "" if script in ("zh", "ja") else " "
    return sep.join(sentence(rng, vocab, script) for _ in range(3))


def article(seed: int, script: str, paragraphs: int = 7) -> tuple[str, list[str]]:
    """A (title, paragraphs) article of one script."""
    rng = random.Random(f"{script}-article-{seed}")
    vocab = vocabulary(script)
    title = " ".join(rng.choice(vocab) for _ in range(4))
    return title, [paragraph(rng, vocab, script) for _ in range(paragraphs)]


def edit_one_word(text: str, script: str, seed: int) -> str:
    """The text with one word of the middle replaced by another of the vocabulary."""
    rng = random.Random(f"{script}-edit-{seed}")
    vocab = vocabulary(script)
    middle = len(text) // 2
    if script in ("zh", "ja", "th"):  # no spaces: replace two characters
        return text[:middle] + rng.choice(vocab)[:2].ljust(2, text[middle]) + text[middle + 2:]
    cut = text.index(" ", middle)
    end = text.find(" ", cut + 1)
    return text[:cut + 1] + rng.choice(vocab) + text[end:]


def write_page(path: Path, title: str, paragraphs: list[str]) -> None:
    """An HTML news page: menu, the article, a footer."""
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    path.write_text(
        f"<html><head><title>{html.escape(title)}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
        f"<article><h1>{html.escape(title)}</h1>\n{body}</article>"
        f"<footer>Contact | Privacy</footer></body></html>", encoding="utf-8")
