"""Full-text search over articles_fts: user input made safe, ranked with bm25.

A user's words become quoted FTS5 terms, so any string they type is a valid query
(quotes, parentheses, stray operators, column names, SQL). Upper-case AND, OR and
NOT between two terms stay operators; a trailing * keeps prefix search; "a phrase"
stays a phrase. `raw=True` passes FTS5 syntax through for experts; its syntax
errors become QueryError. Text SQLite cannot take (lone surrogates: bytes of a
non-UTF-8 terminal) and over-long queries are refused with a QueryError too, so
any string gets results or a QueryError, never another exception.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import script_index
from .connection import ArchiveDamaged, fts_tokenizer, sql_string
from .textform import typed_form

if TYPE_CHECKING:  # pragma: no cover
    import sqlite_utils

TITLE_WEIGHT, TEXT_WEIGHT = 10.0, 1.0
NOVEL_FTS = "_novel_fts"  # title and novel text of the articles that repeat a passage (store.schema)
MAX_TERMS = 64
RANK_WINDOW = 2_000  # matches ranked per query, the most recently archived
MAX_QUERY_CHARS = 10_000
# A word: word characters, and the marks of scripts without spaces (Thai vowels and tones
# are combining marks, which \w leaves out).
_WORDCHARS = f"[\\w{script_index.NOSPACE}]+"
_TOKEN = re.compile(f'"([^"]*)"?|({_WORDCHARS})(\\*?)', re.UNICODE)
_WORD = re.compile(_WORDCHARS, re.UNICODE)
# Korean attaches particles to a word (대통령은, 대통령이): a Hangul word is searched as a prefix.
_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+")
# Snippets come from a bounded stretch of an article (see _snippets): FTS5's snippet() over
# the whole text up to SNIPPET_WHOLE_CHARS (title included), else from pieces of at most
# SNIPPET_PIECE_CHARS among the first SNIPPET_FIRST_CHARS, then up to SNIPPET_SCAN_CHARS.
SNIPPET_WHOLE_CHARS = 32_768
SNIPPET_PIECE_CHARS = 8_192
SNIPPET_FIRST_CHARS = 65_536
SNIPPET_SCAN_CHARS = 1_048_576
SNIPPET_TOKENS = 20
_MARKS = "'[', ']', ' … '"
_OPERATORS = {"AND", "OR", "NOT"}


class QueryError(ValueError):
    """A search query that cannot be run; the message says why and what to do."""


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _valid_text(value: str, what: str) -> str:
    """The value, if SQLite can store it as UTF-8; otherwise QueryError."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise QueryError(f"the {what} contains bytes that are not valid UTF-8 text (is the terminal "
                         f"set to UTF-8?); retype it") from None
    return value


def _query_patterns(text: str) -> tuple[re.Pattern, re.Pattern]:
    """The token and word patterns for this query: _TOKEN and _WORD, with the combining marks
    the query holds as word characters. \\w leaves out a Devanagari or Bengali vowel sign and
    virama, which would cut "हिन्दी" into letters searched one by one, anywhere in a text;
    kept whole and quoted, the word is tokenized by FTS5 as the index was, a phrase."""
    marks = "".join(sorted({ch for ch in text if unicodedata.category(ch).startswith("M")}))
    if not marks:
        return _TOKEN, _WORD
    wordchars = f"[\\w{script_index.NOSPACE}{re.escape(marks)}]+"
    return re.compile(f'"([^"]*)"?|({wordchars})(\\*?)'), re.compile(wordchars)


def _term(word: str, star: str) -> str:
    """A word of a query as articles_fts holds it: quoted; a Hangul word as a prefix."""
    return _quote(word) + ("*" if star or _HANGUL.fullmatch(word) else "")


def _script_term(word: str, star: str) -> str:
    """A word of a query as the script index holds it (a * after a CJK run is dropped)."""
    term = script_index.query_terms(word)
    return term + "*" if star and not term.endswith("*") and not script_index.has_nospace(word) else term


