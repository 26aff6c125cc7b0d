"""Notices a page's scripts and widgets leave in its text, found anywhere on a short line.

- An embedded player, post or page whose script did not run leaves its placeholder: "To view
  this video please enable JavaScript", "Please enable JavaScript to view the comments",
  "Bitte aktivieren Sie JavaScript", "An dieser Stelle finden Sie externen Inhalt",
  "Následuje obsah vložený z jiného webu" (rule EMBED). A line that names JavaScript and asks
  for it (enable, activate, required: vocabulary.SCRIPT_ASKS), or names embedded or external
  content (vocabulary.EMBED_NAMES), or starts with what a platform's embed shows in place of
  a post ("View this post on Instagram": vocabulary.EMBED_LINES), or holds the credit line under an
  embedded post with the account's handle ("A post shared by Name (@name)": vocabulary.EMBED_CREDITS).
  An article about JavaScript names it without asking the reader to turn it on.
- A video player that did not load leaves its error: a short line that names the medium near its
  start and says what went wrong ("We apologize, but this video has failed to load.", "Media
  playback is unsupported on your device", "Video Unavailable": vocabulary.MEDIA_FAILURES), and
  perhaps a line under it that asks to load the page again ("Try refreshing your browser, or tap
  here to see other videos from our team.": vocabulary.MEDIA_RETRIES) (rule EMBED).
- A line that gives an e-mail address and speaks to the reader ("Got a story? Get in touch with
  our news team by emailing us at ...", "Are protests breaking out in your area? Get in touch
  at ...") asks for tips or feedback (rule CONTACT). An article quotes an address with "his",
  "her" or "the" ("email him at ...").
- A field of a form, by the star that marks it required ("Name *", "E-Mail *", "Kommentar *") or the
  word in brackets ("Name (required)", "E-Mail (erforderlich)": vocabulary.FORM_REQUIRED), and
  the line that explains the star ("Required fields are marked *", "Erforderliche Felder sind mit *
  markiert", "Los campos obligatorios están marcados con *"): a comment, contact or sign-up form
  (rule FORM). An article's star is a footnote's, before its line, or inside a word ("Athlet*innen").
- A question to the reader about the article itself, its first sentence of at most
  FEEDBACK_MAX_WORDS words naming "this" or "the" article or story ("Hat Ihnen dieser Artikel
  gefallen?", "War der Artikel nützlich?", "Like this story? Share it with a friend!"): a rating,
  sharing or donation widget (rule FEEDBACK, which ends the article as a comments widget does).
  An article's question names another's text ("Didn't you read the report?"), a law's article by
  its number ("Was regelt der Artikel 5?") or a compound ("das Post-Vac-Syndrom").
- A line that asks the reader to select a mistake and press Ctrl+Enter ("Iezīmējiet tekstu un
  spiediet Ctrl+Enter ...", "Нашли ошибку? Выделите её и нажмите Ctrl+Enter"): a widget that
  reports typos to the editors (rule FEEDBACK), in whatever language, by its keys.
- An affiliate disclosure, "When you purchase through links on our site, we may earn an
  affiliate commission" (rule "phrase:ad", lines of up to DISCLOSURE_MAX_WORDS words, found by
  their link word or, in Chinese, Japanese and Korean, by what the site earns:
  ingest.clean.disclosures).
- A notice to a reader whose ad blocker is on ("We noticed you're using an ad blocker.", "Some
  site features may not work correctly while an ad blocker is enabled"): it names an ad blocker
  and says it is on or asks to turn it off (rule "phrase:ad"). An article about ad blocking names
  it without that.
- A line that gives an article's reading time ("3 Min Lesezeit", "17.04.2024, 12:24 Lesezeit:
  5 Min.", "1 minuti di lettura", "5 min read") is its dateline's (rule "pattern:timestamp").

Each kind is a few literal words: pagescan.match_lines finds them in the lower-cased page with
str.find, and only the short lines that hold one are looked at; rules.match_line asks
`notice` of one line. No line already given a rule gets one here.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .disclosures import ANCHORS, DISCLOSURE_MAX_WORDS, disclosure
from .scripts import probe
from .vocabulary import (AD_BLOCKER_ASKS, AD_BLOCKER_NAMES, ARTICLE_DETERMINERS, ARTICLE_NOUNS, CONSENT_WORDS,
                         EMBED_ANCHORS, EMBED_CREDITS, EMBED_LINES, EMBED_NAMES, FORM_REQUIRED, MEDIA_ANCHORS,
                         MEDIA_FAILURES, MEDIA_NAMES, MEDIA_RETRIES, READING_ANCHORS, READING_TIME, READING_UNITS,
                         SCRIPT_ASKS, SCRIPT_NAMES, TYPO_NOUNS, TYPO_UNSPACED, TYPO_VERBS)

EMBED = "phrase:embed"
CONTACT = "phrase:contact"
FORM = "pattern:form"
FEEDBACK = "phrase:feedback"
_TIMESTAMP = "pattern:timestamp"  # rules.TIMESTAMP (rules imports this module)
_AD = "phrase:ad"  # rules.AD: an affiliate disclosure (ingest.clean.disclosures)

# The most words a notice line has (a consent panel's sentence, "To view this video ..." is 18),
# and a reading-time line (a date, a time and the reading time).
NOTICE_MAX_WORDS = 40
READING_MAX_WORDS = 14
# An embed's consent notice says more: what the reader agrees to and where to take it back ("Ich bin
# damit einverstanden, dass mir der externe Inhalt angezeigt wird. Damit können personenbezogene
# Daten ... Diese finden Sie ganz unten ... widerrufen können.", 46 words).
EMBED_MAX_WORDS = 60
# A form field's label has at most this many words ("Your name *"), the line that explains the
# star at most FORM_NOTE_MAX_WORDS.
FORM_FIELD_MAX_WORDS = 3
FORM_LABEL_MAX_WORDS = 8  # with the word in brackets ("E-Mail (required) (address never made public)")
# A required field's word in brackets, "(required)": one scan of the page jumps to each "("
# (a stem "(" stopped at every bracket of the page's prose), and of a line.
_REQUIRED = re.compile("|".join(re.escape(f"({word})") for word in FORM_REQUIRED))
FORM_NOTE_MAX_WORDS = 25
# The star standing alone at the line's end, or before its last word ("... marked *", "... mit *
# markiert"), after a word and a space (a table row's "53 *" is a footnote's).
# Every other word of that line is a plain word: letters (and hyphens, apostrophes) with the
# punctuation of a sentence around them ("player.setav magicka *", "- x *" are code, a list).
_PLAIN_WORD = re.compile(r"^[(\"„“«]?[^\W\d_][\w'’-]*+[.,:;!?)\"“”»]*+$")
_FORM_STAR = re.compile(r"[^\W\d_]\s\*(?:\s++[^\W\d_]++)?[.:)]?$")

# The question's words before its "?" (a sentence's end before it: no question of its own).
FEEDBACK_MAX_WORDS = 10
_QUESTION_WORD = re.compile(r"[^\W_]++")  # "l’article": "l", "article"

_CONSENT = re.compile(r"\b(?:" + "|".join(map(re.escape, CONSENT_WORDS)) + r")\b")
# What follows an address's "@": a domain with a dot ("news.example.com"); possessive, so a
# long run of letters is read once.
_DOMAIN = re.compile(r"[\w-]++\.\w")


def _address(low: str) -> bool:
    """Whether the line holds an e-mail address: a letter or digit, "@", a domain."""
    at = low.find("@")
    while at >= 0:
        if at > 0 and low[at - 1].isalnum() and _DOMAIN.match(low, at + 1):
            return True
        at = low.find("@", at + 1)
    return False


def _form_line(low: str, n_words: int) -> bool:
    """Whether the lower-cased line is a required form field ("name *", "e-mail *") or the line
    that explains the star (see FORM)."""
    if low.startswith("*") or "=" in low:  # a footnote; code ("x = a * b")
        return False
    if n_words <= FORM_FIELD_MAX_WORDS and low.endswith(" *"):  # (a star against a word: a footnote's)
        label = low[:-2].rstrip()  # words and hyphens only ("player.setav health *" is code)
        return bool(label) and all(c.isalpha() or c in " -" for c in label)
    return (n_words >= 4 and _FORM_STAR.search(low) is not None
            and all(map(_PLAIN_WORD.match, low.replace(" *", " ").split())))


def _feedback(low: str) -> bool:
    """Whether the lower-cased line opens with a question about the page's own article (FEEDBACK)."""
    q = low.find("?")
    if q < 0 or low.count(" ", 0, q) > 2 * FEEDBACK_MAX_WORDS or any(map(low[:q].__contains__, ".!:;")):
        return False  # (a long sentence before its "?": an article's question, most lines with one)
    words = list(_QUESTION_WORD.finditer(low, 0, q))
    if len(words) > FEEDBACK_MAX_WORDS:
        return False
    for before, word in zip(words, words[1:]):
        if word.group() in ARTICLE_NOUNS and before.group() in ARTICLE_DETERMINERS:
            after = low[word.end():q]
            if not after.startswith("-") and not after.lstrip()[:1].isdigit():
                return True
    return False


