// The pre-rendered steps (assets/walkthrough/<tree>.json, made by the engine's renderer at
// build time): fetching them once per session and looking a link up. Shared by decide.js
// and early-step.js, so the page fetches the file once.

export const WALK = "#/"; // the walk lives in the fragment, so it never reaches a server or a Referer

// The pre-rendered steps, fetched once per session (the page preloads them).
const stepFiles = new Map();
export function loadSteps(url) {
  // Keyed by the absolute address: early-step.js passes the preload's, decide.js the widget's
  // relative one, and both must share one download.
  const key = new URL(url, location.href).href;
  if (!stepFiles.has(key)) {
    const loading = fetch(key).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    });
    loading.catch(() => stepFiles.delete(key)); // try again on the next page view
    stepFiles.set(key, loading);
  }
  return stepFiles.get(key);
}

// The pre-rendered step a canonical link opens, or null if the build did not render that
// link. A lookup by the link's parts: the file is keyed the same way.
function lookup(steps, link) {
  let node = steps.root;
  for (const part of link.split("/").filter(Boolean)) {
    if (!node.n || !Object.hasOwn(node.n, part)) return null;
    node = node.n[part];
  }
  return node;
}

// The pre-rendered HTML of the step a canonical link opens, or null if the build did not
// render that link.
export function prerendered(steps, link) {
  const node = lookup(steps, link);
  return node && node.p.map((index) => steps.fragments[index]).join("");
}

// "Change" beside each answer given leads back to the step that asked it: the first
// `data-depth` parts of the link of the step shown (decision_tree/render.py leaves it to the
// page, so each row is rendered once for every path through it).
export function linkChanges(step, link) {
  const parts = link.split("/").filter(Boolean);
  for (const change of step.querySelectorAll(".dt-change[data-depth]")) {
    change.setAttribute("href", WALK + parts.slice(0, Number(change.dataset.depth)).join("/"));
  }
}

// The id of the question a pre-rendered step asks (its first part is the question itself).
function questionOf(steps, node) {
  const template = document.createElement("template");
  template.innerHTML = steps.fragments[node.p[0]];
  return template.content.firstElementChild?.dataset.question;
}

// GOV.UK's "check your answers": after one answer is changed, the walk goes on through the
// later questions with the answers given before (`kept`, question id → option id), and
// stops at the first question still asked whose earlier answer does not fit, or at an answer.
export function resume(steps, link, kept) {
  let node = lookup(steps, link);
  while (node?.n) {
    const option = kept.get(questionOf(steps, node));
    if (!option || !Object.hasOwn(node.n, option)) break;
    link = link ? `${link}/${option}` : option;
    node = node.n[option];
  }
  return link;
}