def fts_query(text: str, for_script_index: bool = False) -> str:
    """Turn free text into a safe FTS5 MATCH expression (raises QueryError if no words).

    `for_script_index`: for the index of scripts unicode61 cannot search (store.script_index)."""
    term, phrase_of = (_script_term, script_index.query_terms) if for_script_index else (_term, _quote)
    text = typed_form(text)
    tokens, word_pattern = _query_patterns(text)
    parts: list[str] = []
    for match in tokens.finditer(text):
        phrase, word, star = match.groups()
        if phrase is not None:
            words = word_pattern.findall(phrase)
            if words:
                parts.append(phrase_of(" ".join(words)))
        elif word in _OPERATORS:
            parts.append(word)
        else:
            parts.append(term(word, star))
    # an operator needs a term on both sides: drop leading, trailing and doubled ones
    cleaned: list[str] = []
    for part in parts:
        if part in _OPERATORS and (not cleaned or cleaned[-1] in _OPERATORS):
            continue
        cleaned.append(part)
    while cleaned and cleaned[-1] in _OPERATORS:
        cleaned.pop()
    terms = [p for p in cleaned if p not in _OPERATORS]
    if not terms:
        raise QueryError("the query has no words to search for; try e.g. `newsarchive search Guaido`")
    if len(terms) > MAX_TERMS:
        raise QueryError(f"the query has {len(terms)} terms; at most {MAX_TERMS} are searched at once")
    return " ".join(cleaned)


@dataclass(frozen=True)
class Hit:
    """One search result; `duplicates` lists folded near-duplicates of it."""

    id: int
    title: str | None
    published: str | None
    source: str | None
    snippet: str
    rank: float
    duplicate_of: int | None
    duplicates: tuple[int, ...] = ()
    url: str | None = None
    site: str | None = None
    language: str | None = None


def search(db: "sqlite_utils.Database | sqlite3.Connection", query: str, *, limit: int = 10, source: str | None = None,
           since: str | None = None, until: str | None = None, show_all: bool = False,
           novel: bool = False, raw: bool = False, window: int = RANK_WINDOW,
           language: str | None = None) -> list[Hit]:
    """Ranked hits (title weighted above text; a hit that matches only in text repeated
    from earlier articles after those that match in their own text).

    bm25 ranks the `window` most recently archived matches (0: every match), so a word
    found in half the archive costs what a rarer one does. Near-duplicates are folded
    under their cluster's earliest article unless show_all. `novel` searches only text
    not repeated from earlier articles. `language`: only articles in it (ISO 639-1).
    """
    if limit < 1:
        raise QueryError(f"the limit must be at least 1, not {limit}")
    if not 0 <= window < 2**63:
        raise QueryError(f"the ranking window must be 0 (every match) to 2**63 - 1, not {window}")
    if limit >= 2**63:
        raise QueryError(f"the limit must be below 2**63, not {limit}")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(query):,} characters long; at most {MAX_QUERY_CHARS:,} are searched")
    for value, what in ((query, "query"), (source, "source"), (since, "--since date"), (until, "--until date"),
                        (language, "language")):
        if value is not None:
            _valid_text(value, what)
    if raw and not query.strip():
        raise QueryError("the query is empty")
    novel_index = _has_novel_index(db)
    if novel and not novel_index:
        raise QueryError("this archive was made by an older newsarchive and has no index of novel text; "
                         "run `newsarchive ingest` on it once (any new files, or none) to add it")
    if not raw and script_index.needs_index(query) and script_index.has_index(db):
        return _script_index_search(db, query, limit, source, since, until, show_all, window, language, novel)
    match = typed_form(query) if raw else fts_query(query)
    where, params = ["articles_fts MATCH :match"], {"match": match}
    if novel:
        # the text matches, and where the article repeats a passage, its novel text does
        # (_novel_fts names its novel-text column `text`, so one expression serves both)
        params = {"match": f"text : ({match})"}
        where.append(f"(articles_fts.rowid NOT IN (SELECT id FROM {NOVEL_FTS}_docsize) OR articles_fts.rowid IN "
                     f"(SELECT rowid FROM {NOVEL_FTS} WHERE {NOVEL_FTS} MATCH :match))")
    filters, filter_params = _filters(db, source, since, until, language)
    where += filters
    params.update(filter_params)
    # the hits lie among the matches the ranking walks; with a window and no filter on the
    # articles, those are few (about `window`), and one more pass over the stretch the hits
    # span costs less than a seek per hit in every segment of the index
    one_pass = bool(window) and not (source or since or until or language)
    try:
        ranked = _ranked(db, where, params, limit if show_all else limit * 5 + 20, window)
        if novel_index and not novel:
            ranked = _novel_first(db, ranked, match, one_pass)
        shown = _fold(db, ranked, limit, show_all)
        snippets = _snippets(db, [matched for _, matched in shown], params["match"], one_pass)
        return [dataclasses.replace(hit, snippet=snippets.get(matched, "")) for hit, matched in shown]
    except sqlite3.OperationalError as exc:
        raise _query_error(exc, raw) from None


