"""newsarchive store: the SQLite archive (schema, writes, LSH index, search)."""
