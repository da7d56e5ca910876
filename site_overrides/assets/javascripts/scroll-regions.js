// Boxes that scroll. Wide tables scroll sideways inside their frame on a narrow screen (a
// phone, or a laptop zoomed in). A keyboard reader can scroll such a frame only once it can
// take focus, so each one that overflows becomes a named region in the Tab order (WCAG 2.1.1;
// axe's scrollable-region-focusable). Material does the same for code blocks, and not for
// tables. And the tree diagram's box opens on its first question in every browser.
// Loaded once per browsing session; `document$` brings each page instant navigation shows.

const FRAMES = ".md-typeset__scrollwrap";

function update(frame) {
  if (frame.scrollWidth > frame.clientWidth) {
    frame.setAttribute("tabindex", "0");
    frame.setAttribute("role", "region");
    frame.setAttribute("aria-label", "Table, scrolls sideways");
  } else {
    frame.removeAttribute("tabindex");
    frame.removeAttribute("role");
    frame.removeAttribute("aria-label");
  }
}

const resized = new ResizeObserver((entries) => entries.forEach((entry) => update(entry.target)));

// diagram.css opens the diagram's box on the marker of the first question with
// scroll-initial-target, which only Chromium has so far; elsewhere the box would open on an
// empty corner of the drawing. Scroll it as that rule would: the marker's centre in the middle.
const DIAGRAM_START = ".tree-diagram__scroll .tree-diagram__start";
const opensOnItsOwn = CSS.supports("scroll-initial-target", "nearest");

function openOnStart(marker) {
  const box = marker.closest(".tree-diagram__scroll");
  const frame = box.getBoundingClientRect();
  const mark = marker.getBoundingClientRect();
  const centre = mark.left + mark.width / 2 - frame.left - box.clientLeft + box.scrollLeft;
  box.scrollLeft = centre - box.clientWidth / 2;
}

document$.subscribe(() => {
  resized.disconnect(); // the frames of the page before are gone
  for (const frame of document.querySelectorAll(FRAMES)) {
    update(frame);
    resized.observe(frame);
  }
  if (!opensOnItsOwn) document.querySelectorAll(DIAGRAM_START).forEach(openOnStart);
});
