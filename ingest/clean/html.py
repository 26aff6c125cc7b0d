"""HTML boilerplate removal: three readings of the page, the body chosen by agreement.

The page is parsed once (trafilatura's loader) and read three ways:
trafilatura (precision mode, no comments; also the title and date),
readability-lxml, and the plain-text line classifier on the page's block text.
ingest.clean.choose picks the body: trafilatura's reading unless the others'
evidence shows it stopped early or found (almost) nothing; a longer reading is
never taken for its length alone. When the classifier's reading already lies
inside trafilatura's (most pages), readability is not run. The chosen reading's lines go through the
plain-text shape rules (share rows, captions, ...) only where a line is short:
a rule never deletes a long line; a photo gallery's slides (numbered "k/N" with one
total, ingest.clean.gallery) go whatever their length, before the readings are
compared; a line of the page's <pre> text (code) is no shape rule's. The chosen
extractor's reading is then checked against the page's markup (ingest.clean.structure;
trafilatura's paragraphs cut at source line breaks are first made whole again, and get
back the page's soft hyphens): a run of teaser links inside it goes ("markup:link-list"),
and a reading that was nothing else (the extractors both read a box of teasers) gives way
to the line classifier's, whose runs of links go too; a section heading or list item it
dropped between two of its lines comes back, and so does a paragraph (<p>, no caption) it
dropped there, or the article's opening text it dropped above its first line, that the
line classifier keeps. Every page line left out of the
body is kept with the rule that removed it: a shape rule, the line classifier's rule,
or "extractor:<name>" when the chosen extractor left it out.
"""

from __future__ import annotations

import logging
import re
from copy import copy
from functools import cache
from itertools import compress

import lxml.html
from lxml import etree
from readability import Document
from trafilatura import bare_extraction, extract_metadata

from . import rules as R
from .choose import (CLASSIFIER, READABILITY, TRAFILATURA, Choice, choose_reading, containment, grams,
                     reading_grams, settled)
from .cleaned import Cleaned
from .gallery import gallery_lines
from .player import player_lines
from ..config import CleanOptions
from ..provenance import declared_language
from .guard import prose_bytes
from .headline import TOPIC_LEAD_CHARS, shown_headline, told_title, topic_keys
from .titleparts import without_site
from .notices import notice
from .htmltext import media_captions, tree_to_block_lines, tree_to_lines
from .pagetree import as_laid_out, parse_page
from .structure import (link_lists, rejoin_broken_lines, restore_dropped_words, restore_opening, restore_sections,
                        restore_soft_hyphens)
from ..models import RemovedLine
from .sitelines import label_site_lines
from .lines import word_counts
from .scripts import has_unspaced
from .text import BODY_DATE_MAX_WORDS, BODY_DATE_OTHER_WORDS, clean_text
from .dates import DATE_HEAD_ITEMS, DATE_LINE_OTHER_WORDS, FOUR_DIGITS, date_line, page_date

# readability logs a traceback for pages it cannot read; we fall back quietly.
logging.getLogger("readability").addHandler(logging.NullHandler())
logging.getLogger("readability").propagate = False

# Shape rules apply to a chosen reading's lines under this many words only.
RULE_MAX_WORDS = 40
# A page line is in the body when this share of its 4-grams is.
IN_BODY = 0.5
EXTRACTOR_RULE = {TRAFILATURA: R.EXTRACTOR_TRAFILATURA, READABILITY: R.EXTRACTOR_READABILITY}
# A reading's list-item marker ("- " in trafilatura's text), left out when looking for slide counters.
_LIST_MARK = re.compile(r"[-*\u2022]\s+")


def _trafilatura(root: etree._Element, options: CleanOptions):
    """trafilatura's extraction with the page's metadata; where it extracts no text (a page whose
    text it prunes) and so returns nothing, the metadata alone (title, date, URL, site, author),
    which do not depend on the text; None if it cannot read the page."""
    try:  # bare_extraction works on its own copy of the tree
        doc = bare_extraction(root, include_comments=options.include_comments,
                              favor_precision=options.favor_precision, with_metadata=True,
                              output_format="python")
        return doc if doc is not None else extract_metadata(copy(root))  # (readability reads root next)
    except (ValueError, TypeError, AttributeError):  # malformed markup trafilatura rejects
        return None


