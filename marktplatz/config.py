"""Run-time configuration: one immutable `Settings` object, built once at an entry point and passed down.

This is the only module that knows the `MARKTPLATZ_*` environment variables; everything else receives a `Settings`.
"""

from __future__ import annotations

import ipaddress
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

USER_AGENT = "MarktplatzHerneBot/0.1 (+https://www.herne.de/marktplatz-crawler; Stadtmarketing Herne)"


class ConfigError(ValueError):
    """A setting that cannot be used, with the variable name and the reason."""


IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_cidrs(text: str, *, source: str = "MARKTPLATZ_ALLOW_PRIVATE") -> tuple[IPNetwork, ...]:
    """Parse a comma-separated CIDR list (`127.0.0.1/32,10.0.0.0/8`); a bare address means a single host."""
    nets: list[IPNetwork] = []
    for raw in text.split(","):
        item = raw.strip()
        if not item:
            continue
        try:
            nets.append(ipaddress.ip_network(item, strict=False))
        except ValueError as exc:
            raise ConfigError(f"{source}: {item!r} is not an IP network in CIDR form ({exc})") from exc
    return tuple(nets)


@dataclass(frozen=True)
class CrawlLimits:
    """Bounds for one site's crawl; every number here stops a spider trap or a hostile server."""

    max_pages: int = 30
    max_depth: int = 4
    max_link_checks: int = 60
    max_external_checks: int = 10
    max_url_length: int = 2000
    max_redirects: int = 10
    max_response_bytes: int = 5 * 1024 * 1024
    warn_response_bytes: int = 2 * 1024 * 1024
    download_timeout: float = 20.0
    site_timeout: float = 300.0
    concurrent_per_site: int = 2
    concurrent_total: int = 32
    download_delay: float = 0.25
    autothrottle: bool = True
    # Worker processes that extract and audit finished sites while the crawl fetches the next ones (0: in the crawl
    # process). One is right for two cores; more help where processing, not fetching, is the limit.
    processing_workers: int = 1


@dataclass(frozen=True)
class HealthRules:
    """When a site counts as down: the same rule for the crawl, the daily check and the health export."""

    failures_to_down: int = 2  # consecutive failed observations before a working site is declared down
    min_checks: int = 2  # ... coming from at least this many different runs
    flapping_window: int = 10  # the last observations looked at for flapping
    flapping_changes: int = 3  # up/down changes within the window that make a site "flapping"


