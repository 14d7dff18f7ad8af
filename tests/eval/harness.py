"""Evaluation harness: the whole pipeline (CLI) on the labelled real-site corpus, scored against its labels.

Serves every site of `../shared/corpus/real/sites/` on its own 127.0.0.1 port the way GitHub Pages does (a folder
answers with its `index.html`, an extensionless path also tries `PATH.html`), imports them as traders, runs
`marktplatz init / traders import / crawl / export feed` in a fresh data folder and compares the feed with
`labels.json` the way `../shared/tools/score_real_sites.py` compares it. `tests/eval/baseline.json` pins the floors
and the sha256 of the labels the floors were measured on.

    .venv/bin/python -m tests.eval.harness                    # print the scores
    .venv/bin/python -m tests.eval.harness --pin              # re-pin baseline.json after a reviewed change
"""

from __future__ import annotations

import argparse
import csv
import difflib
import functools
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

from tests.eval.corpus import CORPUS

BASELINE = Path(__file__).with_name("baseline.json")
DAYS = ["mo", "tu", "we", "th", "fr", "sa", "su"]


class PagesHandler(SimpleHTTPRequestHandler):
    """A folder answers with its index.html (else PATH.html); an extensionless path also tries PATH.html."""

    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map, ".html": "text/html; charset=utf-8",
        ".htm": "text/html; charset=utf-8", ".xml": "application/xml"}

    def translate_path(self, path: str) -> str:
        p = super().translate_path(path)
        bare = p.rstrip("/")
        if os.path.isdir(p) and not os.path.isfile(os.path.join(p, "index.html")) and os.path.isfile(bare + ".html"):
            return bare + ".html"
        if not os.path.exists(p) and not p.endswith("/") and os.path.isfile(p + ".html"):
            return p + ".html"
        return p

    def list_directory(self, path: Any) -> None:  # type: ignore[override]
        self.send_error(404, "Not Found")

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_sites(corpus: Path, slugs: list[str]) -> Iterator[dict[str, str]]:
    servers = []
    urls: dict[str, str] = {}
    try:
        for slug in slugs:
            handler = functools.partial(PagesHandler, directory=str(corpus / "sites" / slug))
            srv = ThreadingHTTPServer(("127.0.0.1", 0), handler)
            threading.Thread(target=srv.serve_forever, daemon=True).start()
            servers.append(srv)
            urls[slug] = f"http://127.0.0.1:{srv.server_address[1]}/"
        yield urls
    finally:
        for srv in servers:
            srv.shutdown()
            srv.server_close()


def labels_sha256(corpus: Path = CORPUS) -> str:
    return hashlib.sha256((corpus / "labels.json").read_bytes()).hexdigest()