def _readability(root: etree._Element) -> list[str]:
    """readability-lxml's article, one line per block. Drops hidden elements from `root`."""
    try:
        summary = Document(root).summary()
        return tree_to_lines(lxml.html.document_fromstring(summary)).splitlines()
    except Exception:  # noqa: BLE001 - readability wraps any failure in its own Unparseable
        return []


def extracted_text(text: str, title: str | None = None) -> Cleaned:
    """An article body another extractor already made (a scraper's record): its lines are
    kept but for a leading repeat of the title and short lines a shape rule names (share
    rows, ad markers), as trafilatura's reading is; no density reasoning, which would
    judge a short extracted article as a page."""
    kept, removed = _shape_rules(text.splitlines(), title)
    return Cleaned(title, None, tuple(kept), tuple(removed))


def _preformatted(root: etree._Element) -> frozenset[str]:
    """The stripped lines of the page's preformatted text (<pre>: code, a poem, an RFC).

    One walk of the tree, only on a page that has a <pre>: a <pre> inside another is
    read once, not once for each <pre> around it.
    """
    if next(root.iter("pre"), None) is None:
        return frozenset()
    parts: list[str] = []
    inside = 0  # how many <pre> elements the walk is in
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if not isinstance(el.tag, str):  # a comment or processing instruction: only its tail
            if event == "end" and inside and el.tail:
                parts.append(el.tail)
            continue
        if event == "start":
            inside += el.tag == "pre"
            if inside and el.text:
                parts.append(el.text)
        else:
            inside -= el.tag == "pre"
            if inside and el.tail:
                parts.append(el.tail)
    return frozenset(line.strip() for line in "".join(parts).splitlines() if line.strip())


def _shape_rules(lines: list[str], title: str | None,
                 preformatted: frozenset[str] = frozenset()) -> tuple[list[str], list[RemovedLine]]:
    """Keep a reading's lines; drop a photo gallery, a video player's controls, a leading title
    repeat, table rows of empty cells, short lines a shape rule names, and date lines: among its first DATE_HEAD_ITEMS
    lines one with a few other words ("Veröffentlicht am 06.12.2022"), further down one that is
    nothing but a date, as the line classifier reads them atop and in the body (text.mark_date_lines).
    A line of the page's preformatted text is no shape rule's: a line of code ("*,", "3",
    "(n - mean) / stddev") has the shape of a bullet, a counter or a crumb."""
    kept: list[str] = []
    removed: list[RemovedLine] = []
    in_gallery = _gallery(lines)
    in_player = _player(lines)
    spaced = " ".join(title.split()) if title else None  # (the page's title may space it otherwise)
    for no, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if in_gallery[no]:
            removed.append(RemovedLine(no, line, R.GALLERY))
            continue
        if no in in_player:
            removed.append(RemovedLine(no, line, R.EMBED))
            continue
        if spaced and not kept and (line == title or " ".join(line.split()) == spaced):
            removed.append(RemovedLine(no, line, R.TITLE))
            continue
        n_words = len(line.split())
        code = line in preformatted or ((m := _LIST_MARK.match(line)) is not None
                                        and line[m.end():] in preformatted)
        if code:
            rule = None
        elif R.empty_table_row(line):
            rule = R.EMPTY_ROW
        else:
            # a longer line can still be a notice with a higher bound (an affiliate disclosure)
            rule = R.match_line(line, n_words) if n_words < RULE_MAX_WORDS else notice(line.lower(), n_words)
        if rule is None and n_words <= BODY_DATE_MAX_WORDS and FOUR_DIGITS.search(line) and date_line(
                line, other_words=DATE_LINE_OTHER_WORDS if no < DATE_HEAD_ITEMS else BODY_DATE_OTHER_WORDS):
            rule = R.TIMESTAMP
        if rule is not None:
            removed.append(RemovedLine(no, line, rule))
        else:
            kept.append(line)
    return kept, removed


