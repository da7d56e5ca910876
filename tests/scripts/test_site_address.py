"""Canonical links only when the site's real address is known (SITE_URL)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "site_address_hook", ROOT / "scripts" / "hooks" / "site_address.py"
    )
    assert spec and spec.loader
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook


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
