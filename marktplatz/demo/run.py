"""`marktplatz demo`: fictional Herne traders, their sample sites on 127.0.0.1, and the whole pipeline run on them.

Each step runs as its own `marktplatz` process (a crawl needs a fresh process) with a fresh data folder, loopback
explicitly allowed, and the sample host names pointed at 127.0.0.1, so nothing leaves this machine.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from marktplatz.demo.server import DemoWeb, VirtualHosts

SITES_DIR = Path(__file__).resolve().parent / "sites"
MARKER = ".marktplatz-demo"


@dataclass(frozen=True)
class DemoTrader:
    id: str
    name: str
    category: str
    host: str | None  # None: no website
    folder: str | None  # sample site folder; None for the down or moved site
    street: str
    postcode: str
    city: str = "Herne"
    opt_out: bool = False
    down: bool = False  # the host answers nothing (a closed port)
    moved_to: str | None = None  # the host redirects permanently to this host


TRADERS = (
    DemoTrader("HER-0001", "Bäckerei Sonnenschein", "Bäckerei", "www.baeckerei-sonnenschein-herne.de",
               "baeckerei-sonnenschein", "Bahnhofstraße 12", "44623"),
    DemoTrader("HER-0002", "Tischlerei Krause", "Handwerk", "www.tischlerei-krause-herne.de", "tischlerei-krause",
               "Hauptstraße 211", "44649"),
    DemoTrader("HER-0003", "Café Mondschein", "Gastronomie", "cafe-mondschein-herne.de", "cafe-mondschein",
               "Neustraße 4", "44623"),
    DemoTrader("HER-0004", "Schuhhaus Vogt", "Einzelhandel", "www.schuhhaus-vogt-herne.de", None,
               "Bebelstraße 8", "44623", down=True),
    DemoTrader("HER-0005", "Fahrrad Ruhrpott", "Einzelhandel", "www.fahrrad-ruhrpott-herne.de", None,
               "Mont-Cenis-Straße 300", "44627", moved_to="www.radhaus-herne.de"),
    DemoTrader("HER-0006", "Papeterie Lindner", "Einzelhandel", None, None, "Bahnhofstraße 40", "44623"),
    DemoTrader("HER-0007", "Juwelier Brandt", "Einzelhandel", None, None, "Robert-Brauner-Platz 2", "44623",
               opt_out=True),
)
MOVED_SITE_FOLDER = "radhaus-herne"


@dataclass
class Step:
    args: list[str]
    label: str


class DemoError(RuntimeError):
    pass


def prepare_folder(folder: Path) -> Path:
    """A fresh demo folder: an old demo folder is cleared, anything else is refused."""
    folder = folder.resolve()
    if folder.exists():
        if not (folder / MARKER).exists() and any(folder.iterdir()):
            raise DemoError(f"{folder} exists and is not a demo folder; choose another with --out")
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / MARKER).write_text("created by marktplatz demo; deleted by the next demo run\n", encoding="utf-8")
    return folder


def closed_port() -> int:
    """A loopback port nobody listens on (bound once, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write_trader_list(path: Path, port: int, down_port: int) -> None:
    """The city's list as office staff keep it: German headers, `;`, URLs without scheme."""
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["Nr", "Firma", "Branche", "Straße", "PLZ", "Ort", "Webseite", "Opt-out"])
        for t in TRADERS:
            site = ""
            if t.host:
                site = f"{t.host}:{down_port if t.down else port}/"
            w.writerow([t.id, t.name, t.category, t.street, t.postcode, t.city, site, "ja" if t.opt_out else ""])


def run_demo(folder: Path, say: Callable[[str], None] = print) -> dict[str, Path]:
    folder = prepare_folder(folder)
    hosts = VirtualHosts()
    for t in TRADERS:
        if t.host and t.folder:
            hosts.sites[t.host] = SITES_DIR / t.folder
        if t.host and t.moved_to:
            hosts.redirects[t.host] = t.moved_to
            hosts.sites[t.moved_to] = SITES_DIR / MOVED_SITE_FOLDER
    web = DemoWeb(hosts).start()
    try:
        down_port = closed_port()
        traders_csv = folder / "haendler.csv"
        write_trader_list(traders_csv, web.port, down_port)
        all_hosts = [h for t in TRADERS for h in (t.host, t.moved_to) if h]
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("MARKTPLATZ_")},
            "MARKTPLATZ_DATA_DIR": str(folder / "data"),
            "MARKTPLATZ_ALLOW_PRIVATE": "127.0.0.1/32",
            "MARKTPLATZ_HOSTS": ",".join(f"{h}=127.0.0.1" for h in all_hosts),
        }
        outputs = {"traders": traders_csv, "feed": folder / "feed.json", "health": folder / "health.json",
                   "report": folder / "bericht" / "index.html", "leads": folder / "leads.xlsx",
                   "leads_csv": folder / "leads.csv"}
        steps = [
            Step(["init"], "creating the database"),
            Step(["traders", "import", str(traders_csv)], f"importing {len(TRADERS)} traders"),
            Step(["crawl"], "crawling the sample sites"),
            Step(["check"], "running the daily health check of every home page"),
            Step(["export", "feed", "--format", "json", "--out", str(outputs["feed"])], "writing the listings feed"),
            Step(["export", "health", "--format", "json", "--out", str(outputs["health"])], "writing link health"),
            Step(["report", "--out", str(outputs["report"].parent)], "writing the weekly report"),
            Step(["export", "leads", "--format", "xlsx", "--out", str(outputs["leads"])], "writing the lead list"),
            Step(["export", "leads", "--format", "csv", "--out", str(outputs["leads_csv"])],
                 "writing the lead list as CSV"),
        ]
        for step in steps:
            say(f"demo: {step.label} …")
            started = time.monotonic()
            proc = subprocess.run([sys.executable, "-m", "marktplatz", "--quiet", *step.args], env=env,
                                  capture_output=True, text=True, timeout=900)
            if proc.returncode != 0:
                raise DemoError(f"`marktplatz {' '.join(step.args)}` failed: "
                                f"{(proc.stderr.strip() or proc.stdout.strip()).splitlines()[-1:]}")
            last = (proc.stdout.strip().splitlines() or [""])[-1]
            say(f"      {last} ({time.monotonic() - started:.1f} s)")
    finally:
        web.stop()
    return outputs


def summarise_feed(feed_path: Path) -> list[str]:
    """One line per demo trader as the feed has it; a trader who opted out is named, and why it is missing."""
    feed = {item["id"]: item for item in json.loads(feed_path.read_text(encoding="utf-8"))["listings"]}
    rows: list[tuple[str, str, str, str]] = []
    for trader in TRADERS:
        item = feed.get(trader.id)
        if item is None:
            why = "opted out: not crawled, in no export" if trader.opt_out else "missing from the feed"
            rows.append((trader.id, "-", trader.name, f"({why})"))
            continue
        hours = item.get("opening_hours_osm") or "-"
        phones = ", ".join(item.get("phones") or []) or "-"
        name = item["name"] if item["name"] == trader.name else f"{item['name']} (list: {trader.name})"
        rows.append((item["id"], item["site_status"], name, f"Tel. {phones:<16} {hours}"))
    # Columns as wide as their longest entry, so a long name does not push its row out of line.
    status_width = max(len(status) for _id, status, _name, _rest in rows)
    name_width = max(len(name) for _id, _status, name, _rest in rows)
    lines = [f"  {id_}  {status:<{status_width}}  {name:<{name_width}}  {rest}" for id_, status, name, rest in rows]
    return lines
