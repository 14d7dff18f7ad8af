"""When a site counts as down: N consecutive failures over at least two checks; down-since, recovery, flapping."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from marktplatz.monitor.status import HealthRules, Point, is_flapping, next_status

T0 = datetime(2026, 11, 2, 6, 0, tzinfo=UTC)
RULES = HealthRules(failures_to_down=2, min_checks=2)


def history(*outcomes: str, same_run: bool = False) -> list[Point]:
    return [Point(T0 + timedelta(days=i), 1 if same_run else i + 1, o) for i, o in enumerate(outcomes)]


def test_one_failed_check_does_not_take_a_working_site_down() -> None:
    verdict = next_status("ok", T0, history("ok", "timeout"), "unreachable", RULES)
    assert verdict.status == "ok" and not verdict.changed and verdict.failures == 1


def test_second_failed_check_takes_it_down_since_the_first_failure() -> None:
    h = history("ok", "refused", "refused")
    verdict = next_status("ok", T0, h, "unreachable", RULES)
    assert verdict.status == "unreachable" and verdict.changed and verdict.confirmed
    assert verdict.since == h[1].checked_at


def test_failures_within_one_run_count_as_one_check() -> None:
    verdict = next_status("ok", T0, history("ok", "timeout", "timeout", same_run=True), "unreachable", RULES)
    assert verdict.status == "ok"


def test_http_error_makes_a_site_broken_and_no_answer_unreachable() -> None:
    assert next_status("ok", T0, history("http_error", "http_error"), "broken", RULES).status == "broken"
    assert next_status("ok", T0, history("dns", "dns"), "unreachable", RULES).status == "unreachable"


def test_site_that_never_answered_shows_its_failure_at_once_but_unconfirmed() -> None:
    verdict = next_status("not_crawled", None, history("refused"), "unreachable", RULES)
    assert verdict.status == "unreachable" and not verdict.confirmed


def test_one_good_answer_brings_a_site_back() -> None:
    h = history("timeout", "timeout", "ok")
    verdict = next_status("unreachable", h[0].checked_at, h, "ok", RULES)
    assert verdict.status == "ok" and verdict.since == h[2].checked_at and verdict.failures == 0


def test_switch_from_unreachable_to_broken_keeps_the_down_since_time() -> None:
    h = history("timeout", "timeout", "http_error")
    verdict = next_status("unreachable", h[0].checked_at, h, "broken", RULES)
    assert verdict.status == "broken" and verdict.since == h[0].checked_at


def test_robots_txt_refusal_tells_nothing_and_does_not_break_a_streak() -> None:
    h = history("ok", "timeout", "robots", "timeout")
    assert next_status("ok", T0, h, "unreachable", RULES).status == "unreachable"
    assert next_status("ok", T0, history("ok", "robots"), None, RULES).status == "ok"


def test_stricter_setting_needs_more_failures() -> None:
    strict = HealthRules(failures_to_down=3, min_checks=2)
    assert next_status("ok", T0, history("ok", "reset", "reset"), "unreachable", strict).status == "ok"
    assert next_status("ok", T0, history("reset", "reset", "reset"), "unreachable", strict).status == "unreachable"


def test_site_going_up_and_down_is_flapping() -> None:
    assert is_flapping(history("ok", "timeout", "ok", "timeout", "ok"), RULES)
    assert not is_flapping(history("ok", "ok", "timeout", "timeout", "timeout"), RULES)
