"""Fetching pages whose URLs strangers send: a link must never make the bot request its own machine, the
cloud's metadata service or a private network (SSRF), nor hang on a slow server or fill memory.

`fetch` applies the address policy below to the first request and to every redirect hop (at most 5,
followed by hand), connects to the very address it checked (the host name goes in the Host header and the
TLS SNI, so certificates are still verified against the name: no DNS-rebinding gap between check and
connect), streams the body and stops at `max_bytes`, and gives up after `timeout` seconds in all (httpx's
timeouts are per read; a server dripping a byte a second would never trip them).

`check_url` refuses, with a typed reason, anything but http/https on ports 80/443 whose host resolves only
to public unicast addresses: loopback, private, link-local (169.254.169.254), multicast, reserved and
unspecified ranges are refused, including IPv4-mapped IPv6 (::ffff:127.0.0.1) and the decimal, octal and
hex spellings of an IPv4 address (2130706433), which resolve to the same numbers. `FETCH_ALLOW_PRIVATE`
lets private and loopback addresses through (tests, intranets)."""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import logging
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import urljoin, urlsplit, urlunsplit

import certifi
import httpx

from tracker.errors import LinkError, Problem

log = logging.getLogger(__name__)

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


def check_url(url: str, allow_private: bool = False, resolver: Resolver | None = None,
              allow_hosts: frozenset[str] = frozenset()) -> Target:
    """The target of `url` if the bot may fetch it, else UnsafeURL with the reason. A host named in
    `allow_hosts` (FETCH_ALLOW_HOSTS: one intranet site, say) passes whatever it resolves to, on any port."""
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
    allow_private = allow_private or host.lower() in allow_hosts
    if port not in {80, 443} and not allow_private:
        raise UnsafeURL(Unsafe.PORT, host)
    try:
        addresses = (resolver or system_resolver)(host, port)
    except (OSError, UnicodeError):
        raise UnsafeURL(Unsafe.HOST, host) from None
    if not addresses:
        raise UnsafeURL(Unsafe.HOST, host)
    if not allow_private and not all(is_public(ipaddress.ip_address(a.split("%")[0])) for a in addresses):
        raise UnsafeURL(Unsafe.PRIVATE, host)  # one private answer is enough to refuse: rebinding tricks mix
    return Target(url, scheme, host, port, tuple(addresses))


# ------------------------------------------------------------------ the fetcher
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
USER_AGENT = ("Mozilla/5.0 (compatible; calledit/0.1; +https://github.com/calledit/calledit) "
              "reads news articles its users share")
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Limits:
    """How far the fetcher goes for one URL (FETCH_* settings)."""

    max_bytes: int = 2_000_000
    timeout: float = 20.0
    allow_private: bool = False
    allow_hosts: frozenset[str] = frozenset()
    accept: frozenset[str] = HTML_TYPES


@dataclass(frozen=True)
class Page:
    """What a URL answered: the final URL after redirects, its content type, charset and body."""

    url: str
    requested: str
    content_type: str
    charset: str | None
    body: bytes
    hops: tuple[str, ...] = field(default=())
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names: etag, last-modified

    @property
    def host(self) -> str:
        return host_of(self.url)


def host_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _address_url(target: Target, address: str) -> str:
    """The URL with its host replaced by the checked address (the name goes in Host and SNI)."""
    parts = urlsplit(target.url.strip())
    literal = f"[{address}]" if ":" in address else address
    default = 443 if target.scheme == "https" else 80
    netloc = literal if target.port == default else f"{literal}:{target.port}"
    return urlunsplit((target.scheme, netloc, parts.path or "/", parts.query, ""))


def _host_header(target: Target) -> str:
    name = f"[{target.host}]" if ":" in target.host else target.host
    default = 443 if target.scheme == "https" else 80
    return name if target.port == default else f"{name}:{target.port}"


def _status_problem(status: int, host: str) -> LinkError | None:
    if status in {404, 410}:
        return LinkError(Problem.LINK_NOT_FOUND, host=host, status=status)
    if status in {401, 402, 403, 451}:
        return LinkError(Problem.LINK_DENIED, host=host, status=status)
    if 400 <= status < 500:
        return LinkError(Problem.LINK_HTTP_ERROR, host=host, status=status)
    if status >= 500:
        return LinkError(Problem.LINK_SERVER_ERROR, host=host, status=status)
    return None


def _media_type(response: httpx.Response) -> tuple[str, str | None]:
    raw = response.headers.get("content-type", "")
    kind = raw.split(";", 1)[0].strip().lower()
    return kind, response.charset_encoding


def _check_type(kind: str, limits: Limits, host: str) -> None:
    if kind in limits.accept or (not kind and "text/html" in limits.accept):
        return
    if kind == "application/pdf":
        raise LinkError(Problem.LINK_PDF, host=host)
    raise LinkError(Problem.LINK_NOT_HTML, host=host, kind=kind or "unknown")


