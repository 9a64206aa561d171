"""ingest: bytes to clean, NFC-normalised text blocks and tables."""
