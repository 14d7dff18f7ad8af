"""Spiders: what to fetch and in which order; they never parse listing fields."""
