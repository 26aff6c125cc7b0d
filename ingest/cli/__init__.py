"""The newsarchive command line: a thin typer layer over the ingest and store libraries.

One module per kind of command: app (the typer app, its options and error handling),
ingesting (ingest, reclean, clean), reading (search, show, dupes, runs, stats),
upkeep (check, backup, restore, export, serve). Importing this package registers every command
on `app`.

Exit codes: 0 done (rejected inputs are recorded and reported, not fatal); 1 the
run failed; 2 usage error; 75 another ingest holds the archive's lock; 130 the run
was interrupted (Ctrl-C or SIGTERM). Errors, usage errors included, are one line on
stderr; set NEWSARCHIVE_DEBUG=1 to get the traceback of an unexpected error as well.
Results go to stdout, progress to stderr.

Which config: `--config`, else $NEWSARCHIVE_CONFIG, else ./config.toml if there is
one, else the built-in defaults. Which archive: `--db`, else $NEWSARCHIVE_DB, else the
config's [archive] path.
"""

from __future__ import annotations

from .app import app
from . import ingesting, reading, upkeep  # noqa: F401,E402 - importing them registers their commands

__all__ = ["app", "main"]


def main() -> None:  # pragma: no cover
    """Console-script entry point."""
    app()
