"""Uploaded files are only handed out by the permission-checked views."""

import importlib

import pytest
from django.test import override_settings
from django.urls import Resolver404, clear_url_caches, resolve

import duban.urls


@pytest.mark.parametrize("flags", [{"DEBUG": True}, {"DUBAN_DEMO": True}])
def test_media_path_is_not_routed_even_in_debug_or_demo(flags):
    with override_settings(**flags):
        clear_url_caches()
        importlib.reload(duban.urls)
        try:
            with pytest.raises(Resolver404):
                resolve("/media/evidence/2026/report-1/proof.pdf")
        finally:
            clear_url_caches()
            importlib.reload(duban.urls)
