"""schema: the pydantic models every stage exchanges, and the SQLite store."""
