"""The address policy for fetching links strangers send (issue 14's SSRF rules), checked with the address
check alone: no request is made, and nothing but the system resolver (or a stand-in) is asked."""

from __future__ import annotations

import pytest

from tracker.fetch import Unsafe, UnsafeURL, check_url


def no_network(host: str, port: int) -> list[str]:
    raise AssertionError(f"{host} should have been refused before any lookup")


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost/admin", "http://[::1]/", "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/", "http://2130706433/", "http://[::ffff:127.0.0.1]/", "http://0x7f000001/",
    "http://0177.0.0.1/", "http://192.168.1.1/", "http://172.16.0.5/", "http://[fe80::1]/", "http://0.0.0.0/",
    "http://224.0.0.1/", "http://100.64.0.1/",
])
def test_private_loopback_link_local_and_disguised_addresses_are_refused(url: str) -> None:
    with pytest.raises(UnsafeURL) as refused:
        check_url(url)
    assert refused.value.reason in {Unsafe.PRIVATE, Unsafe.HOST}


@pytest.mark.parametrize(("url", "reason"), [
    ("file:///etc/passwd", Unsafe.SCHEME), ("ftp://example.org/", Unsafe.SCHEME), ("gopher://x/", Unsafe.SCHEME),
    ("http://example.org:8080/", Unsafe.PORT), ("https://example.org:22/", Unsafe.PORT), ("http:///x", Unsafe.HOST),
])
def test_other_schemes_ports_and_empty_hosts_are_refused_before_any_lookup(url: str, reason: Unsafe) -> None:
    with pytest.raises(UnsafeURL) as refused:
        check_url(url, resolver=no_network)
    assert refused.value.reason == reason


def test_a_name_that_resolves_to_any_private_address_is_refused() -> None:
    def rebinding(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "127.0.0.1"]  # a public answer mixed with a loopback one

    with pytest.raises(UnsafeURL) as refused:
        check_url("https://news.example/story", resolver=rebinding)
    assert refused.value.reason == Unsafe.PRIVATE


def test_a_public_address_passes_and_is_pinned() -> None:
    target = check_url("https://news.example/story?id=1", resolver=lambda host, port: ["93.184.216.34"])
    assert (target.host, target.port, target.addresses) == ("news.example", 443, ("93.184.216.34",))


def test_private_addresses_pass_only_when_allowed() -> None:
    target = check_url("http://127.0.0.1:8123/page", allow_private=True)
    assert target.addresses == ("127.0.0.1",) and target.port == 8123
