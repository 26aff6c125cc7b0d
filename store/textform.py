"""The one form text is stored and searched in: as a reader types it.

The cleaner stores every title and body in this form (ingest.clean.document) and search
reads every query in it (store.search), so that a word typed at the keyboard finds the
page whatever form the page was saved in:

- Unicode normal form C (composed). A page saved decomposed (NFD, as macOS writes Korean
  and accented file text, or a CMS serves Bengali "য়" as য + nukta) would otherwise hold
  words no reader types: SQLite's unicode61 tokenizer folds Latin accents either way, not
  Hangul jamo or Indic nuktas. Canonical equivalents only: nothing a reader sees changes.
- No soft hyphens (U+00AD). German, Icelandic and Dutch pages write them inside long words
  ("Bundes&shy;regierung") to say where a line may break; unicode61 splits a word at one,
  so the word as typed was never found. A soft hyphen is invisible unless a line breaks
  there, so removing it changes nothing a reader sees either.

The raw bytes are kept as they came (store.rawcontent): this is only the searchable copy.
"""

from __future__ import annotations

import unicodedata
from functools import partial

SOFT_HYPHEN = "\u00ad"


# The characters of text tested at once for normal form C, cut at the next line break.
NFC_BLOCK_CHARS = 4096


def typed_form(text: str) -> str:
    """The text as a reader types it: without soft hyphens, in Unicode normal form C."""
    if text.isascii():  # (a flag of the string: no scan)
        return text
    if SOFT_HYPHEN in text:
        text = text.replace(SOFT_HYPHEN, "")
    # Normal form C composes nothing across a line break (a starter that composes with nothing),
    # so the text is tested, and normalised where it must be, a block of lines at a time, and in
    # a block that is not in normal form, a line at a time: the test of a text that holds a
    # combining mark normalises all of it (250 instructions a character, against 22 for the
    # test alone), and a test of each line cost twice the test of the page's blocks.
    n, at = len(text), 0
    blocks: list[str] = []
    changed = False
    while at < n:
        cut = text.find("\n", at + NFC_BLOCK_CHARS)
        end = n if cut < 0 else cut + 1
        block = text[at:end] if at or end < n else text
        if not _is_nfc(block):
            block = "\n".join(line if _is_nfc(line) else unicodedata.normalize("NFC", line)
                              for line in block.split("\n"))
            changed = True
        blocks.append(block)
        at = end
    return "".join(blocks) if changed else text


_is_nfc = partial(unicodedata.is_normalized, "NFC")
