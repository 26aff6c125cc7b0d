"""Plain-text boilerplate removal: a line classifier with block reasoning.

Each input line ends up either in a body paragraph or in `removed` with the name
of the rule that removed it (see ingest.clean.rules for the vocabulary). Steps:

1. lines are stripped (of invisible characters at their edges too: lines.stripped_lines); per-source template lines go (rule "template"),
   and so do a photo gallery's slides (ingest.clean.gallery) and a video player's controls
   (ingest.clean.player), so that the article's parts around them read as one;
2. hard-wrapped lines are rejoined (a line without closing punctuation followed,
   with no blank line between, by a line that starts in lower case);
3. each line gets a shape rule (share, subscribe, counter, caption, a sentence
   followed by a photo credit, ...) or none,
   and a score: real sentences count their words, other lines cost a penalty,
   and so do blurbs between headlines, tight runs of headlines on a page that
   spaces its paragraphs and, in Chinese and Japanese, long lines without 。;
   with clean.line_model, the learned line model's log-odds (ingest.clean.model)
   add to it, and a line they take out of the body gets rule "model";
4. the article is the densest block: the run of lines with the highest total
   score (maximum-sum segment; on a page with no run of sentences, of lines of
   text: blocks.line_run_scores), extended downwards over a list that continues
   it (short lines that carry content: quantities, enumerations, sentence-case
   phrases, dated entries; see blocks.extend_block), and over a list that a sentence
   ending in a colon introduces and prose follows (inlists.bridge_lists); on a page
   with no chrome line (rules.no_chrome: an article already extracted) every dense
   block near it is a part of it, with the lines between, and a run of two or more
   lines of text is its article however short, and so is a lone last line after it
   (a credit, a sign-off). Lines outside it go with rule "density" (or
   their shape rule); inside it, shape-rule lines, teasers after a "Related" marker,
   a list of three or more teasers (headline, blurb) it ends with
   (teasers.trim_teaser_tail), runs of four or more lines none of which is text
   (teasers.dull_runs), short labels
   the page repeats three times or more ("Article content", "View 6 Images"; on a page with no chrome they are the
   article's own structure and stay),
   and everything after an end marker (a comments widget, a subscription box,
   a share row, a cookie notice, a comment box's prompt among its last lines: ingest.clean.commenting) go too,
   unless the article resumes after it (an inline subscription box,
   a photo credit), then the box's lines up to the next body line go; so do a photo's
   caption over its credit line, a short line that names a source and a Creative Commons
   credit or licence notice (ingest.clean.credits), and a teaser card's kicker and headline
   over its blurb and link (ingest.clean.cards);
5. the sentences right above the block (and a sub-heading under its lede sentence)
   join it, and the headline line just before it becomes the title (the headline
   that repeats the page title, if the block moved up); the sentences between the
   headline and the block are its standfirst and join it too, the byline, date and
   credit lines between them keeping their rules (ingest.clean.deck); a
   "Published ..." line becomes the published date, or else a date line in any language
   above the body or in its first lines (ingest.clean.dates; such a line gets rule
   "pattern:timestamp" and is never the title); title and date are recorded as
   removed lines with rule "title" / "published" so that no input line is lost.

Modules, one job each: lines (word counts, sentence ends, rejoining), rules
(line shapes, built from the interface words in vocabulary), scoring (item scores), blocks (where the body is), labels (what
in and around it is removed, and why), deck (the standfirst above it).
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache
from itertools import chain, compress, count, repeat
from operator import attrgetter, eq, itemgetter, le, not_
from typing import TYPE_CHECKING

from . import rules as R
from .pagescan import match_lines
from .blocks import BARE_SHARE, BEFORE_ANCHOR, MERGE_SHARE, WEAK_BLOCK, best_block, find_block, line_run_scores
from .teasers import dull_runs, trim_teaser_box, trim_teaser_tail
from .cards import cards_above_links
from .cleaned import Cleaned
from .commenting import comment_prompts
from .credits import (CREDIT_MIN_WORDS, credit_lines, credited_captions, desk_credits, ends_with_credit, image_file_name,
                      licensed_lines, placed_captions, source_lines)
from .dropcaps import mend_drop_caps
from .deck import author_note, credit_next, below_headline_label, deck_start, headline_dek, headline_furniture, own_teasers, standfirst
from .gallery import gallery_lines
from .player import player_lines
from ..config import CleanOptions
from .dates import (DATE_BEFORE_REACH, DATE_HEAD_ITEMS, DATE_LINE_MAX_CHARS, DATE_LINE_OTHER_WORDS, DATE_REACH, FOUR_DIGITS,
                    STATED_FIRSTS, STATED_MAX_WORDS, STATED_REACH, date_above, date_head, date_line, fielded_date, nearest_date,
                    holds_year, lede_date, line_date, opening_date, stamped_date, stated_date)
from .guard import prose_bytes
from .inlists import bridge_lists
from .headline import (anchor_leads, body_lead, dated_headline, first_line_title, headline_anchor, named_headline, title_line, title_part_above,
                       title_repeats, topic_headline, topic_keys)
from .titleparts import headline_alone, headline_part, without_date_above
from .worded import worded_anchor
from .labels import label_items, label_repeated_labels, label_repeated_teasers, title_before
from .sitelines import label_site_lines
from .markdown import mostly_links
from .lines import (CREDIT_MAX_CHARS, first, has_other_spaces, has_wide_spaces, in_template,
                    sentence_ends, signed_sentence, stripped_lines, word_counts)
from .runtogether import run_together, split_sentences
from .rejoin import rejoin
from ..models import RemovedLine
from .scoring import damp_headline_runs, damp_teasers, unpunctuated_cost, word_run_cost, name_run_cost, item_log_odds, item_scores, mark_datelines, mark_repeats, model_term, name_model
from .scripts import has_unspaced
from .spacing import close_inline_gaps
from .linkhints import label_hinted_runs, links_hinted, without_hints

if TYPE_CHECKING:
    from .model import LineModel


def _removed_lines(nos, texts, labels) -> list[RemovedLine]:
    """RemovedLine(no, text, label) for each triple.

    tuple.__new__(RemovedLine, triple) is what RemovedLine._make does, without a
    Python-level call per line (most lines of a page are removed).
    """
    return list(map(tuple.__new__, repeat(RemovedLine), zip(nos, texts, labels)))


def _set_aside(nos: list[int], texts: list[str], inside: list[bool], rule: str,
               removed: list[RemovedLine]) -> tuple[list[int], list[str]]:
    """The line numbers and lines not `inside`; those inside go to `removed` with `rule`."""
    removed.extend(RemovedLine(no, line, rule) for no, line, k in zip(nos, texts, inside) if k)
    keep = list(map(not_, inside))
    return list(compress(nos, keep)), list(compress(texts, keep))


def clean_text(text: str, options: CleanOptions, template: frozenset[str] = frozenset(),
               line_model: LineModel | None = None, saved_widths: bool = True,
               paragraph_nos: list[int] | None = None, links: list[int] | None = None,
               headline: int | None = None) -> Cleaned:
    """Split plain text into title, published date, body paragraphs and removed lines.

    `saved_widths`: the lines are as the page was saved, so a line's width tells where a
    hard wrap broke it, whatever it ends with (rejoin.rejoin); false for lines rebuilt from
    markup (Markdown whose links lost their addresses, an HTML page's blocks).
    `paragraph_nos`: for a page saved as Markdown, each line's paragraph number
    (markdown.paragraphs of the page as saved): a paragraph's lines are one item; `links`:
    how many characters of each line are a link's text (markdown.link_characters): an item
    that is mostly links is a menu or a list of teasers (rule "markup:link-list");
    `headline`: the line number of the page's own headline where its markup says so (a
    Markdown page's level-1 heading), the anchor when no line repeats the page's title.

    With options.line_model (default false), the learned line model's log-odds
    (ingest.clean.model) weigh in on each line's score; `line_model` overrides the
    shipped weights (benchmarks evaluate held-out ones).
    """
    min_words = max(1, getattr(options, "min_paragraph_words", 8))
    # Per-line features are computed for all lines at once (C-level map/filter),
    # then the few passes over items below touch only plain lists.
    stripped = stripped_lines(text)
    if paragraph_nos is not None and len(paragraph_nos) < len(stripped):  # not the lines of this text
        paragraph_nos = None
    if links is not None and len(links) < len(stripped):
        links = None
    nos = list(compress(count(), stripped))  # line numbers of the non-blank lines
    texts = list(filter(None, stripped))
    collapsed = run_together(texts)
    if collapsed:
        nos, texts = split_sentences(nos, texts)
    removed: list[RemovedLine] = []
    if template and texts:
        sizes = frozenset(len(t.split()) for t in template)
        in_source = [in_template(line, template, sizes) for line in texts]
        if any(in_source):
            nos, texts = _set_aside(nos, texts, in_source, R.TEMPLATE, removed)
    heads = "".join(map(first, texts))  # the lines' first characters
    if texts:  # a gallery's slides and a video player's controls go before scoring
        in_gallery = gallery_lines(texts, heads)
        if any(in_gallery):
            nos, texts = _set_aside(nos, texts, in_gallery, R.GALLERY, removed)
        in_player = player_lines(texts)
        if any(in_player):
            nos, texts = _set_aside(nos, texts, in_player, R.EMBED, removed)
        if len(texts) < len(heads):  # lines went: their first characters with them
            heads = "".join(map(first, texts))
    unspaced = has_unspaced(text)
    other_spaces = has_other_spaces(text)
    words = word_counts(text, texts, unspaced, other_spaces)
    line_nos, line_texts = nos, texts
    nos, texts, words, members = rejoin(nos, texts, words, heads, unspaced, saved_widths, paragraph_nos)
    if members:
        heads = "".join(map(first, texts))
    n = len(texts)

    rules = match_lines(texts, words, other_spaces and has_wide_spaces(text))
    R.comment_headings(texts, heads, words, rules)  # "5 Kommentare zu „Title“"
    R.split_bylines(texts, heads, words, rules)  # "By" over "Jane Roe"
    label_hinted_runs(texts, words, rules)  # a box of links, each with its hint, some long
    if links is not None:
        for i in mostly_links(nos, texts, members, links):
            if rules[i] is None:
                rules[i] = R.LINK_LIST
    odds = None
    if n and options.line_model:
        # The model was trained on single lines with rules matched on str.split words.
        same = not members and not unspaced
        odds = item_log_odds(line_texts, line_nos, members, list(rules) if same else None,
                              line_model)
    ends = sentence_ends(texts, words if unspaced else None, min_words)
    signed = "©" in text or "(c)" in text  # (two scans of the page, not a test of every line)
    for i in compress(count(), map(not_, ends)):  # a credit, a card's headline is no sentence end
        if rules[i] is None and words[i] >= CREDIT_MIN_WORDS and ends_with_credit(texts[i]):
            rules[i] = R.CAPTION
        elif rules[i] is None and words[i] >= 2 * R.SAID_OVER_MIN_WORDS and R.said_over(texts[i], words[i]):
            rules[i] = R.TEASER  # a link's card, its headline written over
        elif rules[i] is None and words[i] == 1 and image_file_name(texts[i]):
            rules[i] = R.CAPTION  # an image's file name where the image did not load
        elif signed and words[i] >= min_words and ("©" in (tail := texts[i][-CREDIT_MAX_CHARS:]) or "(c)" in tail) \
                and signed_sentence(texts[i]):
            ends[i] = True  # "...と指摘している。(c)AFP/Name": the article's last sentence, signed
    if R.CAPTION in rules:  # a headline with a media label, "VIDEO: ...", that repeats the <title>
        for i in title_repeats(texts, list(compress(count(), map(eq, rules, repeat(R.CAPTION))))):
            rules[i] = None
    keys, key_heads = R.strip_bullets(texts, heads)
    mark_repeats(rules, words, keys, key_heads)
    scores = item_scores(rules, words, ends, keys, min_words)
    if unspaced:
        unpunctuated_cost(texts, ends, scores)
    word_run_cost(texts, words, scores)
    if collapsed:
        name_run_cost(texts, words, ends, scores)
    rule_scores = scores
    if odds is not None:
        rule_scores = list(scores)
        scores = [s + model_term(lo) for s, lo in zip(scores, odds)]

    positive = list(compress(count(), map((0.0).__lt__, scores)))  # the content items
    blurbs = damp_teasers(rules, words, ends, scores, positive, keys, unspaced)
    lasts = [members[i][-1][0] if i in members else no for i, no in enumerate(nos)] if members else nos
    tight = damp_headline_runs(nos, rules, ends, scores, positive, lasts)
    undamped = best_block(scores, positive)  # the densest block, before the anchor's damping
    anchor = headline_anchor(texts, words, rules)
    if anchor is None and headline is not None:
        anchor = _item_at(nos, rules, headline)
    anchor = anchor_leads(anchor, scores, positive, undamped)
    block_anchor = anchor
    if anchor is None:  # a headline that words the title otherwise, above the densest block
        block_anchor = worded_anchor(texts, words, rules, ends, undamped[0])
    if block_anchor is not None:
        for i in positive:
            if i >= block_anchor:
                break
            scores[i] *= BEFORE_ANCHOR
    # Metadata first: a dateline is never the title or part of the body.
    published = mark_datelines(texts, heads, words, rules, scores)
    if bridge_lists(scores, rules, texts, words, min_words):
        positive = list(compress(count(), map((0.0).__lt__, scores)))
    # An article already extracted: its dense blocks are its parts. (A page run together
    # on one line lost the lines its chrome would be told by.)
    bare = not collapsed and R.no_chrome(rules) and not R.menu_run(texts)
    lined, densest = line_run_scores(scores, positive, rules, words, block_anchor, 0.0 if bare else WEAK_BLOCK)
    if lined is not None:  # no run of sentences: the article is a run of lines of text
        scores, densest = lined, None
        positive = list(compress(count(), map((0.0).__lt__, scores)))
    start, end, gaps = find_block(scores, positive, rules, texts, words, ends, block_anchor, densest,
                                  BARE_SHARE if bare else MERGE_SHARE)
    end = trim_teaser_tail(start, end, blurbs, scores, words)
    end = trim_teaser_box(start, end, scores, rules, texts, words, ends)
    for i in comment_prompts(texts, words, rules, start, end):  # "Para comentar debes registrarte ..."
        rules[i] = R.COMMENTS
    lo = max(0, start - DATE_REACH)  # the body and the lines above it a standfirst may take
    for k in placed_captions(texts[lo:end], words[lo:end]):  # "Ishiba, center, ...", "Pictured from left, ..."
        if rules[lo + k] is None:
            rules[lo + k] = R.CAPTION
    found = start
    dull = [] if bare else dull_runs(start, end, scores, rules, texts, words, ends, tight)
    dated = mark_date_lines(texts, words, rules, start, end, anchor)
    if bare:
        gaps = []  # the lines between its parts are its own (a table, a list, code)
        if end == n - 1 and end > start:  # and so is a last line after them: a credit, a sign-off
            end = n
    deck = start
    if end > start:  # the standfirst or deck between the headline and the body is the article's
        deck, skipped = deck_start(start, anchor, rules, words, ends, scores, nos, lasts, min_words)
        if deck < start:
            gaps = gaps + skipped
            start = deck
    labels, end = label_items(start, end, gaps, scores, rules, texts, words, ends, min_words, dull,
                              lined is not None)
    # an end marker cut the block short: the comment box's prompt right above it is the box's
    for i in comment_prompts(texts, words, labels, start, end):  # ("Die Kommentarfunktion ist deaktiviert.")
        labels[i] = R.COMMENTS
    if not bare:  # in an article alone, a repeated label is its structure ("Step 1", a table head)
        label_repeated_labels(start, end, labels, keys, words, ends)
    label_site_lines(start, end, labels, texts, words, unspaced)
    for i in credited_captions(texts, words, labels, start, end):  # "...am Rigi." over "Foto: Name"
        labels[i] = R.CAPTION
    captions, notices = licensed_lines(texts, words, labels, start, end)  # "... Foto: Name | CC BY 2.0"
    for i in captions:
        labels[i] = R.CAPTION
    for i in notices:  # "All content is licensed under a Creative Commons ... License"
        labels[i] = R.COPYRIGHT
    for i in source_lines(texts, words, labels, start, end):  # "Quelle: dpa", "Bron: BELGA"
        labels[i] = R.CAPTION
    for i in credit_lines(texts, words, labels, start, end):  # "AFP", "Michael Conroy, AP"
        labels[i] = R.CAPTION
    for i in desk_credits(texts, words, labels, start, end):  # "Reporting by Jane Roe; Editing by John Doe"
        labels[i] = R.BYLINE
    for i in cards_above_links(texts, words, rules, labels, ends, start, end):  # a card's headline over "... mehr"
        labels[i] = R.TEASER
    label_repeated_teasers(start, end, labels, keys, words, ends)

    title = None
    if end > start:
        # The standfirst reaches up to the line above the body that reads as a headline, a date
        # line as before it had its rule (with it, the standfirst took decks and author notes
        # under the headline that pages in the dev sets leave out); the title is never one.
        undated = _undated(rules, dated)
        lead_scores = scores  # for the lines under the headline: a repeat as its own teaser counts as none
        if block_anchor is not None and block_anchor < start:
            echoed = own_teasers(block_anchor, start, texts, rules, words, ends, scores, min_words)
            if echoed:
                lead_scores = list(scores)
                for i in echoed:
                    lead_scores[i] = 0.0
        t = anchor if deck < found and anchor is not None else title_before(words, undated, ends, start)
        named = named_headline(texts, words, rules, ends, anchor, start, end)
        headline = title_line(texts, words, rules, ends, named, t)
        titled = None  # the line taken for the title: the headline, unless it is only the line above the body
        if named is None:
            said = cache(lambda: topic_keys(body_lead(texts, labels, start, end)))  # only if a line needs it
            titled = first_line_title(texts, words, rules, start, said)
            if titled is None:  # a page saved without its <title>: the headline says what the body says
                titled = topic_headline(texts, words, rules, ends, start, said)
            if titled is None:  # or stands over the date it came out
                titled = dated_headline(texts, words, rules, ends, start, said)
        if titled is None:
            titled = headline if headline is not None else title_part_above(texts, rules, start)
        if titled is not None:
            title = headline_part(texts[0]) if titled == 0 else headline_alone(texts[titled], texts[0])
            if (titled > 0 and title.startswith(texts[titled - 1])  # (texts has no blank line)
                    and (rules[titled - 1] == R.TIMESTAMP or date_line(texts[titled - 1], other_words=0))):
                title = without_date_above(title, texts[titled - 1])  # "Jun 17" over "Jun 17 Headline"
            labels[titled] = R.TITLE
        if published is None:  # a date line under the headline ("05.06.2025 um 14:46")
            published = date_above(texts, start, headline) or date_head(texts, found, end)
        if published is None:
            published = _date_around(texts, words, rules, start, end)
        if (block_anchor is not None and block_anchor < start
                and (t is None or t < block_anchor or t > block_anchor and below_headline_label(t, rules, words))
                and headline_furniture(block_anchor, start, undated, words, ends, lead_scores, min_words)):
            t = block_anchor  # the headline, further up than the line just above the body
        dek = None
        head = block_anchor if block_anchor is not None else headline
        if t is not None and head is not None and headline_dek(head, t, texts, rules, words, lead_scores, min_words):
            dek, t = t, head  # the line read as a headline is the dek right under the real one
        elif t is not None and block_anchor is not None and head + 1 < t and not collapsed:
            # a dek right under the headline, with only the headline's furniture (a byline that
            # reads as a headline, a date) between it and the body; in Markdown, one line as the
            # page set it (a paragraph of several is a kicker, a headline and a byline run together)
            for cand in (head + 1, head + 2):
                if (not ends[cand] and (paragraph_nos is None or cand not in members)
                        and headline_dek(head, cand, texts, rules, words, lead_scores, min_words)
                        and headline_furniture(cand, start, undated, words, ends, lead_scores, min_words)):
                    dek, t = cand, head
                    break
        if t is not None:
            lead = [i for i in standfirst(t, start, rules, words, ends, lead_scores, min_words)
                    if i != titled and (i != headline and not author_note(texts[i]) and not credit_next(texts, i)
                                        or i == dek)]
            if dek is not None and dek not in lead:
                lead = sorted([*lead, dek])
            for i in lead:  # the lines between them keep their rules
                labels[i] = None
            if lead:
                start = lead[0]

    if odds is not None:
        name_model(labels, rule_scores, odds)
    mend_drop_caps(texts, labels, start, end, text)  # "T he Davis Cup" (a big first letter set apart)
    paragraphs = tuple(compress(texts[start:end], map(not_, labels[start:end])))  # the rest is labelled
    if links_hinted(texts, words, rules):  # "The report, opens new tab by ...": the hints go, the words stay
        paragraphs = tuple(filter(None, map(without_hints, paragraphs)))
    if unspaced and not collapsed:  # a converter's spaces at a Japanese sentence's links (on a page
        paragraphs = tuple(map(close_inline_gaps, paragraphs))  # run together, they were its line breaks)
    if members or removed:
        single = list(labels)  # the removed items that are one line each
        for i, group in members.items():  # a joined item's lines each carry its label
            if labels[i]:
                removed += _removed_lines(map(_no_of, group), map(_line_of, group), repeat(labels[i]))
                single[i] = None
        removed += _removed_lines(compress(nos, single), compress(texts, single), filter(None, single))
        removed.sort(key=_line_no)
    else:
        removed = _removed_lines(compress(nos, labels), compress(texts, labels), filter(None, labels))
    return Cleaned(title, published, paragraphs, tuple(removed), prose_bytes=prose_bytes(stripped))


# Words besides the date's (dates.date_line) that a date line has at most: DATE_LINE_OTHER_WORDS
# above the body ("Publicado el 25/05/2025 21:57 h"), none in it: a line of the article that is
# nothing but a date goes ("Nov. 18, 2019 7:04 pm ET"), one with a name or another word is more
# often its own (a quoted tweet's signature, a reference's "Retrieved 10 May 2016.", a timeline).
BODY_DATE_OTHER_WORDS = 0
# Further in the body only lines of at most this many words are looked at (such a line is a few
# words long: "21. Mai 2026", "17:41 JST, October 13, 2024"); the body's other short lines took
# as long again as the rest of the search.
BODY_DATE_MAX_WORDS = 8
# The most words a line atop the body that states its date (dates.stated_date, dates.fielded_date)
# has: a dateline with its byline, section and counters; a paragraph that says when is longer.
HEAD_DATELINE_WORDS = 20


def mark_date_lines(texts: list[str], words: list[int], rules: list, start: int, end: int,
                    anchor: int | None) -> list[int]:
    """Give rule TIMESTAMP to the date lines (dates.date_line: "1 de diciembre de 2017 3:00 AM
    PST", "2017년 12월 1일 오후 3:00") with no rule among the DATE_REACH items above the body
    block [start, end), in its first DATE_HEAD_ITEMS, and further in it (with at most
    BODY_DATE_OTHER_WORDS other words and BODY_DATE_MAX_WORDS words), but the headline that repeats the
    page's title (`anchor`): no title, standfirst or body line. So are, above the body and in its
    first items, the lines of at most HEAD_DATELINE_WORDS words that state the date after a word of
    publishing (dates.stated_date: "PUBLISHED: January 16, 2023 at 4:30 p.m. | UPDATED: ..."), and
    in its first items a line of fields with a date (dates.fielded_date). Returns their indices.
    (Looked for there, not on the whole page: a page has some ten lines with a year, each
    read in microseconds, and the page-wide scan for them alone cost 5% of a page's time.)"""
    dated = []
    lo, head = max(0, start - DATE_REACH), min(end, start + DATE_HEAD_ITEMS)
    short = [*compress(range(lo, head), map(le, map(len, texts[lo:head]), repeat(DATE_LINE_MAX_CHARS))),
             *compress(range(head, end), map(le, words[head:end], repeat(BODY_DATE_MAX_WORDS)))]
    for i in compress(short, map(FOUR_DIGITS.search, map(texts.__getitem__, short))):
        if rules[i] is None and i != anchor and date_line(
                texts[i], other_words=DATE_LINE_OTHER_WORDS if i < head else BODY_DATE_OTHER_WORDS):
            rules[i] = R.TIMESTAMP
            dated.append(i)
    # above the body and atop it, a line that says when the article came out with more words than
    # a date line has ("PUBLISHED: January 16, 2023 at 4:30 p.m. | UPDATED: ...", "Veröffentlicht
    # am 13. März 2019 von Name"), and atop it a line of fields ("3. August 2015 · Filed under
    # Name"; above the body such a line is as often the headline with its kicker and date)
    for i in compress(range(lo, head), map(le, words[lo:head], repeat(HEAD_DATELINE_WORDS))):
        if (rules[i] is None and i != anchor and holds_year(texts[i])  # (a menu's lines have none)
                and (texts[i][:1].lower() in STATED_FIRSTS and stated_date(texts[i]) or i >= start and fielded_date(texts[i]))):
            rules[i] = R.TIMESTAMP
            dated.append(i)
    return dated


# The lines above the body that may hold its date when none was found nearer: a timestamp or a
# byline ("By Jane Roe published 19 May 2026"), and a line with no rule, or one read as a counter
# ("2025.05.15 20:00") or a breadcrumb ("3. November 2025 / 20:00"), if it is a date line or
# opens with a date ("November 3, 2025 by Jane Porter 5 Comments"; dates.opening_date).
_DATABLE = (None, R.COUNTER, R.BREADCRUMB)
_STATING = (R.TIMESTAMP, R.BYLINE)  # a timestamp, a byline with its date: any date they state
assert STATED_REACH <= DATE_BEFORE_REACH  # (_date_around's last step leaves to its first the lines above both read)


# The lines under the body read, last, for a line that is nothing but a date: a blog sets its
# post's date under it ("10. September 2017", "15.12.2021"). 4 to 6 gave the same dates on the dev
# sets and trafilatura's even half (0.771 -> 0.782 right; held-out odd half 0.765 -> 0.770).
DATE_BELOW_REACH = 5


def _date_around(texts: list[str], words: list[int], rules: list, start: int, end: int) -> str | None:
    """The date of a page none of whose date lines by its headline or atop its body gave one: the
    nearest date of the DATE_BEFORE_REACH items above the body (past a byline block or a caption),
    else the nearest date field of a line of fields there (dates.fielded_date), else the date of a
    byline, timestamp or line of fields among the body's first DATE_HEAD_ITEMS items, else the date a
    line states up to STATED_REACH items above or below it ("Veröffentlicht am 16.08.2019";
    dates.stated_date), else the date a line outside the body states after other words
    ("„Title“ von Name Veröffentlicht am 11. Juni 2019"), else the dateline the body's first
    paragraph opens with (dates.lede_date), else that of a line of nothing but a date among the
    DATE_BELOW_REACH items under the body."""
    found = nearest_date(texts, (i for i in range(start - 1, max(-1, start - 1 - DATE_BEFORE_REACH), -1)
                                 if rules[i] in _STATING
                                 or rules[i] in _DATABLE and (date_line(texts[i]) or opening_date(texts[i]))))
    if found is None:  # a line of fields with a date among them ("Name / 22.04.2020 / 06:15 / Foto: ...")
        found = next(filter(None, (fielded_date(texts[i]) for i in range(start - 1, max(-1, start - 1 - DATE_BEFORE_REACH), -1)
                                   if rules[i] in _DATABLE)), None)  # (a timestamp's or byline's: nearest_date read it)
    if found is None:  # in the body's head: a byline or a timestamp with its date, a line of fields
        found = next(filter(None, (stamped_date(texts[i]) if rules[i] in _STATING else fielded_date(texts[i])
                                   for i in range(start, min(end, start + DATE_HEAD_ITEMS))
                                   if rules[i] in _STATING or rules[i] in _DATABLE)), None)
    if found is None:
        found = next(filter(None, (stated_date(texts[i]) for i in range(max(0, start - STATED_REACH),
                                                                         min(len(texts), end + STATED_REACH))
                                   if words[i] <= STATED_MAX_WORDS and texts[i][:1].lower() in STATED_FIRSTS)), None)
    if found is None:  # a lead word inside a line above or below the body (not in it), after a title or byline
        above = (i for i in range(start - 1, max(-1, start - 1 - STATED_REACH), -1)
                 if rules[i] in _DATABLE)  # (a timestamp's or byline's there: nearest_date read it so)
        below = (i for i in range(end, min(len(texts), end + STATED_REACH)) if rules[i] in _DATABLE or rules[i] in _STATING)
        found = next(filter(None, (stated_date(texts[i], within=True) for i in chain(above, below)
                                   if words[i] <= STATED_MAX_WORDS)), None)
    if found is None and start < end:  # a lede's dateline: "Feb. 23, 2015 -- Life-threatening peanut allergies ..."
        found = lede_date(texts[start])
    if found is None:  # a line that is nothing but a date right under the body (a blog's "10. September 2017")
        found = next(filter(None, (line_date(texts[i], other_words=0)
                                   for i in range(end, min(len(texts), end + DATE_BELOW_REACH)))), None)
    return found


def _undated(rules: list, dated: list[int]) -> list:
    """The rules as they were before mark_date_lines gave the `dated` items theirs."""
    if not dated:
        return rules
    out = list(rules)
    for i in dated:
        out[i] = None
    return out


def _item_at(nos: list[int], rules: list, line_no: int) -> int | None:
    """The item that starts at this line number and has no rule, or None."""
    i = bisect_left(nos, line_no)
    return i if i < len(nos) and nos[i] == line_no and rules[i] is None else None


_line_no = attrgetter("line_no")
_no_of, _line_of = itemgetter(0), itemgetter(1)  # of rejoin's (line number, text) pairs