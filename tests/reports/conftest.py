"""A seeded installation shared by the report tests (built once per module; the reports only read it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Env, make_env
from tests.reports.seed import seed


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    data = tmp_path_factory.mktemp("seeded") / "data"
    data.mkdir()
    env = make_env(data, f"sqlite:///{data / 'marktplatz.db'}")
    env.run("init")
    seed(env.db_url)
    yield env


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("out")
