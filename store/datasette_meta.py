"""datasette metadata for one archive file, built from the packaged datasette_metadata.yaml.

The packaged file describes every table and canned query under a database called
"archive". For a given archive file it is adapted at serve time: the database is
renamed to the file's name (datasette names a database after its file's stem), internal
tables (names starting with "_", FTS tables and their shadow tables) are hidden, and
what the archive does not have is dropped: tables, columns, canned queries whose
`requires:` tables are missing, and, on a table of more than FACET_SCAN_ROWS rows, facets
on columns no index starts with (their counts would read every row on each page: 0.25 s
for articles.language at 200,000 articles). The packaged `css:` becomes an inline stylesheet
(a data: URL, so it needs no static files). Write queries are never kept: the archive is served
read-only.
"""

from __future__ import annotations

import base64
import copy
import sqlite3
from pathlib import Path
from typing import Any

import yaml
from datasette.utils import tilde_encode

from .connection import ArchiveError, damage_note, open_connection

PACKAGED_METADATA = Path(__file__).with_name("datasette_metadata.yaml")
TEMPLATE_DATABASE = "archive"
FACET_SCAN_ROWS = 20_000  # a facet counted by reading every row costs about 25 ms at this size


class MetadataError(ValueError):
    """The file cannot be served as an archive; the message says why."""


def load_packaged() -> dict[str, Any]:
    """The packaged metadata, as written (database named "archive")."""
    return yaml.safe_load(PACKAGED_METADATA.read_text(encoding="utf-8"))


def database_name(db_path: str | Path) -> str:
    """The name datasette gives the database in a file (its stem)."""
    return Path(db_path).stem


def archive_tables(db_path: str | Path) -> dict[str, list[str]]:
    """Every table of the archive with its column names, read without writing to it."""
    try:
        conn = open_connection(db_path, readonly=True)  # one-line errors for a missing, empty or foreign file
    except ArchiveError as exc:
        raise MetadataError(str(exc)) from None
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {name: [r[1] for r in conn.execute("SELECT * FROM pragma_table_info(?)", [name])] for name in names}
    except sqlite3.DatabaseError as exc:
        raise MetadataError(f"{db_path}: the archive could not be read ({exc}){damage_note(exc)}") from None
    finally:
        conn.close()


def facetable_columns(db_path: str | Path, tables: dict[str, list[str]]) -> dict[str, set[str]]:
    """Per table, the columns a facet may count on every page: every column of a table of
    up to FACET_SCAN_ROWS rows, else those some index starts with (counted from the index)."""
    conn = open_connection(db_path, readonly=True)
    try:
        found: dict[str, set[str]] = {}
        for table, index in conn.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'index'"):
            first = conn.execute("SELECT name FROM pragma_index_info(?) WHERE seqno = 0", [index]).fetchone()
            if first and first[0]:
                found.setdefault(table, set()).add(first[0])
        for table, columns in tables.items():
            try:  # the largest rowid: a seek, where count(*) would read the table
                rows = conn.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0] or 0
            except sqlite3.OperationalError:  # a table without rowid, a virtual table
                continue
            if rows <= FACET_SCAN_ROWS:
                found.setdefault(table, set()).update(columns)
        return found
    finally:
        conn.close()


def _facet_column(facet: Any) -> str:
    """The column a metadata facet counts: "col", or {"date": "col"} and the like."""
    return facet if isinstance(facet, str) else next(iter(facet.values()))


def internal_tables(db_path: str | Path, tables: dict[str, list[str]]) -> list[str]:
    """Tables users should not see: names starting with "_", FTS tables and their shadows."""
    uri = Path(db_path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        fts = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND upper(sql) LIKE 'CREATE VIRTUAL TABLE%USING FTS%'")]
    finally:
        conn.close()
    return sorted(name for name in tables
                  if name.startswith("_") or any(name == f or name.startswith(f + "_") for f in fts))


def _rename_links(value: Any, name: str) -> Any:
    """Point the packaged /archive/ links at the served database's name."""
    if isinstance(value, dict):
        return {k: _rename_links(v, name) for k, v in value.items()}
    if isinstance(value, list):
        return [_rename_links(v, name) for v in value]
    if isinstance(value, str):
        return value.replace(f'href="/{TEMPLATE_DATABASE}/', f'href="/{tilde_encode(name)}/')
    return value


def _tables_for(template: dict[str, Any], tables: dict[str, list[str]], hidden: list[str],
                facetable: dict[str, set[str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for table, meta in template.items():
        if table not in tables:
            continue
        meta = dict(meta)
        if "columns" in meta:
            meta["columns"] = {c: d for c, d in meta["columns"].items() if c in tables[table]}
        if "facets" in meta:
            meta["facets"] = [f for f in meta["facets"] if _facet_column(f) in facetable.get(table, set())]
        out[table] = meta
    for table in hidden:
        out.setdefault(table, {})["hidden"] = True
    return out


def _queries_for(template: dict[str, Any], tables: dict[str, list[str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, query in template.items():
        query = dict(query)
        requires = query.pop("requires", [])
        if query.get("write") or any(t not in tables for t in requires):
            continue
        out[name] = query
    return out


def build_metadata(db_path: str | Path, template: dict[str, Any] | None = None) -> dict[str, Any]:
    """datasette metadata for the archive at db_path (the packaged file unless template given)."""
    tables = archive_tables(db_path)
    if "articles" not in tables:
        raise MetadataError(f"{db_path}: not a newsarchive archive (no articles table)")
    hidden = internal_tables(db_path, tables)
    name = database_name(db_path)
    metadata = copy.deepcopy(template if template is not None else load_packaged())
    db_meta = metadata.get("databases", {}).get(TEMPLATE_DATABASE, {})
    db_meta["tables"] = _tables_for(db_meta.get("tables", {}), tables, hidden, facetable_columns(db_path, tables))
    db_meta["queries"] = _queries_for(db_meta.get("queries", {}), tables)
    metadata["databases"] = {name: db_meta}
    css = metadata.pop("css", None)
    if css:
        encoded = base64.b64encode(css.encode("utf-8")).decode("ascii")
        metadata.setdefault("extra_css_urls", []).append(f"data:text/css;base64,{encoded}")
    return _rename_links(metadata, name)
