"""MkDocs hook: leave out canonical links unless the site's real address is known.

`site_url` always has a value, for instant navigation's sitemap and the 404 page; a canonical
link made from the placeholder would send "share" and "copy link" features to it. (The pages
keep their canonical_url: sitemap.xml is made from it.)
"""

from __future__ import annotations

import os
import re
from typing import Any

ADDRESS_VARIABLE = "SITE_URL"
CANONICAL = re.compile(r'[ \t]*<link rel="canonical" href="[^"]*">\n?')


def on_post_page(output: str, page: Any, config: Any) -> str:
    if os.environ.get(ADDRESS_VARIABLE):
        return output
    return CANONICAL.sub("", output, count=1)
