"""Item pipelines, one per module, ordered in `ITEM_PIPELINES` (see `crawler.settings`)."""
