"""Counting words in any script, for the line classifier.

Chinese and Japanese are written without spaces between words, Thai, Lao,
Khmer and Myanmar put spaces only between phrases or sentences, and Tibetan
separates its syllables with a dot (tsheg) and a space only after a clause: counted by
spaces, an 80-character Japanese sentence is "one word", as short as a menu
entry. Here a run of such characters counts as its number of characters over
the script's average word length (CHARS_PER_WORD), and text in other scripts
counts its space-separated words, as before. Korean separates words with
spaces, so Hangul is counted by spaces.

Most pages hold none of these characters, and finding that out must cost far
less than cleaning the page: has_unspaced looks at the high bytes of the
page's UTF-16 code units (one C-level encode, slice and translate) before any
regex runs.
"""

from __future__ import annotations

import re
from itertools import compress, count
from operator import not_

# Average characters per word (code points, combining marks included).
CHARS_PER_WORD_CJK = 2.5  # Chinese words are 1.5-1.7 characters, Japanese about 2; English words,
# which the scores were made for, carry more than a word of CJK (flat from 2 to 3 on the dev sets)
CHARS_PER_WORD_SEA = 4.0  # Thai, Lao, Khmer, Myanmar, Tibetan: syllables of 2-3 code points, words of 1-2

HAN_KANA = ("\u3040-\u30ff"  # Hiragana, Katakana
             "\u31f0-\u31ff"  # Katakana phonetic extensions
             "\u3400-\u4dbf"  # CJK extension A
             "\u4e00-\u9fff"  # CJK unified ideographs
             "\uf900-\ufaff"  # CJK compatibility ideographs
             "\uff66-\uff9f"  # half-width Katakana
             "\U00020000-\U0003134f")  # CJK extensions B-G
_SOUTHEAST = ("\u0e00-\u0eff"  # Thai, Lao
              "\u0f00-\u0fff"  # Tibetan
              "\u1000-\u109f"  # Myanmar
              "\u1780-\u17ff")  # Khmer
# Runs of such characters, and of Southeast Asian (and Tibetan) ones alone. One class a pattern:
# sre then skips to a run's first character (an alternation of two classes tried
# both at each character, at 90 ns a character).
_DENSE_RUN = re.compile(f"[{HAN_KANA}{_SOUTHEAST}]+")
_SEA_RUN = re.compile(f"[{_SOUTHEAST}]+")
# UTF-8 first bytes of every Southeast Asian letter (U+0800-1FFF).
_SEA_LEADS = (0xE0, 0xE1)

# First bytes of the UTF-8 encodings of those characters (U+0800-1FFF, U+3000-9FFF,
# U+F000-FFFF, U+20000-3FFFF): a superset, which bytes.translate tests on a long line
# at a few ns a character, against 16 for sre's scan for _DENSE_CHAR.
_UTF8_LEADS = bytes([0xE0, 0xE1, *range(0xE3, 0xEA), 0xEF, 0xF0])
# High bytes of the UTF-16 code units of those characters (a superset: the test
# that follows is exact). Supplementary ideographs come with BMP ones in any real
# text, so surrogates (emoji, mostly) are not looked at.
_HIGH = bytes([0x0E, 0x0F, 0x10, 0x17, 0x30, 0x31, *range(0x34, 0xA0), 0xF9, 0xFA, 0xFF])
_DENSE_CHAR = re.compile(f"[{HAN_KANA}{_SOUTHEAST}]")
_WORD = re.compile(r"\w+")
# A word's characters of those scripts one by one, and its runs of other characters.
_SPLIT_DENSE = re.compile(f"[{HAN_KANA}{_SOUTHEAST}]|[^{HAN_KANA}{_SOUTHEAST}]+")


def _may_hold_unspaced(text: str) -> bool:
    """False if the text has no character of a script written without spaces (True: it may have)."""
    utf8 = text.encode("utf-8", "surrogatepass")
    return len(utf8.translate(None, _UTF8_LEADS)) < len(utf8)


def has_unspaced(text: str) -> bool:
    """Whether the text holds a character of a script written without spaces between words."""
    if text.isascii():
        return False
    high = text.encode("utf-16-le", "surrogatepass")[1::2]
    if len(high.translate(None, _HIGH)) == len(high):
        return False
    return _DENSE_CHAR.search(text) is not None


def units(text: str) -> list[str]:
    """The words of a text (runs of word characters) to compare texts by; in scripts
    written without spaces, each character is one (a Chinese headline and its title
    share characters where they share no whole run)."""
    if text.isascii() or not _DENSE_CHAR.search(text):  # one scan of the text, not a search of each word
        return _WORD.findall(text)
    out: list[str] = []
    for word in _WORD.findall(text):
        if _DENSE_CHAR.search(word):
            out.extend(_SPLIT_DENSE.findall(word))
        else:
            out.append(word)
    return out


def _weight(chars: int, per_word: float) -> int:
    return int(chars / per_word + 0.5) if chars else 0


