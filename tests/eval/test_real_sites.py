"""The evaluation gate: the whole pipeline on the labelled real-site corpus must stay at or above pinned floors.

Floors and the sha256 of `labels.json` they were measured on live in `tests/eval/baseline.json`; `required` holds
the issue's minimum floors. Skipped (with the reason) when the corpus folder is absent. Re-pin after a reviewed
change with `python -m tests.eval.harness --pin`.
"""

from __future__ import annotations

import json

import pytest

from tests.eval.corpus import CORPUS
from tests.eval.harness import BASELINE, below_floors, evaluate, labels_sha256

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]


@pytest.fixture(scope="module")
def baseline() -> dict:  # type: ignore[type-arg]
    return json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def results() -> tuple[dict[str, float], list[str]]:
    if not (CORPUS / "labels.json").is_file():
        pytest.skip(f"labelled corpus not found at {CORPUS} (expected ../shared/corpus/real beside the project)")
    return evaluate()


def test_labels_are_the_ones_the_floors_were_pinned_on(baseline: dict) -> None:  # type: ignore[type-arg]
    if not (CORPUS / "labels.json").is_file():
        pytest.skip(f"labelled corpus not found at {CORPUS}")
    assert labels_sha256() == baseline["labels_sha256"], (
        "labels.json changed since the floors were pinned: review the label change, re-run "
        "`python -m tests.eval.harness --pin` and commit the new baseline.json")


def test_extraction_scores_stay_at_or_above_the_pinned_floors(
        baseline: dict, results: tuple[dict[str, float], list[str]]) -> None:  # type: ignore[type-arg]
    scores, diffs = results
    failed = below_floors(scores, baseline["floors"])
    assert not failed, "extraction below its pinned floors:\n" + "\n".join(failed + diffs)


def test_extraction_meets_the_issue_floors(
        baseline: dict, results: tuple[dict[str, float], list[str]]) -> None:  # type: ignore[type-arg]
    scores, diffs = results
    failed = below_floors(scores, baseline["required"])
    assert not failed, "extraction below the required floors:\n" + "\n".join(failed + diffs)
