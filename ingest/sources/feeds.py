"""RSS and Atom feeds with full content (.rss, .atom, or .xml whose root is a feed): one input an entry.

Splitting. The feed is read once by expat (xml.parsers.expat, linear, no regex over the
feed, as bytes), which reports the byte offset of every element's start and end tag; each RSS
`<item>` (RSS 0.9x, 1.0 and 2.0) or Atom `<entry>` becomes an input of its own at
`feed.xml#entry=N` (N counts the feed's entries from 1, as read). A file that is not
well-formed XML is a reject with expat's line and column; entries before the error are
read (an undefined entity such as `&nbsp;`, common in real feeds, is no error: expat is
told the feed has an external DTD, which it does not load).

What each entry stores as its raw input (decision). The archive keeps raw inputs byte for
byte, and `reclean` must rebuild an article from its stored input alone. The entry's own
element is not enough: its namespace prefixes (`content:encoded`, `dc:creator`) are
declared on the feed's root, and the feed's title (the article's site) lies outside it.
So an entry's raw input is a small XML document made of verbatim byte slices of the feed,
joined by line breaks, with closing tags:

    the feed's XML declaration (if any, so its encoding is kept)
    the root's start tag (`<rss ...>`, `<feed ...>`, `<rdf:RDF ...>`: the namespaces)
    the start tag of the entry's parent (`<channel>`), when that is not the root
    the feed's `<title>` element, when it has one outside the entries
    the entry's element, from `<item` to `</item>`, exactly as in the feed
    the closing tags (`</channel>`, `</rss>`)

Nothing else of the feed goes in (not `lastBuildDate`, which changes at every fetch), so
an unchanged entry of a re-fetched feed has the same bytes and sha256 and is not read
again. What goes around the entry is stored with every entry, so it is bounded
(MAX_AROUND_BYTES; a feed whose start tags and title take more is a reject). The entry's
bytes are a contiguous slice of the file, found in the stored input between the header
lines and the closing tags. `reclean` and `clean` parse this document
with feedparser as the ingest did.

A feed in UTF-16 or UTF-32 (rare) is a reject asking for UTF-8: the pieces above are
joined with ASCII line breaks and tags. Every encoding that keeps ASCII as ASCII (UTF-8,
ISO-8859-*, windows-125*, Shift_JIS, ...) is kept as it is, its declaration with it.

Decoding. feedparser (lenient, sanitising) reads the stored document. The body is the
entry's full content (`content:encoded`, Atom `<content>`), else its description or
summary if it has at least MIN_SUMMARY_WORDS words (a teaser is not an
article); HTML is cleaned as a page, text as an extracted article body. The entry's link
is its URL, its title, published (else updated) date and author are the article's, and
the feed's title is its site. An entry without text is a reject naming it.
"""

from __future__ import annotations

import hashlib
import html
import re
import time
import xml.parsers.expat as expat
from typing import Any

from ..config import InputOptions
from ..models import HTML, TEXT, RawDocument, RecordMeta, Reject
from ..provenance import canonical_url, site_of
from .files import InputFile, source_of

FEED_FILE = (".rss", ".atom")
XML_FILE = ".xml"
FEED_ROOTS = ("rss", "feed", "rdf")  # local names, lower case
ENTRY_ELEMENTS = ("item", "entry")
MIN_SUMMARY_WORDS = 50  # fewer words is a teaser (a sentence or two), not an article
# What is stored around each entry (declaration, root and parent start tags, the feed's
# title) is a few hundred bytes in real feeds; more would be stored again with every entry.
MAX_AROUND_BYTES = 65_536
_HEAD_BYTES = 65_536  # the root element is looked for in the file's first 64 KB
_LOCATION = re.compile(r"#entry=\d+$")
_TAGS = re.compile(r"<[^<>]{0,2000}>")  # for counting a summary's text (bounded: linear)


