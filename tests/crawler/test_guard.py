"""The private-address guard refuses every non-public target unless the operator allows it."""

from __future__ import annotations

import pytest

from marktplatz.config import parse_cidrs
from marktplatz.crawler.guard import AddressPolicy

REFUSED = {
    "127.0.0.1": "loopback", "127.8.9.10": "loopback", "10.1.2.3": "private", "172.16.0.1": "private",
    "172.31.255.254": "private", "192.168.178.1": "private", "169.254.169.254": "link-local",
    "100.64.0.1": "carrier-grade NAT", "224.0.0.251": "multicast", "0.0.0.0": "unspecified",
    "240.0.0.1": "reserved", "::1": "loopback", "fd00::1": "private", "fe80::1": "link-local", "::": "unspecified",
    "::ffff:127.0.0.1": "loopback", "::ffff:169.254.169.254": "link-local", "64:ff9b::a00:1": "private",
    "2002:7f00:1::": "loopback", "ff02::1": "multicast",
}


@pytest.mark.parametrize(("address", "kind"), REFUSED.items())
def test_non_public_addresses_are_refused_with_the_reason(address: str, kind: str) -> None:
    reason = AddressPolicy().refusal(address)
    assert reason is not None and kind in reason


@pytest.mark.parametrize("address", ["93.184.216.34", "2a00:1450:4001:80b::2003", "8.8.8.8"])
def test_public_addresses_pass(address: str) -> None:
    assert AddressPolicy().allows(address)


def test_allow_list_opens_exactly_the_listed_networks() -> None:
    policy = AddressPolicy(parse_cidrs("127.0.0.1/32, 10.0.0.0/8"))
    assert policy.allows("127.0.0.1") and policy.allows("10.200.1.1") and policy.allows("::ffff:127.0.0.1")
    assert not policy.allows("127.0.0.2")
    assert not policy.allows("192.168.0.1")
    assert not policy.allows("::1")


def test_filter_keeps_only_allowed_answers_of_a_multi_address_host() -> None:
    ok, refused = AddressPolicy().filter(["93.184.216.34", "127.0.0.1", "10.0.0.1"])
    assert ok == ["93.184.216.34"]
    assert len(refused) == 2


def test_garbage_is_not_an_address() -> None:
    assert "not an IP address" in (AddressPolicy().refusal("localhost") or "")