def _query_error(exc: sqlite3.OperationalError, raw: bool = False) -> QueryError:
    """The QueryError for an FTS5 error that is the query's fault; re-raises any other.

    SQLITE_ERROR is what FTS5 raises for a query it cannot parse; busy, I/O and
    corruption errors are not the query's fault and propagate.
    """
    if getattr(exc, "sqlite_errorcode", sqlite3.SQLITE_ERROR) != sqlite3.SQLITE_ERROR:
        raise exc
    if "fts5 file format" in str(exc):  # FTS5's SQLITE_ERROR for its own damaged config row
        raise ArchiveDamaged(f"the search index is damaged ({exc})") from None
    if raw:
        return QueryError(f"not a valid FTS5 query ({exc}); drop --raw to search plain words")
    return QueryError(f"the search could not be run ({exc}); try fewer or simpler words")


def _filters(db: "sqlite_utils.Database | sqlite3.Connection", source: str | None, since: str | None,
             until: str | None, language: str | None = None) -> tuple[list[str], dict]:
    """The WHERE conditions for the source, date and language filters, and their parameters.

    `{rowid}` in a condition stands for the searched index's rowid (see _ranked). A match
    is checked in an index of articles where there is one, not in its row of the table:
    reading a row per match (a 32 KB page of text) cost 0.36 s for a word in 30,000 of
    200,000 articles filtered by source, the seek in idx_articles_source 0.02 s. The
    dates pick their articles from idx_articles_published once (the unary + keeps the
    ids from FTS5, which would seek each). A column without an index is read from the
    row (alias a)."""
    where, params = [], {}
    for column, value in (("source", source), ("language", language)):
        if not value:
            continue
        params[column] = value
        index = f"idx_articles_{column}"
        if _has_index(db, index, column):
            where.append(f"EXISTS (SELECT 1 FROM articles f INDEXED BY {index} "
                         f"WHERE f.{column} = :{column} AND f.id = {{rowid}})")
        else:
            where.append(f"a.{column} = :{column}")
    dates = []
    if since:
        dates.append("published >= :since")
        params["since"] = since
    if until:
        dates.append("published <= :until || 'z'")
        params["until"] = until
    if dates:
        where.append(f"+{{rowid}} IN (SELECT id FROM articles WHERE {' AND '.join(dates)})")
    return where, params


def _has_index(db: "sqlite_utils.Database | sqlite3.Connection", name: str, column: str) -> bool:
    """Whether the archive has index `name` on articles, starting with `column`."""
    row = db.execute("SELECT name FROM pragma_index_info(?) WHERE seqno = 0", [name]).fetchone()
    return row is not None and row[0] == column