def is_location(location: str) -> bool:
    """Whether a stored location names one entry of a feed."""
    return _LOCATION.search(location) is not None


def _skip_prolog(head: bytes) -> int:
    """The offset of the first element's `<` in an XML head (after a BOM, the declaration,
    processing instructions, comments and a DOCTYPE), or -1 if there is none in `head`."""
    i = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    while True:
        while i < len(head) and head[i] in b" \t\r\n":
            i += 1
        if head.startswith(b"<?", i):
            end = head.find(b"?>", i)
            i = -1 if end < 0 else end + 2
        elif head.startswith(b"<!--", i):
            end = head.find(b"-->", i)
            i = -1 if end < 0 else end + 3
        elif head.startswith(b"<!", i):  # DOCTYPE, perhaps with an internal subset [ ... ]
            bracket, close = head.find(b"[", i), head.find(b">", i)
            if 0 <= bracket < close:
                close = head.find(b"]", bracket)
                close = -1 if close < 0 else head.find(b">", close)
            i = -1 if close < 0 else close + 1
        elif head.startswith(b"<", i):
            return i
        else:
            return -1
        if i < 0:
            return -1


def root_name(data: bytes) -> str | None:
    """The local name of the document's root element, lower case (None if none is found)."""
    head = data[:_HEAD_BYTES]
    start = _skip_prolog(head)
    if start < 0:
        return None
    name = re.match(rb"<([A-Za-z_][\w.:-]{0,100})", head[start:start + 110])
    return name.group(1).decode("ascii", "replace").rsplit(":", 1)[-1].lower() if name else None


def has_feed_root(data: bytes) -> bool:
    """Whether the bytes are an XML document whose root is an RSS, RDF or Atom feed."""
    return root_name(data) in FEED_ROOTS


def is_feed(name: str, data: bytes) -> bool:
    """Whether a file is read as a feed: by its ending (.rss, .atom), or a .xml with a feed root."""
    lower = name.lower().removesuffix(".gz")
    return lower.endswith(FEED_FILE) or (lower.endswith(XML_FILE) and has_feed_root(data))


def _tag_end(data: bytes, start: int) -> int:
    """The offset just after the start tag that begins at `start` (quoted `>` skipped); a tag
    longer than MAX_AROUND_BYTES ends there for this purpose (the feed is then refused)."""
    i, quote = start + 1, 0
    n = min(len(data), start + MAX_AROUND_BYTES + 1)
    while i < n:
        byte = data[i]
        if quote:
            if byte == quote:
                quote = 0
        elif byte in b"\"'":
            quote = byte
        elif byte == 0x3e:  # ">"
            return i + 1
        i += 1
    return n


