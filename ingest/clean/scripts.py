"""Counting words in any script, for the line classifier.

Chinese and Japanese are written without spaces between words, and Thai, Lao,
Khmer and Myanmar put spaces only between phrases or sentences: counted by
spaces, an 80-character Japanese sentence is "one word", as short as a menu
entry. Here a run of such characters counts as its number of characters over
the script's average word length (CHARS_PER_WORD), and text in other scripts
counts its space-separated words, as before. Korean separates words with
spaces, so Hangul is counted by spaces.

Most pages hold none of these characters, and finding that out must cost far
less than cleaning the page: has_unspaced looks at the first bytes of the
page's UTF-8 characters, then at the high bytes of its UTF-16 code units (a
C-level encode and translate each) before any regex runs.
"""

from __future__ import annotations

import re
from itertools import compress, count
from operator import not_

# Average characters per word (code points, combining marks included).
CHARS_PER_WORD_CJK = 2.5  # Chinese words are 1.5-1.7 characters, Japanese about 2; English words,
# which the scores were made for, carry more than a word of CJK (flat from 2 to 3 on the dev sets)
CHARS_PER_WORD_SEA = 4.0  # Thai, Lao, Khmer, Myanmar: syllables of 2-3 code points, words of 1-2

_HAN_KANA = ("\u3040-\u30ff"  # Hiragana, Katakana
             "\u31f0-\u31ff"  # Katakana phonetic extensions
             "\u3400-\u4dbf"  # CJK extension A
             "\u4e00-\u9fff"  # CJK unified ideographs
             "\uf900-\ufaff"  # CJK compatibility ideographs
             "\uff66-\uff9f"  # half-width Katakana
             "\U00020000-\U0003134f")  # CJK extensions B-G
_SOUTHEAST = ("\u0e00-\u0eff"  # Thai, Lao
              "\u1000-\u109f"  # Myanmar
              "\u1780-\u17ff")  # Khmer
# Runs of each script family. One class a pattern: sre then skips to a run's first
# character at a few ns a character (an alternation of the two tried both at each one,
# at 90 ns).
_CJK_RUN = re.compile(f"[{_HAN_KANA}]+")
_SEA_RUN = re.compile(f"[{_SOUTHEAST}]+")

# First bytes of the UTF-8 encodings of those characters (U+0800-1FFF, U+3000-9FFF,
# U+F000-FFFF, U+20000-3FFFF): a superset, which bytes.translate tests at about
# 2 ns a character, against 16 for sre's scan for _DENSE_CHAR.
_UTF8_LEADS = bytes([0xE0, 0xE1, *range(0xE3, 0xEA), 0xEF, 0xF0])
# High bytes of the UTF-16 code units of those characters (a narrower superset, at
# 5 ns a character). Supplementary ideographs come with BMP ones in any real text,
# so surrogates (emoji, mostly) are not looked at.
_HIGH = bytes([0x0E, 0x10, 0x17, 0x30, 0x31, *range(0x34, 0xA0), 0xF9, 0xFA, 0xFF])
_DENSE_CHAR = re.compile(f"[{_HAN_KANA}{_SOUTHEAST}]")


def _may_hold_unspaced(text: str) -> bool:
    """False if the text has no character of a script written without spaces (True: it may have)."""
    utf8 = text.encode("utf-8", "surrogatepass")
    return len(utf8.translate(None, _UTF8_LEADS)) < len(utf8)


def has_unspaced(text: str) -> bool:
    """Whether the text holds a character of a script written without spaces between words."""
    if text.isascii() or not _may_hold_unspaced(text):  # most pages: Latin with some punctuation
        return False
    high = text.encode("utf-16-le", "surrogatepass")[1::2]
    if len(high.translate(None, _HIGH)) == len(high):
        return False
    # The exact test on the lines that may hold one: a page of Latin prose with one
    # Chinese link is not scanned whole by sre (16 ns a character).
    return any(_DENSE_CHAR.search(line) is not None for line in text.splitlines()
               if not line.isascii() and _may_hold_unspaced(line))


def _weight(chars: int, per_word: float) -> int:
    return int(chars / per_word + 0.5) if chars else 0


def word_count(line: str) -> int:
    """The number of words of a line in any script (at least 1 for a non-blank line).

    Space-separated words outside runs of unspaced scripts count one each; each
    such run counts its characters over the script's average word length.
    """
    if line.isascii():
        return len(line.split())
    # Each run becomes a space; the characters it had are the length lost plus one.
    no_cjk, cjk_runs = _CJK_RUN.subn(" ", line)
    rest, sea_runs = _SEA_RUN.subn(" ", no_cjk)
    n = len(rest.split())
    if not cjk_runs and not sea_runs:
        return n
    cjk = len(line) - len(no_cjk) + cjk_runs
    sea = len(no_cjk) - len(rest) + sea_runs
    n += _weight(cjk, CHARS_PER_WORD_CJK) + _weight(sea, CHARS_PER_WORD_SEA)
    return max(1, n) if line.strip() else 0


def unspaced_lines(lines: list[str]) -> list[int]:
    """The indices of the lines that hold a character of a script written without spaces."""
    return [i for i in compress(count(), map(not_, map(str.isascii, lines)))
            if _may_hold_unspaced(lines[i]) and _DENSE_CHAR.search(lines[i]) is not None]


def ends_unpunctuated(line: str) -> bool:
    """Whether the line ends in a letter of a script that has no full stop (Thai, Lao).

    A space ends a sentence there, so a long line of theirs that ends in a letter
    is a sentence; the caller decides what is long. (Chinese and Japanese end
    sentences with 。！？, so their headlines, which end in a letter, stay headlines.)
    """
    last = line[-2:-1] if line.endswith("\n") else line[-1:]  # where "[...]$" would look
    return "\u0e00" <= last <= "\u0eff"  # Thai, Lao
