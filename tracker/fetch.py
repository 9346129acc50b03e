"""Which addresses the bot may fetch: strangers send the URLs, so a link must never make the bot request
its own machine, the cloud's metadata service or a private network (SSRF). This is the address policy the
links issue's fetcher applies to the first request and to every redirect hop; the fetcher itself (streamed,
size- and time-bounded, connecting to the address checked here) comes with that issue.

`check_url` refuses, with a typed reason, anything but http/https on ports 80/443 whose host resolves only
to public unicast addresses: loopback, private, link-local (169.254.169.254), multicast, reserved and
unspecified ranges are refused, including IPv4-mapped IPv6 (::ffff:127.0.0.1) and the decimal, octal and
hex spellings of an IPv4 address (2130706433), which resolve to the same numbers. `FETCH_ALLOW_PRIVATE`
lets private and loopback addresses through (tests, intranets)."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]


class Unsafe(StrEnum):
    SCHEME = "scheme"  # not http or https
    PORT = "port"  # not 80 or 443
    HOST = "host"  # no host, or one that does not resolve
    PRIVATE = "private"  # resolves to an address the bot must not reach


class UnsafeURL(ValueError):
    def __init__(self, reason: Unsafe, host: str = "") -> None:
        super().__init__(f"{reason.value}: {host}")
        self.reason = reason
        self.host = host


@dataclass(frozen=True)
class Target:
    """A URL that passed the check, and the addresses to connect to (no second lookup: no DNS rebinding)."""

    url: str
    scheme: str
    host: str
    port: int
    addresses: tuple[str, ...]


def system_resolver(host: str, port: int) -> list[str]:
    return sorted({str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)})


def is_public(address: Address) -> bool:
    """A global unicast address (an IPv4-mapped IPv6 address is judged as the IPv4 address it carries)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not (address.is_private or address.is_loopback or address.is_link_local or address.is_multicast
                or address.is_reserved or address.is_unspecified or not address.is_global)


def check_url(url: str, allow_private: bool = False, resolver: Resolver = system_resolver) -> Target:
    """The target of `url` if the bot may fetch it, else UnsafeURL with the reason."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        raise UnsafeURL(Unsafe.SCHEME, parts.scheme)
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise UnsafeURL(Unsafe.HOST)
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise UnsafeURL(Unsafe.PORT, host) from None
    if port not in {80, 443} and not allow_private:
        raise UnsafeURL(Unsafe.PORT, host)
    try:
        addresses = resolver(host, port)
    except (OSError, UnicodeError):
        raise UnsafeURL(Unsafe.HOST, host) from None
    if not addresses:
        raise UnsafeURL(Unsafe.HOST, host)
    if not allow_private and not all(is_public(ipaddress.ip_address(a.split("%")[0])) for a in addresses):
        raise UnsafeURL(Unsafe.PRIVATE, host)  # one private answer is enough to refuse: rebinding tricks mix
    return Target(url, scheme, host, port, tuple(addresses))
