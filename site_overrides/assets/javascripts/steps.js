// The pre-rendered steps (assets/walkthrough/<tree>.json, made by the engine's renderer at
// build time): fetching them once per session and looking a link up. Shared by decide.js
// and early-step.js, so the page fetches the file once.

export const WALK = "#/"; // the walk lives in the fragment, so it never reaches a server or a Referer

// The pre-rendered steps, fetched once per session (the page preloads them).
const stepFiles = new Map();
export function loadSteps(url) {
  if (!stepFiles.has(url)) {
    const loading = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    });
    loading.catch(() => stepFiles.delete(url)); // try again on the next page view
    stepFiles.set(url, loading);
  }
  return stepFiles.get(url);
}

// The pre-rendered HTML of the step a canonical link opens, or null if the build did not
// render that link. A lookup by the link's parts: the file is keyed the same way.
export function prerendered(steps, link) {
  let node = steps.root;
  for (const part of link.split("/").filter(Boolean)) {
    if (!node.n || !Object.hasOwn(node.n, part)) return null;
    node = node.n[part];
  }
  return node.p.map((index) => steps.fragments[index]).join("");
}

