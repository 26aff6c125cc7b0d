"""Search in scripts that articles_fts cannot search: the second full-text index.

SQLite's unicode61 tokenizer takes a run of Chinese or Japanese characters for one
token, so a word inside a sentence cannot be found in `articles_fts`; and it keeps
Arabic and Hebrew vowel marks inside a word (it must: a Hindi word's vowel signs are
its letters), so "جدا" (very) does not find "جداً", nor "محمد" "مُحَمَّد". `_script_fts`
indexes, for the articles that hold such text, their title and text in their search
form (search_form): every run of a script without spaces written as its overlapping
character bigrams ("経済政策" -> "経済 済政 政策"), as Lucene's CJK analyzer does, and
Arabic and Hebrew words without their optional marks (harakat and tanween, shadda,
the superscript alef, Quranic signs, the tatweel that stretches a word; Hebrew points);
other words stay words. A query is rewritten the same way: a two-character word is
one bigram, a longer one the phrase of its bigrams, a single character a prefix. The
table is contentless (the text is stored once, in articles), so its snippets are made
here, from a bounded stretch of the article's text.

The writer keeps the table (a trigger would need this module's function in every
connection that writes articles, datasette's and sqlite3's too). An archive made before
it folded marks has the older `_bigram_fts` instead, dropped and made again as
`_script_fts` on its next write.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Iterable

from .connection import sql_string

SCRIPT_FTS = "_script_fts"
OLDER_FTS = "_bigram_fts"  # the index before marks were folded: bigrams only
# Thai, Lao, Myanmar, Khmer, kana, CJK ideographs (with extension A, compatibility
# ideographs and the supplementary planes' ideographs).
NOSPACE = ("\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff"
           "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f")
NOSPACE_RUN = re.compile(f"[{NOSPACE}]+")
# The same characters as a GLOB class, to find the articles that hold some in SQL.
NOSPACE_GLOB = "*[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]*"
# The marks a writer of Arabic or Hebrew may leave out of a word: Arabic's Quranic
# annotation signs, tatweel, harakat (tanween, fatha, damma, kasra, shadda, sukun, ...),
# superscript alef and small high Quranic marks; Hebrew's cantillation and vowel points
# (not maqaf, paseq or sof pasuq, which are punctuation).
FOLDED_MARKS = ("\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8"
                "\u06ea-\u06ed\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7")
_FOLDED = re.compile(f"[{FOLDED_MARKS}]+")
# Arabic (with its supplement, extended-A and presentation forms) and Hebrew: the
# articles that hold a letter of theirs are indexed in their search form.
MARKED = "\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
_INDEXED = re.compile(f"[{NOSPACE}{MARKED}]")
SNIPPET_SCAN_CHARS = 1 << 20  # a snippet is looked for in an article's first 1 MB
SNIPPET_CONTEXT = 40  # characters of context on each side of the first match


def _bigrams(run: str) -> str:
    if len(run) == 1:
        return run
    return " ".join(map(str.__add__, run[:-1], run[1:]))


def search_form(text: str | None) -> str | None:
    """The text as the index holds it: without Arabic and Hebrew optional marks, and each
    run of a script without spaces written as its bigrams, spaced."""
    if not text or text.isascii():
        return text
    text = _FOLDED.sub("", text)
    if not NOSPACE_RUN.search(text):
        return text
    return NOSPACE_RUN.sub(lambda m: f" {_bigrams(m.group())} ", text)


def has_nospace(text: str) -> bool:
    """Whether the text holds a character of a script written without spaces."""
    return not text.isascii() and NOSPACE_RUN.search(text) is not None


def needs_index(text: str) -> bool:
    """Whether the text holds a character this index is for: of a script without spaces, or
    an Arabic or Hebrew letter (a query with one is searched here, not in articles_fts)."""
    return not text.isascii() and _INDEXED.search(text) is not None


def create(conn: sqlite3.Connection, tokenize: str) -> None:
    """Create the index (contentless FTS5, title and text) if it is not there, and index the
    articles that hold such text (once, on an older archive, whose bigram-only index it
    replaces)."""
    if has_index(conn):
        return
    conn.execute(f"DROP TABLE IF EXISTS {OLDER_FTS}")
    conn.execute(f"CREATE VIRTUAL TABLE {SCRIPT_FTS} USING fts5(title, text, content='', tokenize={sql_string(tokenize)})")
    index_articles(conn, "1")


def index_articles(conn: sqlite3.Connection, condition: str, params: Iterable[object] = ()) -> int:
    """Index the articles matching `condition` (SQL over articles) that hold such text; how many.

    The test is made here (str.isascii, then a regex), not with SQL's GLOB: a GLOB with a
    character class took 0.3 ms an article, a sixth of the writer's time.
    """
    rows = conn.execute(f"SELECT id, title, text FROM articles WHERE {condition}", list(params))
    count = 0
    while chunk := rows.fetchmany(500):
        values = [(rowid, search_form(title), search_form(text)) for rowid, title, text in chunk
                  if needs_index(text) or (title is not None and needs_index(title))]
        conn.executemany(f"INSERT INTO {SCRIPT_FTS} (rowid, title, text) VALUES (?, ?, ?)", values)
        count += len(values)
    return count


def has_index(conn: sqlite3.Connection) -> bool:
    """Whether the archive has this index (an archive opened by an older newsarchive has not)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [SCRIPT_FTS]).fetchone() is not None


