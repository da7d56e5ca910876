"""The browser package in the built site: the snapshot's manifest names the snapshot file,
so the worker needs no file name but the manifest's."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from scripts.browser_package import SITE_DIR, SNAPSHOT, SNAPSHOT_MANIFEST


def test_the_snapshot_manifest_names_its_file_with_its_size_and_checksum(
    built_site: Path,
) -> None:
    folder = built_site / SITE_DIR
    manifest = json.loads((folder / SNAPSHOT_MANIFEST).read_text("utf-8"))
    assert manifest["file"] == SNAPSHOT
    data = (folder / manifest["file"]).read_bytes()
    assert manifest["size"] == len(data)
    assert manifest["sha256"] == hashlib.sha256(data).hexdigest()