@dataclass(frozen=True)
class Settings:
    """Everything the program needs to know about its surroundings."""

    data_dir: Path = Path("marktplatz-data")
    db_url: str = ""
    allow_private: tuple[IPNetwork, ...] = ()
    redis_url: str | None = None
    hosts: dict[str, list[str]] = field(default_factory=dict)
    user_agent: str = USER_AGENT
    limits: CrawlLimits = field(default_factory=CrawlLimits)
    health: HealthRules = field(default_factory=HealthRules)
    body_retention_days: int = 90
    timezone: str = "Europe/Berlin"
    redis_lease_seconds: int = 60
    config: Mapping[str, Any] = field(default_factory=dict)  # the whole config file, for sections owned elsewhere

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the `MARKTPLATZ_*` variables; call this at an entry point only."""
        env = os.environ if env is None else env
        data_dir = Path(env.get("MARKTPLATZ_DATA_DIR") or "marktplatz-data").expanduser().resolve()
        db_url = env.get("MARKTPLATZ_DB", "").strip() or default_db_url(data_dir)
        allow = parse_cidrs(env.get("MARKTPLATZ_ALLOW_PRIVATE", ""))
        redis_url = env.get("MARKTPLATZ_REDIS", "").strip() or None
        hosts = parse_hosts(env.get("MARKTPLATZ_HOSTS", ""))
        config_path = env.get("MARKTPLATZ_CONFIG", "").strip()
        config = load_config_file(Path(config_path).expanduser()) if config_path else {}
        limits = section_from(CrawlLimits, "crawl", config.get("crawl", {}), source=config_path)
        health = section_from(HealthRules, "health", config.get("health", {}), source=config_path)
        if health.failures_to_down < 1 or health.min_checks < 1:
            raise ConfigError(f"{config_path}: [health] failures_to_down and min_checks must be at least 1")
        retention = config.get("retention", {}).get("raw_body_days", 90)
        if not isinstance(retention, int) or retention < 1:
            raise ConfigError(f"{config_path}: [retention] raw_body_days must be a whole number of days ≥ 1")
        delay = env.get("MARKTPLATZ_CRAWL_DELAY", "").strip()
        if delay:
            try:
                seconds = float(delay)
            except ValueError:
                raise ConfigError(f"MARKTPLATZ_CRAWL_DELAY: {delay!r} is not a number of seconds") from None
            if not 0 <= seconds <= 60:
                raise ConfigError(f"MARKTPLATZ_CRAWL_DELAY: {delay!r} must be between 0 and 60 seconds")
            limits = replace(limits, download_delay=seconds)
        lease = config.get("redis", {}).get("lease_seconds", 60)
        if not isinstance(lease, int) or lease < 2:
            raise ConfigError(f"{config_path}: [redis] lease_seconds must be a whole number of seconds ≥ 2")
        return cls(data_dir=data_dir, db_url=db_url, allow_private=allow, redis_url=redis_url, hosts=hosts,
                   limits=limits, health=health, body_retention_days=retention, redis_lease_seconds=lease,
                   config=config)

    def with_limits(self, **changes: object) -> Settings:
        return replace(self, limits=replace(self.limits, **changes))  # type: ignore[arg-type]

    @property
    def bodies_dir(self) -> Path:
        return self.data_dir / "bodies"

    @property
    def reports_dir(self) -> Path:
        return self.data_dir / "reports"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"


def load_config_file(path: Path) -> dict[str, Any]:
    """`MARKTPLATZ_CONFIG`: an optional TOML file with `[crawl]`, `[retention]` and other sections."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"MARKTPLATZ_CONFIG: {path}: no such file") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"MARKTPLATZ_CONFIG: {path}: {exc}") from None


def section_from(cls: type[T], name: str, section: Mapping[str, Any], source: str = "config") -> T:
    """A config file section → its settings dataclass; unknown keys and wrong types are refused with their name."""
    known = {f.name: f for f in fields(cls)}  # type: ignore[arg-type]
    defaults = cls()
    values: dict[str, Any] = {}
    for key, value in section.items():
        if key not in known:
            raise ConfigError(f"{source}: [{name}] {key} is not a setting (known: {', '.join(sorted(known))})")
        default = getattr(defaults, key)
        if isinstance(default, bool):
            ok = isinstance(value, bool)
        elif isinstance(default, int):
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        else:
            ok = isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
        if not ok:
            raise ConfigError(f"{source}: [{name}] {key} = {value!r} must be a non-negative "
                              f"{type(default).__name__}")
        values[key] = value
    return cls(**values)


def parse_hosts(text: str) -> dict[str, list[str]]:
    """`MARKTPLATZ_HOSTS`: `name=ip[|ip...],name=ip` — a hosts-file override for tests and the demo. The guard
    still applies to the addresses given here."""
    hosts: dict[str, list[str]] = {}
    for raw in text.split(","):
        item = raw.strip()
        if not item:
            continue
        name, sep, addrs = item.partition("=")
        if not sep or not name.strip() or not addrs.strip():
            raise ConfigError(f"MARKTPLATZ_HOSTS: {item!r} is not of the form name=address")
        values = [a.strip() for a in addrs.split("|") if a.strip()]
        for value in values:
            try:
                ipaddress.ip_address(value)
            except ValueError as exc:
                raise ConfigError(f"MARKTPLATZ_HOSTS: {value!r} (for {name.strip()}) is not an IP address") from exc
        hosts[name.strip().lower()] = values
    return hosts


def default_db_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'marktplatz.db'}"
