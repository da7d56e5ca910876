"""MkDocs hook: mark the links in page content that leave the site (`data-external`), so the
print stylesheet can print their address. It cannot tell them apart by `href` alone: Material
rewrites every relative link into an absolute one in the browser."""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

EXTERNAL = re.compile(r'<a (?![^>]*\bdata-external\b)([^>]*?\bhref="https?://)')


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return EXTERNAL.sub(r"<a data-external \1", html)
