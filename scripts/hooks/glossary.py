"""MkDocs hook: the glossary page's entries and each `<!-- definition: id -->` marker, from the
site's one glossary file (scripts/glossary.py). Tooltips come from its Markdown extension."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.glossary import (
    GLOSSARY_FILE,
    GLOSSARY_MARKER,
    GLOSSARY_PAGE,
    GlossaryError,
    expand_definitions,
    glossary_markdown,
    load_glossary,
)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        terms = load_glossary()
        if page.file.src_uri == GLOSSARY_PAGE:
            if GLOSSARY_MARKER not in markdown:
                raise GlossaryError(
                    f"docs/{GLOSSARY_PAGE}: the marker {GLOSSARY_MARKER} is missing"
                )
            markdown = markdown.replace(GLOSSARY_MARKER, glossary_markdown(terms))
        return expand_definitions(markdown, page.file.src_uri, terms)
    except GlossaryError as error:
        raise PluginError(str(error)) from None


def on_serve(
    server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]
) -> LiveReloadServer:
    """Rebuild and reload when an editor saves the glossary."""
    server.watch(str(GLOSSARY_FILE))
    return server
