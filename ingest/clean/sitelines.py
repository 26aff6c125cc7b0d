"""The site's own lines inside the body: label_site_lines.

Whatever block the body is, a site sets its own lines among the article's paragraphs and
under them: a sign-up form and its consent notice, a prompt not to miss its news, a paywall's
notice, an appeal for its journalism, the article's tags, a widget's question, the author's
note, a promotion shouted in capitals. Each goes with the rule of its kind (SUBSCRIBE,
PRIVACY, TAGS, ...). The line classifier asks this of its body block
(ingest.clean.text), the HTML cleaner of an extractor's reading (ingest.clean.html).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from . import rules as R
from .labels import is_end_marker
from .lines import CLOSERS, SENTENCE_MARKS, SENTENCE_STOPS, lines_holding
from .trie import trie
from .vocabulary import (ACCOUNT_VERBS, AGREE_STEMS, CHANNEL_NAMES, CLICK_CALLS, CLICK_LEADS, CONSENT_CHARACTERS,
                         CONSENT_WORDS, FORM_CONSENT_OPENERS, JOURNALISM_STEMS, JOURNALIST_WORDS, JOURNALIST_WORDS_UNSPACED,
                         MISS_ANCHORS, MISS_PHRASES, PAYWALL_ARTICLE_WORDS, PAYWALL_CHARACTERS, PAYWALL_READER_WORDS,
                         PRIVACY_NAMES, PRIVACY_STEMS, PRIVACY_STEMS_UNSPACED, READER_WORDS, SIGN_UP_STEMS,
                         SUBSCRIBE_VERBS, SUBSCRIBER_WORDS, SUPPORT_STEMS, TAG_ENTRY_LEADS, TAG_LABELS, TAG_LEADS)


# A line of the body that names the site's privacy policy and speaks to its reader about
# it (vocabulary.PRIVACY_NAMES, CONSENT_WORDS) is a sign-up or consent notice: "By clicking
# Sign Up, you accept our Terms of Service and Privacy Policy", "Mehr dazu in unserer
# Datenschutzerklärung". An article that reports on a privacy policy names it with "its" or
# "the", and a long paragraph is no notice.
PRIVACY_MAX_WORDS = 40
# A page whose body has more such lines is a privacy policy, or an article about one.
PRIVACY_NOTICES_MOST = 2
assert all(any(stem in name for stem in PRIVACY_STEMS + PRIVACY_STEMS_UNSPACED) for name in PRIVACY_NAMES)
_CONSENT_OPENER = re.compile("\n" + trie((opener, "") for opener in FORM_CONSENT_OPENERS))
_CONSENT = re.compile(r"\b(?:" + "|".join(map(re.escape, CONSENT_WORDS)) + r")\b|"
                      + "|".join(map(re.escape, CONSENT_CHARACTERS)))


# A line of the body that bids the reader not miss what the site sends (vocabulary.MISS_PHRASES:
# "Never miss a story", "Du willst nichts mehr verpassen?", "No te pierdas nada") is a
# newsletter's or an app's prompt, wherever it stands: a box's heading of at most
# MISS_HEADING_WORDS words ("Don't miss", "Nichts mehr verpassen!"), or a longer line, of at
# most MISS_MAX_WORDS, that names the channel (vocabulary.CHANNEL_NAMES, SIGN_UP_STEMS: "Get
# X's Daily Edition by email and never miss our top stories"). An article's own advice names
# no channel ("Don't miss the final episode on Sunday"), and its "never missed" is another word.
MISS_HEADING_WORDS = 6
MISS_MAX_WORDS = 25
# A sign-up form inside the body ends in its consent notice, with its prompt at most FORM_REACH
# lines above ("Get daily insight and deals in your inbox", "Sign up for breaking news ...",
# "Contact me with news and offers from other brands", "By submitting your information you agree
# to the Terms & Conditions and Privacy Policy"): the prompt (see _prompt below) and every line
# of at most MISS_MAX_WORDS words between it and the notice are the form's. So are those between
# an embed's placeholder and its consent notice ("An dieser Stelle findest du einen externen
# Inhalt von YouTube", "YouTube-Inhalte erlauben", "Mehr dazu in unserer Datenschutzerklärung").
# An article's lines above a notice it quotes are no prompt, and stay.
FORM_REACH = 4
assert all(any(anchor in phrase for anchor in MISS_ANCHORS) for phrase in MISS_PHRASES)
_MISS = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, MISS_PHRASES)) + r")(?!\w)")


def label_reader_notices(start: int, end: int, labels: list, texts: list[str], words: list[int],
                         unspaced: bool = False) -> None:
    """Give rule PRIVACY to the body lines [start, end) of at most PRIVACY_MAX_WORDS words that
    name a privacy policy and speak to the reader, and rule SUBSCRIBE to the sign-up form above
    such a notice and to the lines that bid the reader not miss the site's news (see above);
    `unspaced`: the page holds Chinese or Japanese (scripts.has_unspaced)."""
    # Lines already removed count as notices too: a sign-up form's notice ends the form above it.
    short = [i for i in range(start, end) if words[i] <= PRIVACY_MAX_WORDS]
    if not short:
        return
    # The short lines joined once, each stem found with str.find: only the lines that hold
    # one are looked at (a scan of every line for every name cost 4% of the cleaning).
    lows = [texts[i].lower() for i in short]  # lower-casing may change a line's length ("İ")
    page = "\n".join(lows)
    starts = list(accumulate([len(low) + 1 for low in lows], initial=0))
    notices = [k for k in lines_holding(page, starts, PRIVACY_STEMS + PRIVACY_STEMS_UNSPACED if unspaced else PRIVACY_STEMS)
               if any(map(lows[k].__contains__, PRIVACY_NAMES)) and _CONSENT.search(lows[k])]
    # and a form's consent notice by how it opens, whatever it names (FORM_CONSENT_OPENERS): one
    # scan of the joined lines, which sre skips along from newline to newline
    opened = [k for k in (bisect_right(starts, m.start()) - 1 for m in _CONSENT_OPENER.finditer("\n" + page))
              if any(map(lows[k].__contains__, AGREE_STEMS))]
    if opened:
        notices = sorted(set(notices).union(opened))
    if len(notices) <= PRIVACY_NOTICES_MOST:  # more, and the privacy policy is what the page is about
        for k in notices:
            if labels[short[k]] is None:
                labels[short[k]] = R.PRIVACY
            _label_form(start, short[k], labels, texts, words)
    # A prompt is shorter than most lines of an article: its own page of such lines is scanned.
    shorter = [k for k, i in enumerate(short) if words[i] <= MISS_MAX_WORDS and labels[i] is None]
    if not shorter:
        return
    page = "\n".join([lows[k] for k in shorter])
    starts = list(accumulate([len(lows[k]) + 1 for k in shorter], initial=0))
    for k in lines_holding(page, starts, MISS_ANCHORS):
        i, low = short[shorter[k]], lows[shorter[k]]
        if labels[i] is None and _MISS.search(low) and (
                words[i] <= MISS_HEADING_WORDS or any(map(low.__contains__, SIGN_UP_STEMS)) or _channel(low)):
            labels[i] = R.SUBSCRIBE


def _label_form(start: int, notice: int, labels: list, texts: list[str], words: list[int]) -> None:
    """Give the form whose consent notice is line `notice` its rule: from its prompt, at most
    FORM_REACH lines above, to the notice, SUBSCRIBE; from an embed's placeholder, EMBED (see
    FORM_REACH)."""
    for top in range(max(start, notice - FORM_REACH), notice):
        if labels[top] is None and words[top] <= MISS_MAX_WORDS and _prompt(texts[top]):
            rule = R.SUBSCRIBE
            break
        if labels[top] == R.EMBED:
            rule = R.EMBED
            break
    else:
        return
    for i in range(top, notice):
        if labels[i] is None and words[i] <= MISS_MAX_WORDS:
            labels[i] = rule


def label_site_lines(start: int, end: int, labels: list, texts: list[str], words: list[int],
                     unspaced: bool = False) -> None:
    """Label the site's own lines in the body [start, end): its privacy notices, sign-up forms and
    prompts not to miss its news anywhere (label_reader_notices), its prompts under the article
    (label_trailing_prompts) and its lines of tags (label_trailing_tags). The line classifier
    asks this of its body, the HTML cleaner of an extractor's reading (html._reading_prompts)."""
    label_reader_notices(start, end, labels, texts, words, unspaced)
    label_trailing_prompts(start, end, labels, texts, words)
    label_trailing_tags(start, end, labels, texts, words)
    label_widget_question(start, end, labels, texts, words)
    label_author_notes(start, end, labels, texts, words)
    label_shouted_calls(start, end, labels, texts, words)


