"""newsarchive ingest: read, clean, fingerprint and deduplicate news articles."""

__version__ = "0.1.0"