def _asks_for_script(low: str, n_words: int) -> bool:
    return any(map(low.__contains__, SCRIPT_NAMES)) and any(map(low.__contains__, SCRIPT_ASKS))


# An ad blocker's name where a word starts ("had blocked" names none).
_AD_BLOCKER = re.compile(r"\b(?:" + "|".join(map(re.escape, AD_BLOCKER_NAMES)) + ")")


def _asks_off_blocker(low: str, n_words: int) -> bool:
    return any(map(low.__contains__, AD_BLOCKER_ASKS)) and _AD_BLOCKER.search(low) is not None


# A player's error has at most PLAYER_MAX_WORDS words and names the medium among its first
# PLAYER_NAME_REACH words (an article's sentence about a video taken down is longer, or says
# more before it); a medium's name in a spaced script starts a word ("Social media", no "media
# player", holds none).
PLAYER_MAX_WORDS = 12
PLAYER_NAME_REACH = 5
_MEDIA = re.compile("|".join(f"(?<!\\w){re.escape(name)}" if name < "\u3000" else re.escape(name)
                             for name in MEDIA_NAMES))


def _player_error(low: str, n_words: int) -> bool:
    m = _MEDIA.search(low)
    return (m is not None and low.count(" ", 0, m.start()) < PLAYER_NAME_REACH
            and any(map(low.__contains__, MEDIA_FAILURES)))


