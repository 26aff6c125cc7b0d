"""Spaces a page-to-text converter put inside Japanese sentences.

Japanese is written without spaces between words. A converter that saves a page as
plain text (html2text, inscriptis, a scraper's get_text(" ")) puts a space at each
inline element's edge, so a sentence whose names are links,
"元タレントの<a>中居正広</a>氏", comes out as "元タレントの 中居正広 氏". The reader
sees no space there, search and near-duplicate shingles see three words where one was.

Only a line of Japanese prose is closed up: one holding kana and a 。 or 、, where a
space between two kanji or kana, or between one and the comma or bracket next to it,
is the converter's. A headline or a label line ("きょうの記念日 元旦") uses its spaces as
separators and has neither mark; a space after a full stop ("。 ふと下を見ると") is
the writer's (children's stories set one after each sentence); a space between two
katakana words stays, since it is how Japanese writes a foreign name of several
words ("ウイルスバスター モバイル"). Chinese is left alone: writers there use spaces
as pauses between clauses. Korean separates its words with spaces.
"""

from __future__ import annotations

import re

_KANA = "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"  # hiragana, katakana (and half-width)
_LETTER = f"{_KANA}\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # and the ideographs
_HAS_KANA = re.compile(f"[{_KANA}]")
_PROSE_MARK = re.compile("[。、]")
# one space between two letters, or between a letter and the comma, full stop or bracket
# it leans on ("、 東京都 の", "東京都 」"): each test is one character, so the scan is linear
_GAP = re.compile(f"(?<=[{_LETTER}、「『（]) (?=[{_LETTER}、。」』）])")


def _is_katakana(char: str) -> bool:
    return "\u30a0" <= char <= "\u30ff" or "\uff66" <= char <= "\uff9f"


def _close(match: re.Match[str]) -> str:
    line, at = match.string, match.start()
    return " " if _is_katakana(line[at - 1]) and _is_katakana(line[at + 1]) else ""


def close_inline_gaps(line: str) -> str:
    """The line with the spaces a converter put between two letters of Japanese prose taken out."""
    if " " not in line or not _PROSE_MARK.search(line) or not _HAS_KANA.search(line):
        return line
    return _GAP.sub(_close, line)
