#!/usr/bin/env python3
"""Pipeline benchmark: the whole crawl (fetch, store, extract, audit) on a synthetic local web of trader sites.

Measurements (each one can be run alone with `--only`; results are kept in `docs/pipeline-bench.json` and the
tables in `docs/benchmarks.md` are rewritten from all kept results):

  throughput  `marktplatz crawl` (fresh SQLite) vs a bare Scrapy spider (`bench/bare_spider.py`) on the same web,
              throughput profile (download_delay 0, no AutoThrottle, 32 in all, 2 per site): pages/s, sites/min,
              ratio; target ≥ 0.8
  recrawl     a second crawl of the unchanged web (conditional requests): server-side bytes; target ≤ 10 %
  memory      peak RSS of the crawl's process tree at --memory-sites (default 500 and 5000); target < 600 MB, flat
  extraction  `bench/extraction_bench.py` (pages/s on one core)
  storage     the same crawl into SQLite and into PostgreSQL (`--pg-url`): pages/s and sites/s stored
  polite      default politeness (2 per site, 0.25 s ± 50 %, AutoThrottle) on --polite-sites sites, 32 in all (the
              default) and more (--polite-totals: more sites at once, the same politeness per site);
              projected to a 5,000-site city; target < 2 h; CPU share of the crawl process says what limits it

    .venv/bin/python -m bench.pipeline_bench                       # everything (20–25 minutes on 2 cores)
    .venv/bin/python -m bench.pipeline_bench --only throughput,recrawl --sites 500
    .venv/bin/python -m bench.pipeline_bench --only throughput --sites 200 --profile /tmp/crawl.txt  # py-spy

Needs the `bench` extra (psutil; py-spy for `--profile`): `.venv/bin/pip install -e '.[bench]'`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # also runnable as `python bench/pipeline_bench.py`

from bench.measure import Measured, run_measured  # noqa: E402
from bench.synthweb import WebServer  # noqa: E402

RESULTS = ROOT / "docs" / "pipeline-bench.json"
DOC = ROOT / "docs" / "benchmarks.md"
CITY_SITES = 5000
DEFAULT_TOTAL = 32  # [crawl] concurrent_total's default
CPU_BOUND_SHARE = 1.3
THROUGHPUT = {"download_delay": 0.0, "autothrottle": False, "concurrent_total": 32, "concurrent_per_site": 2}
Result = dict[str, Any]
SHORT_PATH = re.compile(r" \(/\S*?/(site-packages|lib/python3\.\d+)/")  # absolute paths py-spy did not shorten


class Workspace:
    """A fresh data folder and database with the synthetic web's sites imported as traders."""

    def __init__(self, server: WebServer, sites: int, crawl_config: dict[str, Any] | None,
                 db_url: str | None = None) -> None:
        self.server = server
        self.sites = sites
        self.dir = Path(tempfile.mkdtemp(prefix="pipeline-bench-"))
        config = self.dir / "marktplatz.toml"
        config.write_text("[crawl]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in (crawl_config or {}).items()),
                          encoding="utf-8")
        self.env = {**{k: v for k, v in os.environ.items() if not k.startswith("MARKTPLATZ_")},
                    "MARKTPLATZ_DATA_DIR": str(self.dir / "data"),
                    "MARKTPLATZ_DB": db_url or f"sqlite:///{self.dir / 'bench.db'}",
                    "MARKTPLATZ_ALLOW_PRIVATE": "127.0.0.1/32", "MARKTPLATZ_CONFIG": str(config),
                    "MARKTPLATZ_HOSTS": server.hosts_env()}
        (self.dir / "traders.csv").write_text("id;name;website\n" + "".join(
            f"T{i:05d};{server.web.plan(i).trade} {server.web.plan(i).owner};{server.url(i)}\n"
            for i in range(sites)), encoding="utf-8")
        for args in (["init"], ["traders", "import", str(self.dir / "traders.csv")]):
            subprocess.run(marktplatz(*args), env=self.env, cwd=self.dir, check=True, capture_output=True)

    def crawl(self, profile_to: Path | None = None) -> Measured:
        cmd = marktplatz("crawl")
        if profile_to is not None:
            cmd = [py_spy(), "record", "--format", "raw", "--rate", "50", "--subprocesses", "-o", str(profile_to),
                   "--", *cmd]
        result = run_measured(cmd, self.env, self.dir)
        if result.returncode != 0:
            sys.exit(f"marktplatz crawl failed: {result.stderr.strip()[-800:]}")
        return result

    def close(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


def marktplatz(*args: str) -> list[str]:
    return [sys.executable, "-m", "marktplatz", "--quiet", *args]


def py_spy() -> str:
    exe = shutil.which("py-spy", path=str(Path(sys.executable).parent)) or shutil.which("py-spy")
    if exe is None:
        sys.exit("py-spy is not installed: .venv/bin/pip install -e '.[bench]'")
    return exe


def crawl_pages(measured: Measured) -> int:
    """Pages (home, pages, probes) fetched, from the crawl's summary line."""
    match = re.search(r"crawl: \d+ site\(s\), (\d+) page\(s\)", measured.stdout)
    return int(match.group(1)) if match else 0


def crawl_figures(measured: Measured, sites: int, server: dict[str, Any]) -> Result:
    pages = crawl_pages(measured)
    return {"seconds": round(measured.seconds, 1), "cpu_seconds": round(measured.cpu_seconds, 1),
            "cpu_share": round(measured.cpu_share, 2), "peak_rss_mb": round(measured.peak_rss_mb),
            "pages": pages, "pages_per_s": round(pages / measured.seconds, 1),
            "sites_per_min": round(sites * 60 / measured.seconds, 1), "requests": server["requests"],
            "requests_per_s": round(server["requests"] / measured.seconds, 1), "bytes_sent": server["bytes_sent"],
            "statuses": server["statuses"]}


def bare_crawl(server: WebServer, sites: int, max_pages: int, work: Path, engine: str = "tuned") -> Result:
    urls = work / "urls.txt"
    urls.write_text("".join(server.url(i) + "\n" for i in range(sites)), encoding="utf-8")
    server.stats(reset=True)
    measured = run_measured([sys.executable, "-m", "bench.bare_spider", "--urls", str(urls), "--max-pages",
                             str(max_pages), "--concurrent-total", str(THROUGHPUT["concurrent_total"]),
                             "--concurrent-per-site", str(THROUGHPUT["concurrent_per_site"]),
                             "--hosts", server.hosts_env(), "--engine", engine],
                            {**os.environ, "PYTHONPATH": str(ROOT)}, work)
    if measured.returncode != 0:
        sys.exit(f"bare spider failed: {measured.stderr.strip()[-800:]}")
    out = json.loads(measured.stdout.strip().splitlines()[-1])
    stats = server.stats()
    return {"seconds": round(measured.seconds, 1), "cpu_seconds": round(measured.cpu_seconds, 1),
            "cpu_share": round(measured.cpu_share, 2), "peak_rss_mb": round(measured.peak_rss_mb),
            "pages": out["pages"], "pages_per_s": round(out["pages"] / measured.seconds, 1),
            "sites_per_min": round(sites * 60 / measured.seconds, 1), "requests": stats["requests"],
            "requests_per_s": round(stats["requests"] / measured.seconds, 1), "bytes_sent": stats["bytes_sent"]}


def measure_throughput(a: argparse.Namespace, with_recrawl: bool) -> dict[str, Result]:
    """`--repeat` pairs of (marktplatz crawl, bare spider), each on a fresh database; the re-crawl after the first."""
    server = WebServer(a.sites, a.pages, a.seed).start()
    runs: list[Result] = []
    out: dict[str, Result] = {}
    try:
        for attempt in range(a.repeat):
            ws = Workspace(server, a.sites, {**THROUGHPUT, "max_pages": 30})
            try:
                server.stats(reset=True)
                first = crawl_figures(ws.crawl(a.profile), a.sites, server.stats())
                if a.profile:
                    print(top_of_profile(a.profile))
                bare = bare_crawl(server, a.sites, 30, ws.dir)
                as_it_comes = bare_crawl(server, a.sites, 30, ws.dir, engine="defaults")
                runs.append({"marktplatz": first, "bare_scrapy": bare, "bare_scrapy_defaults": as_it_comes,
                             "ratio_sites_per_min": round(first["sites_per_min"] / bare["sites_per_min"], 2),
                             "ratio_defaults": round(first["sites_per_min"] / as_it_comes["sites_per_min"], 2)})
                print(f"  throughput run {attempt + 1}: ratio {runs[-1]['ratio_sites_per_min']} "
                      f"(to Scrapy as it comes: {runs[-1]['ratio_defaults']})", flush=True)
                if with_recrawl and attempt == 0:
                    server.stats(reset=True)
                    second = crawl_figures(ws.crawl(), a.sites, server.stats())
                    out["recrawl"] = {"web": web_facts(server), "first": first, "second": second,
                                      "bytes_ratio": round(second["bytes_sent"] / first["bytes_sent"], 3)}
            finally:
                ws.close()
    finally:
        server.stop()
    out["throughput"] = {"web": web_facts(server), "profile": "throughput", "runs": runs, "profiled": bool(a.profile)}
    return out


def measure_memory(a: argparse.Namespace) -> Result:
    runs = []
    for spec in a.memory_sites.split(","):
        sites, _, pages = spec.partition("x")
        server = WebServer(int(sites), int(pages or a.pages), a.seed).start()
        ws = Workspace(server, int(sites), {**THROUGHPUT, "max_pages": 30})
        try:
            server.stats(reset=True)
            measured = ws.crawl()
            runs.append({"web": web_facts(server), **crawl_figures(measured, int(sites), server.stats()),
                         "peak_rss_mb_by_quarter": measured.peak_rss_mb_by_quarter()})
            print(f"  memory: {sites} sites: {runs[-1]['peak_rss_mb']} MB "
                  f"({' / '.join(map(str, runs[-1]['peak_rss_mb_by_quarter']))} by quarter of the run), "
                  f"{runs[-1]['seconds']} s", flush=True)
        finally:
            ws.close()
            server.stop()
    return {"profile": "throughput", "runs": runs}


def measure_storage(a: argparse.Namespace) -> Result:
    runs = {}
    for label, url in (("sqlite", None), ("postgresql", a.pg_url)):
        server = WebServer(a.storage_sites, a.pages, a.seed).start()
        db_url = url
        if url:
            db_url = fresh_pg_database(url)
        ws = Workspace(server, a.storage_sites, {**THROUGHPUT, "max_pages": 30}, db_url)
        try:
            server.stats(reset=True)
            runs[label] = crawl_figures(ws.crawl(), a.storage_sites, server.stats())
        finally:
            ws.close()
            server.stop()
            if db_url and url:
                drop_pg_database(url, db_url)
    return {"web": {"sites": a.storage_sites, "pages_per_site": a.pages}, "profile": "throughput", **runs}


def measure_writes(a: argparse.Namespace) -> Result:
    """The page-row write path alone, in process: a site's fetch facts written one transaction per fetch (as
    before the per-site batching; the figures in docs/benchmarks.md were taken with the per-fetch function of that
    time, which read one row instead of the site's rows) and one per site (as now), into SQLite and PostgreSQL.
    Two rounds: the first inserts, the second updates (a re-crawl)."""
    from marktplatz.db.engine import make_engine, session_factory, transaction
    from marktplatz.db.repo.pages import record_fetches

    sites, pages = a.storage_sites, a.pages
    server = WebServer(sites, pages, a.seed)  # not started: only its site list is needed for the traders
    out: Result = {"sites": sites, "fetches_per_site": pages + 3}
    for label, url in (("sqlite", None), ("postgresql", a.pg_url)):
        for mode in ("per fetch", "per site"):
            db_url = fresh_pg_database(url) if url else None
            ws = Workspace(server, sites, None, db_url)
            engine = make_engine(ws.env["MARKTPLATZ_DB"])
            sessions = session_factory(engine)
            rounds = []
            try:
                for _ in range(2):
                    started = time.perf_counter()
                    for i in range(sites):
                        facts = fetch_facts(server, i, pages)
                        if mode == "per site":
                            with transaction(sessions) as session:
                                record_fetches(session, f"T{i:05d}", None, facts)
                            continue
                        for one in facts:
                            with transaction(sessions) as session:
                                record_fetches(session, f"T{i:05d}", None, [one])
                    rounds.append(time.perf_counter() - started)
            finally:
                engine.dispose()
                ws.close()
                if db_url and url:
                    drop_pg_database(url, db_url)
            rows = sites * (pages + 3)
            out[f"{label}, {mode}"] = {"insert_s": round(rounds[0], 2), "update_s": round(rounds[1], 2),
                                       "insert_rows_per_s": round(rows / rounds[0]),
                                       "update_rows_per_s": round(rows / rounds[1]),
                                       "sites_per_s": round(sites / rounds[0], 1)}
            print(f"  writes: {label}, {mode}: {out[f'{label}, {mode}']}", flush=True)
    return out


def fetch_facts(server: WebServer, index: int, pages: int) -> list[dict[str, Any]]:
    """What `StorePagePipeline` records for one site: its pages, robots.txt aside, plus two link checks and the
    sitemap — the shape of a real crawl's rows (headers, a dozen links each)."""
    plan = server.web.plan(index)
    base = server.url(index)
    links = [[base + p, p] for p in plan.pages[:12]]
    now = datetime.now(UTC)
    urls = [(base + p, "page") for p in plan.pages] + [(base + b, "link") for b in plan.broken[:1]] + \
        [(base + "alt/x.pdf", "link"), (base + "sitemap.xml", "sitemap")]
    return [{"url": u, "kind": "home" if n == 0 else kind, "final_url": u, "status": 200, "error_kind": None,
             "error": None, "headers": {"content-type": "text/html; charset=utf-8", "etag": f'"{n}"',
                                        "last-modified": "Mon, 24 Nov 2025 16:00:00 GMT", "server": "synthweb"},
             "redirects": [], "size": 6000, "elapsed_ms": 3, "depth": 1, "found_on": base, "content_type":
             "text/html", "links": links, "etag": f'"{n}"', "last_modified": "Mon, 24 Nov 2025 16:00:00 GMT",
             "not_modified": False, "fetched_at": now, "tls": None, "content_hash": f"{index:08d}{n:056d}",
             "body_path": f"ab/{index:08d}{n}.gz"} for n, (u, kind) in enumerate(urls[:pages + 3])]


def measure_polite(a: argparse.Namespace) -> Result:
    """The defaults, then the same politeness per site with more sites in parallel (`--polite-totals`)."""
    server = WebServer(a.polite_sites, a.pages, a.seed).start()
    runs = []
    try:
        for total in (int(t) for t in a.polite_totals.split(",")):
            # No [crawl] settings but the total: 2 per site, the delay and AutoThrottle stay the defaults.
            ws = Workspace(server, a.polite_sites, None if total == DEFAULT_TOTAL else {"concurrent_total": total})
            try:
                server.stats(reset=True)
                run = crawl_figures(ws.crawl(), a.polite_sites, server.stats())
            finally:
                ws.close()
            run["concurrent_total"] = total
            run["projected_city_hours"] = round(run["seconds"] * CITY_SITES / a.polite_sites / 3600, 2)
            runs.append(run)
            print(f"  polite, {total} in all: {run['seconds']} s, CPU share {run['cpu_share']}, projected "
                  f"{run['projected_city_hours']} h", flush=True)
    finally:
        server.stop()
    return {"web": web_facts(server), "profile": "polite (defaults)", "runs": runs}


def measure_extraction(a: argparse.Namespace) -> Result:
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "extraction_bench.py"), "--rounds", "3"],
                          capture_output=True, text=True, check=True)
    line = proc.stdout.strip().splitlines()[-1]
    match = re.search(r"(\d+) pages/s on one core", line)
    return {"line": line, "pages_per_s_one_core": int(match.group(1)) if match else None}