def player_retry(next_low: str, next_words: int) -> bool:
    """Whether `next_low`, the lower-cased line under a player's error, asks the reader to load the
    page again ("Try refreshing your browser, ..."), in at most NOTICE_MAX_WORDS words."""
    return next_words <= NOTICE_MAX_WORDS and any(map(next_low.__contains__, MEDIA_RETRIES))


def _embed(low: str, n_words: int) -> bool:
    return (any(map(low.__contains__, EMBED_NAMES)) or low.startswith(EMBED_LINES)
            or "(@" in low and any(map(low.__contains__, EMBED_CREDITS)))


def _contact(low: str, n_words: int) -> bool:
    return "@" in low and _address(low) and _CONSENT.search(low) is not None


def _form(low: str, n_words: int) -> bool:
    return ("*" in low and _form_line(low, n_words)
            or n_words <= FORM_LABEL_MAX_WORDS and "(" in low and _REQUIRED.search(low) is not None)


def _reading(low: str, n_words: int) -> bool:
    return (any(map(low.__contains__, READING_TIME)) and any(map(low.__contains__, READING_UNITS))
            and any(map(str.isdigit, low)))


# A typo-report widget's question has at most this many words before its "?".
TYPO_QUESTION_MAX_WORDS = 8
_TYPO_NOUN = re.compile(r"\b(?:" + "|".join(map(re.escape, TYPO_NOUNS)) + ")|" + "|".join(TYPO_UNSPACED[0]))
_TYPO_VERB = re.compile(r"\b(?:" + "|".join(map(re.escape, TYPO_VERBS)) + ")|" + "|".join(TYPO_UNSPACED[1]))