async def _read_body(response: httpx.Response, limits: Limits, host: str) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise LinkError(Problem.LINK_TOO_LARGE, host=host, megabytes=f"{limits.max_bytes / 1e6:g}")
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > limits.max_bytes:
            raise LinkError(Problem.LINK_TOO_LARGE, host=host, megabytes=f"{limits.max_bytes / 1e6:g}")
        chunks.append(chunk)
    return b"".join(chunks)


async def _check(url: str, limits: Limits, resolver: Resolver | None, hop: int) -> Target:
    try:
        return await asyncio.to_thread(check_url, url, limits.allow_private, resolver, limits.allow_hosts)
    except UnsafeURL as exc:
        if exc.reason == Unsafe.HOST:
            raise LinkError(Problem.LINK_UNREACHABLE, host=exc.host or host_of(url)) from None
        log.warning("refused to fetch %s (%s)%s", host_of(url), exc.reason.value,
                    f" after {hop} redirect(s)" if hop else "")
        problem = Problem.LINK_UNSAFE_REDIRECT if hop else Problem.LINK_UNSAFE
        if exc.reason in {Unsafe.SCHEME, Unsafe.PORT} and not hop:
            problem = Problem.LINK_UNSUPPORTED
        raise LinkError(problem, host=exc.host or host_of(url), reason=exc.reason.value) from None


async def _send(client: httpx.AsyncClient, target: Target, headers: dict[str, str]) -> httpx.Response:
    """Open a streamed GET to the first of the checked addresses that accepts a connection."""
    extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
    last: Exception | None = None
    for address in target.addresses:
        request = client.build_request("GET", _address_url(target, address),
                                       headers={**headers, "Host": _host_header(target)}, extensions=extensions)
        try:
            return await client.send(request, stream=True)
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            last = exc
    raise LinkError(Problem.LINK_UNREACHABLE, host=target.host) from last


KEPT_HEADERS = ("etag", "last-modified")


async def _fetch(client: httpx.AsyncClient, url: str, limits: Limits, resolver: Resolver | None,
                 headers: dict[str, str]) -> Page:
    current, hops = url.strip(), [url.strip()]
    for hop in range(MAX_REDIRECTS + 1):
        target = await _check(current, limits, resolver, hop)
        response = await _send(client, target, headers)
        kept = {k: response.headers[k] for k in KEPT_HEADERS if k in response.headers}
        try:
            if response.status_code == 304 and headers:  # a conditional GET: nothing changed
                return Page(current, url, "", None, b"", tuple(hops), 304, kept)
            location = response.headers.get("location")
            if response.is_redirect and location:
                current = urljoin(current, location.strip())
                hops.append(current)
                continue
            failed = _status_problem(response.status_code, target.host)
            if failed is not None:
                raise failed
            kind, charset = _media_type(response)
            _check_type(kind, limits, target.host)
            body = await _read_body(response, limits, target.host)
            return Page(current, url, kind, charset, body, tuple(hops), response.status_code, kept)
        finally:
            await response.aclose()
    raise LinkError(Problem.LINK_REDIRECTS, host=host_of(url))


@functools.cache
def _tls() -> ssl.SSLContext:
    """One verifying TLS context for every fetch: building one takes ~50 ms (loading the CA bundle)."""
    return ssl.create_default_context(cafile=certifi.where())


async def fetch(url: str, limits: Limits = Limits(), resolver: Resolver | None = None,
                headers: dict[str, str] | None = None) -> Page:
    """The page at `url`, or LinkError saying why not (unsafe address on any hop, too many redirects, HTTP
    error, not HTML, too large, too slow, unreachable). Never reads more than limits.max_bytes. `headers`
    (If-None-Match, If-Modified-Since) make it conditional: a 304 is a Page with status 304 and no body."""
    timeout = httpx.Timeout(limits.timeout)
    common = {"User-Agent": USER_AGENT, "Accept": ", ".join(sorted(limits.accept)) + ", */*;q=0.5",
               "Accept-Language": "en;q=1.0, *;q=0.5"}
    try:
        async with asyncio.timeout(limits.timeout), httpx.AsyncClient(
                timeout=timeout, headers=common, follow_redirects=False, trust_env=False, verify=_tls()) as client:
            return await _fetch(client, url, limits, resolver, headers or {})
    except (TimeoutError, httpx.TimeoutException):  # the total deadline, or one read's
        raise LinkError(Problem.LINK_TIMEOUT, host=host_of(url), seconds=round(limits.timeout)) from None
    except httpx.HTTPError as exc:
        log.info("fetching %s failed: %s", host_of(url), type(exc).__name__)
        raise LinkError(Problem.LINK_UNREACHABLE, host=host_of(url)) from None
