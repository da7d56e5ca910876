// A shared link's step, shown the moment the pre-rendered steps arrive: before Material's
// bundle and decide.js have loaded, which take the page over afterwards (decide.js shows the
// same step again, then handles clicks). Loaded from the decide page's head as an async
// module, so it runs as soon as it is here, while the page is still being parsed.

import { WALK, linkChanges, loadSteps, prerendered } from "./steps.js";

const link = location.hash.startsWith(WALK) ? location.hash.slice(WALK.length) : "";
const source = document.querySelector("link[data-dt-steps]");

function show(html) {
  const step = document.querySelector(".dt-widget .dt-step");
  if (!step || !document.documentElement.classList.contains("dt-linked")) return;
  const template = document.createElement("template");
  template.innerHTML = html; // the engine's renderer, which escapes every text it inserts
  const shown = template.content.firstElementChild;
  linkChanges(shown, link);
  step.replaceWith(shown);
  document.documentElement.classList.remove("dt-linked");
  // The step the link points to is what its reader came for: bring it to the top, on a
  // phone too, unless they have already scrolled.
  if (window.scrollY === 0) shown.scrollIntoView({ block: "start" });
}

if (link && source) {
  loadSteps(source.href)
    .then((steps) => {
      const html = prerendered(steps, link);
      if (html === null) return; // a link the build did not render: decide.js asks the engine
      if (document.querySelector(".dt-widget .dt-step")) return show(html);
      // Still parsing: show it as soon as the widget's first step is in the document.
      const watch = new MutationObserver(() => {
        if (document.querySelector(".dt-widget .dt-step")) {
          watch.disconnect();
          show(html);
        }
      });
      watch.observe(document.documentElement, { childList: true, subtree: true });
      document.addEventListener("DOMContentLoaded", () => watch.disconnect(), { once: true });
    })
    .catch(() => {}); // decide.js reports what cannot be shown
}
