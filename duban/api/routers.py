"""Routers other apps add to API v1 without the API knowing them.

An app registers, in its `AppConfig.ready()`, the module that holds its ninja `router`:

    routers.register("coordination", "duban.api.v1.coordination")

The module is named, not imported: v1 imports it when it builds its schema (after every app is
ready), so registering costs nothing at start-up and no app imports the API early. Routers are
added by `position`, then in the order registered.
"""

from importlib import import_module

_registered: dict[str, tuple[int, str]] = {}


def register(name: str, module: str, *, position: int = 100) -> None:
    """Registering the same name twice replaces it (reloads)."""
    _registered[name] = (position, module)


def registered() -> list:
    """The registered routers, in order."""
    ordered = sorted(_registered.values(), key=lambda entry: entry[0])
    return [import_module(module).router for _position, module in ordered]
