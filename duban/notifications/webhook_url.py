"""Which addresses a unit's chat robot may point at, checked when it is saved and again on send.

Only https to a configured chat-robot host (`DUBAN_WEBHOOK_HOSTS`), and only when every address
that host resolves to is a public one: the worker must never be turned into a client for the
database, the cloud metadata service or anything else on the private network.
"""

import http.client
import ipaddress
import socket
import ssl
import urllib.error
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def check_webhook_url(url: str) -> None:
    """Raise ValidationError naming why `url` may not receive webhook POSTs."""
    resolve_checked(url)


def resolve_checked(url: str) -> str:
    """The one address `url`'s host resolves to, once every address it resolves to is checked.

    The POST then connects to this very address (see `post`): resolving the name a second time
    would let a rebinding DNS server answer public for the check and private for the send.
    """
    parts = urlsplit(url)
    if parts.scheme != "https":
        raise ValidationError(_("推送地址必须以 https:// 开头。"))
    host = (parts.hostname or "").lower()
    allowed = {h.strip().lower() for h in settings.DUBAN_WEBHOOK_HOSTS}
    if host not in allowed:
        raise ValidationError(
            _("推送地址的主机 %(host)s 不在允许的机器人主机之列（%(allowed)s）。")
            % {"host": host or "?", "allowed": "、".join(sorted(allowed))}
        )
    try:
        infos = socket.getaddrinfo(host, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        raise ValidationError(_("无法解析推送地址的主机 %(host)s。") % {"host": host}) from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not _public(address):
            raise ValidationError(
                _("推送地址的主机 %(host)s 解析到内网或保留地址 %(address)s，不允许推送。")
                % {"host": host, "address": address}
            )
    return infos[0][4][0]


def _public(address) -> bool:
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        return _public(mapped)
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
    )


class _PinnedHTTPS(http.client.HTTPSConnection):
    """HTTPS to a fixed address, with the certificate still checked against the host name."""

    def __init__(self, host: str, address: str, **kwargs):
        super().__init__(host, context=ssl.create_default_context(), **kwargs)
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def post(url: str, body: bytes, headers: dict, timeout: float) -> int:
    """POST to `url` at its checked address; raise HTTPError on a redirect or a non-2xx reply.

    http.client follows no redirect, so a 3xx can never lead the worker elsewhere.
    """
    parts = urlsplit(url)
    address = resolve_checked(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if parts.scheme == "https":
        connection = _PinnedHTTPS(parts.hostname, address, port=port, timeout=timeout)
    else:  # only the tests' own loopback receiver, which they exempt from the check
        connection = http.client.HTTPConnection(address, port, timeout=timeout)
    path = parts.path or "/"
    path += f"?{parts.query}" if parts.query else ""
    try:
        connection.request("POST", path, body=body, headers={"Host": parts.netloc, **headers})
        response = connection.getresponse()
        response.read(1024)
    finally:
        connection.close()
    if 300 <= response.status < 400:
        raise urllib.error.HTTPError(
            url, response.status, _("推送地址返回了重定向，未跟随。"), response.headers, None
        )
    if not 200 <= response.status < 300:
        raise urllib.error.HTTPError(
            url,
            response.status,
            f"HTTP Error {response.status}: {response.reason}",
            response.headers,
            None,
        )
    return response.status
