"""Score the extraction alone on the labelled corpus: `extract_page` over each site's pages, then `merge_site`.

    .venv/bin/python -m tests.eval.direct            # summary + per-site differences
    .venv/bin/python -m tests.eval.direct --json out.json
    .venv/bin/python -m tests.eval.direct --corpus /path/to/set   # another set in the corpus's layout

Compares the way `../shared/tools/score_real_sites.py` does (its comparison helpers are imported from it at run
time, so the two cannot drift apart); crawling is simulated by `tests/eval/corpus.py`.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from marktplatz.crawler.pages import extract_page, merge_site
from tests.eval.corpus import BASE, CORPUS, site_pages

SCORER = CORPUS.parent.parent / "tools" / "score_real_sites.py"


def load_scorer(path: Path = SCORER) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_real_sites", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def feed_for(slug: str, corpus: Path = CORPUS, today: date | None = None) -> dict[str, Any]:
    pages = site_pages(corpus / "sites" / slug)
    records = [extract_page(body, url, {"Content-Type": "text/html"}, today=today) for url, body in pages]
    return merge_site(records, BASE, today=today).to_feed() | {"_pages": [u for u, _ in pages]}


def score(corpus: Path = CORPUS, today: date | None = None) -> tuple[dict[str, Any], list[dict[str, str]]]:
    sc = load_scorer()
    labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    c = {k: [0, 0, 0] for k in ("phones", "fax", "emails")}
    rows: list[dict[str, str]] = []
    addr_ok = imp_ok = imp_n = hours_ok = hours_n = nullh_ok = nullh_n = off_hit = off_n = name_ok = 0
    slugs = [s for s in sorted(labels) if (corpus / "sites" / s).is_dir()]
    for s in slugs:
        lab, feed = labels[s], feed_for(s, corpus, today)
        row: dict[str, str] = {"slug": s}
        for k in ("phones", "fax", "emails"):
            truth = {x.lower() for x in (lab.get(k) or [])}
            got = {x.lower() for x in (feed.get(k) or [])}
            c[k][0] += len(truth & got)
            c[k][1] += len(got - truth)
            c[k][2] += len(truth - got)
            row[k] = "ok" if truth == got else f"got {sorted(got)} want {sorted(truth)}"
        la, fa = lab.get("address") or {}, feed.get("address") or {}
        ok = bool(la) and la.get("postcode") == fa.get("postcode") and \
            sc.norm_street(la.get("street")) == sc.norm_street(fa.get("street"))
        addr_ok += ok
        row["address"] = "ok" if ok else f"got {fa} want {la}"
        th, gh = sc.norm_hours(lab.get("opening_hours")), sc.norm_hours(feed.get("opening_hours"))
        if th is None:
            nullh_n += 1
            nullh_ok += gh is None
        else:
            hours_n += 1
            hours_ok += th == gh
        row["hours"] = "ok" if th == gh else f"got {gh} want {th}"
        if lab.get("impressum_url"):
            imp_n += 1
            ok = sc.norm_path(feed.get("impressum_url")) == sc.norm_path(lab["impressum_url"])
            imp_ok += ok
            row["impressum"] = "ok" if ok else f"got {feed.get('impressum_url')} want {lab['impressum_url']}"
        elif feed.get("impressum_url"):
            row["impressum"] = f"got {feed.get('impressum_url')} want none"
        got_off = [str(x) for x in (feed.get("offerings") or [])]
        missed = []
        for t in lab.get("offerings") or []:
            off_n += 1
            hit = sc.offering_hit(t, got_off)
            off_hit += hit
            if not hit:
                missed.append(t)
        row["offerings"] = "ok" if not missed else f"missed {missed}"
        nm, tn = (feed.get("name") or "").lower(), lab["business_name"].lower()
        import difflib

        name_ok += difflib.SequenceMatcher(None, nm, tn).ratio() >= 0.6 or bool(nm and (nm in tn or tn in nm))
        row["name"] = f"{feed.get('name')!r}"
        rows.append(row)
    res: dict[str, Any] = {k: dict(zip(("precision", "recall", "f1"), (round(x, 3) for x in sc.prf(*v)),
                                       strict=True)) for k, v in c.items()}
    res.update({"sites": len(slugs), "address_exact": round(addr_ok / len(slugs), 3) if slugs else 0,
                "address_ok": f"{addr_ok}/{len(slugs)}", "hours_exact": f"{hours_ok}/{hours_n}",
                "hours_null_kept": f"{nullh_ok}/{nullh_n}", "impressum_url": f"{imp_ok}/{imp_n}",
                "offerings_recall": round(off_hit / off_n, 3) if off_n else None,
                "name_match": f"{name_ok}/{len(slugs)}"})
    return res, rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", help="write summary and rows here")
    ap.add_argument("--all", action="store_true", help="print every row, not only differences")
    ap.add_argument("--corpus", type=Path, default=CORPUS,
                    help="a folder laid out like the labelled corpus (sites/<slug>/, labels.json)")
    ap.add_argument("--today", type=date.fromisoformat, help="the crawl's date (YYYY-MM-DD), for seasonal hours")
    a = ap.parse_args()
    if not a.corpus.is_dir():
        print(f"corpus not found at {a.corpus}")
        return 1
    res, rows = score(a.corpus, a.today)
    for row in rows:
        shown = {k: v for k, v in row.items() if k != "slug" and (a.all or (v != "ok" and k != "name"))}
        if shown:
            print(row["slug"], json.dumps(shown, ensure_ascii=False)[:900])
    print(json.dumps(res))
    print(f"extraction (direct): phones F1 {res['phones']['f1']}, fax F1 {res['fax']['f1']}, emails F1 "
          f"{res['emails']['f1']}, address {res['address_exact']}, hours {res['hours_exact']} "
          f"(+null {res['hours_null_kept']}), impressum {res['impressum_url']}, offerings recall "
          f"{res['offerings_recall']}")
    if a.json:
        Path(a.json).write_text(json.dumps({"summary": res, "sites": rows}, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
