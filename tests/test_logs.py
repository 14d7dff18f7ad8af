"""What reaches the operator: program errors on stderr, recorded crawl outcomes only in the log file."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from scrapy import Request, Spider
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.utils.test import get_crawler

from marktplatz.config import Settings
from marktplatz.crawler.settings import scrapy_settings
from marktplatz.logs import setup_logging


@pytest.fixture
def configured(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    setup_logging(Settings(data_dir=tmp_path), verbosity=0, command="crawl")
    yield tmp_path / "logs" / "marktplatz.log"
    for handler in list(root.handlers):
        handler.close()
        root.removeHandler(handler)
    for handler in saved[0]:
        root.addHandler(handler)
    root.setLevel(saved[1])


def test_a_request_that_failed_after_its_retry_is_an_outcome_not_an_error(configured: Path) -> None:
    stderr_stream = io.StringIO()
    for handler in logging.getLogger().handlers:
        if type(handler) is logging.StreamHandler:  # the operator's stderr (not the file)
            handler.setStream(stderr_stream)
    # Scrapy's own give-up path, with the settings every crawl of ours runs with.
    crawler = get_crawler(Spider, settings_dict=scrapy_settings(Settings(data_dir=configured.parent.parent)))
    spider = Spider("sites")
    spider.crawler = crawler
    request = Request("https://www.webdesign-alt.example/", method="HEAD", meta={"retry_times": 1})
    assert get_retry_request(request, spider=spider, reason="DNS lookup failed", max_retry_times=1) is None
    logging.getLogger("marktplatz.crawler.pipelines.finish").error("processing the crawl of trader T1 failed")
    for handler in logging.getLogger().handlers:
        handler.flush()

    stderr = stderr_stream.getvalue()
    assert "Gave up retrying" not in stderr  # the dead link is recorded and counted, not shouted
    assert "processing the crawl of trader T1 failed" in stderr  # a real error still reaches the operator
    log = configured.read_text(encoding="utf-8")
    assert "INFO scrapy.downloadermiddlewares.retry: Gave up retrying <HEAD https://www.webdesign-alt.example/>" in log
    assert "ERROR marktplatz.crawler.pipelines.finish: processing the crawl of trader T1 failed" in log
