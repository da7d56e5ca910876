// The walkthrough widget on the decide page: DOM, URL and transport only. Every step's HTML
// comes from the engine's renderer: pre-rendered at build time for every reachable step
// (assets/walkthrough/<tree>.json), and, once the engine is ready, rendered by the engine
// itself in a Web Worker (decision-client.js). Links the build did not pre-render (hand-edited,
// stale, the older query form) are decoded by the engine. Material's instant navigation
// keeps this module alive, so coming back to the page reuses the one engine.

import { engineFor } from "./decision-client.js";
import { WALK, linkChanges, loadSteps, prerendered, resume } from "./steps.js";

const ENGINE_GRACE_MS = 1000; // how long a pre-rendered step waits for the engine's own rendering
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms, null));

const today = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
};

// The walk an address holds: the fragment form, or the older query form for the engine.
function linkInAddress() {
  if (location.hash.startsWith(WALK)) return location.hash.slice(WALK.length);
  return location.search.length > 1 ? location.search : "";
}

const extend = (link, option) => (link ? `${link}/${option}` : option);
// The engine reads a bare "none/" as a page address, not a walk: give it the fragment form.
const forEngine = (link) => (link.startsWith("?") ? link : WALK + link);
const canonical = (link) => link.split("/").filter(Boolean).join("/"); // as the lookup reads it
const parent = (link) => link.split("/").slice(0, -1).join("/");

class Walkthrough {
  constructor(root) {
    this.root = root;
    this.part = (name) => root.querySelector(`.dt-${name}`);
    this.tree = root.dataset.tree;
    const { worker, runtime, snapshot, snapshotManifest, stdlib } = root.dataset;
    this.engine = engineFor({ worker, runtime, package: root.dataset.package, snapshot, snapshotManifest, stdlib });
    this.steps = loadSteps(root.dataset.steps);
    this.link = ""; // the canonical link of the step shown (the build shows the first question)
    this.ticket = 0; // numbers step changes: only the newest may render
    this.choices = null; // the engine's next step for each option of the step shown
    this.waiting = null; // what the page is waiting for the engine to do, if anything
    this.kept = null; // after "Change": the answers given before, to go on with (steps.js resume)
    this.abort = new AbortController();
    const signal = this.abort.signal;
    this.onStatus = (status) => this.showStatus(status);
    this.engine.listeners.add(this.onStatus);
    window.addEventListener("popstate", () => this.go(linkInAddress(), { push: false, focus: true }), { signal });
    root.addEventListener("click", (event) => this.onClick(event), { signal });
    root.addEventListener("keydown", (event) => this.onKeydown(event), { signal });
    window.addEventListener("beforeprint", () => this.stampPrint(), { signal });
    this.root.dataset.engineState = this.engine.status.state;
    const link = linkInAddress();
    // "#/" alone is the first question; going there also undoes decide.html's dt-linked.
    if (link || location.hash.startsWith(WALK)) this.go(link, { push: false, focus: false });
    else if (this.engine.status.state === "ready") this.prefetch("");
    this.startWhenIdle();
  }

  destroy() {
    this.abort.abort();
    this.ticket += 1; // replies still on their way belong to the page that has gone
    this.engine.listeners.delete(this.onStatus);
  }

  // The engine is not needed to walk: start it when the page is idle, so it is ready to
  // render each step and to make the decision record; on a metered connection (Save-Data),
  // only when something needs it.
  startWhenIdle() {
    if (navigator.connection?.saveData) return;
    const start = () => !this.abort.signal.aborted && this.engine.start().catch(() => {});
    if ("requestIdleCallback" in window) requestIdleCallback(start, { timeout: 3000 });
    else setTimeout(start, 1000);
  }