def web_facts(server: WebServer) -> Result:
    return {"sites": server.web.sites, "pages_per_site": server.web.pages_per_site, "seed": server.web.seed}


def fresh_pg_database(url: str) -> str:
    import psycopg

    name = f"bench_pipeline_{os.getpid()}"
    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql"), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    return url.rsplit("/", 1)[0] + "/" + name


def drop_pg_database(admin_url: str, db_url: str) -> None:
    import psycopg

    with psycopg.connect(admin_url.replace("postgresql+psycopg", "postgresql"), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {db_url.rsplit('/', 1)[1]} WITH (FORCE)")


def top_of_profile(path: Path, n: int = 15) -> str:
    """py-spy's raw (collapsed) stacks → the functions with the most samples, own time and inclusive."""
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        frames = [SHORT_PATH.sub(" (", f) for f in stack.split(";")]
        samples = int(count)
        total += samples
        own[frames[-1]] += samples
        for frame in set(frames):
            inclusive[frame] += samples
    lines = [f"{total} samples", "own time:"]
    lines += [f"  {100 * c / total:5.1f} %  {f}" for f, c in own.most_common(n)]
    lines.append("inclusive (marktplatz code):")
    lines += [f"  {100 * c / total:5.1f} %  {f}" for f, c in inclusive.most_common(400) if "marktplatz/" in f][:n]
    return "\n".join(lines)


def table(heading: str, columns: list[str], rows: list[list[Any]]) -> list[str]:
    """A Markdown table under a bold heading; the first column left-aligned, the others right."""
    return [heading, "", "| " + " | ".join(columns) + " |", "|---|" + "---:|" * (len(columns) - 1),
            *("| " + " | ".join(str(cell) for cell in row) + " |" for row in rows), ""]


def render(results: dict[str, Result]) -> dict[str, str]:
    """The generated parts of docs/benchmarks.md: per measurement, its table and verdict, from the kept results."""
    parts: dict[str, list[str]] = {}
    if t := results.get("throughput"):
        rows = []
        for n, run in enumerate(t["runs"], 1):
            for label, r, ratio in (
                    ("marktplatz crawl (SQLite)", run["marktplatz"], ""),
                    ("bare Scrapy spider, engine as in marktplatz", run["bare_scrapy"], run["ratio_sites_per_min"]),
                    ("bare Scrapy spider, Scrapy's defaults", run.get("bare_scrapy_defaults"),
                     run.get("ratio_defaults"))):
                if r is not None:
                    rows.append([f"{n}: {label}", r["seconds"], r["cpu_seconds"], r["cpu_share"], r["pages"],
                                 r["pages_per_s"], r["sites_per_min"], r["requests"], r["peak_rss_mb"], ratio])
        # The median, not the best run: on a shared machine a slow baseline run makes a "best" ratio look good.
        best = statistics.median(run["ratio_sites_per_min"] for run in t["runs"])
        defaults = [run["ratio_defaults"] for run in t["runs"] if "ratio_defaults" in run]
        best_defaults = statistics.median(defaults) if defaults else None
        parts["throughput"] = [
            *table(f"**Throughput** ({t['web']['sites']} sites × {t['web']['pages_per_site']} pages, throughput "
                   f"profile; measured {t['measured_at']}):",
                   ["run: crawler", "wall (s)", "CPU (s)", "CPU share", "pages", "pages/s", "sites/min", "requests",
                    "peak RSS (MB)", "marktplatz / this (sites/min)"], rows),
            f"Ratio marktplatz / bare Scrapy with the same engine settings (sites/min), median of "
            f"{len(t['runs'])} runs: **{best:.2f}** "
            f"(target ≥ 0.8: {'met' if best >= 0.8 else 'missed'})"
            + (f"; to Scrapy as it comes: {best_defaults:.2f}." if best_defaults is not None else ".")]
    if r := results.get("recrawl"):
        parts["recrawl"] = [
            *table(f"**Re-crawl** ({r['web']['sites']} sites; measured {r['measured_at']}):",
                   ["crawl", "wall (s)", "requests", "200", "304", "bytes sent by the server"],
                   [[label, c["seconds"], c["requests"], c["statuses"].get("200", 0), c["statuses"].get("304", 0),
                     f"{c['bytes_sent']:,}"] for label, c in (("first", r["first"]),
                                                              ("second (unchanged web)", r["second"]))]),
            f"Second / first: **{100 * r['bytes_ratio']:.1f} %** of the bytes (target ≤ 10 %: "
            f"{'met' if r['bytes_ratio'] <= 0.10 else 'missed'})."]
    if m := results.get("memory"):
        parts["memory"] = table(
            f"**Memory** (throughput profile; measured {m['measured_at']}):",
            ["sites", "pages/site", "pages", "wall (s)", "pages/s", "peak RSS of the crawl's process tree (MB)",
             "the tree's peak after ¼ / ½ / ¾ of the run (MB)"],
            [[r["web"]["sites"], r["web"]["pages_per_site"], r["pages"], r["seconds"], r["pages_per_s"],
              r["peak_rss_mb"], " / ".join(map(str, r.get("peak_rss_mb_by_quarter", [])[:3])) or "—"]
             for r in m["runs"]])
    if e := results.get("extraction"):
        parts["extraction"] = table(f"**Extraction** (measured {e['measured_at']}):",
                                    ["`extraction_bench.py` says", "pages/s on one core"],
                                    [[e["line"], e["pages_per_s_one_core"]]])
    if st := results.get("storage"):
        parts["storage"] = table(
            f"**Storage** ({st['web']['sites']} sites × {st['web']['pages_per_site']} pages, throughput profile; "
            f"measured {st['measured_at']}):", ["database", "wall (s)", "CPU (s)", "pages", "pages/s", "sites/s"],
            [[label, st[label]["seconds"], st[label]["cpu_seconds"], st[label]["pages"], st[label]["pages_per_s"],
              f"{st[label]['sites_per_min'] / 60:.2f}"] for label in ("sqlite", "postgresql") if label in st])
    if w := results.get("writes"):
        parts["writes"] = table(
            f"**Page-row writes alone** ({w['sites']} sites × {w['fetches_per_site']} fetch rows; measured "
            f"{w['measured_at']}):",
            ["database, transactions", "insert (s)", "rows/s", "sites/s", "update, a re-crawl (s)", "rows/s"],
            [[key, r["insert_s"], r["insert_rows_per_s"], r["sites_per_s"], r["update_s"], r["update_rows_per_s"]]
             for key, r in w.items() if isinstance(r, dict)])
    if p := results.get("polite"):
        runs = p.get("runs") or [{**p, "concurrent_total": DEFAULT_TOTAL}]
        default = next((r for r in runs if r["concurrent_total"] == DEFAULT_TOTAL), runs[0])
        parts["polite"] = [
            *table(f"**Polite profile** ({p['web']['sites']} sites × {p['web']['pages_per_site']} pages, 2 per site, "
                   f"0.25 s ± 50 %, AutoThrottle; measured {p['measured_at']}):",
                   ["`concurrent_total` (= sites at once)", "wall (s)", "CPU (s)", "CPU share", "pages/s", "sites/min",
                    "projected 5,000 sites", "limit"],
                   [[f"{r['concurrent_total']}" + (" (the default)" if r["concurrent_total"] == DEFAULT_TOTAL else ""),
                     r["seconds"],
                     r["cpu_seconds"], r["cpu_share"], r["pages_per_s"], r["sites_per_min"],
                     f"{r['projected_city_hours']} h", polite_limit(r)] for r in runs]),
            f"Target < 2 h with the defaults: {'met' if default['projected_city_hours'] < 2 else 'missed'} "
            f"({default['projected_city_hours']} h). CPU share: CPU seconds of the crawl and its processing worker "
            f"per second of wall time (2.0 = both cores)."]
    return {name: "\n".join(lines).strip("\n") for name, lines in parts.items()}


def polite_limit(run: Result) -> str:
    # The synthetic web's server needs part of a core as well; above 1.3 of the two cores the machine is full.
    return "CPU" if run["cpu_share"] >= CPU_BOUND_SHARE else "politeness"


def write_doc(results: dict[str, Result]) -> None:
    """Replace each measurement's generated block in docs/benchmarks.md (between its two markers); a block not
    there yet is added at the end, under a "Pipeline" heading."""
    text = DOC.read_text(encoding="utf-8")
    for name, block in render(results).items():
        start, end = f"<!-- pipeline-bench:{name} -->", f"<!-- /pipeline-bench:{name} -->"
        if start in text and end in text:
            text = text[:text.index(start) + len(start)] + "\n" + block + "\n" + text[text.index(end):]
            continue
        if "\n## Pipeline" not in text:
            text = text.rstrip("\n") + "\n\n## Pipeline\n"
        text = text.rstrip("\n") + f"\n\n{start}\n{block}\n{end}\n"
    DOC.write_text(text, encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="throughput,recrawl,memory,extraction,storage,writes,polite",
                    help="comma-separated measurements (default: all)")
    ap.add_argument("--sites", type=int, default=500, help="sites for throughput and re-crawl (default 500)")
    ap.add_argument("--pages", type=int, default=12, help="pages per site (default 12)")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=2, help="throughput runs (the machine may be shared; default 2)")
    ap.add_argument("--memory-sites", default="500,5000x6",
                    help="runs for the memory measurement: SITES[xPAGES],... (default 500,5000x6)")
    ap.add_argument("--storage-sites", type=int, default=200)
    ap.add_argument("--pg-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/test",
                    help="PostgreSQL server for the storage measurement (a fresh database is created and dropped)")
    ap.add_argument("--polite-sites", type=int, default=300)
    ap.add_argument("--polite-totals", default=f"{DEFAULT_TOTAL},128",
                    help="[crawl] concurrent_total values for the polite runs (sites at once: the same number)")
    ap.add_argument("--profile", type=Path, help="run the throughput crawl under py-spy, raw stacks to this file")
    ap.add_argument("--no-doc", action="store_true", help="do not write docs/benchmarks.md and the results file")
    a = ap.parse_args()
    wanted = set(a.only.split(","))
    results: dict[str, Result] = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    fresh: dict[str, Result] = {}
    if wanted & {"throughput", "recrawl"}:
        fresh.update(measure_throughput(a, with_recrawl="recrawl" in wanted))
    steps: dict[str, Callable[[argparse.Namespace], Result]] = {
        "memory": measure_memory, "extraction": measure_extraction, "storage": measure_storage,
        "writes": measure_writes, "polite": measure_polite}
    for name, step in steps.items():
        if name in wanted:
            print(f"{name} …", flush=True)
            fresh[name] = step(a)
    for name, result in fresh.items():
        result["measured_at"] = now
        results[name] = result
    print("\n\n".join(render(fresh).values()))
    if not a.no_doc and not a.profile:
        RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        write_doc(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
