"""`marktplatz init` and `traders import|list|show|opt-out` as the operator uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marktplatz.cli import main


@pytest.fixture
def cli(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("MARKTPLATZ_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MARKTPLATZ_DB", db_url)

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--quiet", *args])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("init")[0] == 0
    return run


def csv_file(tmp_path: Path, text: str, name: str = "h.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_init_is_safe_to_run_again(cli) -> None:
    code, out, _ = cli("init")
    assert code == 0 and "up to date" in out


def test_commands_before_init_say_to_run_init(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("MARKTPLATZ_DATA_DIR", str(tmp_path / "fresh"))
    monkeypatch.delenv("MARKTPLATZ_DB", raising=False)
    assert main(["traders", "list"]) == 1
    assert "run `marktplatz init` first" in capsys.readouterr().err


def test_bad_file_is_refused_whole_and_nothing_is_written(cli, tmp_path: Path) -> None:
    path = csv_file(tmp_path, "id;name;website\n1;Gut;www.gut.de\n2;;www.x.de\n3;Auch gut;e@mail.de\n")
    code, _out, err = cli("traders", "import", path)
    assert code == 1
    assert f"{path}, line 3, column 2 (name): the name is empty" in err
    assert f"{path}, line 4, column 3 (website)" in err
    assert err.strip().splitlines()[-1].startswith(f"marktplatz: error: import of {path} refused: 2 problem(s) in 2")
    assert "nothing was written" in err
    assert cli("traders", "list", "--json")[1].strip() == "[]"


def test_partial_imports_good_rows_and_reports_bad_ones(cli, tmp_path: Path) -> None:
    path = csv_file(tmp_path, "id;name;website\n1;Gut;www.gut.de\n2;;www.x.de\n")
    code, out, err = cli("traders", "import", path, "--partial")
    assert code == 0
    assert "line 3, column 2 (name)" in err
    assert "1 created" in out and "1 bad row(s) skipped" in out
    assert [t["id"] for t in json.loads(cli("traders", "list", "--json")[1])] == ["1"]


def test_missing_required_column_is_refused_even_with_partial(cli, tmp_path: Path) -> None:
    code, _, err = cli("traders", "import", csv_file(tmp_path, "id;name\n1;A\n"), "--partial")
    assert code == 1 and "required column 'website' is missing" in err


def test_reimport_changes_nothing_and_updated_file_updates_by_id(cli, tmp_path: Path) -> None:
    first = csv_file(tmp_path, "id;name;website\n1;Laden A;www.a.de\n2;Laden B;\n", "v1.csv")
    assert "2 created" in cli("traders", "import", first)[1]
    assert "0 created, 0 updated, 2 unchanged" in cli("traders", "import", first)[1]
    second = csv_file(tmp_path, "id;name;website\n1;Laden A;www.a-neu.de\n2;Laden B;\n3;Laden C;c.de\n", "v2.csv")
    assert "1 created, 1 updated, 1 unchanged" in cli("traders", "import", second)[1]
    shown = json.loads(cli("traders", "show", "1")[1])
    assert shown["website"] == "http://www.a-neu.de/"
    assert shown["site_status"] == "not_crawled"
    assert json.loads(cli("traders", "show", "2")[1])["site_status"] == "no_website"


def test_dry_run_writes_nothing(cli, tmp_path: Path) -> None:
    code, out, _ = cli("traders", "import", csv_file(tmp_path, "id;name;website\n1;A;a.de\n"), "--dry-run")
    assert code == 0 and out.startswith("would import") and "1 created" in out
    assert cli("traders", "list", "--json")[1].strip() == "[]"


def test_opt_out_is_recorded_and_kept_by_a_later_import(cli, tmp_path: Path) -> None:
    path = csv_file(tmp_path, "id;name;website\n1;A;a.de\n")
    cli("traders", "import", path)
    assert cli("traders", "opt-out", "1") == (0, "trader 1 opted out\n", "")
    cli("traders", "import", path)
    assert json.loads(cli("traders", "show", "1")[1])["opt_out"] is True
    assert cli("traders", "opt-out", "1", "--undo")[0] == 0
    assert json.loads(cli("traders", "show", "1")[1])["opt_out"] is False


def test_unknown_trader_is_a_one_line_error(cli) -> None:
    code, _, err = cli("traders", "show", "nope")
    assert code == 1 and err == "marktplatz: error: no trader with id 'nope'\n"


def test_invalid_allow_private_setting_is_reported(monkeypatch, capsys, tmp_path: Path) -> None:
    monkeypatch.setenv("MARKTPLATZ_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MARKTPLATZ_ALLOW_PRIVATE", "127.0.0.1/33")
    assert main(["traders", "list"]) == 2
    assert "MARKTPLATZ_ALLOW_PRIVATE: '127.0.0.1/33'" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["--help"], ["traders", "import", "--help"], ["crawl", "--help"],
                                     ["export", "feed", "--help"], ["demo", "--help"], ["scheduler", "--help"]])
def test_every_command_has_help(command: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(command)
    assert exc.value.code == 0
    assert "usage: marktplatz" in capsys.readouterr().out
