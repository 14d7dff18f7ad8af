"""Settings come from the environment and one optional TOML file; every mistake names the setting and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from marktplatz.config import ConfigError, Settings


def settings_with(tmp_path: Path, toml: str, **env: str) -> Settings:
    path = tmp_path / "marktplatz.toml"
    path.write_text(toml, encoding="utf-8")
    return Settings.from_env({"MARKTPLATZ_DATA_DIR": str(tmp_path), "MARKTPLATZ_CONFIG": str(path), **env})


def test_defaults_without_any_configuration(tmp_path: Path) -> None:
    s = Settings.from_env({"MARKTPLATZ_DATA_DIR": str(tmp_path)})
    assert s.db_url == f"sqlite:///{tmp_path / 'marktplatz.db'}"
    assert s.limits.max_pages == 30 and s.limits.concurrent_per_site == 2
    assert s.allow_private == () and s.redis_url is None
    assert s.body_retention_days == 90 and s.health.failures_to_down == 2


def test_config_file_sets_limits_health_retention_and_leases(tmp_path: Path) -> None:
    s = settings_with(tmp_path, "[crawl]\nmax_pages = 12\ndownload_timeout = 7.5\n[health]\nfailures_to_down = 3\n"
                                "[retention]\nraw_body_days = 30\n[redis]\nlease_seconds = 20\n")
    assert (s.limits.max_pages, s.limits.download_timeout) == (12, 7.5)
    assert s.health.failures_to_down == 3
    assert s.body_retention_days == 30 and s.redis_lease_seconds == 20


@pytest.mark.parametrize(("toml", "message"), [
    ("[crawl]\nmax_page = 3\n", "[crawl] max_page is not a setting"),
    ("[crawl]\nmax_pages = 'viele'\n", "[crawl] max_pages = 'viele' must be a non-negative int"),
    ("[crawl]\nmax_pages = -1\n", "must be a non-negative int"),
    ("[health]\nfailures_to_down = 0\n", "[health] failures_to_down and min_checks must be at least 1"),
    ("[retention]\nraw_body_days = 0\n", "raw_body_days must be a whole number of days"),
    ("[crawl\n", "MARKTPLATZ_CONFIG"),
])
def test_config_mistakes_are_refused_with_the_setting_named(tmp_path: Path, toml: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        settings_with(tmp_path, toml)


@pytest.mark.parametrize(("name", "value", "message"), [
    ("MARKTPLATZ_ALLOW_PRIVATE", "10.0.0.0/33", "MARKTPLATZ_ALLOW_PRIVATE"),
    ("MARKTPLATZ_HOSTS", "shop.de", "MARKTPLATZ_HOSTS"),
    ("MARKTPLATZ_HOSTS", "shop.de=localhost", "not an IP address"),
    ("MARKTPLATZ_CRAWL_DELAY", "schnell", "MARKTPLATZ_CRAWL_DELAY"),
    ("MARKTPLATZ_CONFIG", "/nowhere/m.toml", "no such file"),
])
def test_environment_mistakes_are_refused(tmp_path: Path, name: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Settings.from_env({"MARKTPLATZ_DATA_DIR": str(tmp_path), name: value})
