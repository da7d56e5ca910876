"""The site's one definition of each term (`includes/glossary.yaml`), turned into the glossary
page, the definitions other pages ask for, and tooltips on a term's first use on a page.

`python -m scripts.glossary` checks the file and prints the glossary page's Markdown.
"""

from __future__ import annotations

import functools
import posixpath
import re
import sys
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path

import yaml
from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrExtension
from markdown.treeprocessors import Treeprocessor

from scripts.paths import ROOT

GLOSSARY_FILE = ROOT / "includes" / "glossary.yaml"
GLOSSARY_PAGE = "glossary.md"
GLOSSARY_MARKER = "<!-- glossary -->"
DEFINITION_MARKER = re.compile(r"^<!-- definition: ([a-z0-9-]+) -->$", re.MULTILINE)
# Where a tooltip would get in the way or repeat itself: a heading is scanned, a link is
# already interactive, a table cell is too narrow for a popup.
NO_TOOLTIP_INSIDE = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "table", "dt", "dfn"}
FIELDS = ("id", "term", "forms", "definition", "see")


class GlossaryError(ValueError):
    """A problem in the glossary file or a marker, as `file:line: message`."""


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    forms: tuple[str, ...]
    definition: str
    see: str


def load_glossary(path: Path = GLOSSARY_FILE) -> tuple[Term, ...]:
    """The terms, read once per change of the file (every page's Markdown asks for them)."""
    return _load_glossary(path, path.stat().st_mtime_ns)


@functools.cache
def _load_glossary(path: Path, mtime_ns: int) -> tuple[Term, ...]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise GlossaryError(f"{path}:{line}: invalid YAML; check the quoting") from None
    entries = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise GlossaryError(f"{path}:1: the file needs a list under 'terms:'")
    terms: list[Term] = []
    seen_ids: set[str] = set()
    seen_forms: dict[str, str] = {}
    for entry in entries:
        where = f"{path}: term '{entry.get('id', '?') if isinstance(entry, dict) else entry}'"
        if not isinstance(entry, dict) or set(entry) != set(FIELDS):
            raise GlossaryError(f"{where}: each term needs exactly the fields {', '.join(FIELDS)}")
        forms = entry["forms"]
        if not isinstance(forms, list) or not forms:
            raise GlossaryError(f"{where}: 'forms' must be a list of the words that get a tooltip")
        if entry["id"] in seen_ids:
            raise GlossaryError(f"{where}: the id is used twice; give each term its own")
        seen_ids.add(entry["id"])
        for form in forms:
            if form in seen_forms:
                raise GlossaryError(f"{where}: '{form}' is already a form of '{seen_forms[form]}'")
            seen_forms[form] = entry["id"]
        terms.append(
            Term(
                id=str(entry["id"]),
                term=str(entry["term"]),
                forms=tuple(str(f) for f in forms),
                definition=" ".join(str(entry["definition"]).split()),
                see=str(entry["see"]),
            )
        )
    return tuple(terms)


def tooltips(terms: tuple[Term, ...]) -> dict[str, str]:
    """Each form in running text, mapped to its term's definition (the abbr glossary)."""
    return {form: term.definition for term in terms for form in term.forms}


def _relative(target: str, page_src: str) -> str:
    """A Markdown link from the page `page_src` to `target` (both under docs/)."""
    path, _, anchor = target.partition("#")
    link = posixpath.relpath(path, posixpath.dirname(page_src) or ".")
    return link + (f"#{anchor}" if anchor else "")


def glossary_markdown(terms: tuple[Term, ...]) -> str:
    """The glossary page's entries, alphabetically, each under a heading with the term's id.

    The page turns tooltips off: every form is undefined for the abbr extension, since the
    definition sits right there.
    """
    sections = []
    for term in sorted(terms, key=lambda t: t.term.lower()):
        see = (
            f" [Read more]({_relative(term.see, GLOSSARY_PAGE)})" if term.see != "index.md" else ""
        )
        sections.append(f"## {term.term} {{#{term.id}}}\n\n{term.definition}{see}\n")
    no_tooltips = "\n".join(f'*[{form}]: ""' for form in tooltips(terms))
    return "\n".join(sections) + "\n" + no_tooltips + "\n"


def expand_definitions(markdown: str, page_src: str, terms: tuple[Term, ...]) -> str:
    """Replace each `<!-- definition: id -->` line with that term's one definition."""
    by_id = {term.id: term for term in terms}

    def definition(match: re.Match[str]) -> str:
        term = by_id.get(match.group(1))
        if term is None:
            line = markdown.count("\n", 0, match.start()) + 1
            raise GlossaryError(
                f"docs/{page_src}:{line}: no glossary term '{match.group(1)}'; "
                f"use one of: {', '.join(sorted(by_id))}"
            )
        link = _relative(f"{GLOSSARY_PAGE}#{term.id}", page_src)
        return (
            f'<p class="kb-definition" markdown><dfn>{term.term}</dfn>: {term.definition} '
            f"([glossary]({link}))</p>"
        )

    return DEFINITION_MARKER.sub(definition, markdown)


class FirstUseTooltips(Treeprocessor):
    """Keep a term's tooltip only on its first use on the page, outside headings, links and
    tables: one tooltip per term reads as help, thirty read as noise and cost time to set up.

    That first use is focusable, so a keyboard reaches the definition too: Material shows the
    tooltip on focus as on hover, and names it as the term's description for screen readers.
    One Tab stop per term and page (at most about a dozen) is the cost.
    """

    def run(self, root: etree.Element) -> None:
        seen: set[str] = set()
        self._walk(root, seen, inside_excluded=False)

    def _walk(self, parent: etree.Element, seen: set[str], inside_excluded: bool) -> None:
        index = 0
        while index < len(parent):
            child = parent[index]
            if child.tag == "abbr":
                definition = child.get("title", "")
                if inside_excluded or definition in seen:
                    _unwrap(parent, index)
                    continue  # the next child has moved into this index
                seen.add(definition)
                child.set("tabindex", "0")
            else:
                excluded = inside_excluded or child.tag in NO_TOOLTIP_INSIDE
                self._walk(child, seen, excluded)
            index += 1


def _unwrap(parent: etree.Element, index: int) -> None:
    """Replace parent[index] by its text, keeping the text that follows it."""
    child = parent[index]
    text = (child.text or "") + (child.tail or "")
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(child)


class GlossaryTooltips(Extension):
    """Markdown extension: the glossary's tooltips, first use per page only. It registers the
    standard `abbr` extension itself, loaded with the glossary, so no page repeats a definition."""

    def __init__(self, **kwargs: object) -> None:
        self.config = {"glossary": [str(GLOSSARY_FILE), "path of the glossary file"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        terms = load_glossary(Path(self.getConfig("glossary")))
        md.registerExtensions([AbbrExtension(glossary=tooltips(terms))], {})
        # After abbr (priority 7) has marked every use, before toc (5) reads the headings.
        md.treeprocessors.register(FirstUseTooltips(md), "first_use_tooltips", 6)


def makeExtension(**kwargs: object) -> GlossaryTooltips:
    return GlossaryTooltips(**kwargs)


def main() -> int:
    try:
        print(glossary_markdown(load_glossary()))
    except GlossaryError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