def _typo_question(low: str) -> bool:
    """Whether the lower-cased line asks whether the reader found a mistake in the article
    ("Found a typo?", "Sie haben einen Fehler gefunden?"): a short question with a word for a
    mistake and one for finding it."""
    q = low.find("?")
    if q < 0 and (q := low.find("？")) < 0:
        return False
    question = low[:q]
    return (question.count(" ") < TYPO_QUESTION_MAX_WORDS and _TYPO_NOUN.search(question) is not None
            and _TYPO_VERB.search(question) is not None)


def _asks(low: str, n_words: int) -> bool:
    return "?" in low and _feedback(low) or _typo_question(low)


# The keys a typo-report widget names: "Ctrl+Enter", "Ctrl + Enter", "Ctrl-Enter".
_TYPO_KEYS = re.compile(r"ctrl\s?[+-]\s?enter")


def _typo_report(low: str, n_words: int) -> bool:
    return _TYPO_KEYS.search(low) is not None


def _discloses(low: str, n_words: int) -> bool:
    return disclosure(low)


# The kinds of notice, in the order they are asked: (rule, test of the lower-cased line and its
# number of words, the most words a line of the kind has).
_KINDS = ((EMBED, _asks_for_script, NOTICE_MAX_WORDS), (EMBED, _embed, EMBED_MAX_WORDS),
          (EMBED, _player_error, PLAYER_MAX_WORDS),
          (CONTACT, _contact, NOTICE_MAX_WORDS), (FORM, _form, NOTICE_MAX_WORDS),
          (_TIMESTAMP, _reading, READING_MAX_WORDS), (FEEDBACK, _asks, NOTICE_MAX_WORDS),
          (_AD, _discloses, DISCLOSURE_MAX_WORDS), (FEEDBACK, _typo_report, NOTICE_MAX_WORDS),
          (_AD, _asks_off_blocker, NOTICE_MAX_WORDS))
_SCRIPT, _EMBEDDED, _PLAYER, _CONTACT, _FORM, _READING, _ASKED, _DISCLOSED, _TYPO, _BLOCKER = range(len(_KINDS))
# The kinds whose line may have the instructions of a typo report under it (typo_instructions).
_TYPO_KINDS = frozenset((_ASKED, _TYPO))
# Where a notice's words can be found with few scans of the page (each str.find of the page
# costs about 5 us: one for every word of the lists cost a quarter of the cleaning): a part
# that each of a kind's words holds, and the kind. Every JavaScript notice names it, every tip
# line has an "@", every reading time a unit of minutes, every embed name one of EMBED_ANCHORS,
# every affiliate disclosure a link word or what the site earns (disclosures.ANCHORS).
# An "@" is also where an embedded post's credit line is found ("A post shared by Name (@name)"):
# its scan marks the line for both kinds.
_BLOCKER_STEMS = ("blo", "блок")  # a part of each of AD_BLOCKER_NAMES (one scan of the page each)
assert all(any(stem in name for stem in _BLOCKER_STEMS) for name in AD_BLOCKER_NAMES)
# Two stems are one language's: a Turkish reading time's "dk" (dakika) and a French or Spanish
# disclosure's "fili" ("liens affiliés", "enlaces de afiliados"). Each is looked for only on a page
# that holds a letter its languages write on every page (Turkish's dotless "ı"; "é"), as a stem in
# another script is (scripts.probe): "dk" alone cost 15 us a page, a scan of a page without it.
_LANGUAGE_PROBES = {"dk": "ı", "fili": "é"}
_STEMS = tuple((stem, _LANGUAGE_PROBES.get(stem) or probe(stem), limit, mask)
               for stems, limit, mask in ((SCRIPT_NAMES, NOTICE_MAX_WORDS, 1 << _SCRIPT),
                                          (EMBED_ANCHORS, EMBED_MAX_WORDS, 1 << _EMBEDDED),
                                          (MEDIA_ANCHORS, PLAYER_MAX_WORDS, 1 << _PLAYER),
                                          (("@",), NOTICE_MAX_WORDS, 1 << _CONTACT | 1 << _EMBEDDED),
                                          (READING_ANCHORS, READING_MAX_WORDS, 1 << _READING),
                                          (("*",), FORM_NOTE_MAX_WORDS, 1 << _FORM),
                                          (ANCHORS, DISCLOSURE_MAX_WORDS, 1 << _DISCLOSED),
                                          (("ctrl",), NOTICE_MAX_WORDS, 1 << _TYPO),
                                          (_BLOCKER_STEMS, NOTICE_MAX_WORDS, 1 << _BLOCKER))
               for stem in stems)
