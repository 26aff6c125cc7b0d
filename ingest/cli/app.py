"""The typer app every command registers on, its shared options, and the helpers that turn
errors into one line and an exit code."""

from __future__ import annotations

import json
import os
import sqlite3
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version as package_version
from pathlib import Path
from typing import Any, Optional

import typer
from typer.core import TyperGroup

from store.connection import ArchiveError, damage_note, open_connection

from ..config import Config, ConfigError, load_config
from ..when import DateError, parse_when

EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED, EXIT_INTERRUPTED = 1, 2, 75, 130
MAX_INT64 = 2**63 - 1  # SQLite's largest integer: ids, limits and windows above it are usage errors

CONFIG_ENV, DB_ENV = "NEWSARCHIVE_CONFIG", "NEWSARCHIVE_DB"


# click's UsageError, as the typer in use has it (typer 0.28 carries its own copy of click).
UsageError = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


class OneLineUsageError(UsageError):
    """A usage error shown as one line (click's own takes three and a box): cron logs stay readable."""

    def show(self, file: Any = None) -> None:
        """Print `Error: <what is wrong> (see <command> --help)` on stderr."""
        command = f"{self.ctx.command_path} --help" if self.ctx is not None else "--help"
        typer.echo(f"Error: {self.format_message()} (see {command})", err=True)


class OneLineErrors(TyperGroup):
    """The command group: every usage error, of the group or of a command, is one line."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except OneLineUsageError:
            raise
        except UsageError as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # no command given: the help, as usual
                raise
            raise OneLineUsageError(exc.format_message(), exc.ctx) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except OneLineUsageError:
            raise
        except UsageError as exc:
            raise OneLineUsageError(exc.format_message(), exc.ctx) from None


app = typer.Typer(help="Deduplicating news archive: ingest, clean, search.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None,
                  cls=OneLineErrors)


def _version(value: bool) -> None:
    if value:
        try:
            typer.echo(f"newsarchive {package_version('newsarchive')}")
        except PackageNotFoundError:  # run from a checkout that was not installed
            typer.echo("newsarchive (not installed)")
        raise typer.Exit()


@app.callback()
def _main(_version_flag: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                             help="Print the version and exit.")) -> None:
    """Deduplicating news archive: ingest, clean, search.

    \b
    Every command takes --db FILE and --config FILE; without them, $NEWSARCHIVE_DB and
    $NEWSARCHIVE_CONFIG, then ./config.toml, then the built-in defaults.
    """


DbOption = typer.Option(None, "--db", help=f"Archive file (default: ${DB_ENV}, else the config's "
                                           "[archive] path, archive.db).")
ConfigOption = typer.Option(None, "--config", help=f"A config.toml (default: ${CONFIG_ENV}, else "
                                                   "./config.toml if present, else built-in defaults).")
JsonOption = typer.Option(False, "--json", help="Print JSON for scripts.")


def fail(message: str, code: int = EXIT_FAILED) -> None:
    """Print an error to stderr and exit with the code."""
    typer.secho(f"Error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def debug_traceback(exc: BaseException) -> None:
    """With NEWSARCHIVE_DEBUG set, print the traceback of an unexpected error to stderr."""
    if os.environ.get("NEWSARCHIVE_DEBUG"):
        typer.echo("".join(traceback.format_exception(exc)), err=True)


def config_path(path: Optional[Path]) -> Optional[Path]:
    """The config file to read: --config, $NEWSARCHIVE_CONFIG, ./config.toml, or None (defaults)."""
    if path is not None:
        return path
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV])
    local = Path("config.toml")
    return local if local.is_file() else None


def load_options(path: Optional[Path]) -> Config:
    """The config (config_path's file, or the defaults); a bad one exits 2 with its message."""
    try:
        return load_config(config_path(path))
    except ConfigError as exc:
        fail(str(exc), EXIT_USAGE)


def archive_path(db: Optional[Path], config: Config) -> Path:
    """The archive file: --db, else $NEWSARCHIVE_DB, else the config's [archive] path."""
    if db is not None:
        return db
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV])
    return Path(config.archive.path)


def date_option(value: Optional[str], option: str) -> Optional[str]:
    """A --since/--until value as a date (YYYY-MM-DD, today, 7d, ...); a bad one exits 2."""
    if value is None:
        return None
    try:
        return parse_when(value)
    except DateError as exc:
        fail(f"{option}: {exc}", EXIT_USAGE)


def reader(db: Optional[Path], config_path: Optional[Path]):
    """A read-only sqlite-utils Database on the archive (exits with a message if there is none)."""
    import sqlite_utils

    return sqlite_utils.Database(read_connection(db, config_path))


def read_connection(db: Optional[Path], config_path: Optional[Path]) -> sqlite3.Connection:
    """A read-only sqlite3 connection to the archive (exits with a message if there is none)."""
    config = load_options(config_path)
    try:
        return open_connection(archive_path(db, config), config.archive.busy_timeout, readonly=True)
    except ArchiveError as exc:
        fail(str(exc))


@contextmanager
def reading(what: str) -> Iterator[None]:
    """Turn an SQLite error while a command reads the archive (a damaged page, an archive
    from another program, a lock held too long) into one line and exit 1."""
    try:
        yield
    except sqlite3.Error as exc:
        debug_traceback(exc)
        fail(f"the archive could not be {what}: {exc}{damage_note(exc)}")


def print_json(value: Any) -> None:
    """One value as a JSON line on stdout (non-ASCII kept as is)."""
    typer.echo(json.dumps(value, ensure_ascii=False, default=str))

