"""Crawling with several workers through Redis (scrapy-redis): one shared queue and duplicate filter of site starts.

A worker that takes a site from the shared queue crawls that whole site itself (its follow-up requests stay in the
worker's local queue), so per-site politeness holds across workers. A lease in Redis, renewed while the worker
lives, lets any other worker or the coordinator put back the sites of a worker that died.
"""