assert all(any(a in name for a in EMBED_ANCHORS) for name in EMBED_NAMES + EMBED_LINES)
assert all(any(a in word for a in READING_ANCHORS) for word in READING_UNITS)
assert all(any(a in name for a in MEDIA_ANCHORS) for name in MEDIA_NAMES)


def notice(low: str, n_words: int) -> str | None:
    """The rule of a lower-cased line that is one of the notices above, or None."""
    for rule, test, most in _KINDS:
        if n_words <= most and test(low, n_words):
            return rule
    return None


def page_notices(page: str, starts: list[int], lows: list[str], n_words: list[int]) -> list[tuple[int, str]]:
    """(index, rule) of each line that is a notice. `page` is the lower-cased lines `lows`
    joined by newlines, with one before the first, and `starts[k]` where line k starts in it,
    as pagescan.match_lines has them: the page is scanned once for each word (str.find), and only
    the lines one is found in, if short enough, are looked at, for the kinds of notice whose
    words they hold (a line without a kind's words is none of that kind: the same rule as notice's)."""
    kinds: dict[int, int] = {}  # line -> the kinds whose words it holds, as bits
    last = len(lows) - 1

    def scan(stem: str, limit: int, mask: int) -> None:
        at = page.find(stem)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            if 0 <= k <= last and n_words[k] <= limit:
                kinds[k] = kinds.get(k, 0) | mask
            at = page.find(stem, starts[k + 1]) if k < last else -1

    for stem, char, limit, mask in _STEMS:
        if char and char not in page:  # a word of a script the page lacks (scripts.probe)
            continue
        scan(stem, limit, mask)
    if "(" in page:
        for m in _REQUIRED.finditer(page):
            k = bisect_right(starts, m.start()) - 1
            if 0 <= k <= last and n_words[k] <= FORM_LABEL_MAX_WORDS:
                kinds[k] = kinds.get(k, 0) | 1 << _FORM
    scan("?", NOTICE_MAX_WORDS, 1 << _ASKED)  # most lines with one are the article's questions
    scan("？", NOTICE_MAX_WORDS, 1 << _ASKED)
    notices = []
    for k in sorted(kinds):
        bits, low, n = kinds[k], lows[k], n_words[k]
        while bits:  # the kinds whose words the line holds, lowest first
            kind = (bits & -bits).bit_length() - 1
            bits &= bits - 1
            rule, test, most = _KINDS[kind]
            if n <= most and test(low, n):
                notices.append((k, rule))
                if k < last and (kind in _TYPO_KINDS and typo_instructions(low, lows[k + 1], n_words[k + 1])
                                 or kind == _PLAYER and player_retry(lows[k + 1], n_words[k + 1])):
                    notices.append((k + 1, rule))
                break
    return notices


def typo_instructions(low: str, next_low: str, next_words: int) -> bool:
    """Whether `next_low`, the lower-cased line under a typo report's question or keys (`low`),
    tells how to report the mistake: it names one ("Bitte markieren Sie die entsprechenden
    Wörter im Text. Mit nur zwei Klicks melden Sie den Fehler der Redaktion."), in at most
    NOTICE_MAX_WORDS words."""
    return (next_words <= NOTICE_MAX_WORDS and (_typo_question(low) or _typo_report(low, 0))
            and _TYPO_NOUN.search(next_low) is not None)
