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
from bisect import bisect_right
from itertools import accumulate, compress, islice
from operator import itemgetter

from .lines import SENTENCE_STOPS
from .vocabulary import (ARCHIVE_CREDITS, BRACKET_CREDIT_ENDS, CAPTION_NAMES, CREDIT_AGENCIES, DESK_ROLES, END_CREDIT_WORDS,
                         HANGUL_CREDIT_WORDS, POSITION_MARKERS, SOURCE_NAMES)

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


# A Korean caption's bracketed credit at its end: "[사진 출처 = 연합뉴스]", "(사진=뉴스1)", "[사진 = 홍길동 기자]".
_HANGUL_BRACKET_CREDIT = re.compile(r"[\[(（]\s*+(?:사진|자료 ?사진|출처|사진 ?출처)\s*+[=:：][^\[\]()（）]{1,40}+[\])）]\Z")
_HANGUL_BRACKET_REACH = 48


def _uncased_credit(line: str) -> bool:
    """Whether a line in a script without capitals ends with a photo credit (see
    vocabulary.BRACKET_CREDIT_ENDS, HANGUL_CREDIT_WORDS, _HANGUL_BRACKET_CREDIT)."""
    if line.endswith(BRACKET_CREDIT_ENDS):
        return True
    if line[-1] in "])）" and _HANGUL_BRACKET_CREDIT.search(line, max(0, len(line) - _HANGUL_BRACKET_REACH)):
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


# An image's file name alone on its line ("google.JPG", "CSD-Parade.jpg"): what a page shows
# where the image did not load and had no text of its own. One word: a path or an address has
# its own rule (rules.URL).
_IMAGE_FILE = re.compile(r"(?:[^\s/\\.]++\.)++(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)", re.IGNORECASE)


def image_file_name(line: str) -> bool:
    """Whether the stripped line is an image's file name and nothing else (one with no dot is
    none, told without the regex)."""
    return "." in line and _IMAGE_FILE.fullmatch(line) is not None


# A caption that places the people or things its photo shows (vocabulary.POSITION_MARKERS in
# brackets, "Kerstin Wahala, Judy Lybke und Elke Hannemann (v.l.).", "Vorstandsmitglieder (von li
# nach re): ...", "... erklärt, welche Folgen die Hitze hat. (Archivbild)"), or, as English
# captions do, with a name before ", left," or ", second right," or "from left:" ("President
# Shigeru Ishiba, center, participate in a debate", "Pictured from left, are ..."): a caption
# however it ends (rule "pattern:caption"). A line of prose that does so is a caption's words in
# a paragraph; an article's paragraph has more words than PLACED_MAX_WORDS. The bracketed
# markers are a line rule (rules._match; pagescan finds the lines at its scan for "("); the
# English forms are looked for in the body's lines only (placed_captions: each scan of a whole
# page costs about 1% of its cleaning).
PLACED_MAX_WORDS = 60
PLACED_BRACKET = "(?:" + "|".join(map(re.escape, sorted(POSITION_MARKERS, key=len, reverse=True))) + r")\)"
_PLACED_BRACKET = re.compile(r"\(" + PLACED_BRACKET)
# Each pattern starts with a literal, which sre looks for with a fast search: one scan each (an
# alternation of both scanned 5 times slower), of the lines as written (lower-casing them cost
# more than the scans): the words are in lower case in such a caption, but "From left:".
_PLACED = (re.compile(r", (?:second |third |far )?(?:left|right|center|centre),"),
           re.compile(r"rom left\s*+[,:]"))  # after "f" or "F"


def placed_bracket(low: str) -> bool:
    """Whether the lower-cased line places its photo's people in brackets ("(v.l.)", "(left)")."""
    return _PLACED_BRACKET.search(low) is not None


