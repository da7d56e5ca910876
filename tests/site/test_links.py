"""No broken link or anchor inside the built site.

LinkChecker crawls the served site from the home page and the 404 page, following every
internal link and checking every `#anchor` (its AnchorCheck plugin); links to other sites
are not fetched. It does not read SVG links, so the tree diagram's are checked here too.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from html.parser import HTMLParser
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.conftest import QuietHandler

# LinkChecker waits 0.1-0.6 s between requests to one host unless the server answers with a
# "LinkChecker" header; with it, `maxrequestspersecond` applies and the crawl takes seconds.
# A walkthrough link's fragment (decide/#/none/not-yet) holds answers, not a heading's id:
# the decide page itself is checked through its plain links.
CONFIG = """\
[checking]
threads=8
maxrequestspersecond=1000
[filtering]
ignore=
  /decide/#/
[AnchorCheck]
"""


class _LinkCheckerWelcome(QuietHandler):
    def end_headers(self) -> None:
        self.send_header("LinkChecker", "welcome")
        super().end_headers()


@pytest.fixture(scope="module")
def crawlable_site_url(built_site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(_LinkCheckerWelcome, directory=str(built_site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_linkchecker_finds_no_broken_internal_link_or_anchor(
    crawlable_site_url: str, tmp_path: Path
) -> None:
    config = tmp_path / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "linkcheck",
            "--config",
            str(config),
            "--no-status",
            "--output",
            "text",
            crawlable_site_url,
            crawlable_site_url + "404.html",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    summary = [line for line in result.stdout.splitlines() if "URLs checked" in line]
    print("\n" + "\n".join(summary))
    # Exit status 1 means an error (a broken link) or a warning (a missing anchor).
    assert result.returncode == 0, result.stdout + result.stderr
    assert summary and " 0 errors found" in summary[-1]


class _SvgLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.svg_links: list[str] = []
        self._in_svg = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        self._in_svg += tag == "svg"
        if self._in_svg and tag == "a":
            self.svg_links += [v for k, v in attrs if k in ("href", "xlink:href") and v]

    def handle_endtag(self, tag: str) -> None:
        self._in_svg -= tag == "svg" and self._in_svg > 0


def test_every_box_of_the_tree_diagram_links_to_a_page_or_anchor(built_site: Path) -> None:
    page_url = "http://site/tree/"
    parser = _SvgLinks()
    parser.feed((built_site / "tree" / "index.html").read_text("utf-8"))
    diagram_links = [link for link in parser.svg_links if not link.startswith("#__")]
    assert len(diagram_links) >= 20
    broken = []
    for link in diagram_links:
        target = urlsplit(urljoin(page_url, link))
        if target.path == "/tree/":
            if target.fragment not in parser.ids:
                broken.append(link)
        elif not (built_site / target.path.strip("/") / "index.html").is_file():
            broken.append(link)
    assert broken == []
