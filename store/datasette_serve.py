"""Serving an archive with datasette, read-only, with the project's metadata and plugin.

The live archive is opened as a mutable database (datasette reads it with
`mode=ro`), never as immutable (`-i`): cron may be writing it, and an immutable file
that changes gives wrong results. datasette 0.65 has no write API and refuses SQL
other than SELECT; the metadata never holds write canned queries.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from datasette.app import Datasette

from .datasette_meta import build_metadata

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001
# Facet suggestions and counts dominate page time on large tables; long article texts
# are cut in table listings (a row's own page shows them whole).
SETTINGS: dict[str, Any] = {"suggest_facets": False, "truncate_cells_html": 300}


def _without_rich_tracebacks() -> None:
    """Stop datasette 0.65's error handler printing tracebacks with rich.

    rich comes with typer. datasette's default handle_exception calls
    `rich.get_console().print_exception()` even for a URL that matches no route, outside
    any except block; rich 15 raises ValueError there, so such a 404 became a 500 (and
    every error printed a traceback with locals to the log). Without rich, datasette
    renders the same error pages.
    """
    import datasette.handle_exception as handler

    handler.rich = None


def register_plugin() -> None:
    """Register the reading room's plugin (store.datasette_plugin) with datasette, once
    (an installed newsarchive's entry point may have registered it already)."""
    from datasette.plugins import pm

    from . import datasette_plugin

    if not pm.is_registered(datasette_plugin) and pm.get_plugin("newsarchive") is None:
        pm.register(datasette_plugin, name="newsarchive")


def create_datasette(db_path: str | Path, metadata: dict[str, Any] | None = None) -> Datasette:
    """A Datasette instance serving the archive read-only with its metadata, settings and
    the reading room's pages."""
    if metadata is None:
        metadata = build_metadata(db_path)
    _without_rich_tracebacks()
    register_plugin()
    return Datasette([str(db_path)], metadata=metadata, settings=dict(SETTINGS))


def serve(db_path: str | Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          metadata: dict[str, Any] | None = None) -> None:
    """Serve the archive over HTTP until interrupted (as `datasette serve` does)."""
    import uvicorn
    from datasette.cli import run_sync

    ds = create_datasette(db_path, metadata)
    run_sync(ds.invoke_startup)
    uvicorn.run(ds.app(), host=host, port=port, log_level="info", lifespan="on", workers=1)
