"""Marktplatz Herne: crawler, listing extractor and link-health monitor for a city's digital business directory."""

__version__ = "0.1.0"
