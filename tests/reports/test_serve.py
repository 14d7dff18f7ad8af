"""`marktplatz serve` through a real HTTP client: feeds and report answer, and an unchanged refresh is a 304."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

import pytest

from tests.conftest import Env


@pytest.fixture(scope="module")
def server(seeded: Env, out_dir: Path) -> Iterator[str]:
    reports = out_dir / "served-reports"
    seeded.run("report", "--out", str(reports / "2026-W01"))
    env = {**{k: v for k, v in __import__("os").environ.items() if not k.startswith("MARKTPLATZ_")}, **seeded.vars}
    proc = subprocess.Popen([sys.executable, "-m", "marktplatz", "serve", "--port", "0", "--report-dir",
                             str(reports)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    found = re.search(r"http://127\.0\.0\.1:\d+", line)
    try:
        assert found, line + proc.stderr.read() if proc.poll() is not None and proc.stderr else line
        yield found.group(0)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


@pytest.mark.parametrize("path, content_type", [("/feed.json", "application/json"),
                                                ("/feed.jsonld", "application/ld+json"),
                                                ("/feed.csv", "text/csv"), ("/health", "application/json"),
                                                ("/report/", "text/html")])
def test_unchanged_refresh_costs_nothing(server: str, path: str, content_type: str) -> None:
    status, headers, body = get(server + path)
    assert status == 200 and headers["Content-Type"].startswith(content_type) and body
    etag, modified = headers["ETag"], headers["Last-Modified"]
    status, headers, body = get(server + path, **{"If-None-Match": etag})
    assert (status, body, headers["ETag"]) == (304, b"", etag)
    status, _, body = get(server + path, **{"If-Modified-Since": modified})
    assert (status, body) == (304, b"")


def test_a_changed_feed_gets_a_new_etag(server: str, seeded: Env, out_dir: Path) -> None:
    _, headers, _ = get(server + "/feed.json")
    seeded.run("review", "accept", "1")  # the metzgerei's vanished e-mail is removed from its listing
    status, changed, body = get(server + "/feed.json", **{"If-None-Match": headers["ETag"]})
    assert status == 200 and changed["ETag"] != headers["ETag"] and b"metzger@" not in body
    older = format_datetime(parsedate_to_datetime(changed["Last-Modified"]).replace(year=2000), usegmt=True)
    assert get(server + "/feed.json", **{"If-Modified-Since": older})[0] == 200


def test_serve_is_read_only_and_serves_only_the_report_folder(server: str) -> None:
    request = urllib.request.Request(server + "/feed.json", data=b"{}", method="POST")
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=30)
    assert caught.value.code == 405
    assert get(server + "/report/kennzahlen.csv")[0] == 200
    assert get(server + "/report/../../marktplatz.db")[0] == 404
    assert get(server + "/nothing")[0] == 404