  onClick(event) {
    const change = event.target.closest("a.dt-change");
    const plainClick = event.button === 0 && !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey);
    if (change && this.root.contains(change) && plainClick) {
      // Material's instant navigation would fetch this page again for its own link.
      event.preventDefault();
      event.stopPropagation();
      return this.change(change);
    }
    const button = event.target.closest("button");
    if (!button || !this.root.contains(button) || button.disabled) return;
    if (event.detail > 1) return; // the second click of a double click would answer the next question
    const action = button.dataset.action;
    if (button.dataset.option) this.answer(button.dataset.option);
    else if (action === "back") this.go(parent(this.link));
    else if (action === "start") {
      this.kept = null;
      this.go("");
    }
    else if (action === "copy") this.copyLink(button);
    else if (action === "print") window.print();
    else if (action === "download") this.download();
  }

  // Arrow keys, Home and End move between a question's options, as in a radio group; the
  // options stay buttons (one press answers, with no separate "Continue"), each in the Tab
  // order. The first Tab from a new step's heading goes to its first option, past the help.
  onKeydown(event) {
    const options = [...this.root.querySelectorAll(".dt-step .dt-option")];
    if (event.key === "Tab" && !event.shiftKey && event.target.matches(".dt-step__prompt") && options.length) {
      event.preventDefault();
      options[0].focus();
      return;
    }
    const at = options.indexOf(event.target);
    const moves = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: -1 };
    if (at < 0 || !(event.key in moves) || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault(); // the arrow keys would scroll the page
    const count = options.length;
    options[(moves[event.key] + count) % count].focus();
  }

  // "Change" beside an answer given: reopen that question, and keep every answer given so
  // that answering it again goes on through the later questions that are still asked.
  change(anchor) {
    const rows = this.root.querySelectorAll(".dt-given__row");
    this.kept = new Map([...rows].map((row) => [row.dataset.question, row.dataset.option]));
    this.go(canonical(anchor.hash.slice(WALK.length)));
  }

  async answer(option) {
    if (this.kept) {
      const link = extend(this.link, option);
      const steps = await this.steps.catch(() => null);
      return this.go(steps ? resume(steps, link, this.kept) : link);
    }
    const next = this.choices?.link === this.link ? this.choices.views[option] : null;
    if (next) {
      this.ticket += 1;
      this.render(next.html, next.permalink, next.ignored, { push: true, focus: true });
    } else {
      this.go(extend(this.link, option));
    }
  }

  // Show the step a link opens: rendered by the engine when it is ready, else pre-rendered;
  // a link the build did not render waits for the engine to decode it.
  async go(link, { push = true, focus = true } = {}) {
    const ticket = ++this.ticket;
    const steps = await this.steps.catch(() => null);
    if (ticket !== this.ticket) return;
    const html = steps && prerendered(steps, link);
    const known = html !== null && html !== undefined;
    if (this.engine.status.state === "ready") {
      // A worker that died without a word is only noticed when a request times out: a step
      // the build rendered does not wait for that.
      const asking = this.ask({ op: "open", link: forEngine(link) }).catch(() => null);
      const view = await (known ? Promise.race([asking, delay(ENGINE_GRACE_MS)]) : asking);
      if (ticket !== this.ticket) return;
      if (view) return this.render(view.html, view.permalink, view.ignored, { push, focus });
    }
    if (known) return this.render(html, canonical(link), [], { push, focus });
    this.wait("link", "Opening the step your link points to…");
    const view = await this.ask({ op: "open", link: forEngine(link) }).catch(() => null);
    if (ticket !== this.ticket) return;
    this.wait(null);
    if (view) this.render(view.html, view.permalink, view.ignored, { push: false, focus });
    else this.showNotice("This link could not be opened in this browser. The step shown is the last one that could be; the tree at a glance and the answers pages have every step.");
  }

  // A request to the engine for this page's tree; rejects if the engine cannot answer.
  async ask(body) {
    const response = await this.engine.request({ tree: this.tree, site: this.root.dataset.site, ...body });
    if (!response.ok) throw new Error(response.error);
    return response.step ?? response;
  }

  // Ask the engine for the step after each option, so choosing one shows it at once.
  async prefetch(link) {
    const response = await this.engine
      .request({ op: "choices", tree: this.tree, site: this.root.dataset.site, link })
      .catch(() => null);
    if (response?.ok && this.link === link) this.choices = { link, views: response.choices };
  }

  render(html, link, ignored, { push, focus }) {
    if (!this.root.isConnected) return; // this page has been replaced; leave the URL alone
    const template = document.createElement("template");
    template.innerHTML = html; // the engine's renderer, which escapes every text it inserts
    const step = template.content.firstElementChild;
    linkChanges(step, link);
    this.part("step").replaceWith(step);
    // Only when set: touching <html>'s class list restyles the whole page on every answer.
    if (document.documentElement.classList.contains("dt-linked")) document.documentElement.classList.remove("dt-linked");
    this.link = link;
    this.choices = null;
    if (step.dataset.kind === "outcome") this.kept = null; // the walk is complete again
    if (this.waiting?.what === "link") {
      this.waiting = null; // a newer step (Start again, Back, an answer) replaced the one awaited
      this.part("status").hidden = true;
    }
    const url = location.pathname + (link ? WALK + link : "");
    if (url !== location.pathname + location.search + location.hash) {
      if (push) history.pushState(null, "", url);
      else history.replaceState(null, "", url); // e.g. a link in the older query form
    }
    this.stampPrint();
    this.showNotice(ignored.length ? `Part of the link was ignored: ${ignored.join("; ")}.` : "");
    this.root.querySelector("[data-action=back]").disabled = !link;
    this.part("copy-fallback").hidden = true;
    this.part("announce").textContent = step.dataset.announce;
    this.root.removeAttribute("aria-busy");
    if (focus) {
      step.querySelector(".dt-step__prompt").focus({ preventScroll: true });
      // A shorter step in place of a long answer (Change, Back) can start above the screen,
      // or under the header: bring its top into view, as a new page would.
      const header = document.querySelector(".md-header")?.getBoundingClientRect().bottom ?? 0;
      const top = step.getBoundingClientRect().top;
      if (top < header || top > window.innerHeight / 2) step.scrollIntoView({ block: "start" });
    }
    if (this.engine.status.state === "ready") this.prefetch(link);
  }

  // On paper, the answer carries the date it was reached and the link that opens it again.
  stampPrint() {
    const date = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    const what = this.part("step")?.dataset.kind === "outcome" ? "Answer reached" : "Printed";
    this.part("printed").textContent = `${what} on ${date}. To open it again: ${location.href}`;
  }

  // What the page waits for the engine to do (a link to decode, a record to make), shown
  // with the engine's progress; null when nothing waits.
  wait(what, text) {
    this.waiting = what ? { what, text } : null;
    if (what) {
      document.documentElement.classList.remove("dt-linked"); // say what is happening instead
      this.root.setAttribute("aria-busy", "true");
      this.engine.start().catch(() => {});
    } else {
      this.root.removeAttribute("aria-busy");
    }
    this.showStatus(this.engine.status);
  }

  showStatus(status) {
    this.root.dataset.engineState = status.state;
    const bar = this.part("status");
    bar.hidden = !this.waiting;
    if (this.waiting) {
      bar.querySelector(".dt-status__text").textContent = this.waiting.text;
      bar.querySelector(".dt-status__bar").value = status.value ?? 0;
    }
    if (status.state === "ready" && !this.choices) this.prefetch(this.link);
  }

  showNotice(text) {
    const notice = this.part("notice");
    notice.textContent = text;
    notice.hidden = !text;
  }

  async download() {
    this.wait("record", "Preparing the decision record…");
    const response = await this.engine
      .request({ op: "record", tree: this.tree, link: this.link, page: location.origin + location.pathname, date: today() })
      .catch(() => null);
    this.wait(null);
    if (!response?.ok) {
      this.showNotice("The decision record could not be made in this browser. You can print this answer, or copy its link, instead.");
      return;
    }
    const file = new Blob([response.record], { type: "text/markdown" });
    const anchor = document.createElement("a");
    anchor.href = URL.createObjectURL(file);
    anchor.download = `decision-record-${response.outcome}-${today()}.md`;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(anchor.href), 10000);
  }

  async copyLink(button) {
    try {
      await navigator.clipboard.writeText(location.href);
      button.textContent = "Link copied";
      this.part("announce").textContent = "Link copied to the clipboard.";
      setTimeout(() => (button.textContent = "Copy link"), 2000);
    } catch {
      // No clipboard access (permissions, insecure origin): offer the link to copy by hand.
      const fallback = this.part("copy-fallback");
      const input = fallback.querySelector("input");
      input.value = location.href;
      fallback.hidden = false;
      input.focus();
      input.select();
    }
  }
}

let current = null;
document$.subscribe(() => {
  current?.destroy();
  current = null;
  const root = document.querySelector(".dt-widget");
  if (root) current = new Walkthrough(root);
});