def query_terms(term: str) -> str:
    """The FTS5 phrase for a word or phrase typed by a user, as this index holds it (search_form):
    a run of two or more characters becomes its bigrams, one character a prefix."""
    tokens = (search_form(term) or "").split()
    if len(tokens) == 1 and len(tokens[0]) == 1 and has_nospace(tokens[0]):
        return f'"{tokens[0]}"*'  # one character: the bigrams that start with it
    return '"' + " ".join(tokens).replace('"', '""') + '"'


def matching_novel_text(conn: sqlite3.Connection, article_ids: list[int], match: str, tokenize: str) -> set[int]:
    """Of these articles, those whose novel text (its first SNIPPET_SCAN_CHARS, in search form)
    the query `match` on this index finds: `search --novel` for such text. There is no such
    index of novel text (most articles have none of their own: it is their text), so the
    few ranked candidates that have one are indexed in a scratch in-memory table."""
    if not article_ids:
        return set()
    scratch = sqlite3.connect(":memory:")
    try:
        scratch.execute(f"CREATE VIRTUAL TABLE novel USING fts5(text, tokenize={sql_string(tokenize)})")
        rows = conn.execute("SELECT id, substr(novel_text, 1, ?) FROM articles WHERE id IN "
                            "(SELECT value FROM json_each(?)) AND novel_text IS NOT NULL",
                            [SNIPPET_SCAN_CHARS, json.dumps(sorted(article_ids))])
        scratch.executemany("INSERT INTO novel (rowid, text) VALUES (?, ?)",
                            ((rowid, search_form(text)) for rowid, text in rows))
        return {rowid for (rowid,) in scratch.execute("SELECT rowid FROM novel WHERE novel MATCH ?", [match])}
    finally:
        scratch.close()


def _needle(word: str) -> str:
    """A pattern for a query's word in the text: with any of the optional marks the word may
    carry after each of its letters (and none it was typed with), where it is Arabic or Hebrew."""
    folded = _FOLDED.sub("", word)
    if folded.isascii() or not re.search(f"[{MARKED}]", folded):
        return re.escape(word)
    optional = f"[{FOLDED_MARKS}]*"  # never a letter, so each is taken in one way: linear
    # a whole word, as the index matched it, not the start of a longer one ("جدا" in "جدار")
    return f"(?<![\\w{FOLDED_MARKS}])" + optional.join(map(re.escape, folded)) + optional + "(?!\\w)"


def snippet(text: str, needles: list[str]) -> str:
    """A snippet of the text around the first of the needles found (case ignored; in Arabic
    and Hebrew, marks too), marked with [ ]; the text's beginning if none is found in its
    first SNIPPET_SCAN_CHARS."""
    head = text[:SNIPPET_SCAN_CHARS]
    # searched in the text itself: an index into a case-folded copy can be off ("ß" folds to "ss")
    matches = [m for m in (re.search(_needle(n), head, re.IGNORECASE) for n in needles if n) if m]
    if not matches:
        return head[:2 * SNIPPET_CONTEXT].rstrip() + " … "
    first = min(matches, key=lambda m: (m.start(), -len(m.group())))
    at, needle = first.start(), first.group()
    start, end = max(0, at - SNIPPET_CONTEXT), min(len(head), at + len(needle) + SNIPPET_CONTEXT)
    marked = head[start:at] + "[" + needle + "]" + head[at + len(needle):end]
    for other in {m.group() for m in matches if m is not first}:  # mark the others in the window too
        marked = re.sub(re.escape(other), lambda m: f"[{m.group()}]", marked, flags=re.IGNORECASE)
    return (" … " if start else "") + marked.replace("\n", " ") + (" … " if end < len(head) else "")
