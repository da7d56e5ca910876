"""MkDocs hook: stop the build on a page whose front matter does not parse, naming the line
(scripts/front_matter.py); MkDocs itself would show it as page text."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.front_matter import FrontMatterError, check_front_matter


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        check_front_matter(page.file.content_string, f"docs/{page.file.src_uri}")
    except FrontMatterError as error:
        raise PluginError(str(error)) from None
    return markdown
