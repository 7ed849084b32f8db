"""Which addresses a unit's chat robot may point at, checked when it is saved and again on send.

Only https to a configured chat-robot host (`DUBAN_WEBHOOK_HOSTS`), and only when every address
that host resolves to is a public one: the worker must never be turned into a client for the
database, the cloud metadata service or anything else on the private network.
"""

import ipaddress
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def check_webhook_url(url: str) -> None:
    """Raise ValidationError naming why `url` may not receive webhook POSTs."""
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


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise urllib.error.HTTPError(
            req.full_url, code, _("推送地址返回了重定向，未跟随。"), headers, fp
        )


opener = urllib.request.build_opener(_NoRedirects)
