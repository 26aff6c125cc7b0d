"""Reading what dedup needs and writing decisions into the archive.

These run inside the pipeline's batch transaction, so an article written earlier in
a batch is visible to the decisions for later ones.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, Sequence

from . import clusters, rawcontent, templates
from .schema import OWN_TEXT_ABOVE, PARAGRAPHS_TABLE

if TYPE_CHECKING:  # pragma: no cover
    from ingest.dedup import Decision
    from ingest.models import RawDocument, Reject

    from .archive import Archive


def spans(paragraphs: Sequence[str]) -> list[tuple[int, int]]:
    """(start, length) in UTF-8 bytes of each paragraph in the text they make, joined by
    blank lines ("\n\n"): where _paragraphs says the paragraph is (see store.schema)."""
    out, start = [], 0
    for paragraph in paragraphs:
        length = len(paragraph) if paragraph.isascii() else len(paragraph.encode("utf-8"))
        out.append((start, length))
        start += length + 2
    return out


@dataclass(frozen=True)
class ReservedIds:
    """The article ids a rebuild (reclean) gives: an article cleaned from the stored input
    with this sha256 takes the id in `by_sha` (the old article cleaned from it first);
    any other new article an id from `first_free` on, above every old id."""

    by_sha: Mapping[str, int]
    first_free: int


class ArchiveReads:
    """Lookups the Deduper and pipeline make (mixed into Archive)."""

    db: "object"

    def article_by_hash(self, content_hash: str) -> int | None:
        """The article with this normalised content hash, if any."""
        row = self.db.conn.execute("SELECT id FROM articles WHERE content_hash = ?", [content_hash]).fetchone()
        return row[0] if row else None

    def passage_paragraphs(self, article_id: int) -> int:
        """How many paragraphs of an article belong to a repeated passage."""
        return self.db.conn.execute(f"SELECT count(*) FROM {PARAGRAPHS_TABLE} WHERE article_id = ? "
                                    f"AND passage_id IS NOT NULL", [article_id]).fetchone()[0]

    def raw_by_sha(self, sha256: str) -> tuple[int, int | None] | None:
        """(raw id, article id) of stored raw content with this sha256."""
        row = self.db.conn.execute("SELECT id, article_id FROM raw_documents WHERE sha256 = ?",
                              [sha256]).fetchone()
        return (row[0], row[1]) if row else None


class ArchiveWrites:
    """Writes of one batch (mixed into Archive); call inside store.archive.transaction."""

    db: "object"

    def add_reject(self, reject: "Reject", run_id: int, reader_id: str | None = None) -> None:
        """Record an input that could not be taken, and by which reader (ingest.reader)."""
        self.db.execute("INSERT INTO rejects (run_id, location, reason, sha256, reader_id) VALUES (?, ?, ?, ?, ?)",
                        [run_id, reject.location, reject.reason, reject.sha256, reader_id])

    def add_raw(self, raw: "RawDocument", article_id: int | None) -> int:
        """Store the raw input (once per sha256) and return its id."""
        found = self.raw_by_sha(raw.sha256)
        if found:
            if found[1] is None and article_id is not None:
                self.db.conn.execute("UPDATE raw_documents SET article_id = ? WHERE id = ?", [article_id, found[0]])
            return found[0]
        content, encoding = rawcontent.encode(raw.content, self.raw_compressor)
        cur = self.db.conn.execute(
            "INSERT INTO raw_documents (sha256, media_type, content, content_encoding, first_location, article_id) "
            "VALUES (?, ?, ?, ?, ?, ?)", [raw.sha256, raw.media_type, content, encoding, raw.location, article_id])
        return cur.lastrowid

    def add_sighting(self, article_id: int, location: str, run_id: int, raw_id: int,
                     url: str | None = None, fetched_at: str | None = None) -> bool:
        """Record that an article was seen at a location (and URL, fetch time); False if already recorded."""
        cur = self.db.conn.execute(
            "INSERT OR IGNORE INTO sightings (article_id, location, run_id, raw_id, url, fetched_at) "
            "VALUES (?, ?, ?, ?, ?, ?)", [article_id, location, run_id, raw_id, url, fetched_at])
        return cur.rowcount == 1

    def add_copy_sighting(self, article_id: int, location: str, run_id: int, raw_id: int) -> bool:
        """Record a stored input seen again at another location, with the URL and fetch time
        of its first sighting (the same bytes say the same)."""
        cur = self.db.conn.execute(
            "INSERT OR IGNORE INTO sightings (article_id, location, run_id, raw_id, url, fetched_at) "
            "SELECT ?, ?, ?, ?, s.url, s.fetched_at FROM (SELECT 1) LEFT JOIN "
            "(SELECT url, fetched_at FROM sightings WHERE article_id = ? AND raw_id = ? ORDER BY id LIMIT 1) s",
            [article_id, location, run_id, raw_id, article_id, raw_id])  # by article_id: indexed
        return cur.rowcount == 1

    def link_version(self, article_id: int, canonical: str | None) -> int | None:
        """Link a new article to the latest earlier article with its canonical URL (the same
        URL with other content: a new version, articles.previous_version); returns that id."""
        if not canonical:
            return None
        row = self.db.conn.execute("SELECT max(id) FROM articles WHERE canonical_url = ? AND id < ?",
                                   [canonical, article_id]).fetchone()
        if row[0] is not None:
            self.db.conn.execute("UPDATE articles SET previous_version = ? WHERE id = ?", [row[0], article_id])
        return row[0]

    def next_article_id(self, sha256: str) -> int:
        """The id of a new article cleaned from the input with this sha256: the one
        reserved for it (see ReservedIds), else one above every article id and every
        id kept as a redirect (ids are forever: one is never given twice)."""
        reserved = getattr(self, "reserved_ids", None)
        if reserved is not None and sha256 in reserved.by_sha:
            return reserved.by_sha[sha256]
        fresh = self.db.conn.execute(
            "SELECT max((SELECT coalesce(max(id), 0) FROM articles), "
            "(SELECT coalesce(max(id), 0) FROM article_redirects)) + 1").fetchone()[0]
        return max(fresh, reserved.first_free) if reserved is not None else fresh

    def write_article(self: "Archive", decision: "Decision", raw: "RawDocument", run_id: int,
                      template_min_articles: int = 3, template_min_share: float = 0.0) -> tuple[int, list[str]]:
        """Insert a new article with its paragraphs, removed lines, index entries and sighting,
        then update the duplicate clusters and passages its edges touch, and the source's
        template lines. Returns the article id and the template lines it taught."""
        signed = decision.signed
        article = signed.article
        conn = self.db.conn
        # the id, known up front (we hold the only writer) so the raw document is written
        # once, already pointing at its article
        article_id = self.next_article_id(raw.sha256)
        if self._batch_first is not None and article_id < self._batch_first:
            self._batch_below.append(article_id)  # articles_fts indexes it at the batch's end
        raw_id = self.add_raw(raw, article_id)
        conn.execute(
            "INSERT INTO articles (id, title, text, published, source, content_hash, novel_text, raw_id, run_id, "
            "url, canonical_url, site, author, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [article_id, article.title, article.text, article.published, article.source, signed.content_hash,
             None, raw_id, run_id, article.url, article.canonical_url, article.site, article.author,
             article.language])  # novel_text: NULL, the text, until a passage first seen elsewhere
        first_id = conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {PARAGRAPHS_TABLE}").fetchone()[0]
        paragraph_ids = list(range(first_id, first_id + len(article.paragraphs)))
        short = signed.short_lines
        places = spans(article.paragraphs)
        long_text = bool(places) and places[-1][0] + places[-1][1] > OWN_TEXT_ABOVE  # see store.schema
        conn.executemany(
            f"INSERT INTO {PARAGRAPHS_TABLE} (id, article_id, position, text_start, text_length, line_hash, "
            f"own_text) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(pid, article_id, position, start, length, short[position][1] if position in short else None,
              article.paragraphs[position] if long_text else None)
             for position, (pid, (start, length)) in enumerate(zip(paragraph_ids, places))])
        conn.executemany(
            "INSERT INTO removed_lines (article_id, raw_id, line_no, text, rule) VALUES (?, ?, ?, ?, ?)",
            [(article_id, raw_id, r.line_no, r.text, r.rule) for r in article.removed])
        self.add_sighting(article_id, raw.location, run_id, raw_id, article.url,
                         raw.meta and raw.meta.fetched_at)

        matches = decision.article_matches
        clusters.add_edges(conn, "_article_edges", [(article_id, m.article_id, m.similarity) for m in matches])
        best = max((m.similarity for m in matches), default=None)
        moved = clusters.merge_cluster(conn, article_id, [m.article_id for m in matches], best)
        clusters.add_edges(conn, "_paragraph_edges", [(paragraph_ids[m.position], m.paragraph_id, m.similarity)
                                                      for m in decision.paragraph_matches])
        touched = {paragraph_ids[m.position] for m in decision.paragraph_matches}
        touched |= clusters.paragraphs_with_edges(conn, moved - {article_id})
        affected = clusters.refresh_passages(conn, touched, self.options.chrome_min_articles)
        clusters.refresh_novel_text(conn, affected)
        learned = templates.learn(conn, article.source, [(article.paragraphs[p], *short[p]) for p in sorted(short)],
                                  template_min_articles, run_id, template_min_share)
        # last: the index keeps these in memory until the batch's flush, so nothing above
        # may fail after them (a failure rolls back to the document's savepoint)
        saturation = self.options.index_saturation
        if len(matches) < saturation:
            self.articles_index.add([article_id], signed.article_keys)
        copies = Counter(m.position for m in decision.paragraph_matches)
        indexed = [k for k, p in enumerate(signed.paragraphs) if copies[p.position] < saturation]
        self.paragraphs_index.add([paragraph_ids[signed.paragraphs[k].position] for k in indexed],
                                  signed.paragraph_keys[indexed])
        return article_id, learned