def placed_captions(lines: list[str], n_words: list[int]) -> list[int]:
    """Indices of the lines (with their numbers of words) that are English captions placing
    their photo's people (", center,", "from left:"; see above)."""
    # a line too long to be such a caption is scanned as its first character only (a match
    # that starts on the line before may reach into it: "from left" + ":" on the next line)
    lines = [line if n <= PLACED_MAX_WORDS else line[:1] for line, n in zip(lines, n_words)]
    page = "\n" + "\n".join(lines) + "\n"
    starts = list(accumulate([len(line) + 1 for line in lines], initial=1))
    found = set()
    for n, pattern in enumerate(_PLACED):
        for m in pattern.finditer(page):
            k = bisect_right(starts, m.start()) - 1
            if not 0 <= k < len(lines) or n_words[k] > PLACED_MAX_WORDS:
                continue
            if n == 1 and page[m.start() - 1] not in "fF":
                continue
            if n == 0:  # a name before the comma: "Ishiba, center," (not "left, right, and center")
                at = m.start() - starts[k]
                name = lines[k][:at].rsplit(None, 1)[-1:]
                if not name or not name[0][:1].isupper():
                    continue
            found.add(k)
    return sorted(found)


# A photo's caption stands right above its credit line ("Der Parteipräsident der SVP, bei seiner
# Rede in Küssnacht." then "Foto: Urs Flueeler (Keystone)"; "Strava's new dark mode." then "Image
# Credits: Strava"; "... im Display des iPhones 14." then "© Jon Prosser"): the credit line has at
# most CREDIT_LINE_MAX_WORDS words, opens with "©" or a credit word and a colon or "by"
# (vocabulary.CAPTION_NAMES, END_CREDIT_WORDS: "Foto:", "(Bild: ...)", "Photo by ...") and names
# no number (an article's notice, "© 2019 Billboard", "© dpa-infocom, dpa:230428-99-483045/5",
# credits no photo); the caption is one sentence (no sentence end inside it) of at least
# CAPTION_MIN_WORDS and at most CAPTION_MAX_WORDS words that asks nothing, and the article goes
# on under the credit (a body line follows it). A paragraph above a photo that has no caption of
# its own is longer, or has more sentences, or is the body's first; one over a credit that the
# article does not go on after is its last (a slideshow's text over each slide's credit, a
# chart's credit before an advertisement). CAPTION_MAX_WORDS: the dev sets' captions here have
# 3 to 22 words; 15, 20, 25 or 35 score within 0.0001 of each other on every set (12 loses
# captions on all of them), and the lower bound keeps more one-sentence paragraphs of wire copy
# above a photo that has only a credit.
CREDIT_LINE_MAX_WORDS = 8
CAPTION_MIN_WORDS = 3
CAPTION_MAX_WORDS = 20
_CREDIT_WORD = "|".join(sorted(set(CAPTION_NAMES + END_CREDIT_WORDS), key=len, reverse=True))
_CREDIT_LINE = re.compile(r"[(|\[\s]*+(?:©|(?:" + _CREDIT_WORD + r")s?+\s*+(?:credits?\s*+)?(?:[:：]|by\b))",
                          re.IGNORECASE)
_CREDIT_FIRST = frozenset("©(|[ " + "".join(w[0] for w in CAPTION_NAMES + END_CREDIT_WORDS)
                          + "".join(w[0].upper() for w in CAPTION_NAMES + END_CREDIT_WORDS))
_INNER_END = re.compile(f"[{SENTENCE_STOPS}]" + r"[\"'”’»)]*\s")  # a sentence end with more after it
_DIGITS = re.compile(r"\d")


def credited_captions(texts: list[str], words: list[int], labels: list, start: int, end: int) -> list[int]:
    """Indices of the body lines in (start, end) that are a photo's caption above its credit
    line (see above); labels[i] is None for a body line."""
    out = []
    # a credit line's first character, then its words: tests in C that few body lines pass
    firsts = compress(range(start + 2, end - 1), map(_CREDIT_FIRST.__contains__, map(itemgetter(0), texts[start + 2:end - 1])))
    for j in firsts:
        if words[j] > CREDIT_LINE_MAX_WORDS:
            continue
        i = j - 1
        if labels[i] is not None or not CAPTION_MIN_WORDS <= words[i] <= CAPTION_MAX_WORDS:
            continue
        line, credit = texts[i], texts[j]
        if (_CREDIT_LINE.match(credit) is None or _DIGITS.search(credit) is not None
                or line.endswith(("?", "？")) or _INNER_END.search(line) is not None):
            continue
        if labels[j + 1] is not None:  # the article goes on under the photo
            continue
        out.append(i)
    return out