def run_pipeline(corpus: Path, work: Path, timeout: float = 900) -> dict[str, dict[str, Any]]:
    """The listings feed (by trader id = slug) after a full CLI run over the served corpus."""
    labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    slugs = [s for s in sorted(labels) if (corpus / "sites" / s).is_dir()]
    data = work / "data"
    data.mkdir(parents=True, exist_ok=True)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("MARKTPLATZ_")},
           "MARKTPLATZ_DB": f"sqlite:///{work / 'eval.db'}", "MARKTPLATZ_ALLOW_PRIVATE": "127.0.0.1/32",
           "MARKTPLATZ_DATA_DIR": str(data)}
    with serve_sites(corpus, slugs) as urls:
        with open(work / "traders.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, delimiter=";")
            w.writerow(["id", "name", "website"])
            for s in slugs:
                w.writerow([s, labels[s]["business_name"], urls[s]])
        steps = [["init"], ["traders", "import", str(work / "traders.csv")], ["crawl"],
                 ["export", "feed", "--format", "json", "--out", str(work / "feed.json")]]
        for step in steps:
            proc = subprocess.run([sys.executable, "-m", "marktplatz", "--quiet", *step], env=env, cwd=work,
                                  capture_output=True, text=True, timeout=timeout)
            if proc.returncode != 0:
                raise RuntimeError(f"marktplatz {' '.join(step)} failed ({proc.returncode}): {proc.stderr[-800:]}")
    feed = json.loads((work / "feed.json").read_text(encoding="utf-8"))
    return {x["id"]: x for x in feed["listings"]}


# --- comparison, as the shared scorer does it ----------------------------------------------------------------------

def norm_street(s: str | None) -> str:
    s = (s or "").lower().replace("ß", "ss")
    s = re.sub(r"str\.", "strasse", s)
    return re.sub(r"[\s\-.,]", "", s)


def norm_hours(h: dict[str, list[str]] | None) -> dict[str, list[str]] | None:
    if not h:
        return None
    out = {}
    for d in DAYS:
        iv = sorted(re.sub(r"\s", "", x).replace("24:00", "23:59") for x in (h.get(d) or []))
        if iv:
            out[d] = iv
    return out or None


def norm_path(u: str | None) -> str | None:
    if not u:
        return None
    if "://" in u:
        sp = urlsplit(u)
        p = sp.path + (f"?{sp.query}" if sp.query else "")
    else:
        p = u.split("#")[0]
    p = p.strip("/")
    for suf in ("/index.html", "index.html", ".html"):
        if p.endswith(suf):
            p = p[: -len(suf)]
    return p.strip("/")


def f1(tp: int, fp: int, fn: int) -> float:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return round(2 * p * r / (p + r), 3) if p + r else 0.0


def offering_hit(truth: str, got: list[str]) -> bool:
    t = truth.lower()
    return any(t in g.lower() or g.lower() in t or difflib.SequenceMatcher(None, t, g.lower()).ratio() >= 0.7
               for g in got if len(g) > 2)


def score(labels: dict[str, Any], feed: dict[str, dict[str, Any]]) -> tuple[dict[str, float], list[str]]:
    """Scores (the floors' keys) and a human-readable list of per-site differences."""
    counts = {k: [0, 0, 0] for k in ("phones", "fax", "emails")}
    addr = hours = hours_n = null_ok = imp = imp_n = off_hit = off_n = 0
    diffs: list[str] = []
    for slug, lab in sorted(labels.items()):
        got = feed.get(slug, {})
        for k in counts:
            truth = {x.lower() for x in lab.get(k) or []}
            have = {x.lower() for x in got.get(k) or []}
            counts[k][0] += len(truth & have)
            counts[k][1] += len(have - truth)
            counts[k][2] += len(truth - have)
            if truth != have:
                diffs.append(f"{slug} {k}: got {sorted(have)} want {sorted(truth)}")
        la, fa = lab.get("address") or {}, got.get("address") or {}
        ok = bool(la) and la.get("postcode") == fa.get("postcode") and \
            norm_street(la.get("street")) == norm_street(fa.get("street"))
        addr += ok
        if not ok:
            diffs.append(f"{slug} address: got {fa} want {la}")
        th, gh = norm_hours(lab.get("opening_hours")), norm_hours(got.get("opening_hours"))
        if th is None:
            null_ok += gh is None
        else:
            hours_n += 1
            hours += th == gh
        if th != gh:
            diffs.append(f"{slug} hours: got {gh} want {th}")
        if lab.get("impressum_url"):
            imp_n += 1
            ok = norm_path(got.get("impressum_url")) == norm_path(lab["impressum_url"])
            imp += ok
            if not ok:
                diffs.append(f"{slug} impressum: got {got.get('impressum_url')} want {lab['impressum_url']}")
        offers = [str(x) for x in got.get("offerings") or []]
        for t in lab.get("offerings") or []:
            off_n += 1
            off_hit += offering_hit(t, offers)
    scores = {"phones_f1": f1(*counts["phones"]), "fax_f1": f1(*counts["fax"]), "emails_f1": f1(*counts["emails"]),
              "address_ok": addr, "hours_exact": hours, "hours_null_kept": null_ok, "impressum_url": imp,
              "offerings_recall": round(off_hit / off_n, 3) if off_n else 1.0}
    return scores, diffs


def evaluate(corpus: Path = CORPUS) -> tuple[dict[str, float], list[str]]:
    labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    labels = {k: v for k, v in labels.items() if (corpus / "sites" / k).is_dir()}
    with tempfile.TemporaryDirectory(prefix="marktplatz-eval-") as tmp:
        feed = run_pipeline(corpus, Path(tmp))
    return score(labels, feed)


def below_floors(scores: dict[str, float], floors: dict[str, float]) -> list[str]:
    return [f"{k}: {scores.get(k)} < floor {v}" for k, v in floors.items() if scores.get(k, 0) < v]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pin", action="store_true", help="write the current scores as floors, with the labels' hash")
    a = ap.parse_args()
    if not (CORPUS / "labels.json").is_file():
        print(f"no corpus at {CORPUS}")
        return 1
    scores, diffs = evaluate()
    print("\n".join(diffs))
    print(json.dumps(scores))
    if a.pin:
        base = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
        base.update({"labels_sha256": labels_sha256(), "floors": scores})
        BASELINE.write_text(json.dumps(base, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"pinned {BASELINE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
