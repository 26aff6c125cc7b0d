"""Generated news text in scripts with and without spaces between words, for the dedup tests.

Each script gets a seeded vocabulary of pseudo-words made of its own characters, so
that unrelated generated articles share few shingles, as real unrelated news does:
Chinese (ideographs), Japanese (kanji words with kana endings and particles), Thai
(letters with vowel and tone marks, no spaces inside a sentence), Korean (Hangul
syllables, words separated by spaces) and English-like Latin words. SPACED_SCRIPTS adds a dozen
more scripts written with spaces, each with its own full stop and comma, for whole news pages
(news_page).
"""

from __future__ import annotations

import html
import random
import unicodedata
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


# Scripts written with spaces between words: (ranges of letters, signs written after a letter,
# full stop, comma). Hindi and Bengali end sentences with "।", Urdu with "۔", Armenian with
# "։", Amharic with "።", Burmese with "။", Khmer with "។".
SPACED_SCRIPTS: dict[str, tuple[list[tuple[int, int]], str, str, str]] = {
    "hi": ([(0x915, 0x939)], "\u093e\u093f\u0940\u0947\u094b\u0902", "।", ","),
    "bn": ([(0x995, 0x9B9)], "\u09be\u09bf\u09c0\u09c7", "।", ","),
    "ar": ([(0x628, 0x64A)], "", ".", "،"),
    "ur": ([(0x628, 0x64A)], "", "۔", "،"),
    "he": ([(0x5D0, 0x5EA)], "", ".", ","),
    "ru": ([(0x430, 0x44F)], "", ".", ","),
    "el": ([(0x3B1, 0x3C9)], "", ".", ","),
    "ka": ([(0x10D0, 0x10F0)], "", ".", ","),
    "hy": ([(0x561, 0x586)], "", "։", ","),
    "am": ([(0x1200, 0x1248)], "", "።", "፣"),
    "my": ([(0x1000, 0x1020)], "\u102c\u102d\u102f", "။", "၊"),
    "km": ([(0x1780, 0x17A2)], "\u17b6\u17b7\u17c1", "។", ","),
    "ta": ([(0xB95, 0xBB9)], "\u0bbe\u0bbf\u0bc0", ".", ","),
    "vi": ([(0x61, 0x7A)], "\u1ea1\u01b0\u00f4", ".", ","),
    "tr": ([(0x61, 0x7A)], "\u0131\u015f\u00e7", ".", ","),
}
for _ranges, _signs, _stop, _comma in SPACED_SCRIPTS.values():
    assert all(a <= b for a, b in _ranges) and len(_stop) == len(_comma) == 1


def _spaced_word(rng: random.Random, script: str) -> str:
    ranges, signs, _, _ = SPACED_SCRIPTS[script]
    out = ""
    for _ in range(rng.randint(2, 5)):
        first, last = rng.choice(ranges)
        letter = chr(rng.randint(first, last))
        while not unicodedata.category(letter).startswith("L"):  # (a range has unassigned code points)
            letter = chr(rng.randint(first, last))
        out += letter
        if signs and rng.random() < 0.4:
            out += rng.choice(signs)
    return unicodedata.normalize("NFC", out)  # as text is stored (store.textform): "ে" + "া" is "ো"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _news_parts(script: str, seed: int) -> dict[str, list[str]]:
    """The parts of a generated news page (see news_page)."""
    rng = random.Random(f"{script}-page-{seed}")
    words = sorted({_spaced_word(rng, script) for _ in range(1200)})
    rng.shuffle(words)
    vocab, chrome = words[:800], words[800:]
    _, _, stop, comma = SPACED_SCRIPTS[script]

    def sentence() -> str:
        sentence_words = [rng.choice(vocab) for _ in range(rng.randint(10, 20))]
        if rng.random() < 0.5:
            sentence_words[rng.randint(3, len(sentence_words) - 4)] += comma
        return _capitalised(" ".join(sentence_words)) + stop

    return {
        "menu": [_capitalised(w) for w in rng.sample(chrome, 9)],
        "title": [_capitalised(" ".join(rng.choice(vocab) for _ in range(7)))],
        "paragraphs": [" ".join(sentence() for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(3, 8))],
        "heading": [_capitalised(rng.choice(chrome))],
        "others": [_capitalised(" ".join(rng.choice(chrome) for _ in range(rng.randint(4, 9)))) for _ in range(12)],
        "footer": [_capitalised(rng.choice(chrome)) + " " + rng.choice(chrome) for _ in range(5)],
    }


def news_page(script: str, seed: int) -> tuple[str, list[str], list[str]]:
    """A news page of a SPACED_SCRIPTS script as a browser shows it, as (text, the article's
    paragraphs, the menu's entries): the title with the site's name, a menu, the headline, a
    date, the paragraphs (one to four sentences, some with a comma, each ending with its
    script's full stop), a list of other headlines under a heading, and a footer. The chrome's
    words are none of the article's."""
    parts = _news_parts(script, seed)
    menu, (title,) = parts["menu"], parts["title"]
    lines = [f"{title} | {menu[0]}", *menu, title, "12.03.2024", *parts["paragraphs"], *parts["heading"],
             *parts["others"], *parts["footer"], f"© 2024 {menu[0]}"]
    return "\n".join(lines), parts["paragraphs"], menu


def news_html(script: str, seed: int) -> tuple[str, list[str], list[str]]:
    """news_page's page as HTML, as (html, the article's paragraphs, the menu's entries and
    the other headlines): a menu of links, the article, an aside of linked headlines, a footer."""
    parts = _news_parts(script, seed)
    esc = html.escape
    menu, (title,), paragraphs = parts["menu"], parts["title"], parts["paragraphs"]
    links = "".join(f"<a href='/{k}'>{esc(entry)}</a> " for k, entry in enumerate(menu))
    others = "".join(f"<li><a href='/n/{k}'>{esc(line)}</a></li>" for k, line in enumerate(parts["others"]))
    page = (f"<html><head><title>{esc(title)} | {esc(menu[0])}</title></head><body><nav>{links}</nav>"
            f"<article><h1>{esc(title)}</h1><time>12.03.2024</time>"
            + "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
            + f"</article><aside><h2>{esc(parts['heading'][0])}</h2><ul>{others}</ul></aside>"
            f"<footer>{esc(' | '.join(parts['footer']))} © 2024</footer></body></html>")
    return page, paragraphs, menu + parts["others"]
