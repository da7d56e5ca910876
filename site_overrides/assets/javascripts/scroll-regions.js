// Wide tables scroll sideways inside their frame on a narrow screen (a phone, or a laptop
// zoomed in). A keyboard reader can scroll such a frame only once it can take focus, so each
// one that overflows becomes a named region in the Tab order (WCAG 2.1.1; axe's
// scrollable-region-focusable). Material does the same for code blocks, and not for tables.
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

document$.subscribe(() => {
  resized.disconnect(); // the frames of the page before are gone
  for (const frame of document.querySelectorAll(FRAMES)) {
    update(frame);
    resized.observe(frame);
  }
});
