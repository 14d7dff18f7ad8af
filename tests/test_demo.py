"""`marktplatz demo`: the newcomer's first command runs the whole pipeline and says where everything is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from marktplatz.demo.run import TRADERS


def test_demo_runs_the_pipeline_and_prints_every_demo_trader(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARKTPLATZ_")}
    proc = subprocess.run([sys.executable, "-m", "marktplatz", "demo", "--out", str(folder)], env=env,
                          capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    for trader in TRADERS:
        assert trader.id in out and trader.name in out
    assert "opted out" in out

    feed = {x["id"]: x for x in json.loads((folder / "feed.json").read_text())["listings"]}
    assert set(feed) == {t.id for t in TRADERS if not t.opt_out}
    assert feed["HER-0001"]["site_status"] == "ok" and feed["HER-0001"]["opening_hours"]
    assert feed["HER-0003"]["emails"] == ["cafe@mondschein-herne.de"]  # de-obfuscated from "[at]"/"[dot]"
    assert feed["HER-0004"]["site_status"] == "unreachable"
    assert feed["HER-0005"]["site_status"] == "redirected"
    assert feed["HER-0006"]["site_status"] == "no_website"
    for name in ("feed.json", "health.json", "bericht/index.html", "leads.xlsx", "leads.csv"):
        assert (folder / name).is_file(), name
        assert str(folder / name) in out  # the demo says where each output is


def test_demo_refuses_to_wipe_a_folder_it_did_not_create(tmp_path: Path) -> None:
    (tmp_path / "wichtig.txt").write_text("nicht löschen", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "marktplatz", "demo", "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "is not a demo folder" in proc.stderr
    assert (tmp_path / "wichtig.txt").read_text(encoding="utf-8") == "nicht löschen"
