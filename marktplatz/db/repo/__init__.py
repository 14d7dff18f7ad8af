"""Queries and writes, one module per table family, with names that say what they do."""