# A Creative Commons licence in the body: at a line's end, a photo's credit ("Nicht labern,
# ranklotzen! Foto: Timur | flickr| CC BY 2.0", "... auf das Bild klicken. CC-BY-SA 2.0"), the
# line its caption; among the body's last LICENSE_TAIL_ITEMS lines, a line of at most
# LICENSE_MAX_WORDS words that names the licence ("All content is licensed under a Creative
# Commons Attribution 4.0 International License", "Texte auf dieser Webseite stehen unter einer
# Creative Commons ... Lizenz") is the site's licence notice. An article about the licences
# names them in its sentences, above its tail and with a full stop after the tag. Only the lines
# that end as a tag can (str.endswith, in C) are searched for one, and the tail's lines for the name.
# LICENSE_TAIL_ITEMS: 1, 2 or 3 take the same notices on every dev set and the external one; 2
# leaves room for one footer line under the notice.
LICENSE_TAIL_ITEMS = 2
LICENSE_MAX_WORDS = 45
_CC_TAG = re.compile(r"\bCC[- ]?+(?:BY|0)(?:[- ](?:SA|NC|ND))*+(?:[- ]\d\.\d)?+(?:[- ][A-Z]{2})?+\)?+$")
# The characters a tag ends with: a line that ends otherwise is not searched (a C-level test a line).
_CC_LAST = frozenset("YACDEHT05)")
_CC_NAMED = re.compile(r"\bCC[- ]?+(?:BY|0)\b|creative[ -]commons", re.IGNORECASE)


def licensed_lines(texts: list[str], words: list[int], labels: list, start: int, end: int) -> tuple[list[int], list[int]]:
    """The body lines of [start, end) (labels[i] None) that end with a Creative Commons credit
    (captions), and those of its tail that name the licence (notices); see above."""
    captions = [i for i in compress(range(start + 1, end), map(_CC_LAST.__contains__, map(itemgetter(-1), texts[start + 1:end])))
                if labels[i] is None and "CC" in texts[i] and _CC_TAG.search(texts[i]) is not None]
    tail = islice((i for i in range(end - 1, start, -1) if labels[i] is None and i not in captions), LICENSE_TAIL_ITEMS)
    notices = [i for i in tail if words[i] <= LICENSE_MAX_WORDS and ("CC" in texts[i] or "ommons" in texts[i])
               and _CC_NAMED.search(texts[i]) is not None]
    return captions, notices


# A short body line that opens with a source's name and a colon ("Quelle: F.A.Z.", "Bron: BELGA",
# "Kilde: Store norske leksikon", vocabulary.SOURCE_NAMES) credits an agency or a chart's data:
# not the article's (every such line is out of the dev sets' gold). Looked for in the body only,
# once its block is found (as a line rule it moved FAZ's block over its recommendations), on
# lines of at most SOURCE_LINE_MAX_WORDS words that hold a colon.
SOURCE_LINE_MAX_WORDS = 8
_SOURCE_FIRST = frozenset("([" + "".join(w[0] for w in SOURCE_NAMES) + "".join(w[0].upper() for w in SOURCE_NAMES))
_SOURCE_LINE = re.compile(r"[(\[]?+(?:" + "|".join(SOURCE_NAMES) + r")\s*+[:：]", re.IGNORECASE)


def source_lines(texts: list[str], words: list[int], labels: list, start: int, end: int) -> list[int]:
    """Indices of the body lines of [start, end) (labels[i] None) that credit a source (see above)."""
    firsts = compress(range(start, end), map(_SOURCE_FIRST.__contains__, map(itemgetter(0), texts[start:end])))
    return [i for i in firsts if words[i] <= SOURCE_LINE_MAX_WORDS and labels[i] is None and ":" in texts[i]
            and _SOURCE_LINE.match(texts[i]) is not None]


