"""Listing freshness: applying a crawl's results to the directory's listing without losing known-good data."""
