"""The browser package in the built site: the snapshot's manifest names the snapshot file and
the standard library it is restored with, so the worker needs no file name but the
manifest's."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from scripts.browser_package import SITE_DIR, SNAPSHOT, SNAPSHOT_MANIFEST, SNAPSHOT_STDLIB


def test_the_snapshot_manifest_names_its_file_with_its_size_and_checksum(
    built_site: Path,
) -> None:
    folder = built_site / SITE_DIR
    manifest = json.loads((folder / SNAPSHOT_MANIFEST).read_text("utf-8"))
    assert manifest["file"] == SNAPSHOT
    data = (folder / manifest["file"]).read_bytes()
    assert manifest["size"] == len(data)
    assert manifest["sha256"] == hashlib.sha256(data).hexdigest()


def test_a_restored_snapshot_is_given_an_empty_standard_library(built_site: Path) -> None:
    """Every module the engine uses is in the snapshot's memory (make_snapshot.mjs fails the
    build otherwise); tests/pyodide serves every case from it, restored this way."""
    folder = built_site / SITE_DIR
    manifest = json.loads((folder / SNAPSHOT_MANIFEST).read_text("utf-8"))
    assert manifest["stdlib"] == SNAPSHOT_STDLIB
    assert zipfile.ZipFile(folder / manifest["stdlib"]).namelist() == []
