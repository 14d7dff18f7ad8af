"""Throughput of the whole page object (`extract_page`) over the corpus pages, on one core.

    .venv/bin/python bench/extraction_bench.py                 # ../shared/corpus/real, 5 rounds
    .venv/bin/python bench/extraction_bench.py --rounds 20 --corpus PATH --merge

Prints pages/s (and MB/s); the target is at least 200 pages/s. Bodies are read once before timing, so only the
extraction is measured; `--merge` also times `merge_site` per site.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marktplatz.crawler.pages import extract_page, merge_site  # noqa: E402
from marktplatz.crawler.parsing import clear_caches  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def corpus_pages(corpus: Path) -> dict[str, list[tuple[str, bytes]]]:
    """Every HTML file of every site (the duplicate `src/` copy skipped), home page first."""
    sites: dict[str, list[tuple[str, bytes]]] = {}
    for site in sorted(p for p in (corpus / "sites").iterdir() if p.is_dir()):
        files = sorted((f for f in site.rglob("*.html") if "src" not in f.relative_to(site).parts and
                        f.is_file() and f.stat().st_size > 0),
                       key=lambda f: (f.relative_to(site).as_posix() != "index.html", f.as_posix()))
        sites[site.name] = [(f"http://127.0.0.1/{f.relative_to(site).as_posix()}", f.read_bytes()) for f in files]
    return sites


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--merge", action="store_true", help="include merge_site in the timing")
    a = ap.parse_args()
    if not (a.corpus / "sites").is_dir():
        print(f"no corpus at {a.corpus}")
        return 1
    sites = corpus_pages(a.corpus)
    pages = [p for ps in sites.values() for p in ps]
    size = sum(len(b) for _, b in pages)
    for url, body in pages[:3]:  # warm-up: imports, regex compilation
        extract_page(body, url)
    errors = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    for _ in range(a.rounds):
        clear_caches()  # a page seen in an earlier round must not be cheaper; repeats within a site may be
        for ps in sites.values():
            records = [extract_page(body, url) for url, body in ps]
            errors += sum(1 for r in records if r.error)
            if a.merge:
                merge_site(records, "http://127.0.0.1/")
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    n = len(pages) * a.rounds
    # CPU time of this one process is what "pages/s on one core" means; wall time also counts other load.
    print(f"{len(pages)} pages ({size / 1e6:.2f} MB) x {a.rounds} rounds: {n / cpu:.0f} pages/s on one core "
          f"(CPU {cpu:.2f} s; wall {elapsed:.2f} s = {n / elapsed:.0f} pages/s), "
          f"{size * a.rounds / 1e6 / cpu:.1f} MB/s, {errors // a.rounds} pages with errors"
          f"{' (merge included)' if a.merge else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
