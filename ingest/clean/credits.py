"""A caption that ends with its photo credit: "... in London. AP Photo/Jane Doe".

A photo's caption is a sentence, so the line scores would keep it as article text;
what tells it is the credit after its last sentence: short, with no sentence end of
its own, a "/"-separated credit (photographer/agency) or a run of capitalised words,
or in scripts without capitals (Korean, Japanese) a credit word at the line's end
(vocabulary.HANGUL_CREDIT_WORDS, BRACKET_CREDIT_ENDS). clean_text gives such a line
the rule "pattern:caption" (rules.CAPTION); the captions that name their credit first
("Photo: ...") are rules' own.
"""

from __future__ import annotations

import re

from .vocabulary import BRACKET_CREDIT_ENDS, HANGUL_CREDIT_WORDS

# A caption that ends with its photo credit after the last sentence: "... in London. AP Photo/Jane
# Doe", "... talks. (Name Surname/CBC)", "... gesehen. Getty Images", "... durante el desfile. EFE".
# The credit is short, has no sentence end of its own and is either a "/"-separated credit
# (photographer/agency) or a run of capitalised words (one word only if it is in capitals: an
# agency's initials; a place "Seattle, WA" has a comma). A paragraph ends with its own punctuation; a hard-wrapped line's next
# sentence starts with one capitalised word; an aside in brackets "(More)" has no "/".
# The sentence end comes first and the letters before it are looked behind for: sre then
# scans for the end's character class instead of trying the look-behind at each position
# (0.8 us a line instead of 7).
_CREDIT_TAIL = re.compile(r"[.!?。](?<=[^\W\d_]{3}.)[\"'”’»)]*\s+([^.!?。\s][^.!?。]{1,44}+)$")
_CREDIT_REACH = 64  # a match starts at most this many characters from the line's end
_SENTENCE_ENDS = frozenset(".!?。")  # what _CREDIT_TAIL's tail cannot end with
CREDIT_MAX_WORDS = 6
CREDIT_MIN_WORDS = 5  # a sentence of four words and a credit
# A credit of capitalised names on both sides of a "/" ends a caption even without a sentence
# end before it ("... del Grupo de Madrid EFE/ J.J. Guillén", "... in April 2022. (Adel
# Hana/The Associated Press)", "... at London Fashion Week Neil Mockford/GC Images"); a name
# has a lower-case letter, initials such as "TCP/IP" do not.
_UPPER = "A-ZÀ-ÖØ-Þ"
_NAME = f"[{_UPPER}][\\w.’'-]*+"
_SLASH_CREDIT = re.compile(f"(?<![\\w/]){_NAME}/ ?{_NAME}(?:\\s++{_NAME}){{0,3}}\\)?$")
_SLASH_REACH = 50  # a match starts at most this many characters from the line's end
SLASH_CREDIT_MIN_WORDS = 6


# A Korean caption's credit: after the sentence's "다." at most this many characters, in at most
# three words, the last a credit word or an agency (vocabulary.HANGUL_CREDIT_WORDS).
HANGUL_CREDIT_CHARS = 16
_HANGUL_CREDIT_LAST = frozenset(w[-1] for w in HANGUL_CREDIT_WORDS)


def _uncased_credit(line: str) -> bool:
    """Whether a line in a script without capitals ends with a photo credit (see
    vocabulary.BRACKET_CREDIT_ENDS, HANGUL_CREDIT_WORDS)."""
    if line.endswith(BRACKET_CREDIT_ENDS):
        return True
    if line[-1] not in _HANGUL_CREDIT_LAST:
        return False
    k = line.rfind(". ", max(0, len(line) - HANGUL_CREDIT_CHARS - 2))
    if k < 1 or not "\uac00" <= line[k - 1] <= "\ud7a3":  # a Korean sentence's end
        return False
    tail = line[k + 2:].split()
    return 0 < len(tail) <= 3 and tail[-1].endswith(HANGUL_CREDIT_WORDS) and not any(
        c in _SENTENCE_ENDS for c in line[k + 2:])


def ends_with_credit(line: str) -> bool:
    """Whether the line is a caption: a sentence of at least four words, then a photo credit."""
    if not line.isascii() and _uncased_credit(line):
        return True
    n = len(line)
    at = max(0, n - _SLASH_REACH)
    if line.find("/", at) >= 0:  # str.find first: most lines have no "/" near their end
        slash = _SLASH_CREDIT.search(line, at)
        if (slash is not None and line.count(" ") >= SLASH_CREDIT_MIN_WORDS - 1
                and any(map(str.islower, slash.group()))):  # a name, not "TCP/IP"
            return True
    if line[-1:] in _SENTENCE_ENDS:  # most body lines: a credit tail ends in no such mark
        return False
    # A match starts at a sentence end, so the search from the reach's start finds what one
    # from its first sentence end would (sre skips to one), with one scan instead of two.
    m = _CREDIT_TAIL.search(line, max(0, n - _CREDIT_REACH))
    if m is None or line.count(" ", 0, m.start()) < 3:
        return False
    tail = m.group(1)
    bracketed = tail[0] == "(" and tail[-1] == ")"
    tail = tail.strip("() ")
    words = tail.split()
    if not words or len(words) > CREDIT_MAX_WORDS or not words[0][0].isupper():
        return False
    if "/" in tail:
        return True
    if bracketed and (" via " in tail or tail.endswith(", File")):  # "(NASA via AP, File)"
        return True
    if bracketed or ":" in tail or "," in tail or tail.endswith("…"):
        return False
    if len(words) == 1:
        return len(tail) >= 2 and tail.isupper()
    return all(w[0].isupper() for w in words if w[0].isalpha())