# A call to click or tap set in capitals anywhere in the body ("CLICK HERE TO GET THE NEWS APP",
# "READ MORE ON OUR BUSINESS SITE BY CLICKING HERE"): the newsroom's own promotion, shouted to stand
# out from the article (rule SUBSCRIBE). An article's sentence that asks the reader to click is set
# in the article's case.
SHOUTED_MAX_WORDS = 20
_SHOUTED_CALL = re.compile("|".join(map(re.escape, (*map(str.upper, CLICK_CALLS), "CLICKING HERE", "TAPPING HERE"))))


def label_shouted_calls(start: int, end: int, labels: list, texts: list[str], words: list[int]) -> None:
    """Give rule SUBSCRIBE to the body lines [start, end) of at most SHOUTED_MAX_WORDS words, all in
    capitals, that call the reader to click or tap (see above)."""
    for i in range(start, end):
        if (labels[i] is None and words[i] <= SHOUTED_MAX_WORDS and texts[i].isupper()
                and _SHOUTED_CALL.search(texts[i])):
            labels[i] = R.SUBSCRIBE


# An author's note under the article: the author's name alone on a line ("THOMAS BEAUMONT", "Jane
# Roe"), then a sentence that opens with a word of that name and names a journalist's trade
# (vocabulary.JOURNALIST_WORDS: "Beaumont covers national politics for The Associated Press.",
# "Jane Roe is a reporter at ..."). Looked for among the body's last AUTHOR_TAIL_ITEMS lines.
AUTHOR_TAIL_ITEMS = 6
AUTHOR_NAME_MAX_WORDS = 4
AUTHOR_NOTE_MAX_WORDS = 60
_JOURNALIST = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, JOURNALIST_WORDS)) + r")(?!\w)|"
                         + "|".join(JOURNALIST_WORDS_UNSPACED), re.IGNORECASE)
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*+")