def word_count(line: str) -> int:
    """The number of words of a line in any script (at least 1 for a non-blank line).

    Space-separated words outside runs of unspaced scripts count one each; each
    such run counts its characters over the script's average word length.
    """
    if line.isascii():
        return len(line.split())
    n = _dense_count(line)
    return len(line.split()) if n is None else n


def _dense_count(line: str, sea: bool = True) -> int | None:
    """word_count of a line, or None if it holds no run of an unspaced script.

    False for `sea` says the line holds no Southeast Asian letter.
    """
    # Each run becomes a space; the characters it had are the length lost plus one.
    rest, runs = _DENSE_RUN.subn(" ", line)
    if not runs:
        return None
    dense = len(line) - len(rest) + runs
    sea_chars = len(line) - len(_SEA_RUN.sub("", line)) if sea else 0
    n = len(rest.split()) + _weight(dense - sea_chars, CHARS_PER_WORD_CJK) + _weight(sea_chars, CHARS_PER_WORD_SEA)
    return max(1, n) if line.strip() else 0


# A line this short is tested with sre at once: the prefilter costs more than it saves.
_PREFILTER_MIN_CHARS = 80


def unspaced_word_counts(lines: list[str]) -> dict[int, int]:
    """word_count of each line that holds a character of a script written without spaces,
    by index (the other lines' counts are len(line.split()))."""
    maybe = [i for i in compress(count(), map(not_, map(str.isascii, lines)))
             if len(lines[i]) < _PREFILTER_MIN_CHARS or _may_hold_unspaced(lines[i])]
    # One test for the page: most such pages are Chinese or Japanese, with no Thai to count.
    utf8 = "".join(map(lines.__getitem__, maybe)).encode("utf-8", "surrogatepass")
    sea = any(map(utf8.__contains__, _SEA_LEADS))
    counts = {}
    for i in maybe:
        n = _dense_count(lines[i], sea)
        if n is not None:
            counts[i] = n
    return counts


# Characters a terminal or a wrapping tool (lynx, w3m) gives two columns: East Asian Wide and
# Fullwidth (Hangul Jamo, CJK symbols and punctuation, Kana, Han, Hangul, full-width forms).
WIDE_CHARS = ("\u1100-\u115f\u2e80-\u303e\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff"
              "\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd")  # a character class's ranges
_WIDE_RUN = re.compile(f"[{WIDE_CHARS}]+")


def columns(lines: list[str]) -> list[int]:
    """How many terminal columns each line takes: wide characters (CJK, Hangul) take two."""
    if all(map(str.isascii, lines)) or not any(map(_WIDE_RUN.search, lines)):
        return list(map(len, lines))
    return [len(line) + sum(map(len, _WIDE_RUN.findall(line))) for line in lines]


# Chinese and Japanese text, with its punctuation and full-width forms: no space is written
# next to it, so a line broken beside it is joined without one.
_CJK_TEXT = re.compile("[\u3000-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                       "\uff00-\uffef\U00020000-\U0003134f]")


def joins_without_space(left: str, right: str) -> bool:
    """Whether two pieces of one line, broken apart by a wrap, join with no space between:
    either side of the break is Chinese or Japanese (Korean and Thai break at spaces)."""
    return _CJK_TEXT.match(left[-1]) is not None or _CJK_TEXT.match(right) is not None


# After a sentence's last word: closing quotes and brackets, and a number ("... 2567", "... 20%").
_AFTER_LAST_WORD = "\"'”’»)]」』）*"
_NUMBER_CHARS = " 0123456789.,/%"


def ends_unpunctuated(line: str) -> bool:
    """Whether the line ends in a letter of a script that has no full stop (Thai, Lao).

    A space ends a sentence there, so a long line of theirs that ends in a letter
    is a sentence; the caller decides what is long. A number, closing quotes or
    brackets after the last word ("... ในปี 2567", "... (ภาพ: รอยเตอร์)") end it as
    well. (Chinese and Japanese end sentences with 。！？, so their headlines, which
    end in a letter, stay headlines.)
    """
    if _thai_or_lao(line[-1:]):
        return True
    tail = line.rstrip(_AFTER_LAST_WORD)
    core = tail.rstrip(_NUMBER_CHARS)
    if len(core) < len(tail) and not any(map(str.isdigit, tail[len(core):])):
        return False  # a comma or a full stop, not a number
    return _thai_or_lao(core[-1:])


def probe(word: str) -> str:
    """A character of the word to look for in a page before the word itself ("" for a word
    in ASCII): most pages lack every character of most scripts, and `char in page` skips
    through the page several times faster than a search for the word. Of the word's other
    characters, one whose low byte (a UTF-16 page is searched for it with memchr) is neither
    zero nor a common character of lower-cased text."""
    others = [c for c in word if not c.isascii()]
    return min(others, key=_probe_rank, default="")


_COMMON_LOW_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789 \n\t.,:;!?-'\"()/")


def _probe_rank(char: str) -> tuple[bool, bool]:
    low = ord(char) & 0xFF
    return low == 0, low in _COMMON_LOW_BYTES


def _thai_or_lao(char: str) -> bool:
    """Whether the character (or empty string) is a Thai or Lao one (a compare, not a regex)."""
    return "\u0e00" <= char <= "\u0eff"
