"""The built site loads nothing from another host: every script, stylesheet, image, frame and
media source, and every CSS `url()` and `@import`, is relative, on the site itself or a
`data:` URI. Links that readers follow (`<a href>`) may go anywhere."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

LOADING_TAGS = {
    "script",
    "link",
    "img",
    "iframe",
    "source",
    "video",
    "audio",
    "track",
    "embed",
    "object",
    "image",
    "use",
    "input",
}
URL_ATTRIBUTES = {"src", "href", "srcset", "poster", "data", "xlink:href"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.S)


def is_foreign(url: str, own_address: str = "") -> bool:
    """True for a URL that would load from another host than `own_address`."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme == "data" or (not parts.scheme and not parts.netloc):
        return False
    return not (own_address and url.startswith(own_address))


def own_address(site: Path) -> str:
    """The address the site was built for (`site_url`): the home page's entry in the
    sitemap. Canonical links use it when it was given (SITE_URL)."""
    locations = re.findall(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text("utf-8"))
    return min(locations, key=len)


def _srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


class _Loads(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        for name, value in attrs:
            if not value:
                continue
            if tag in LOADING_TAGS and name in URL_ATTRIBUTES:
                self.urls += _srcset_urls(value) if name == "srcset" else [value]
            elif name == "style":
                self.urls += css_urls(value)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False if tag == "style" else self._in_style

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls += css_urls(data)


def css_urls(css: str) -> list[str]:
    return [m[2] or m[4] for m in CSS_URL.finditer(css)]


def test_the_checks_tell_foreign_urls(tmp_path: Path) -> None:
    parser = _Loads()
    parser.feed(
        '<link rel="stylesheet" href="https://cdn.example/x.css">'
        '<img srcset="a.png 1x, //cdn.example/b.png 2x" src="c.png">'
        '<a href="https://example.org/">a citation</a>'
        '<div style="background: url(https://cdn.example/bg.png)"></div>'
        "<style>@import 'https://fonts.example/f.css';</style>"
    )
    foreign = [url for url in parser.urls if is_foreign(url)]
    assert foreign == [
        "https://cdn.example/x.css",
        "//cdn.example/b.png",
        "https://cdn.example/bg.png",
        "https://fonts.example/f.css",
    ]
    assert not is_foreign("data:image/svg+xml;base64,AAAA")
    assert not is_foreign("../assets/x.css")
    assert not is_foreign("http://intranet/kb/x/", own_address="http://intranet/kb/")
    assert is_foreign("http://intranet/other/", own_address="http://intranet/kb/")


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    pages = sorted(built_site.glob("**/*.html"))
    assert len(pages) > 20
    own = own_address(built_site)
    foreign = {}
    for page in pages:
        parser = _Loads()
        parser.feed(page.read_text("utf-8"))
        if found := [url for url in parser.urls if is_foreign(url, own)]:
            foreign[str(page.relative_to(built_site))] = found
    assert foreign == {}


def test_no_stylesheet_loads_anything_from_another_host(built_site: Path) -> None:
    sheets = sorted(built_site.glob("**/*.css"))
    own = own_address(built_site)
    assert sheets
    foreign = {
        str(sheet.relative_to(built_site)): found
        for sheet in sheets
        if (found := [u for u in css_urls(sheet.read_text("utf-8")) if is_foreign(u, own)])
    }
    assert foreign == {}