def _author_name(line: str) -> list[str] | None:
    """The words of a line that may be a person's name alone (2 to AUTHOR_NAME_MAX_WORDS words,
    each capitalised, no digit, no sentence's end), lower case, or None."""
    parts = line.split()
    if not 2 <= len(parts) <= AUTHOR_NAME_MAX_WORDS or line[-1] in SENTENCE_MARKS:
        return None
    if not all(_NAME_WORD.fullmatch(w) and w[0].isupper() for w in parts):
        return None
    return [w.lower() for w in parts]


def label_author_notes(start: int, end: int, labels: list, texts: list[str], words: list[int]) -> None:
    """Give rule AUTHOR to each author's note among the body's last lines of [start, end) and to
    the name above it (see above); the body's first line is never one."""
    for i in range(end - 1, max(start + 1, end - AUTHOR_TAIL_ITEMS), -1):
        if labels[i] is not None or labels[i - 1] is not None or words[i] > AUTHOR_NOTE_MAX_WORDS:
            continue
        name = _author_name(texts[i - 1])
        if name and texts[i].split(None, 1)[0].strip(",:").lower() in name \
                and _JOURNALIST.search(texts[i], 0, 200) is not None:
            labels[i - 1] = labels[i] = R.AUTHOR


# A short question as the body's last line or the first line under it, right above a widget that
# ends the article ("Kļūda rakstā?" over "Iezīmējiet tekstu un spiediet Ctrl+Enter ...", "Got a
# question?" over a comment form), heads that widget: a heading heads what follows it, and nothing
# of the article does.
WIDGET_QUESTION_MAX_WORDS = 4


def label_widget_question(start: int, end: int, labels: list, texts: list[str], words: list[int]) -> None:
    """Give a short question (see above) the rule of the end marker right after it, where the
    question is the body's last line [start, end) (never its first) or the line right under the
    body, which the block left out."""
    for i, label in ((end - 1, None), (end, R.DENSITY)):
        if (start < i and i + 1 < len(labels) and labels[i] == label and words[i] <= WIDGET_QUESTION_MAX_WORDS
                and texts[i].endswith(("?", "？")) and is_end_marker(labels[i + 1], texts[i + 1])):
            labels[i] = labels[i + 1]


