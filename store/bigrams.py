"""Search in scripts written without spaces (Chinese, Japanese, Thai, ...): runs as character bigrams.

SQLite's unicode61 tokenizer takes a run of Chinese or Japanese characters for one
token, so a word inside a sentence cannot be found in `articles_fts`. `_bigram_fts`
indexes, for the articles that hold such text, their title and text with every such
run written as its overlapping character bigrams ("経済政策" -> "経済 済政 政策"), as
Lucene's CJK analyzer does; other words stay words. A query is rewritten the same way:
a two-character word is one bigram, a longer one the phrase of its bigrams, a single
character a prefix. The table is contentless (the text is stored once, in articles),
so its snippets are made here, from a bounded stretch of the article's text.

The writer keeps the table (a trigger would need this module's function in every
connection that writes articles, datasette's and sqlite3's too).
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Iterable

from .connection import sql_string

BIGRAM_FTS = "_bigram_fts"
# Thai, Lao, Myanmar, Khmer, kana, CJK ideographs (with extension A, compatibility
# ideographs and the supplementary planes' ideographs).
NOSPACE = ("\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff"
           "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f")
NOSPACE_RUN = re.compile(f"[{NOSPACE}]+")
# The same characters as a GLOB class, to find the articles that hold some in SQL.
NOSPACE_GLOB = "*[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]*"
SNIPPET_SCAN_CHARS = 1 << 20  # a snippet is looked for in an article's first 1 MB
SNIPPET_CONTEXT = 40  # characters of context on each side of the first match


def _bigrams(run: str) -> str:
    if len(run) == 1:
        return run
    return " ".join(map(str.__add__, run[:-1], run[1:]))


def bigram_text(text: str | None) -> str | None:
    """The text with each run of a script without spaces written as its bigrams, spaced."""
    if not text or not NOSPACE_RUN.search(text):
        return text
    return NOSPACE_RUN.sub(lambda m: f" {_bigrams(m.group())} ", text)


def has_nospace(text: str) -> bool:
    """Whether the text holds a character of a script written without spaces."""
    return not text.isascii() and NOSPACE_RUN.search(text) is not None


def create(conn: sqlite3.Connection, tokenize: str) -> None:
    """Create the bigram index (contentless FTS5, title and text) if it is not there,
    and index the articles that hold text in scripts without spaces (once, on an older
    archive)."""
    if has_index(conn):
        return
    conn.execute(f"CREATE VIRTUAL TABLE {BIGRAM_FTS} USING fts5(title, text, content='', tokenize={sql_string(tokenize)})")
    index_articles(conn, "1")


def index_articles(conn: sqlite3.Connection, condition: str, params: Iterable[object] = ()) -> int:
    """Index the articles matching `condition` (SQL over articles) that hold such text; how many.

    The test is made here (str.isascii, then a regex), not with SQL's GLOB: a GLOB with a
    character class took 0.3 ms an article, a sixth of the writer's time.
    """
    rows = conn.execute(f"SELECT id, title, text FROM articles WHERE {condition}", list(params))
    count = 0
    while chunk := rows.fetchmany(500):
        values = [(rowid, bigram_text(title), bigram_text(text)) for rowid, title, text in chunk
                  if has_nospace(text) or (title is not None and has_nospace(title))]
        conn.executemany(f"INSERT INTO {BIGRAM_FTS} (rowid, title, text) VALUES (?, ?, ?)", values)
        count += len(values)
    return count


def has_index(conn: sqlite3.Connection) -> bool:
    """Whether the archive has the bigram index (an archive opened by an older newsarchive has not)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [BIGRAM_FTS]).fetchone() is not None


def query_terms(term: str) -> str:
    """The FTS5 phrase for a word or phrase typed by a user, as the bigram index holds it:
    a run of two or more characters becomes its bigrams, one character a prefix."""
    tokens = (bigram_text(term) or "").split()
    if len(tokens) == 1 and len(tokens[0]) == 1 and has_nospace(tokens[0]):
        return f'"{tokens[0]}"*'  # one character: the bigrams that start with it
    return '"' + " ".join(tokens).replace('"', '""') + '"'


def matching_novel_text(conn: sqlite3.Connection, article_ids: list[int], match: str, tokenize: str) -> set[int]:
    """Of these articles, those whose novel text (its first SNIPPET_SCAN_CHARS, as bigrams)
    the bigram query `match` finds: `search --novel` for such text. There is no bigram
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
                            ((rowid, bigram_text(text)) for rowid, text in rows))
        return {rowid for (rowid,) in scratch.execute("SELECT rowid FROM novel WHERE novel MATCH ?", [match])}
    finally:
        scratch.close()


def snippet(text: str, needles: list[str]) -> str:
    """A snippet of the text around the first of the needles found (case ignored), marked
    with [ ]; the text's beginning if none is found in its first SNIPPET_SCAN_CHARS."""
    head = text[:SNIPPET_SCAN_CHARS]
    # searched in the text itself: an index into a case-folded copy can be off ("ß" folds to "ss")
    matches = [m for m in (re.search(re.escape(n), head, re.IGNORECASE) for n in needles if n) if m]
    if not matches:
        return head[:2 * SNIPPET_CONTEXT].rstrip() + " … "
    first = min(matches, key=lambda m: (m.start(), -len(m.group())))
    at, needle = first.start(), first.group()
    start, end = max(0, at - SNIPPET_CONTEXT), min(len(head), at + len(needle) + SNIPPET_CONTEXT)
    marked = head[start:at] + "[" + needle + "]" + head[at + len(needle):end]
    for other in {m.group() for m in matches if m is not first}:  # mark the others in the window too
        marked = re.sub(re.escape(other), lambda m: f"[{m.group()}]", marked, flags=re.IGNORECASE)
    return (" … " if start else "") + marked.replace("\n", " ") + (" … " if end < len(head) else "")
