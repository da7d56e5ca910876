"""Check that a page's front matter (the YAML between the opening `---` lines) parses.

MkDocs silently shows front matter it cannot parse as page text (an unquoted ": " turns the
description into a heading), so the build checks every page with this and stops instead.
`python -m scripts.front_matter [DOCS_DIR]` checks every page there.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

# The same pattern MkDocs uses (mkdocs.utils.meta.YAML_RE).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


class FrontMatterError(ValueError):
    """One line: `file:line: what is wrong, and how to fix it`."""


def check_front_matter(text: str, name: str) -> None:
    match = FRONT_MATTER.match(text)
    if not match:
        return
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for the opening '---', +1 to count from 1
        problem = getattr(error, "problem", None) or "it cannot be parsed"
        raise FrontMatterError(
            f"{name}:{line}: the front matter is not valid YAML ({problem}); "
            'put the value in double quotes, e.g. description: "…"'
        ) from None
    if not isinstance(data, dict):
        raise FrontMatterError(
            f"{name}:2: the front matter must be 'field: value' lines, e.g. description: \"…\""
        )


def main(argv: list[str]) -> int:
    docs = Path(argv[0]) if argv else Path("docs")
    failed = False
    for page in sorted(docs.rglob("*.md")):
        try:
            check_front_matter(page.read_text(encoding="utf-8"), str(page))
        except FrontMatterError as error:
            print(error, file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
