"""`python -m ingest.cli`: the newsarchive command line."""

from . import app

app()
