"""The Scrapy project: spiders decide what to fetch, pages/parsing extract, pipelines normalise and store."""
