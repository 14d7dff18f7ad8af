#!/usr/bin/env python3
"""Link-checking benchmark: `marktplatz check` + the crawl's broken-link pass next to LinkChecker, on one local web.

Builds a web of N small trader sites (default 200) with known broken links, each on its own loopback address:
missing pages, missing PDFs, a moved page that redirects to nothing, links to vanished pages of other sites, and (on
some sites) a missing image. Then it runs, in a fresh data folder,

    marktplatz init / traders import / check / crawl / export health

and LinkChecker (`pip install linkchecker`; a benchmark tool, not a project dependency) on the same home pages,
and prints both broken-link sets against the known truth, the differences explained, and the time ratio.

    .venv/bin/python bench/linkcheck_bench.py                 # 200 sites
    .venv/bin/python bench/linkcheck_bench.py --sites 50 --markdown docs-section.md
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PAGE_NAMES = ("leistungen", "ueber-uns", "team", "preise", "anfahrt", "galerie", "aktuelles", "jobs")
TRADES = ("Bäckerei", "Tischlerei", "Friseur", "Café", "Metzgerei", "Optik", "Blumen", "Elektro", "Kiosk", "Praxis")
Route = tuple[int, dict[str, str], bytes]


@dataclass
class Site:
    index: int
    name: str
    routes: dict[str, Route] = field(default_factory=dict)
    port: int = 0
    ip: str = "127.0.0.1"
    broken: set[tuple[str, str]] = field(default_factory=set)  # (target URL, page it is on) of <a> links
    broken_images: set[tuple[str, str]] = field(default_factory=set)

    @property
    def origin(self) -> str:
        return f"http://{self.ip}:{self.port}"


def page_html(site: Site, title: str, nav: list[str], extra: str) -> bytes:
    links = " ".join(f'<a href="/{p}.html">{p.replace("-", " ").title()}</a>' for p in nav)
    return (f"<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><meta name='viewport' "
            f"content='width=device-width'><title>{title} – {site.name}</title></head><body>"
            f"<nav><a href='/'>Start</a> {links} <a href='/kontakt.html'>Kontakt</a> "
            f"<a href='/impressum.html'>Impressum</a></nav><main><h1>{title}</h1><p>{site.name} in Herne. "
            f"Telefon 02323 {1000 + site.index}.</p>{extra}</main></body></html>").encode()


def build_web(n: int, seed: int) -> list[Site]:
    rng = random.Random(seed)
    sites = [Site(i, f"{TRADES[i % len(TRADES)]} Muster {i:03d}") for i in range(n)]
    for site in sites:
        nav = sorted(rng.sample(PAGE_NAMES, rng.randint(2, 6)))
        extras: dict[str, list[str]] = {p: [] for p in ["index", *nav, "kontakt", "impressum"]}
        kinds = rng.sample(("page", "pdf", "moved", "external", "page2"), rng.choice((0, 1, 1, 2, 2, 3)))
        for kind in kinds:
            on = rng.choice(list(extras))
            if kind in ("page", "page2"):
                target = f"/angebot-{rng.randint(2015, 2021)}-{kind}.html"
                extras[on].append(f'<a href="{target}">Altes Angebot</a>')
            elif kind == "pdf":
                target = f"/downloads/flyer-{rng.randint(1, 99)}.pdf"
                extras[on].append(f'<a href="{target}">Flyer (PDF)</a>')
            elif kind == "moved":
                target = "/sommerfest.html"
                site.routes[target] = (301, {"Location": "/veranstaltungen/sommerfest-2019.html"}, b"")
                extras[on].append(f'<a href="{target}">Sommerfest</a>')
            else:
                target = "external"
                extras[on].append("EXTERNAL")
            site.broken.add((target, on))
        if rng.random() < 0.1:
            on = rng.choice(list(extras))
            extras[on].append('<img src="/bilder/laden-alt.jpg" alt="Unser Laden">')
            site.broken_images.add(("/bilder/laden-alt.jpg", on))
        site.routes["__extras__"] = (0, {}, json.dumps(extras).encode())
        site.routes["__nav__"] = (0, {}, json.dumps(nav).encode())
    return sites


def finish_routes(sites: list[Site], seed: int) -> None:
    """Now that every site has its port: write the pages, with absolute URLs for links to other sites."""
    rng = random.Random(seed + 1)
    for site in sites:
        extras = json.loads(site.routes.pop("__extras__")[2])
        nav = json.loads(site.routes.pop("__nav__")[2])
        broken: set[tuple[str, str]] = set()
        for target, on in site.broken:
            page_url = site.origin + ("/" if on == "index" else f"/{on}.html")
            if target == "external":
                other = rng.choice([s for s in sites if s is not site])
                target = f"{other.origin}/verschwunden.html"
                extras[on] = [e.replace("EXTERNAL", f'<a href="{target}">Partner</a>', 1) for e in extras[on]]
                broken.add((target, page_url))
            else:
                broken.add((site.origin + target, page_url))
        site.broken = broken
        site.broken_images = {(site.origin + t, site.origin + ("/" if on == "index" else f"/{on}.html"))
                              for t, on in site.broken_images}
        for name, extra in extras.items():
            path = "/" if name == "index" else f"/{name}.html"
            title = "Willkommen" if name == "index" else name.replace("-", " ").title()
            site.routes[path] = (200, {"Content-Type": "text/html; charset=utf-8"},
                                 page_html(site, title, nav, " ".join(extra)))


def serve(site: Site) -> ThreadingHTTPServer:
    routes = site.routes

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:
            self._answer(True)

        def do_HEAD(self) -> None:
            self._answer(False)

        def _answer(self, body_too: bool) -> None:
            path = self.path.split("?")[0]
            status, headers, body = routes.get(path) or (404, {"Content-Type": "text/html"},
                                                         b"<h1>404 Nicht gefunden</h1>")
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body_too:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    # Every site on its own loopback address (all of 127.0.0.0/8 is local on Linux): both tools throttle per host,
    # and real trader sites do not share one address either.
    site.ip = f"127.0.{1 + site.index // 250}.{1 + site.index % 250}"
    server = ThreadingHTTPServer((site.ip, 0), Handler)
    server.daemon_threads = True
    server.handle_error = lambda request, client_address: None  # type: ignore[method-assign]  # resets by clients
    site.port = int(server.server_address[1])
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run_marktplatz(cli: str, work: Path, sites: list[Site], delay: str) -> tuple[dict[str, float], set, set]:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("MARKTPLATZ_")},
           "MARKTPLATZ_DATA_DIR": str(work / "data"), "MARKTPLATZ_DB": f"sqlite:///{work / 'bench.db'}",
           "MARKTPLATZ_ALLOW_PRIVATE": "127.0.0.0/8", "MARKTPLATZ_CRAWL_DELAY": delay}
    (work / "traders.csv").write_text("id;name;website\n" + "".join(
        f"S{s.index:03d};{s.name};{s.origin}/\n" for s in sites), encoding="utf-8")
    times: dict[str, float] = {}
    steps = [("init", ["init"]), ("import", ["traders", "import", str(work / "traders.csv")]),
             ("check", ["check"]), ("crawl", ["crawl"]),
             ("export", ["export", "health", "--format", "json", "--out", str(work / "health.json")])]
    for label, args in steps:
        started = time.monotonic()
        proc = subprocess.run([cli, "--quiet", *args], env=env, cwd=work, capture_output=True, text=True)
        times[label] = time.monotonic() - started
        if proc.returncode != 0:
            sys.exit(f"marktplatz {' '.join(args)} failed: {proc.stderr.strip()[-500:]}")
        print(f"  marktplatz {label}: {times[label]:.1f} s — {proc.stdout.strip().splitlines()[-1]}")
    health = json.loads((work / "health.json").read_text(encoding="utf-8"))
    internal = {(b["url"], b["found_on"]) for s in health["sites"] for b in s["broken_links"]}
    external = {(b["url"], b["found_on"]) for s in health["sites"] for b in s["broken_external_links"]}
    return times, internal, external


def run_linkchecker(sites: list[Site], threads: int) -> tuple[float, set, str]:
    exe = shutil.which("linkchecker", path=str(Path(sys.executable).parent)) or shutil.which("linkchecker")
    if exe is None:
        sys.exit("LinkChecker is not installed: .venv/bin/pip install linkchecker")
    version = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    started = time.monotonic()
    proc = subprocess.run([exe, "--no-status", "--check-extern", "--threads", str(threads), "-o", "csv",
                           *[s.origin + "/" for s in sites]], capture_output=True, text=True)
    seconds = time.monotonic() - started
    rows = csv.DictReader(io.StringIO("\n".join(line for line in proc.stdout.splitlines()
                                                if not line.startswith("#"))), delimiter=";")
    # `urlname` is the link as written on the page (`url` would be the end of a redirect chain): resolved against
    # its page, it is what marktplatz reports too.
    broken = {(urljoin(r["parentname"], r["urlname"]), r["parentname"]) for r in rows if r.get("valid") == "False"}
    return seconds, broken, version


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sites", type=int, default=200)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--delay", default="0.25",
                    help="MARKTPLATZ_CRAWL_DELAY, seconds between requests to one site (default 0.25 ±50%%, our "
                         "default; LinkChecker waits 0.1–0.6 s per host by default)")
    ap.add_argument("--threads", type=int, default=10, help="LinkChecker threads (its default: 10)")
    ap.add_argument("--cli", default=str(ROOT / ".venv" / "bin" / "marktplatz"))
    ap.add_argument("--markdown", help="also write the results as a Markdown section to this file")
    a = ap.parse_args()

    sites = build_web(a.sites, a.seed)
    servers = [serve(s) for s in sites]
    finish_routes(sites, a.seed)
    truth = set().union(*(s.broken for s in sites))
    truth_img = set().union(*(s.broken_images for s in sites))
    pages = sum(1 for s in sites for p, r in s.routes.items() if r[0] == 200)
    print(f"local web: {len(sites)} sites, {pages} pages, {len(truth)} broken links (<a>), "
          f"{len(truth_img)} broken images")
    work = Path(tempfile.mkdtemp(prefix="linkcheck-bench-"))
    try:
        times, internal, external = run_marktplatz(a.cli, work, sites, a.delay)
        lc_seconds, lc_broken, lc_version = run_linkchecker(sites, a.threads)
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
        shutil.rmtree(work, ignore_errors=True)
    ours = internal | external
    ours_seconds = times["check"] + times["crawl"]
    lc_links = lc_broken - truth_img
    truth_external = sum(1 for url, on in truth if urlsplit(url).netloc != urlsplit(on).netloc)
    truth_urls, ours_urls, lc_urls = ({u for u, _ in x} for x in (truth, ours, lc_links))
    repeats = len(truth) - len(truth_urls)
    lines = [
        f"Local web: {len(sites)} sites (one loopback address each), {pages} pages, {len(truth)} known broken "
        f"`<a>` links on pages ({len(truth_urls)} distinct targets; {truth_external} links to vanished pages of "
        f"other sites), {len(truth_img)} broken images. Seed {a.seed}.",
        "",
        "| tool | broken (link, page) pairs | of the known ones | missed | extra | distinct broken URLs | time |",
        "|---|---|---|---|---|---|---|",
        f"| marktplatz check + crawl (delay {a.delay} s) | {len(ours)} ({len(internal)} internal, {len(external)} "
        f"external) | {len(ours & truth)} | {len(truth - ours)} | {len(ours - truth)} | {len(ours_urls)} | "
        f"{ours_seconds:.1f} s (check {times['check']:.1f} s + crawl {times['crawl']:.1f} s) |",
        f"| {lc_version} ({a.threads} threads, --check-extern) | {len(lc_broken)} | {len(lc_broken & truth)} | "
        f"{len(truth - lc_broken)} | {len(lc_broken - truth)} | {len(lc_urls)} (+{len(truth_img)} images) | "
        f"{lc_seconds:.1f} s |",
        "",
        f"Time ratio LinkChecker / marktplatz: {lc_seconds / ours_seconds:.2f} "
        f"(against the crawl alone: {lc_seconds / times['crawl']:.2f}).",
        "",
        f"Distinct broken `<a>` targets: marktplatz {len(ours_urls)}, LinkChecker {len(lc_urls)}, known "
        f"{len(truth_urls)}; same set: {'yes' if ours_urls == lc_urls else 'no'}.",
        f"Differences explained: LinkChecker reports a broken URL once, on the first page it met it on (it caches "
        f"results per URL), so the {repeats} further (link, page) pairs of targets linked from several pages are "
        f"missing from its list ({len(truth - lc_broken)} missed); marktplatz lists every page a broken link is on. "
        f"LinkChecker also checks embedded resources: its {len((lc_broken - truth) & truth_img)} extra reports are "
        f"the broken `<img src>` images, which marktplatz does not check (it checks links, not page resources).",
    ]
    diff_lc = sorted(lc_urls - ours_urls)
    diff_ours = sorted(ours_urls - lc_urls)
    if diff_lc or diff_ours:
        lines.append("")
        lines.append(f"Unexplained — only LinkChecker: {diff_lc[:10]}; only marktplatz: {diff_ours[:10]}")
    print("\n".join(lines))
    print("\nbroken links, marktplatz:")
    for url, on in sorted(ours)[:20]:
        print(f"  {url}  (on {on})")
    print(f"  … {len(ours)} in all" if len(ours) > 20 else "")
    print("broken links, LinkChecker:")
    for url, on in sorted(lc_broken)[:20]:
        print(f"  {url}  (on {on})")
    print(f"  … {len(lc_broken)} in all" if len(lc_broken) > 20 else "")
    if a.markdown:
        Path(a.markdown).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0 if truth <= ours else 1


if __name__ == "__main__":
    sys.exit(main())