# The last lines of a body that bid the reader subscribe, sign up or follow ("Follow the Daily
# on Twitter and Facebook.", "Subscribe now to our print edition for the full story.", "Tilaa
# niin monta kirjettä kuin haluat!") are the site's prompt under the article, not its text: a
# line of at most PROMPT_MAX_WORDS words among the body's last PROMPT_TAIL_ITEMS lines that
# starts with a subscribe verb (vocabulary.SUBSCRIBE_VERBS), or whose sentence after a question
# or an exclamation does ("Want more? Sign up ..."). Mid-sentence the verbs name no prompt ("the
# voter register", "they follow"), nor after a full stop (an author's note: "X is a reporter for
# Y. Follow him on Twitter", which the dev sets' bodies keep). A line among them that names one
# of the site's channels to its reader (vocabulary.CHANNEL_NAMES and READER_WORDS: "Get the latest
# news from X in your inbox.", "For the latest stories, sign up for our newsletters.", "Folgst du
# schon X auf Whatsapp?"), or its app with both app platforms ("download the X apps for iOS and
# Android"), is such a prompt whatever word it starts with; an app the article is
# about is "the app" ("el app ocupa menos espacio en tu teléfono"), a site names its own. So is a
# paywall's notice (vocabulary.SUBSCRIBER_WORDS: "This article is for subscribers only"), and an
# appeal for the site's journalism (vocabulary.JOURNALISM_STEMS: "Support independent journalism"),
# which may run to a paragraph of APPEAL_MAX_WORDS ("Before you go on with your day, ask
# yourself ... You can support our journalism for as little as $3 a month"). A
# prompt found among them lets the search go one line further up: a paywall's box is a few such
# lines ("Already a subscriber? Log in ...", "First-time subscribers also receive ...").
PROMPT_TAIL_ITEMS = 3
PROMPT_MAX_WORDS = 40
APPEAL_MAX_WORDS = 250
_VERB = re.compile(r"(?:" + SUBSCRIBE_VERBS + r"|" + ACCOUNT_VERBS + r")(?:\b|(?<=[\u0e00-\u0e7f\u3040-\u9fff\uac00-\ud7af]))",
                   re.IGNORECASE)
_LEAD = re.compile(r"[\W_]*+")  # quotes, bullets, arrows before a line's first word
_EXCLAIMED = re.compile(r"[!?！？]\s*+(?=\w)")  # where a sentence after a question or an exclamation starts
_CLICK = re.compile(r"(?:(?:" + "|".join(CLICK_LEADS) + r")\s++)?(?:" + "|".join(CLICK_CALLS) + r")\b", re.IGNORECASE)
_CHANNEL = re.compile(r"\b(?:" + "|".join(map(re.escape, CHANNEL_NAMES)) + r")(?!\w)", re.IGNORECASE)
_THE = frozenset(("the", "el", "la", "die", "das"))  # "the app" is the article's subject
# A part of each subscriber word: a line that holds none is no paywall's notice (a substring test
# costs a microsecond, the words' alternation as a regex twenty on a line of prose).
_SUBSCRIBER_STEMS = ("subscri", "abo", "suscri", "assina", "abbona", "prenumer", "tilaaj", "subskry", "předplat",
                     "подпис", "передплат")
assert all(any(stem in word for stem in _SUBSCRIBER_STEMS) for word in SUBSCRIBER_WORDS)
_SUBSCRIBERS = frozenset(SUBSCRIBER_WORDS)
_PAYWALL_CONTEXT = frozenset(READER_WORDS + PAYWALL_READER_WORDS + PAYWALL_ARTICLE_WORDS)
_WORD = re.compile(r"\w+")
_READERS = frozenset(READER_WORDS)