class _Splitter:
    """Collects, while expat reads the feed, the byte ranges of its root start tag, its
    title and its entries (with the start tag of each entry's parent)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        # Read as ISO-8859-1 whatever the feed declares: one character a byte, so offsets are
        # bytes and no encoding is unknown to expat (Shift_JIS, GBK, Big5 are refused by it)
        # or invalid (a stray byte in UTF-8). The splitter reads only tags, and `<`, `>`, `/`,
        # quotes and tag names are ASCII bytes in every encoding that keeps ASCII as ASCII,
        # never part of a multi-byte character in those; the entries are decoded by feedparser.
        self.parser = expat.ParserCreate(encoding="iso-8859-1")
        self.parser.UseForeignDTD(True)  # undefined entities (&nbsp;) are then no error
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.stack: list[tuple[str, int]] = []  # (qualified name, start offset) of open elements
        self.root: tuple[str, int, int] | None = None  # name, start, end of its start tag
        self.title: tuple[int, int, int] | None = None  # parent start, start, end
        self.entry: tuple[int, int] | None = None  # parent start, start of the entry being read
        self.entries: list[tuple[int, int, int]] = []  # parent start, start, end
        self.parents: dict[int, str] = {}  # start offset -> name, of the entries' and title's parents
        self.title_start: int | None = None
        self._around: dict[int, tuple[bytes, bytes]] = {}  # entry parent -> what goes before and after

    def _start(self, name: str, attrs: Any) -> None:
        start = self.parser.CurrentByteIndex
        local = name.rsplit(":", 1)[-1].lower()
        if not self.stack:
            self.root = (name, start, _tag_end(self.data, start))
        elif self.entry is None:
            parent_name, parent_start = self.stack[-1]
            if local in ENTRY_ELEMENTS:
                self.entry = (parent_start, start)
                self.parents[parent_start] = parent_name
            elif local == "title" and self.title is None and self.title_start is None and \
                    (len(self.stack) == 1 or parent_name.rsplit(":", 1)[-1].lower() == "channel"):
                self.title_start = start
        self.stack.append((name, start))

    def _end(self, name: str) -> None:
        at = self.parser.CurrentByteIndex
        # an end tag `</x>` starts at `at`; for an empty element `<x/>` expat reports its end
        end = self.data.find(b">", at) + 1 if self.data.startswith(b"</", at) else at
        _, start = self.stack.pop()
        if self.entry is not None and start == self.entry[1]:
            self.entries.append((self.entry[0], start, end))
            self.entry = None
        elif self.title_start == start:
            self.title = (self.stack[-1][1], start, end)
            self.parents[self.stack[-1][1]] = self.stack[-1][0]
            self.title_start = None

    def parse(self) -> str | None:
        """Read the feed; None when it is well-formed, else expat's error."""
        try:
            self.parser.Parse(self.data, True)
        except expat.ExpatError as exc:
            return f"{expat.ErrorString(exc.code)} at line {exc.lineno}, column {exc.offset + 1}"
        return None

    def around(self, parent: int) -> tuple[bytes, bytes]:
        """What an entry whose parent starts at `parent` is stored between (see the module's
        docstring): the declaration, start tags and title before it, the closing tags after."""
        if parent in self._around:
            return self._around[parent]
        data = self.data
        root_name_, root_start, root_end = self.root  # type: ignore[misc]
        parts = []
        if data.startswith(b"<?xml", 0) or data.startswith(b"\xef\xbb\xbf<?xml"):
            parts.append(data[:data.find(b"?>") + 2])
        parts.append(data[root_start:root_end])
        title = self.title
        if title is not None and title[0] == root_start:  # Atom: the feed's title is the root's child
            parts.append(data[title[1]:title[2]])
        elif title is not None and title[0] != parent:  # RSS 1.0: in <channel>, the items beside it
            parts += [data[title[0]:_tag_end(data, title[0])], data[title[1]:title[2]],
                      f"</{self.parents[title[0]]}>".encode()]
        if parent != root_start:
            parts.append(data[parent:_tag_end(data, parent)])
            if title is not None and title[0] == parent:  # RSS 2.0: <channel><title> beside the items
                parts.append(data[title[1]:title[2]])
        closing = (f"</{self.parents[parent]}>" if parent != root_start else "") + f"</{root_name_}>"
        self._around[parent] = (b"\n".join(parts), closing.encode())
        return self._around[parent]


