"""Canonical links only when the site's real address is known (SITE_URL)."""

from __future__ import annotations

import importlib
from types import ModuleType, SimpleNamespace

import pytest


def _hook() -> ModuleType:
    # The hook as MkDocs runs it: scripts/hooks/ is a namespace package of plain modules.
    return importlib.import_module("scripts.hooks.site_address")


@pytest.mark.parametrize("address", [None, ""])
def test_without_the_sites_address_a_page_has_no_canonical_link(
    monkeypatch: pytest.MonkeyPatch, address: str | None
) -> None:
    if address is None:
        monkeypatch.delenv("SITE_URL", raising=False)
    else:
        monkeypatch.setenv("SITE_URL", address)
    page = SimpleNamespace(canonical_url="http://localhost/decide/")
    _hook().on_page_context({}, page, None, None)
    assert page.canonical_url is None


def test_with_the_sites_address_a_page_keeps_its_canonical_link(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SITE_URL", "https://intranet.example/off-the-record/")
    page = SimpleNamespace(canonical_url="https://intranet.example/off-the-record/decide/")
    _hook().on_page_context({}, page, None, None)
    assert page.canonical_url == "https://intranet.example/off-the-record/decide/"