def _gallery(lines: list[str]) -> list[bool]:
    """Whether each line of a reading belongs to a photo gallery (ingest.clean.gallery).

    An extractor keeps a slideshow ("- 1/50 Title caption", "- 2/50 ...") as a list
    inside the article; its list markers are left out so the slide counters open the lines.
    """
    texts = [line.strip() for line in lines]
    texts = [text[m.end():] if (m := _LIST_MARK.match(text)) else text for text in texts]
    return gallery_lines(texts, "".join(text[:1] or " " for text in texts))


def _player(lines: list[str]) -> set[int]:
    """The indices of a reading's lines that are a video player's controls (ingest.clean.player),
    as the line classifier finds them: among the non-blank lines, stripped."""
    filled = [no for no, line in enumerate(lines) if line.strip()]
    return set(compress(filled, player_lines([lines[no].strip() for no in filled])))


# The rules the line classifier gives a line by what it says where it stands (a prompt among the
# body's last lines, a privacy notice, a comment box's prompt, a feedback widget, a tip line, a
# photo's caption or credit): an extractor keeps such a line as a paragraph. (Not a copyright
# notice: an RFC's is its text.)
_TOLD_RULES = frozenset({R.SUBSCRIBE, R.PRIVACY, R.COMMENTS, R.FEEDBACK, R.CONTACT, R.CAPTION})


def _told_prompts(body: list[str], classifier_removed: tuple[RemovedLine, ...]) -> tuple[list[str], list[RemovedLine]]:
    """The reading's lines without those the line classifier removed by one of _TOLD_RULES, and
    those lines, removed with its rule. Only lines under RULE_MAX_WORDS words, as for the shape
    rules: an extractor's one long line can be a whole body that opens with a photo's credit."""
    told = {r.text: r.rule for r in classifier_removed
            if r.rule in _TOLD_RULES and len(r.text.split()) < RULE_MAX_WORDS}
    if not told or not any(line in told for line in body):
        return body, []
    return ([line for line in body if line not in told],
            [RemovedLine(no, line, told[line]) for no, line in enumerate(body) if line in told])


def _reading_prompts(body: list[str]) -> tuple[list[str], list[RemovedLine]]:
    """The reading's lines without the prompts the line classifier tells in a body's lines: one
    among its last lines that bids the reader subscribe or follow, one anywhere that bids the reader
    not miss the site's news or points to its privacy policy, and one among its last lines that
    lists the article's tags (sitelines.label_site_lines), and those lines, removed with their rules. The classifier's own body
    may end elsewhere: these are the reading's last lines."""
    if len(body) < 2:
        return body, []
    text = "\n".join(body)
    unspaced = has_unspaced(text)
    words = word_counts(text, body, unspaced)
    labels: list[str | None] = [None] * len(body)
    label_site_lines(0, len(body), labels, body, words, unspaced)
    if not any(labels):
        return body, []
    return ([line for line, label in zip(body, labels) if label is None],
            [RemovedLine(no, line, label) for no, (line, label) in enumerate(zip(body, labels)) if label])


def _left_out(page_lines: list[str], body: list[str], body_grams: set, removed: list[RemovedLine],
              classifier_removed: tuple[RemovedLine, ...], reading: str) -> list[RemovedLine]:
    """Page lines that are neither in the body nor already removed, with who left them out.

    Line numbers are the page's block lines (as the line classifier numbers them).
    """
    seen = {r.text for r in removed} | set(body)
    by_classifier = {r.line_no: r.rule for r in classifier_removed}
    out = []
    for no, line in enumerate(page_lines):
        line = line.strip()
        if not line or line in seen or containment(grams(line), body_grams) >= IN_BODY:
            continue
        out.append(RemovedLine(no, line, by_classifier.get(no) or EXTRACTOR_RULE[reading]))
    return out