def _script_index_search(db: "sqlite_utils.Database | sqlite3.Connection", query: str, limit: int,
                         source: str | None, since: str | None, until: str | None, show_all: bool, window: int,
                         language: str | None = None, novel: bool = False) -> list[Hit]:
    """search() for a query in a script unicode61 cannot search (without spaces, or Arabic
    and Hebrew with their optional marks), on the script index (store.script_index):
    ranked, folded and filtered the same way, with snippets made from the article's text
    (its novel text with `novel`, where the text matches and, where the article repeats a
    passage, its novel text does: see _novel_script_only)."""
    match = fts_query(query, for_script_index=True)
    filters, params = _filters(db, source, since, until, language)
    where = [f"{script_index.SCRIPT_FTS} MATCH :match", *filters]
    params = {"match": f"text : ({match})" if novel else match, **params}
    fetch = limit if show_all else limit * 5 + 20
    try:
        while True:
            ranked = _ranked(db, where, params, fetch, window, script_index.SCRIPT_FTS)
            if not novel:
                break
            found = len(ranked)
            ranked = _novel_script_only(db, ranked, match)
            if len(ranked) >= limit or found < fetch or (window and fetch >= window):
                break
            fetch *= 4  # copies whose match lay only in repeated text were left out: look further
    except sqlite3.OperationalError as exc:
        raise _query_error(exc) from None
    shown = _fold(db, ranked, limit, show_all)
    query = typed_form(query)
    needles = sorted({w for w in _query_patterns(query)[1].findall(query) if w not in _OPERATORS},
                     key=len, reverse=True)
    column = "coalesce(novel_text, text)" if novel else "text"
    hits = []
    for hit, matched in shown:
        text, = db.execute(f"SELECT substr({column}, 1, {script_index.SNIPPET_SCAN_CHARS}) FROM articles WHERE id = ?",
                           [matched]).fetchone()
        hits.append(dataclasses.replace(hit, snippet=script_index.snippet(text or "", needles)))
    return hits


