"""Seasons named on schedules: which part of the year a label covers, and whether a day falls in it."""

from __future__ import annotations

from datetime import date

import pytest

from marktplatz.crawler.parsing.seasons import SUMMER, WINTER, in_season, season_of


@pytest.mark.parametrize(("label", "season"), [
    ("Sommersaison (15. März – 31. Oktober)", ((3, 15), (10, 31))),
    ("Winter (November – Februar)", ((11, 1), (2, 31))),
    ("Öffnungszeiten 01.04. – 30.09.", ((4, 1), (9, 30))),
    ("vom 1. Mai bis 30. September", ((5, 1), (9, 30))),
    ("Nov.–Feb.", ((11, 1), (2, 31))),
    ("Sommeröffnungszeiten", SUMMER),
    ("Im Winter", WINTER),
    ("Öffnungszeiten", None),
    ("Wintergarten", None),
    ("Sommerfest", None),
    ("Ab 1. März 2019 neue Öffnungszeiten", None),
    ("Mo–Fr 9–18", None),
])
def test_a_labels_season(label: str, season: object) -> None:
    assert season_of(label) == season


def test_a_season_over_the_new_year_holds_in_january_and_not_in_july() -> None:
    winter = season_of("1. November – 14. März")
    assert winter is not None
    assert in_season(winter, date(2027, 1, 10))
    assert in_season(winter, date(2026, 11, 1))
    assert not in_season(winter, date(2026, 7, 1))
    assert not in_season(winter, date(2026, 3, 15))