def clean_html(html: str, options: CleanOptions) -> Cleaned:
    """Extract title, date and body paragraphs of an HTML page (empty body if none)."""
    root = parse_page(html) if html.strip() else None
    if root is None:
        return Cleaned(None, None, (), (), language=declared_language(html))
    as_laid_out(root)
    page_lines, kinds = tree_to_block_lines(root)  # first: readability changes the tree
    preformatted = _preformatted(root)
    captions = media_captions(root)
    doc = _trafilatura(root, options)
    title = ((doc.title if doc else None) or "").strip() or None
    if title:  # "Headline | Site": the site has its own field
        title = without_site(title, getattr(doc, "sitename", None), getattr(doc, "url", None))
    published = page_date(doc.date if doc else None, html, getattr(doc, "url", None))
    text = clean_text("\n".join(page_lines), options, saved_widths=False)
    if title and text.title and page_lines:  # trafilatura's title against the classifier's
        said = cache(lambda: topic_keys("\n".join(text.paragraphs)[:TOPIC_LEAD_CHARS] + "\n"
                                        + (doc.text or "")[:TOPIC_LEAD_CHARS]))  # (only if a title needs it)
        title = told_title(title, text.title, page_lines[0], said)
    if title:
        title = shown_headline(root, title)
    traf_lines = rejoin_broken_lines((doc.text or "").splitlines(), page_lines) if doc else []
    traf_lines = restore_soft_hyphens(traf_lines, page_lines)
    agreed = frozenset(text.paragraphs)  # the line classifier's reading: evidence for putting lines back
    traf_lines = restore_dropped_words(traf_lines, page_lines, kinds, agreed, captions)
    traf, traf_removed = _shape_rules(traf_lines, title, preformatted)
    gt, gl = reading_grams(traf), reading_grams(text.paragraphs)
    read: list[str] = []
    read_removed: list[RemovedLine] = []
    if settled(gt, gl):
        choice, gr = Choice(TRAFILATURA, "classifier agrees"), set()
    else:
        read, read_removed = _shape_rules(_readability(root), title, preformatted)
        gr = reading_grams(read)
        choice = choose_reading(gt, gr, gl)
    meta = _page_meta(doc, html, page_lines)
    if choice.reading != CLASSIFIER:
        body, removed, body_grams = ((traf, traf_removed, gt) if choice.reading == TRAFILATURA
                                     else (read, read_removed, gr))
        body, links = link_lists(body, page_lines, kinds)
        if links and not body and text.paragraphs:  # the extractor read nothing but a box of teaser links
            choice = Choice(CLASSIFIER, "the extractors' reading was all links")
    if choice.reading == CLASSIFIER:  # its runs of lines that are links go as an extractor's do
        kept, links = link_lists(list(text.paragraphs), page_lines, kinds)
        paragraphs, removed = text.paragraphs, text.removed
        if kept and links:
            paragraphs, removed = tuple(kept), removed + tuple(_numbered(links, page_lines))
        return Cleaned(title or text.title, published or text.published, paragraphs, removed, *meta)
    restored = restore_sections(restore_opening(body, page_lines, kinds, title, agreed, captions, removed),
                                page_lines, kinds, title, removed, agreed, captions)
    if links or len(restored) > len(body):
        body, removed, body_grams = restored, removed + links, reading_grams(restored)
    body, prompts = _told_prompts(body, text.removed)
    body, own = _reading_prompts(body)
    prompts += own
    if prompts:
        removed, body_grams = removed + prompts, reading_grams(body)
    removed = _numbered(removed, page_lines)
    removed += _left_out(page_lines, body, body_grams, removed, text.removed, choice.reading)
    if choice.reading == READABILITY:
        title = title or text.title
    return Cleaned(title, published or text.published, tuple(body), tuple(removed), *meta)


def _numbered(removed: list[RemovedLine], page_lines: list[str]) -> list[RemovedLine]:
    """The removed lines numbered by their place among the page's block lines, where they are
    one (a reading's line is numbered by its place in the reading until then)."""
    where: dict[str, int] = {}
    for no, line in enumerate(page_lines):
        where.setdefault(line, no)
    return [RemovedLine(where.get(r.text, r.line_no), r.text, r.rule) for r in removed]


def _page_meta(doc, html: str, page_lines: list[str]) -> tuple[str | None, str | None, str | None, str | None, int]:
    """(url, site name, author, declared language, prose bytes) of the page: trafilatura's
    metadata, the <html lang> and the size of its prose (for ingest.clean.guard)."""
    found = (getattr(doc, "url", None), getattr(doc, "sitename", None), getattr(doc, "author", None)) \
        if doc is not None else (None, None, None)
    return (*found, declared_language(html), prose_bytes(page_lines))
