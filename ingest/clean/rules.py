"""Phrase and pattern rules for plain-text boilerplate lines.

Each rule recognises one kind of page furniture by the shape of a single line:
share widgets, subscribe prompts, ad markers, counters, comment widgets,
related-story markers, captions, breadcrumbs, bullets, timestamps, copyright
lines. Rules return a rule name from a small fixed vocabulary
("family:detail"), so a report can say which family removed what.

The interface words the patterns are built from (about thirty languages, Thai, Vietnamese, Hindi and Arabic among them) are in
ingest.clean.vocabulary; this module holds the line shapes and the matching.
All patterns are compiled once. match_line
looks at one line; ingest.clean.pagescan.match_lines gives the same results for a whole
page, testing the page at once for what each rule needs and running the rules only on the
few lines that have it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .vocabulary import (AD_PHRASES, AGENCIES, AUTHOR_PHRASES, INLINE_MARKERS_BARE, READ_MORE_ENDS, BYLINE_WORDS, CAPTION_LABELS, CAPTION_NAMES, CAPTION_WORDS,
                         COMMENT_ENDS, COMMENT_VERBS, COMMENTS_PHRASES, COPYRIGHT_STARTS, COUNTER_NOUNS, GALLERY_COUNT_NOUNS,
                         END_CREDIT_WORDS, GATE_WORDS, INLINE_MARKERS, INLINE_MARKERS_HEADLINE, MONTH_ENDINGS, MONTHS, RELATED_PHRASES,
                         RELATIVE_DAYS, RIGHTS_RESERVED, COMMENT_COUNT_NOUNS, COMMENT_COUNT_ONE, COMMENT_COUNT_PREPS, SHARE_PHRASES, SHORT_FIRST_EXTRA, SUBSCRIBE_PHRASES,
                         SUBSCRIBE_WORDS, THAI_MONTHS, UI_PHRASES, ACCOUNT_PHRASES, SHARE_ROW_FILLERS, SHARE_ROW_WORDS, AGO_AFTER, AGO_BEFORE, TIME_AT,
                         SHARE_PROMPT_VERBS, ARTICLE_NOUNS)
from .credits import PLACED_MAX_WORDS, placed_bracket
from .linkhints import ends_with_hint
from .notices import CONTACT, EMBED, FEEDBACK, FORM, notice
from .alternation import Alternation
from .lines import SENTENCE_STOPS, has_wide_spaces, plain_spaces
from .scripts import word_count

# --- rule names (the fixed vocabulary) ------------------------------------
SHARE = "phrase:share"
SUBSCRIBE = "phrase:subscribe"
AD = "phrase:ad"
COMMENTS = "phrase:comments"
RELATED = "phrase:related"
UI = "phrase:ui"
COUNTER = "pattern:counter"
CAPTION = "pattern:caption"
BREADCRUMB = "pattern:breadcrumb"
BULLET = "pattern:bullet"
TIMESTAMP = "pattern:timestamp"
COPYRIGHT = "pattern:copyright"
URL = "pattern:url"
REPEAT = "pattern:repeat"
BYLINE = "pattern:byline"
# a line under the article that lists its tags or categories, "Tags: ..." (ingest.clean.labels)
TAGS = "pattern:tags"
# the head of the author's box after an article ("About the author")
AUTHOR = "phrase:author"
# a line of the body that points its reader to the site's privacy policy (ingest.clean.labels)
PRIVACY = "phrase:privacy"
# a cookie notice: a line that names cookies and the site itself (ingest.clean.consent)
COOKIES = "phrase:cookies"
# the placeholder of an embedded player, post or page whose script did not run ("To view this
# video please enable JavaScript", "An dieser Stelle finden Sie externen Inhalt"), and a line that
# asks the reader to write in to an address ("Got a story? Email us at ..."): ingest.clean.notices
# (EMBED = "phrase:embed", CONTACT = "phrase:contact"); a required field of a form, "Name *", and the
# line that explains its star (FORM = "pattern:form"); a question to the reader about the article
# itself, "Hat Ihnen dieser Artikel gefallen?" (FEEDBACK = "phrase:feedback")
# a line of a photo gallery: numbered slides and their captions (ingest.clean.gallery)
GALLERY = "pattern:gallery"
# HTML: an extractor's table row whose cells hold no letter or digit ("|  |  |", "|---|---|")
EMPTY_ROW = "pattern:empty-row"
# HTML: a run of paragraphs or headlines inside the reading that are each one link (ingest.clean.structure)
LINK_LIST = "markup:link-list"
TEASER = "teaser"
END_MARKER = "end-marker"
DENSITY = "density"
SHORT_LINE = "short-line"
TITLE = "title"
PUBLISHED = "published"
TEMPLATE = "template"
# a line the learned line model (ingest.clean.model) scored out of the body
MODEL = "model"
# HTML: a page line the chosen extractor left out of the body (ingest.clean.html)
EXTRACTOR_TRAFILATURA = "extractor:trafilatura"
EXTRACTOR_READABILITY = "extractor:readability"
# HTML: a line of the markup's body, replaced by the article the page's scripts carry (ingest.clean.embedded)
EXTRACTOR_EMBEDDED = "extractor:embedded"

RULES = (SHARE, SUBSCRIBE, AD, COMMENTS, RELATED, UI, COUNTER, CAPTION, BREADCRUMB, BULLET,
         TIMESTAMP, COPYRIGHT, URL, REPEAT, BYLINE, TAGS, AUTHOR, PRIVACY, COOKIES, EMBED, CONTACT, FORM, FEEDBACK,
         GALLERY, EMPTY_ROW, LINK_LIST, TEASER, END_MARKER, DENSITY, SHORT_LINE, TITLE, PUBLISHED, TEMPLATE, MODEL,
         EXTRACTOR_TRAFILATURA, EXTRACTOR_READABILITY, EXTRACTOR_EMBEDDED)


def family(rule: str) -> str:
    """The family of a rule name: "phrase:share" -> "phrase"."""
    return rule.split(":", 1)[0]


_BULLET_CHARS = "•●▪◦·*‣∙►▶»■□–—-"
# Possessive (*+): no alternative of _SHORT starts with a _LEAD character, and _TAIL
# runs to the line's end, so giving characters back could never make a match; without
# it, a line of spaces is retried at each of them.
_LEAD = r"[\s" + re.escape(_BULLET_CHARS) + r"|]*+"
_TAIL = r"[\s.:：!|»›>\-–—…]*+"

# One alternation over whole short lines; the group name is the rule.
_SHORT_BODY = (
    r"(?P<share>" + SHARE_PHRASES + r")"
    r"|(?P<subscribe>" + SUBSCRIBE_PHRASES + r")"
    r"|(?P<ad>" + AD_PHRASES + r"(?:\s*+[·•|\-–—]\s*+" + AD_PHRASES + r")?)"  # "Advertisement · Scroll to continue"
    r"|(?P<comments>" + COMMENTS_PHRASES + r")"
    r"|(?P<related>" + RELATED_PHRASES + r")"
    r"|(?P<author>" + AUTHOR_PHRASES + r")"
    r"|(?P<ui>" + UI_PHRASES + r"|" + ACCOUNT_PHRASES + r")"
)
_SHORT = re.compile(r"^" + _LEAD + r"(?:" + _SHORT_BODY + r")" + _TAIL + r"$", re.IGNORECASE)

# A word's characters: \w, and the combining vowel and tone marks of the scripts of South and
# Southeast Asia, which \w leaves out (Thai "แชร์" ends with one).
_MARKS = "\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
_TOKEN = re.compile(r"(?:\||\(\?:|\(\?P<\w+>)([^\W\d_][\w'’" + _MARKS + r"-]*)(\?)?")
_KEY_STRIP = " \t|.:：!?,;»›>-–—()[]" + _BULLET_CHARS


def _first_words(pattern: str, *extra: str) -> frozenset[str]:
    """Every word that can start an alternative of a pattern: a cheap gate before matching.

    A line whose first word is not among them cannot match, so the big
    alternations run only on the few lines that might.
    """
    out = set(extra)
    for m in _TOKEN.finditer(pattern):
        w = m.group(1).lower()
        out.add(w)
        if m.group(2):
            out.add(w[:-1])
    return frozenset(out)


_SHORT_FIRST = _first_words(_SHORT.pattern, *SHORT_FIRST_EXTRA)


# Counters: only numbers ("0 4,054", "12", "1.2K"), or "N views/likes".
# Every run is possessive and the first digit is the one that ends the first run, so
# sre never tries to split a run two ways: "1" * 64000 + " x" took 30 s (each digit
# tried as "the" digit), "1" + " " * n + "x" n**2 steps in the second branch.
_COUNTER = re.compile(
    r"^[\s.,:/|kKmM+()%-]*+\d[\s\d.,:/|kKmM+()%-]*+$"
    r"|^\d[\d.,]*+(?:\s*+[kKmM])?\s++(?:" + COUNTER_NOUNS + r"|(?i:" + GALLERY_COUNT_NOUNS + r"))\.?$",
)
# A word of a live blog entry's author or mark under its time ("Jane", "Roe-Smith", "KEY").
_ENTRY_WORD = r"[^\W\d_][\w'’.-]*+"
_TIMESTAMP = re.compile(
    r"^(?:\d++\s*+(?:[smhd]|min|mins|minutes?|hours?|hrs?|days?|weeks?|months?|years?)\s++ago"
    # a live blog's entry head: when, then its time and its author ("2 hours ago 10:05 Jane Roe")
    r"(?:\s*+\d{1,2}:\d{2}(?:\s++" + _ENTRY_WORD + r"(?:\s++" + _ENTRY_WORD + r"){0,2})?)?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s++\d{1,2}(?:,\s*+\d{4})?"
    r"|\d{1,2}\s++(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?"
    # a date and its time, apart or with a separator, the time in 12 or 24 hours ("28.04.2023 | 17:52 Uhr")
    r"|\d{1,2}[./-] ?\d{1,2}[./-] ?\d{2,4}(?:\s*+[,|·•]?\s*+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?|\s*+(?:uhr|h))?)?"
    r"|\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+\w{2,4})?"
    # a live blog's entry under its time, with its author or its mark ("21:00 Jane Roe", "20:42 KEY EVENT")
    r"|\d{1,2}:\d{2}\s++" + _ENTRY_WORD + r"(?:\s++" + _ENTRY_WORD + r"){1,2}"
    # a Thai date and its time ("4 ธ.ค. 2569 10:30 น.", "4 ธันวาคม 2569")
    r"|\d{1,2}\s*+(?:" + THAI_MONTHS + r")\s*+\d{2,4}(?:\s*+[,|·•-]?\s*+\d{1,2}[:.]\d{2}(?:\s*+น\.)?)?"
    # a relative time in other languages: "vor 1 Std.", "3 uur geleden"
    r"|(?:" + AGO_BEFORE + r")\s++\d+\s*+[^\W\d_]{1,12}\.?"
    r"|\d+\s*+[^\W\d_]{1,12}\.?\s++(?:" + AGO_AFTER + r")"
    # a relative day and the time ("Heute, 12:37 Uhr", "Vandaag om 20:07")
    r"|(?:" + RELATIVE_DAYS + r")"
    r"(?:\s*+,?\s*+(?:(?:" + TIME_AT + r")\s++)?\d{1,2}[:.]\d{2}(?:\s*+(?:uhr|h))?)?)"
    r"(?:\s+\d+\s+(?:photos?|videos?|images?))?\s*$",
    re.IGNORECASE,
)
# Whitespace runs are possessive: what follows each starts with no whitespace ("photo"
# + " " * n + "x" was n**2 steps, the run split in two around an absent "credit").
_CAPTION = re.compile(
    r"(?:^|[|(\[]\s*+|\s[-–—]\s*+)(?:" + "|".join(CAPTION_NAMES) + r")s?\s*+(?:credits?\s*+)?"
    r"(?::|by\b|courtesy\b)",
    re.IGNORECASE,
)
# A caption's label for screen readers at the line's start ("Image caption ...", "Image source, AFP"),
# run into the caption or not ("Media captionHow ...": the label was hidden), but not a word that
# starts with it ("Image captions are ...").
_CAPTION_LABEL = re.compile("(?:" + "|".join(CAPTION_LABELS) + r")(?!s\b|ed\b|ing\b)")
_CAPTION_TAIL = re.compile(
    r"(?:\(|\||/|[-–—]\s)\s*(?:" + "|".join(AGENCIES) + r")[^|]{0,40}\)?\s*$",
    re.IGNORECASE,
)
# A caption that ends with its credit: "... in London. Foto: NTB", "... rabbit Credit: Getty"
# (the credit is short, after the line's last colon, and has no sentence end of its own, as a
# paragraph has).
_CAPTION_END = re.compile(
    r"(?:\s|。)(?:" + "|".join(END_CREDIT_WORDS) + r")\s*+[:：][^.!?。:：]{1,60}+$",
    re.IGNORECASE)
# A match of _CAPTION_END starts at most this many characters from the line's end (a
# longer run of whitespace before the credit is no caption): the search starts there.
_CAPTION_END_REACH = 90


_BREADCRUMB = re.compile(r"^[^!?|]{1,40}(?:\s(?:>|»|›|/|→|::)\s[^!?|]{1,40}){1,6}$")
# The longest line _BREADCRUMB can match (six "\s::\s" and seven 40-character crumbs,
# and a final newline for "$"), and the most separators a line it is tried on may
# have: a crumb may contain a separator, so sre tries every subset of them as the
# crumbs' borders (" >" * 150 took minutes). match_line tries lines of up to eight
# words, which have at most six.
_CRUMB_MAX_CHARS = 40 + 6 * (4 + 40) + 1
_CRUMB_MAX_SEPARATORS = 7
_CRUMB_SEPARATOR = re.compile(r"(?=\s(?:>|»|›|/|→|::)\s)")


def crumb_separators(text: str) -> int:
    """How many breadcrumb separators (" > ", " » ", " › ", " / ", " → ", " :: ") the text holds."""
    return len(_CRUMB_SEPARATOR.findall(text))


def last_crumb(text: str) -> str:
    """What follows the text's last breadcrumb separator ("Home » News » Emden": "Emden"), stripped;
    the whole text, stripped, if it has none."""
    at = None
    for at in _CRUMB_SEPARATOR.finditer(text):
        pass
    if at is None:
        return text.strip()
    after = text[at.start():].split(None, 1)  # the separator, then the crumb
    return after[1].strip() if len(after) > 1 else ""


_COPYRIGHT = re.compile(
    r"\(c\)\s*+\d{4}|copyright\s++(?:©\s*+)?\d{4}|" + "|".join(RIGHTS_RESERVED),
    re.IGNORECASE,
)
# The sign "©" makes a copyright notice or credit with a year next to it ("© 2024 Name",
# "©1998-2015", "2021 © Name", "© Copyright 2010"), where it opens the line or a part of it
# (after a sentence's end or a separator: "... in Berlin. © dpa | Jens Kalaene", "Photo: ©
# Name"), near the line's edge (at most SIGN_EDGE_WORDS words before it, "Copyright ©
# Verlag", or after it, "Text and photos: Name ©"), or with a holder's name after it, a
# capital first ("Terms of use Privacy policy © Future US, Inc." on a page run together).
# A sentence that merely contains the sign in its middle ("... a manifesto™© we just think
# it's pretty cool to share ...") is no notice.
_SIGN_NOTICE = re.compile(r"©\s*+(?:copyright\s*+)?(?:19|20)\d\d|(?<!\d)(?:19|20)\d\d\s*+©"
                          r"|[.!?。|:]\s*+©")
SIGN_EDGE_WORDS = 2
SIGN_HOLDER_REACH = 8  # characters after the sign in which the holder's name starts
# A marker that introduces a teaser on the same line ("Related: ..."); one that may stand
# bare ("Lesen Sie auch Der Streit ...") may also have the separator ("Lea también: ...").
_INLINE_RELATED = re.compile(
    r"^(?:" + "|".join(INLINE_MARKERS) + r")\s*(?::|\||»|-|–|—)\s*\S"
    r"|^(?:" + "|".join(INLINE_MARKERS_BARE) + r")(?:\s*(?::|\||»|-|–|—)\s*|\s+)\S",
    re.IGNORECASE,
)
# A marker that a name or a transcript's speaker may also be ("Mira: ...", "Lea: ..."): its
# teaser is a headline (headline_teaser).
_INLINE_HEADLINE = re.compile(
    r"^(?:" + "|".join(INLINE_MARKERS_HEADLINE) + r")\s*(?::|\||»|–|—)\s*\S",
    re.IGNORECASE,
)
# What a headline does not end with: a sentence's end, a colon that introduces what follows.
_NOT_HEADLINE_ENDS = (".", "!", ":", ";", ",", "…", "：", "。", "！")
# A marker with this many words after it on its line is a teaser itself ("Read more: Germany
# to open a new office for looted art"), not the heading of a box of them ("Related: Politics").
INLINE_TEASER_WORDS = 4
# An address: the part after the first "@" that is not the line's first character
# (any later one would leave less to match); "\S+@" tried each "@" ("a@" * n: n**2).
_URL = re.compile(r"^(?:https?://|www\.)\S+$|^\S[^\s@]*+@\S+\.\w+$", re.IGNORECASE)
_BYLINE = re.compile(
    r"^(?:" + BYLINE_WORDS + r")\s+"
    r"[\w.'’-]+(?:\s+[\w.'’-]+){0,5}(?:\s*(?:,|and|und|&|\|)\s*.{0,60})?$",
    re.IGNORECASE,
)
# Italian "di" opens a byline before a capitalised first and last name ("di Viviana Mazza", "di
# Teresa Fallavollita 20 Novembre 2024"); before a lower-case word it opens a phrase ("Di stagione").
_UPPER = "A-ZÀ-ÖØ-Þ"
_BYLINE_DI = re.compile(f"di\\s++[{_UPPER}][\\w'’-]*+\\s++[{_UPPER}][\\w'’-]*+(?:\\s++[\\w.'’-]++){{0,4}}\\Z")

# (less the words that only follow a time or a number: "um", "at", "geleden")
_TIMESTAMP_FIRST = (_first_words(_TIMESTAMP.pattern, "today", "yesterday")
                    - (_first_words("(?:" + TIME_AT + ")") | _first_words("(?:" + AGO_AFTER + ")"))) | frozenset(
    m + s for m in MONTHS for s in MONTH_ENDINGS)
_BYLINE_FIRST = _first_words(_BYLINE.pattern, "di")
_RELATED_FIRST = _first_words(_INLINE_RELATED.pattern + "|" + _INLINE_HEADLINE.pattern)
_COMMENT_ONE = frozenset(COMMENT_COUNT_ONE)
_COMMENT_NOUNS = frozenset(COMMENT_COUNT_NOUNS)
_BULLET_START = frozenset("•●▪◦·*‣∙►▶■□")
# One scan for the words every caption or copyright line contains.
_GATE = re.compile("|".join(map(re.escape, GATE_WORDS)))
# Above this length, one substring search per word (about 1 ns a character each) is
# cheaper than the alternation (sre tries it at every position: about 35 ns a character).
_GATE_REGEX_MAX = 60


def inline_teaser(line: str) -> bool:
    """Whether the line is a related marker with its teaser's headline after it on the same
    line, of INLINE_TEASER_WORDS words or more: a link in the article, whose next line is the
    article's again (a sub-heading), not a teaser of a box that the marker heads. A line that
    ends in a colon introduces what follows ("Watch | Residents react to the vote:", a video)."""
    low = line.lower().rstrip()
    m = _INLINE_RELATED_L.match(low) or _INLINE_HEADLINE_L.match(low)
    return m is not None and not low.endswith((":", "：")) and len(low[m.end() - 1:].split()) >= INLINE_TEASER_WORDS


def headline_teaser(low: str) -> bool:
    """Whether the lower-cased line is one of INLINE_MARKERS_HEADLINE, a separator and a teaser of
    INLINE_TEASER_WORDS words or more that reads as a headline: it ends with no sentence end
    ("Lea: Consejo Permanente aborda la confiscación" is a link; "Lea: Ich war damals zwölf." is
    an interview's answer)."""
    m = _INLINE_HEADLINE_L.match(low)
    if m is None:
        return False
    tail = low.rstrip(" \"'”’»)")
    return not tail.endswith(_NOT_HEADLINE_ENDS) and len(low[m.end() - 1:].split()) >= INLINE_TEASER_WORDS


def _gated(key: str) -> bool:
    """Whether the key contains a caption or copyright word."""
    if len(key) <= _GATE_REGEX_MAX:
        return _GATE.search(key) is not None
    return any(map(key.__contains__, GATE_WORDS))


_ROW_SEPARATORS = str.maketrans(",|·•/", "     ")


def _share_row(key: str) -> bool:
    """Whether the key is a share row: two or more buttons (vocabulary.SHARE_ROW_WORDS) and
    nothing else but the words between them (SHARE_ROW_FILLERS)."""
    words = key.translate(_ROW_SEPARATORS).split()
    buttons = sum(map(SHARE_ROW_WORDS.__contains__, words))
    return buttons >= 2 and buttons + sum(map(SHARE_ROW_FILLERS.__contains__, words)) == len(words)


def _has_crumb_separator(line: str) -> bool:
    return (" > " in line or " » " in line or " › " in line or " / " in line or " → " in line
            or " :: " in line)


def _breadcrumb(line: str) -> bool:
    """Whether _BREADCRUMB matches the line, in bounded time (see _CRUMB_MAX_CHARS). A line
    that opens a guillemet before its "»" quotes ("Le « dircab » de Richard Ferrand"): a trail
    of links quotes nothing."""
    return (len(line) <= _CRUMB_MAX_CHARS
            and not ("«" in line and "»" in line.partition("«")[2])
            and crumb_separators(line) <= _CRUMB_MAX_SEPARATORS
            and _BREADCRUMB.match(line) is not None)


# A line of at most this many words that names a mailing-list offer (SUBSCRIBE_WORDS) is a prompt.
SUBSCRIBE_MAX_WORDS = 6

# Lines that end the article: a comments widget, a subscription box, a copyright notice,
# a share row or a form after the body (unless the article resumes after it: ingest.clean.labels).
END_RULES = frozenset({COMMENTS, SUBSCRIBE, COPYRIGHT, SHARE, AUTHOR, FORM, FEEDBACK, COOKIES})
# Rules that lines of an article itself match: its date and byline, a photo's caption, a
# line it repeats. A page none of whose lines has another rule (a share row, a menu's
# breadcrumb, a copyright notice, ...) has no chrome this module knows: ingest.clean.blocks.
ARTICLE_RULES = frozenset({PUBLISHED, TIMESTAMP, BYLINE, CAPTION, REPEAT})
_ARTICLE_OR_NONE = ARTICLE_RULES | {None}


def no_chrome(rules: Iterable[str | None]) -> bool:
    """Whether no line has a rule of page chrome (None, or one of ARTICLE_RULES)."""
    return _ARTICLE_OR_NONE.issuperset(rules)


# A run of this many lines of at most MENU_ENTRY_WORDS words (split at spaces: a Chinese menu's
# entry is one) and MENU_ENTRY_CHARS characters, none with a digit (a table's row, a numbered
# list's item) and none that ends a sentence or introduces what follows, is a menu: a page whose
# chrome is in a language the rules have no words for still has one. (Of the dev sets' gold
# bodies, articles alone, none in aeb-dev and fundus-dev and 5 in 94 in readability-dev have such
# a run, lists that its gold keeps; of their pages 58 in 60, 143 in 149 and 74 in 94.)
MENU_RUN = 8
MENU_ENTRY_WORDS = 3
MENU_ENTRY_CHARS = 30
_ENTRY_ENDS = frozenset(".!?。！？:：")
_DIGIT = re.compile(r"\d")


def menu_run(texts: Sequence[str]) -> bool:
    """Whether the page's non-blank lines hold a menu's run of entries (MENU_RUN, above)."""
    run = 0
    for text in texts:
        if (len(text) <= MENU_ENTRY_CHARS and text.count(" ") < MENU_ENTRY_WORDS
                and text[-1:] not in _ENTRY_ENDS and _DIGIT.search(text) is None):
            run += 1
            if run >= MENU_RUN:
                return True
        else:
            run = 0
    return False


# A teaser's blurb: a sentence's end, then the link to the story ("... Entdeckers. mehr",
# "... sounds,… Read more Read more"); the link's words, once or twice, end the line. The
# search starts _READ_MORE_REACH characters before the line's end.
_READ_MORE = re.compile(r"[.!?\"“”»«…)]\s*+(?:(?:" + "|".join(map(re.escape, READ_MORE_ENDS)) + r")\s*+){1,2}$",
                        re.IGNORECASE)
_READ_MORE_LAST = tuple(sorted({phrase.split()[-1] for phrase in READ_MORE_ENDS}))
_READ_MORE_REACH = 2 * max(map(len, READ_MORE_ENDS)) + 8
BLURB_MIN_WORDS = 4
# The most words of a line whose last word the page scan looks at (a teaser's blurb).
ENDED_MAX_WORDS = 60

# Markers whose following headline-like line is a teaser link.
TEASER_RULES = frozenset({RELATED})


_COMMENT_HEAD = re.compile(
    r"\b(?:" + COMMENT_VERBS + r")\s*+:?\s*+$",
    re.IGNORECASE,
)
_PIPES = re.compile(r"^[^|]{1,40}(?:\|[^|]{1,40}){2,}$")
# A blog's comments heading (vocabulary.COMMENT_COUNT_NOUNS): the post's title in quotes after
# it, or no full stop at the line's end ("142 Antworten zu Würde des Lebens – ein Projekt"); a
# sentence of the article ends with one ("12 responses to the survey came from teachers.").
# Lower case, at most COMMENT_COUNT_MAX_WORDS words.
def _words(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")"


_COMMENT_COUNT = re.compile(r"(?:\d++|" + _words(COMMENT_COUNT_ONE) + r")\s++" + _words(COMMENT_COUNT_NOUNS) + r"\s++"
                            + _words(COMMENT_COUNT_PREPS) + r"\s++(?=[\"'“„«‘‹”»]|.*+(?<![.;,:])$)")
COMMENT_COUNT_MAX_WORDS = 40


def comment_count(low: str) -> bool:
    """Whether the lower-cased line is a blog's comments heading ("11 responses to “Title”")."""
    return _COMMENT_COUNT.match(low, len(low) - len(low.lstrip(_KEY_STRIP))) is not None


_COUNT_HEADS = re.compile("[0-9" + "".join(sorted({w[0] + w[0].upper() for w in COMMENT_COUNT_ONE} - {""})) + "]")


def comment_headings(texts: list[str], heads: str, words: list[int], rules: list) -> None:
    """Give rule COMMENTS to the lines with none that are a blog's comments heading
    (comment_count; `heads` holds each line's first character: only the lines that start with
    a digit or a count's word are looked at, found with one scan of it)."""
    for m in _COUNT_HEADS.finditer(heads):
        i = m.start()
        if words[i] > COMMENT_COUNT_MAX_WORDS or rules[i] is not None:  # most lines that start so: prose
            continue
        count = texts[i][:32].split(None, 2)  # the count and the noun, read first (most lines fail them)
        if len(count) > 1 and count[1].lower() in _COMMENT_NOUNS and comment_count(texts[i].lower()):
            rules[i] = COMMENTS


# A byline whose word stands on a line of its own, the name on the next ("By" / "Jane Roe",
# "von" / "Anna Muster"), as a page that sets the author's name apart writes it: the two lines
# are the byline. The name has at most this many words, starts with a capital and ends no sentence.
BYLINE_NAME_MAX_WORDS = 6
_BYLINE_ALONE = frozenset(w for w in BYLINE_WORDS.split("|") if " " not in w and w.isalpha())
_BYLINE_ALONE_CASED = frozenset(v for w in _BYLINE_ALONE for v in (w, w.capitalize(), w.upper()))
_BYLINE_ALONE_HEADS = re.compile("[" + "".join(sorted({w[0] + w[0].upper() for w in _BYLINE_ALONE})) + "]")
_SENTENCE_END = tuple(SENTENCE_STOPS)


def split_bylines(texts: list[str], heads: str, words: list[int], rules: list) -> None:
    """Give rule BYLINE to a line that is only a byline's word and to the name on the line after
    it (see BYLINE_NAME_MAX_WORDS); `heads` holds each line's first character: only the lines
    that start as such a word does are looked at, found with one scan of it."""
    if _BYLINE_ALONE_CASED.isdisjoint(texts):  # most pages: one C-level pass, each line's hash already known
        return
    last = len(texts) - 1
    for m in _BYLINE_ALONE_HEADS.finditer(heads):
        i = m.start()
        if (i < last and words[i] == 1 and rules[i] is None and texts[i].lower() in _BYLINE_ALONE
                and rules[i + 1] is None and words[i + 1] <= BYLINE_NAME_MAX_WORDS and heads[i + 1].isupper()
                and not texts[i + 1].endswith(_SENTENCE_END)):
            rules[i] = rules[i + 1] = BYLINE


def _lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The case-sensitive twin of an IGNORECASE pattern, for matching lower-cased lines.

    sre tries case-insensitive alternations several times slower than plain ones
    (5 us against 1 us for a line that fails the phrase list), and match_line
    lower-cases each line once anyway.
    """
    assert not re.search(r"(?<!\\)[A-Z]", re.sub(r"\\.|\(\?P<\w+>", "", pattern.pattern)), pattern
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


_SHORT_L, _TIMESTAMP_L, _URL_L, _BYLINE_L, _INLINE_RELATED_L, _INLINE_HEADLINE_L, _CAPTION_L, _CAPTION_TAIL_L, \
    _COPYRIGHT_L, _COMMENT_HEAD_L, _CAPTION_END_L, _READ_MORE_L = map(_lowered, (
        _SHORT, _TIMESTAMP, _URL, _BYLINE, _INLINE_RELATED, _INLINE_HEADLINE, _CAPTION, _CAPTION_TAIL, _COPYRIGHT,
        _COMMENT_HEAD, _CAPTION_END, _READ_MORE))


# _SHORT_L tried on the alternatives a line's first character allows (ingest.clean.alternation:
# a line that starts with a gate word and is no phrase failed in 5 us, in well under 1 us now).
_SHORT_CUT = Alternation(_LEAD, _SHORT_BODY, _TAIL + "$")
assert _SHORT_CUT.pattern.pattern == _SHORT_L.pattern

# Most phrase lines are exactly one of _SHORT's literal alternatives: their rule, as
# _SHORT gives it, without trying the alternatives one after the other.
_SHORT_EXACT = {s: "phrase:" + m.lastgroup
                for s in set(re.findall(r"(?<=[|(:])([^\W\d_][\w' .+" + _MARKS + r"-]*?)(?=[|)])", _SHORT.pattern))
                if (m := _SHORT_L.match(s))}


def match_line(line: str, n_words: int) -> str | None:
    """The rule that recognises this stripped line as boilerplate by its shape, or None.

    The case-insensitive rules run, case-sensitively, on the lower-cased line, its no-break
    and typographic spaces plain ones (lines.plain_spaces).
    """
    if has_wide_spaces(line):
        line = plain_spaces(line)
    low = line.lower()
    return _match(line, n_words, low) or notice(low, n_words)


# A prompt to share the article, with its headline after a colon ("Share or comment on this
# article: Your $1 bill could be worth up THOUSANDS ..."): a share verb (SHARE_PROMPT_VERBS) first,
# an article's noun (ARTICLE_NOUNS) among at most SHARE_PROMPT_HEAD_WORDS words before the colon, and
# at most SHARE_PROMPT_MAX_WORDS words in all.
SHARE_PROMPT_HEAD_WORDS = 6
SHARE_PROMPT_MAX_WORDS = 40


def share_prompt(key: str) -> bool:
    """Whether the lower-cased line, without its leading and trailing marks (`key`), is a prompt to
    share the article followed by its headline (see above)."""
    head, colon, rest = key.partition(":")
    words = head.split()
    return (bool(colon and rest.strip()) and 1 < len(words) <= SHARE_PROMPT_HEAD_WORDS
            and words[0] in SHARE_PROMPT_VERBS and any(map(ARTICLE_NOUNS.__contains__, words[1:])))


def _match(line: str, n_words: int, low: str, ended: bool = True, crumbed: bool = True,
           captioned: bool = True) -> str | None:
    """match_line, given the lower-cased line.

    False for `ended`, `crumbed` or `captioned` says the key does not end with a
    COMMENT_ENDS or _READ_MORE_LAST word, the line has no _has_crumb_separator, or no caption or
    copyright rule can match it: those tests are skipped.
    """
    key = low.strip(_KEY_STRIP)
    first_word = key.partition(" ")[0].partition("\xa0")[0].rstrip(":,.")  # ("Lea:\xa0Consejo ...")
    if (ended and n_words >= BLURB_MIN_WORDS and key.endswith(_READ_MORE_LAST)
            and _READ_MORE_L.search(low, max(0, len(low) - _READ_MORE_REACH))):
        return RELATED  # a teaser's blurb and its link
    if n_words <= 16:
        if ended and key.endswith(COMMENT_ENDS) and _COMMENT_HEAD_L.search(low) \
                and any(c.isdigit() for c in line):
            return COMMENTS
        if "|" in line and line.count("|") >= 2 and _PIPES.match(line):
            return BREADCRUMB
    if n_words <= 8:
        head = key[:1]
        if head.isdigit() or first_word in _SHORT_FIRST:
            if low in _SHORT_EXACT:
                return _SHORT_EXACT[low]
            if m := _SHORT_CUT.match(low):
                return "phrase:" + m.lastgroup
        if n_words >= 2 and (first_word in SHARE_ROW_WORDS or first_word in SHARE_ROW_FILLERS) and _share_row(key):
            return SHARE
        if n_words <= SUBSCRIBE_MAX_WORDS and any(map(low.__contains__, SUBSCRIBE_WORDS)):
            return SUBSCRIBE
        if head.isdigit() or line[0] in "(+":
            if _COUNTER.match(line):
                return COUNTER
            if _TIMESTAMP_L.match(low):
                return TIMESTAMP
        elif first_word in _TIMESTAMP_FIRST and _TIMESTAMP_L.match(low):
            return TIMESTAMP
        if ("http" in low or "www." in low or "@" in line) and _URL_L.match(low):
            return URL
        if line[0] in _BULLET_START and n_words <= 5:
            return BULLET
        if crumbed and _has_crumb_separator(line) and _breadcrumb(line):
            return BREADCRUMB
        if first_word in _BYLINE_FIRST and (_BYLINE_L.match(low) or first_word == "di" and _BYLINE_DI.match(line)):
            return BYLINE
    if first_word in SHARE_PROMPT_VERBS and n_words <= SHARE_PROMPT_MAX_WORDS and share_prompt(key):
        return SHARE
    if first_word in _RELATED_FIRST and (_INLINE_RELATED_L.match(low) or headline_teaser(low)):
        return RELATED
    if ended and ends_with_hint(low, n_words):
        return UI  # a link alone on its line, told by its screen-reader hint (ingest.clean.linkhints)
    if "(" in low and n_words <= PLACED_MAX_WORDS and placed_bracket(low):  # "Name (v.l.)", "(Archivbild)"
        return CAPTION
    if captioned and _gated(key):
        if _caption(low):
            return CAPTION
        if n_words <= 40 and _copyright(line, low):
            return COPYRIGHT
        if n_words > 40 and legal_notice(low):
            return COPYRIGHT
    return None


# A longer line is a legal notice when it reserves rights this many times: a site's footer
# that credits each data provider in turn ("... Morningstar: Copyright 2018 Morningstar, Inc. All
# Rights Reserved. Factset: ... All rights reserved. ..."). An article that names the phrase
# (a story about copyright) says it once.
RESERVED_TIMES = 2


def legal_notice(low: str) -> bool:
    """Whether a lower-cased line reserves rights RESERVED_TIMES times or more (RIGHTS_RESERVED)."""
    return sum(map(low.count, RIGHTS_RESERVED)) >= RESERVED_TIMES


# Every caption match contains one of these words, every copyright match starts with
# one of these literals, and a caption tail ends within 41 characters of the line's end
# with an agency name of at most 20 characters. On a long line the searches start at
# the first place a match can start (moved left over the separator and whitespace that
# may precede it), so sre does not try its alternations at every character.
_TAIL_REACH = 61


def _back_over_space(low: str, i: int) -> int:
    """Where a match whose word starts at i can start: before whitespace and a 1-2 character separator."""
    return max(0, len(low[:i].rstrip()) - 2)  # (rstrip: at C speed, a run of a million spaces too)


def _first_of(low: str, words: tuple[str, ...]) -> int:
    found = [i for i in map(low.find, words) if i >= 0]
    return min(found) if found else -1


def _caption(low: str) -> bool:
    if _CAPTION_LABEL.match(low):
        return True
    if _CAPTION_END_L.search(low, max(0, len(low) - _CAPTION_END_REACH)):
        return True
    if len(low) <= _GATE_REGEX_MAX:
        return bool(_CAPTION_L.search(low) or _CAPTION_TAIL_L.search(low))
    i = _first_of(low, CAPTION_WORDS)
    if i >= 0 and _CAPTION_L.search(low, _back_over_space(low, i)):
        return True
    return bool(_CAPTION_TAIL_L.search(low, _back_over_space(low, len(low) - _TAIL_REACH)))


def _copyright(line: str, low: str) -> bool:
    if "©" in low and _sign_notice(line, low):
        return True
    if len(low) <= _GATE_REGEX_MAX:
        return bool(_COPYRIGHT_L.search(low))
    i = _first_of(low, COPYRIGHT_STARTS)
    return i >= 0 and bool(_COPYRIGHT_L.search(low, i))


def _sign_notice(line: str, low: str) -> bool:
    """Whether the sign © in the line (`low`: lower-cased) makes it a notice or a credit (see
    _SIGN_NOTICE), in any script."""
    if (word_count(low[:low.find("©")]) <= SIGN_EDGE_WORDS
            or word_count(low[low.rfind("©") + 1:]) <= SIGN_EDGE_WORDS
            or _SIGN_NOTICE.search(low) is not None):
        return True
    i = line.find("©")
    while i >= 0:  # a holder's name after it; a few characters looked at for each sign
        if line[i + 1:i + 1 + SIGN_HOLDER_REACH].lstrip()[:1].isupper():
            return True
        i = line.find("©", i + 1)
    return False


def empty_table_row(line: str) -> bool:
    """Whether a stripped line is a table row, as trafilatura writes one ("| a | b |"), whose
    cells hold no letter or digit: a layout table's spacer row ("|  |  |"), a row of
    icons or dashes, or the rule under a header ("|---|---|"). It carries no words."""
    return len(line) >= 2 and line[0] == "|" and line[-1] == "|" and not any(map(str.isalnum, line))


def strip_bullet(line: str) -> str:
    """The line without a leading bullet character."""
    if line[:1] in _BULLET_START:
        return line[1:].lstrip()
    return line


_BULLET_HEAD = re.compile("[" + re.escape("".join(sorted(_BULLET_START))) + "]")


def strip_bullets(lines: list[str], heads: str) -> tuple[list[str], str]:
    """strip_bullet of each line, and the first characters of the results.

    `heads` holds each line's first character (one character a line, as returned:
    "\0" where a result is empty).
    """
    out = list(lines)
    bullets = [m.start() for m in _BULLET_HEAD.finditer(heads)]
    if not bullets:
        return out, heads
    out_heads = list(heads)
    for i in bullets:
        out[i] = key = strip_bullet(lines[i])
        out_heads[i] = key[:1] or "\0"
    return out, "".join(out_heads)


# A link's card that writes its headline two or three times over ("How to Defeat the Urge to Binge
# Shop How to Defeat the Urge to Binge Shop How to Defeat ..."): the image's alt text, the title
# and the link's, each a headline of at least SAID_OVER_MIN_WORDS words (a table's header row
# written twice, "Rank Name Region Pop. Rank Name Region Pop.", has fewer). No sentence says
# itself again word for word.
SAID_OVER_MIN_WORDS = 5


def said_over(line: str, n_words: int) -> bool:
    """Whether the line, of n_words words, is one headline written two or three times over
    (see SAID_OVER_MIN_WORDS)."""
    n = len(line)
    if not n_words % 2 and n_words >= 2 * SAID_OVER_MIN_WORDS:
        size = (n - 1) // 2
        if line[size] == " " and line.startswith(line[:8], size + 1) and line[:size] == line[size + 1:]:
            return True
    if not n_words % 3 and n_words >= 3 * SAID_OVER_MIN_WORDS:
        size = (n - 2) // 3
        if (line[size] == " " and line[2 * size + 1] == " " and line.startswith(line[:8], size + 1)
                and line[:size] == line[size + 1:2 * size + 1]
                and line[:size] == line[2 * size + 2:]):
            return True
    return False