# A line among the body's last lines that labels the article's tags or categories and lists them
# ("Tags: Barbour, Outdoor, Travel", "Schlagwörter: Wintersport Olympia 2022", "Filed under bill
# clinton, warner bros.": vocabulary.TAG_LABELS, TAG_LEADS) is the site's index of the article,
# not its text: rule TAGS. The list is no sentence (an article's "Themen: ..." paragraph holds
# one, and goes on after it), of at most TAG_MAX_WORDS words. A label alone on its line ("Tags:")
# heads the tags on the lines under it, each of at most TAG_ITEM_MAX_WORDS words and no sentence
# ("Minnesota Wild", "Bill Hoppe"), up to the first line that is none. The label is looked for
# above the body's last PROMPT_TAIL_ITEMS lines of other kinds: tag lines and such short lines
# do not count (a post may end in a line of categories, one of tags, and the tags themselves).
# So is the sentence blog software files a post with ("This entry was posted in Allgemein.
# Bookmark the permalink.": vocabulary.TAG_ENTRY_LEADS), sentence though it is.
TAG_MAX_WORDS = 40
TAG_ITEM_MAX_WORDS = 4
TAG_ITEMS_MOST = 30
_TAGS = re.compile(r"\A[\W_]*+(?:(?:" + "|".join(map(re.escape, sorted(TAG_LABELS, key=len, reverse=True)))
                   + r")\s*+[:：]|(?:" + "|".join(map(re.escape, TAG_LEADS)) + r")\s)", re.IGNORECASE)
_SENTENCE_INSIDE = re.compile(f"[{SENTENCE_STOPS}]\\s++\\S")
_ENTRY = re.compile(r"\A[\W_]*+(?:" + "|".join(map(re.escape, TAG_ENTRY_LEADS)) + r")\s", re.IGNORECASE)
_SENTENCE_END = tuple(SENTENCE_STOPS)


def label_trailing_tags(start: int, end: int, labels: list, texts: list[str], words: list[int]) -> None:
    """Give rule TAGS to the lines among the body's last lines of [start, end) that label and
    list the article's tags or categories, and to the tags under a label alone (see above); the
    body's first line is never one."""
    other = 0
    found = []
    for i in range(end - 1, start, -1):
        if labels[i] is not None:
            continue
        line = texts[i]
        if words[i] <= TAG_MAX_WORDS and ((m := _TAGS.match(line)) and not _SENTENCE_INSIDE.search(line, m.end())
                                           or (m := _ENTRY.match(line))):
            found.append((i, not line[m.end():].strip()))
        elif words[i] > TAG_ITEM_MAX_WORDS or line.rstrip().endswith(_SENTENCE_END):
            other += 1
            if other == PROMPT_TAIL_ITEMS:
                break
    for i, alone in found:
        labels[i] = R.TAGS
        if alone:  # the tags under it (at most TAG_ITEMS_MOST lines: a page of labels is no quadratic walk)
            for j in range(i + 1, min(end, i + 1 + TAG_ITEMS_MOST)):
                if labels[j] is not None:
                    continue
                if words[j] > TAG_ITEM_MAX_WORDS or texts[j].rstrip().endswith(_SENTENCE_END):
                    break
                labels[j] = R.TAGS


def label_trailing_prompts(start: int, end: int, labels: list, texts: list[str], words: list[int]) -> None:
    """Give rule SUBSCRIBE to the prompts among the last body lines of [start, end): up to
    PROMPT_TAIL_ITEMS lines that are none, each prompt found letting the search go a line further
    up (see above); the body's first line is never one."""
    left = PROMPT_TAIL_ITEMS
    for i in range(end - 1, start, -1):
        if labels[i] is not None:
            continue
        if words[i] <= PROMPT_MAX_WORDS and _prompt(texts[i]) \
                or PROMPT_MAX_WORDS < words[i] <= APPEAL_MAX_WORDS and _appeal(texts[i].lower()) \
                and not _QUOTATION.search(texts[i]):  # (_prompt asks _appeal of a shorter line)
            labels[i] = R.SUBSCRIBE
        else:
            left -= 1
            if not left:
                break


# A line that opens a quotation, or ends a quoted sentence ("... treffen unsere Maßnahmen aber
# auch, wenn Telegram nicht kooperieren sollte.“), holds someone's words, not the site's prompt
# (a prompt may end with a newsletter's quoted name: "... den Newsletter «Wohnen».").
_QUOTATION = re.compile(r"\A\s*+[\"“„«‘‚]|[.!?…][\"“”»«’']\s*+\Z")


