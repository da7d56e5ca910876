"""MkDocs hook: leave out canonical links unless the site's real address is known.

`site_url` always has a value, for instant navigation's sitemap and the 404 page; a canonical
link made from the placeholder would send "share" and "copy link" features to it. MkDocs
renders sitemap.xml from the pages' canonical_url before it renders any page, so clearing it
for the page's own template leaves the sitemap whole.
"""

from __future__ import annotations

import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

ADDRESS_VARIABLE = "SITE_URL"


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    if not os.environ.get(ADDRESS_VARIABLE):
        page.canonical_url = None
    return context