# A body line that is a photo's credit alone, its caption on another line or none: an agency's name
# (vocabulary.CREDIT_AGENCIES: "AFP", "Getty Images"), or a photographer's name of at most
# CREDIT_NAME_WORDS capitalised words and the agency after a "/" or a comma, or before a "/"
# ("Michael Conroy, AP", "Philipp von Ditfurth/dpa", "imago images/Pemax"). Looked for in the body
# only, on lines of at most CREDIT_LINE_MAX_WORDS words.
CREDIT_NAME_WORDS = 4
CREDIT_LINE_MAX_WORDS = 7
_AGENCY = "(?i:" + "|".join(map(re.escape, sorted(CREDIT_AGENCIES, key=len, reverse=True))) + ")"
_PHOTOGRAPHER = f"{_NAME}(?:[ \u00a0]++(?:{_NAME}|von|van|de|da|del|der|di|du|la|le)){{0,{CREDIT_NAME_WORDS - 1}}}"
_CREDIT_ALONE = re.compile(f"\\(?+(?:{_AGENCY}|{_PHOTOGRAPHER}\\s*+(?:/|,)\\s*+{_AGENCY}|{_AGENCY}\\s*+/\\s*+{_PHOTOGRAPHER})\\)?+")


_AGENCIES_ALONE = frozenset(CREDIT_AGENCIES)
_AGENCY_MAX_WORDS = max(len(a.split()) for a in CREDIT_AGENCIES)


def credit_lines(texts: list[str], words: list[int], labels: list, start: int, end: int) -> list[int]:
    """Indices of the body lines of [start, end) (labels[i] None) that are a photo's credit alone
    (see above), or that open with an archive's or a courtesy's credit (vocabulary.ARCHIVE_CREDITS:
    "личный архив Анны Петровой", "Courtesy of the family"). Only a line that is an agency's name,
    or holds a "/" or a comma, is matched against the agencies."""
    out = []
    for i in compress(range(start, end), map(CREDIT_LINE_MAX_WORDS.__ge__, words[start:end])):
        line = texts[i]
        if labels[i] is None and (("/" in line or "," in line) and _CREDIT_ALONE.fullmatch(line)
                                  or words[i] <= _AGENCY_MAX_WORDS and line.strip("()").lower() in _AGENCIES_ALONE
                                  or line.lstrip("(©").lower().startswith(ARCHIVE_CREDITS)):
            out.append(i)
    return out


# A news agency's desk credit under the article: who reported, wrote and edited it ("Reporting by
# Jane Roe in Beirut; Editing by John Doe", "(Reporting by ..., editing by ...)", "Additional
# reporting by ..."), among the body's last DESK_TAIL_ITEMS lines: it opens with a role of
# vocabulary.DESK_ROLES and "by", and every other word is a role, "by", "and", "with", "in" or
# capitalised (a name, a place). A sentence that opens so ("Reporting by the BBC found that ...")
# has lower-case words of its own.
DESK_TAIL_ITEMS = 3
DESK_MAX_WORDS = 60
_DESK_OPENERS = tuple(f"{role} by " for role in DESK_ROLES) + tuple(f"with {role} by " for role in DESK_ROLES)
_DESK_WORDS = frozenset(word for role in DESK_ROLES for word in role.split()) | {"by", "and", "with", "in", "&"}


def desk_credits(texts: list[str], words: list[int], labels: list, start: int, end: int) -> list[int]:
    """Indices of the last DESK_TAIL_ITEMS body lines of [start, end) (labels[i] None) that are an
    agency desk's credit (see above)."""
    return [i for i in range(max(start, end - DESK_TAIL_ITEMS), end)
            if labels[i] is None and words[i] <= DESK_MAX_WORDS and _desk_credit(texts[i])]


def _desk_credit(line: str) -> bool:
    text = line.strip().strip("()[]").rstrip(".").strip()
    if not text.lower().startswith(_DESK_OPENERS):
        return False
    return all(word.lower() in _DESK_WORDS or word[:1].isupper()
               for word in text.replace(";", " ").replace(",", " ").split())