def _prompt(line: str) -> bool:
    """Whether the line, or a sentence in it after a question or an exclamation ("Want more?
    Sign up for our newsletter."), starts with a subscribe verb, or the line names a channel of
    the site's to its reader (see above); a quotation is none."""
    if _QUOTATION.search(line):
        return False
    match = _VERB.match
    if match(line, _LEAD.match(line).end()) or any(match(line, m.end()) or _CLICK.match(line, m.end())
                                                   for m in _EXCLAIMED.finditer(line)):
        return True
    low = line.lower()
    return (_channel(low) and (_speaks_to_reader(low) or _app_stores(low)) or _paywall(line, low) or _appeal(low)
            or _profile_link(low))


# The site's page on a social network or its donation link, given as an address with at most
# PROFILE_MAX_WORDS words beside it ("เฟซบุ๊ก https://fb.me/prachatai", "Twitter: twitter.com/example",
# "PayPal https://paypal.me/example"), or a network's name and the site's handle ("LINE ID = @example").
PROFILE_MAX_WORDS = 4
_PROFILE_URL = re.compile(r"(?<![\w.-])(?:facebook\.com|fb\.me|fb\.com|twitter\.com|x\.com|instagram\.com|"
                          r"youtube\.com|t\.me|line\.me|tiktok\.com|linkedin\.com|paypal\.me|patreon\.com)/(?:in/|company/|c/)?"
                          r"[\w@.-]++/?(?![^\s)])")  # the page itself, not a post on it ("/status/123")
_HANDLE = re.compile(r"(?<![\w.])@\w+$")
_HANDLE_NETWORKS = ("line", "twitter", "instagram", "telegram", "tiktok", "threads")


def _profile_link(low: str) -> bool:
    """Whether the lower-cased line gives the site's page on a social network or its donation
    link, and little else (see above)."""
    words = low.split()
    if len(words) > PROFILE_MAX_WORDS + 1:
        return False
    if "/" in low and _PROFILE_URL.search(low):
        return True
    return "@" in low and words[0].strip(":") in _HANDLE_NETWORKS and _HANDLE.search(low) is not None


def _app_stores(low: str) -> bool:
    """Whether the lower-cased line names the two app platforms, as a site's own app's prompt
    does ("download the X apps for iOS and Android")."""
    return "ios" in low and "android" in low or "app store" in low and ("google play" in low or "play store" in low)


def _speaks_to_reader(low: str) -> bool:
    """Whether the lower-cased line holds one of READER_WORDS as a word of its own."""
    return not _READERS.isdisjoint(_WORD.findall(low))


def _appeal(low: str) -> bool:
    """Whether the lower-cased line appeals for support of the site's journalism
    (vocabulary.JOURNALISM_STEMS, SUPPORT_STEMS): it names both, and speaks to the reader or of
    the site's own, opens with the appeal's verb or ends with "!"."""
    if not any(map(low.__contains__, JOURNALISM_STEMS)) or not any(map(low.__contains__, SUPPORT_STEMS)):
        return False
    return (low.rstrip().rstrip(CLOSERS).endswith("!") or low.startswith(SUPPORT_STEMS, _LEAD.match(low).end())
            or _speaks_to_reader(low))


def _paywall(line: str, low: str) -> bool:
    """Whether the line (`low`: lower-cased) is a paywall's notice (see above): it names a
    subscriber or a subscription and speaks to the reader or of the article, or holds a
    paid-article word of a script without spaces."""
    if not line.isascii() and any(map(line.__contains__, PAYWALL_CHARACTERS)):
        return True
    if not any(map(low.__contains__, _SUBSCRIBER_STEMS)):
        return False
    words = set(_WORD.findall(low))
    return not words.isdisjoint(_SUBSCRIBERS) and not words.isdisjoint(_PAYWALL_CONTEXT)


def _channel(low: str) -> bool:
    """Whether the lower-cased line names a channel of the site's (vocabulary.CHANNEL_NAMES), not
    "the app"."""
    if not any(map(low.__contains__, CHANNEL_NAMES)):  # most lines (a regex scan cost 5 times as much)
        return False
    for m in _CHANNEL.finditer(low):
        before = low[max(0, m.start() - 4):m.start()]  # the word before it, and its space
        if before.endswith("l'") or before.endswith(" ") and before.split()[-1:] and before.split()[-1] in _THE:
            continue
        return True
    return False