def _novel_script_only(db: "sqlite_utils.Database | sqlite3.Connection", ranked: list[tuple[int, float, int | None]],
                       match: str) -> list[tuple[int, float, int | None]]:
    """The ranked script-index matches whose novel text matches too, where they have one of their own
    (those in _novel_fts: the others' novel text is their text, which matched)."""
    if not ranked:
        return ranked
    ids = [rowid for rowid, _, _ in ranked]
    own = {rowid for (rowid,) in db.execute(
        f"SELECT id FROM {NOVEL_FTS}_docsize WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(ids)])}
    matching = script_index.matching_novel_text(db, sorted(own), match, fts_tokenizer(db, script_index.SCRIPT_FTS))
    return [r for r in ranked if r[0] not in own or r[0] in matching]


def _ranked(db: "sqlite_utils.Database | sqlite3.Connection", where: list[str], params: dict, fetch: int,
            window: int, table: str = "articles_fts") -> list[tuple[int, float, int | None]]:
    """(id, rank, duplicate_of) of the best `fetch` matches among the newest `window`.

    Without filters the articles table is not read while ranking: FTS5 alone walks the
    matches. The window's lower bound is the rowid of its oldest match, which FTS5
    finds by walking the matches newest first. `table`: articles_fts, or an index of
    the same columns and rowids (the script index).
    """
    join = f" JOIN articles a ON a.id = {table}.rowid" if any(w.startswith("a.") for w in where) else ""
    condition = " AND ".join(where).replace("{rowid}", f"{table}.rowid")
    lowest = 0
    if window:
        row = db.execute(f"SELECT {table}.rowid FROM {table}{join} WHERE {condition} "
                         f"ORDER BY {table}.rowid DESC LIMIT 1 OFFSET {int(window) - 1}", params).fetchone()
        lowest = row[0] if row else 0
    bm25 = f"bm25({table}, {TITLE_WEIGHT}, {TEXT_WEIGHT})"
    top = db.execute(f"SELECT {table}.rowid, {bm25} FROM {table}{join} "
                     f"WHERE {condition} AND {table}.rowid >= :lowest ORDER BY 2 LIMIT {int(fetch)}",
                     {**params, "lowest": lowest}).fetchall()
    if not top:
        return []
    roots = dict(db.execute(f"SELECT id, duplicate_of FROM articles WHERE id IN ({','.join('?' * len(top))})",
                            [rowid for rowid, _ in top]).fetchall())
    return [(rowid, rank, roots.get(rowid)) for rowid, rank in top]


def _fold(db: "sqlite_utils.Database | sqlite3.Connection", ranked: list[tuple[int, float, int | None]], limit: int,
          show_all: bool) -> list[tuple[Hit, int]]:
    """The hits to show, each with the id of the article that matched: with folding, the
    best hit per duplicate cluster, presented as the cluster's root with its duplicates
    listed. Their snippets are left empty."""
    chosen: dict[int, tuple[int, float]] = {}  # shown article -> (matched article, rank)
    for rowid, rank, duplicate_of in ranked:
        shown = rowid if show_all else (duplicate_of or rowid)
        if shown not in chosen and len(chosen) < limit:
            chosen[shown] = (rowid, rank)
    if not chosen:
        return []
    ids = list(chosen)
    rows = {r[0]: r[1:] for r in db.execute(
        f"SELECT id, title, published, source, duplicate_of, url, site, language FROM articles "
        f"WHERE id IN ({','.join('?' * len(ids))})", ids)}
    missing = [i for i in ids if i not in rows]
    if missing:  # articles are never deleted: SQLite skipped a damaged page of the table
        raise ArchiveDamaged(f"the search index names article {missing[0]}, which the articles table does not hold")
    out = []
    for shown, (matched, rank) in chosen.items():
        title, published, source, duplicate_of, url, site, language = rows[shown]
        dupes = () if show_all else tuple(r[0] for r in db.execute(
            "SELECT id FROM articles WHERE duplicate_of = ? ORDER BY id", [shown]))
        out.append((Hit(shown, title, published, source, "", rank, duplicate_of, dupes, url, site, language),
                    matched))
    return out


def _has_novel_index(db: "sqlite_utils.Database | sqlite3.Connection") -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [NOVEL_FTS]).fetchone() is not None


def _novel_first(db: "sqlite_utils.Database | sqlite3.Connection", ranked: list[tuple[int, float, int | None]],
                 match: str, one_pass: bool = False) -> list[tuple[int, float, int | None]]:
    """The ranked matches, those found only in text repeated from earlier articles moved
    after the others (each group kept in rank order). `one_pass`: as for `_snippets`
    (novel text matches only where the text does)."""
    if not ranked:
        return ranked
    marks = ",".join("?" * len(ranked))
    ids = [rowid for rowid, _, _ in ranked]
    repeating = {r[0] for r in db.execute(f"SELECT id FROM {NOVEL_FTS}_docsize WHERE id IN ({marks})", ids)}
    if not repeating:
        return ranked
    among, params = _among(repeating, one_pass)
    novel = {r[0] for r in db.execute(f"SELECT rowid FROM {NOVEL_FTS} WHERE {NOVEL_FTS} MATCH ? AND {among}",
                                      [match, *params])}
    repeated_only = repeating - novel
    return sorted(ranked, key=lambda hit: hit[0] in repeated_only)  # stable: rank order within each group


def _snippets(db: "sqlite_utils.Database | sqlite3.Connection", article_ids: list[int], match: str,
              one_pass: bool = False) -> dict[int, str]:
    """The snippets of the matching articles shown: each from a bounded stretch of its text.

    FTS5's snippet() scores every match of the article against every other, so its cost
    grows with the square of the matches: 15 ms for "the" in 64 KB of English, 4 s in
    1 MB, 16 s in 5 MB, all inside one SQLite step that no time limit can stop. Articles
    of up to SNIPPET_WHOLE_CHARS get FTS5's snippet over their whole text (3 ms at most),
    in one query: FTS5 seeks each of them in every segment of its index (26 segments at
    200,000 articles: 6 ms for ten snippets); with `one_pass` it walks the matches
    between the lowest and the highest of them once, and SQLite picks the articles out
    (the unary + keeps their ids from FTS5): 2 ms, for a caller whose matches in that
    stretch are few (see `search`). A longer article's snippet comes from its first
    piece that matches (`_piece_snippets`).
    """
    if not article_ids:
        return {}
    marks = ",".join("?" * len(article_ids))
    sizes = dict(db.execute(f"SELECT id, length(text) + coalesce(length(title), 0) FROM articles "
                            f"WHERE id IN ({marks})", list(article_ids)))
    whole = [i for i in article_ids if sizes.get(i, 0) <= SNIPPET_WHOLE_CHARS]
    snippets: dict[int, str] = {}
    if whole:
        among, params = _among(whole, one_pass)
        snippets.update(db.execute(
            f"SELECT rowid, snippet(articles_fts, -1, {_MARKS}, {SNIPPET_TOKENS}) FROM articles_fts "
            f"WHERE articles_fts MATCH ? AND {among}", [match, *params]))
    long = [i for i in article_ids if i in sizes and i not in snippets and sizes[i] > SNIPPET_WHOLE_CHARS]
    if long:
        snippets.update(_piece_snippets(db, long, match))
    return snippets


def _piece_snippets(db: "sqlite_utils.Database | sqlite3.Connection", article_ids: list[int],
                    match: str) -> dict[int, str]:
    """Snippets of long articles, each from the first of its pieces that matches.

    An article's first SNIPPET_SCAN_CHARS are cut into pieces of at most
    SNIPPET_PIECE_CHARS (at a space where there is one), which an in-memory FTS5 table
    with the archive's tokenizer indexes, the title with the first piece, 64 KB first
    and the rest only if no piece there matched. FTS5's snippet() over the first piece
    that matches is the article's snippet, so it marks what the query matched as it
    would in a short article; time and memory are bounded whatever the article's size
    (about 1 ms per 64 KB indexed). When no piece matches (a word only further in),
    the snippet is the article's beginning.
    """
    tokenize = fts_tokenizer(db, "articles_fts")
    scratch = sqlite3.connect(":memory:")
    try:
        scratch.execute(f"CREATE VIRTUAL TABLE pieces USING fts5(title, text, tokenize={sql_string(tokenize)})")
        snippets = {}
        for article_id in article_ids:
            title, head = db.execute("SELECT substr(title, 1, ?), substr(text, 1, ?) FROM articles WHERE id = ?",
                                     [SNIPPET_PIECE_CHARS, SNIPPET_SCAN_CHARS, article_id]).fetchone()
            snippets[article_id] = _first_matching_piece(scratch, title, head, match)
        return snippets
    finally:
        scratch.close()


def _first_matching_piece(scratch: sqlite3.Connection, title: str | None, head: str, match: str) -> str:
    """FTS5's snippet over the first piece of `head` (with the title) that `match` finds."""
    pieces = _pieces(head)
    scratch.execute("DELETE FROM pieces")
    indexed = total = 0
    for stage in (SNIPPET_FIRST_CHARS, SNIPPET_SCAN_CHARS):  # characters indexed by the end of each
        start = indexed
        while indexed < len(pieces) and total < stage:
            total += len(pieces[indexed])
            indexed += 1
        scratch.executemany("INSERT INTO pieces (rowid, title, text) VALUES (?, ?, ?)",
                            [(i + 1, title if i == 0 else None, pieces[i]) for i in range(start, indexed)])
        hit = scratch.execute(f"SELECT rowid, snippet(pieces, -1, {_MARKS}, {SNIPPET_TOKENS}) FROM pieces "
                              f"WHERE pieces MATCH ? ORDER BY rowid LIMIT 1", [match]).fetchone()
        if hit:
            rowid, snippet = hit
            return snippet if rowid == 1 or snippet.startswith(" … ") else " … " + snippet
        if indexed >= len(pieces):
            break
    beginning = pieces[0][:SNIPPET_TOKENS * 12] if pieces else ""
    return beginning.rsplit(" ", 1)[0] + " … "


def _pieces(text: str) -> list[str]:
    """The text cut into pieces of at most SNIPPET_PIECE_CHARS, each at a space in its
    second half when there is one (so a word is seldom cut)."""
    pieces, start = [], 0
    while start < len(text):
        end = start + SNIPPET_PIECE_CHARS
        if end < len(text):
            space = text.rfind(" ", start + SNIPPET_PIECE_CHARS // 2, end)
            end = space + 1 if space >= 0 else end
        pieces.append(text[start:end])
        start = end
    return pieces


def _among(ids: Collection[int], one_pass: bool) -> tuple[str, list[int]]:
    """An FTS5 table's WHERE condition for the rows with these ids, and its parameters:
    a seek per id, or one pass over the rowids they span (see `_snippets`)."""
    marks = ",".join("?" * len(ids))
    if one_pass:  # the unary + keeps the ids from FTS5, which would seek them
        return f"rowid >= ? AND rowid <= ? AND +rowid IN ({marks})", [min(ids), max(ids), *ids]
    return f"rowid IN ({marks})", list(ids)