def split(item: InputFile) -> list[InputFile | Reject]:
    """The feed as one input an entry (see the module's docstring), and a Reject for a file
    that is not a well-formed feed (the entries before the error are kept)."""
    if item.data[:2] in (b"\xff\xfe", b"\xfe\xff") or item.data[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        return [Reject(item.location, "a feed in UTF-16 or UTF-32 is not read (its entries could not be kept "
                                      "byte for byte): convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8",
                       item.sha256)]
    splitter = _Splitter(item.data)
    error = splitter.parse()
    if splitter.root is None or splitter.root[0].rsplit(":", 1)[-1].lower() not in FEED_ROOTS:
        what = f"its root element is <{splitter.root[0]}>" if splitter.root else f"not XML ({error})"
        return [Reject(item.location, f"not an RSS or Atom feed: {what}", item.sha256)]
    out: list[InputFile | Reject] = []
    for number, (parent, start, end) in enumerate(splitter.entries, 1):
        before, after = splitter.around(parent)
        if len(before) > MAX_AROUND_BYTES:
            return [Reject(item.location, f"not a feed that is read: its start tags and title take more than "
                                          f"{MAX_AROUND_BYTES:,} bytes, which every entry would store again",
                           item.sha256)]
        raw = b"\n".join((before, item.data[start:end], after))
        out.append(InputFile(item.path, f"{item.location}#entry={number}", hashlib.sha256(raw).hexdigest(), raw))
    if error is not None:
        rest = item.data[splitter.entries[-1][2] if splitter.entries else 0:]
        out.append(Reject(f"{item.location}#entry={len(splitter.entries) + 1}",
                          f"the feed is not well-formed XML after its {len(splitter.entries)} entries read: "
                          f"{error}"[:300], f"feed:{hashlib.sha256(rest).hexdigest()}"))
    elif not splitter.entries:
        out.append(Reject(item.location, "a feed without entries (no <item> or <entry>)", item.sha256))
    return out


def _iso(parsed: Any) -> str | None:
    """A feedparser date (a UTC time.struct_time) as ISO 8601."""
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None
    except (TypeError, ValueError):
        return None


def _words(value: str) -> int:
    """About how many words of text an HTML fragment holds (in any script: clean.scripts)."""
    from ..clean.scripts import word_count  # here: ingest.clean loads trafilatura, which reading needs not

    return word_count(" ".join(html.unescape(_TAGS.sub(" ", value)).split()))


def _body(entry: Any) -> tuple[str, bool] | None:
    """The entry's article text and whether it is HTML: its full content, else a long
    enough description or summary."""
    for content in entry.get("content") or ():
        value = content.get("value") or ""
        if value.strip():
            return value, "html" in (content.get("type") or "")
    summary = entry.get("summary") or ""
    if _words(summary) >= MIN_SUMMARY_WORDS:
        kind = (entry.get("summary_detail") or {}).get("type") or ""
        return summary, "html" in kind
    return None


def document(item: InputFile, root_source: str | None, site_source: bool,
             options: InputOptions) -> RawDocument | Reject:
    """One stored entry as a RawDocument with its link, title, date, author and feed title
    (RecordMeta), or a Reject naming the entry when it has no article text."""
    import feedparser  # here: 40-90 ms of imports that a run without feeds need not pay

    parsed = feedparser.parse(item.data, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries:
        return Reject(item.location, "not a feed entry that could be read", item.sha256)
    entry = parsed.entries[0]
    body = _body(entry)
    if body is None:
        return Reject(item.location, f"feed entry without text: no full content (content:encoded, Atom "
                                     f"<content>) and no description or summary of {MIN_SUMMARY_WORDS} "
                                     f"words or more", item.sha256)
    text, is_html = body
    title = " ".join((entry.get("title") or "").split()) or None
    meta = RecordMeta(url=(entry.get("link") or "").strip() or None, title=title,
                      published=_iso(entry.get("published_parsed") or entry.get("updated_parsed"))
                      or entry.get("published") or entry.get("updated"),
                      author=" ".join((entry.get("author") or "").split()) or None,
                      site=" ".join((parsed.feed.get("title") or "").split())[:200] or None)
    if is_html:  # the content is an article's body: cleaned as the page it would be
        text = (f"<html><head><title>{html.escape(title or '')}</title></head><body><article>{text}"
                f"</article></body></html>")
    cut = text[:options.max_clean_bytes]
    site = (meta.site or site_of(canonical_url(meta.url), None)) if site_source else None
    return RawDocument(item.location, item.sha256, HTML if is_html else TEXT, item.data, cut,
                       source_of(item, site, root_source), len(cut) < len(text), len(item.data), meta)
