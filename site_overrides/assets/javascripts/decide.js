// The walkthrough widget on the decide page: DOM and URL only. Every decision (which step
// comes next, what a link means, what was ignored, the decision record) is made by the
// Python engine in a Web Worker (engine.js). Material's instant navigation keeps this
// module alive, so coming back to the page reuses the one engine.

import { engineFor } from "./engine.js";

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else if (name === "html") node.innerHTML = value; // build-time Markdown from the tree only
    else node.setAttribute(name, value);
  }
  node.append(...children.filter(Boolean));
  return node;
}

const today = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
};

class Walkthrough {
  constructor(root) {
    this.root = root;
    this.site = new URL(root.dataset.site, location.href);
    this.part = (name) => root.querySelector(`.dt-${name}`);
    this.step = this.part("step");
    this.view = null;
    this.choices = null; // the engine's views after each option of the current question
    this.queued = null; // an answer given before the engine was ready
    this.latest = 0; // numbers requests: only the newest one's reply is shown
    this.answering = false;
    this.engine = engineFor(root.dataset);
    this.onStatus = (status) => this.showStatus(status);
    this.engine.listeners.add(this.onStatus);
    this.onPopState = () => this.open(location.search.slice(1), { push: false, focus: true });
    window.addEventListener("popstate", this.onPopState);
    root.addEventListener("click", (event) => this.onClick(event));
    const link = location.search.slice(1);
    if (link && !this.engine.status.ready) {
      // The build-time first question is not where this link points: say what is coming.
      this.step.dataset.kind = "pending";
      this.step.replaceChildren(element("p", { text: "Opening the step your link points to…" }));
    }
    this.showStatus(this.engine.status);
    // Material may render this page again (instant navigation, history moves): show the
    // step the engine last gave for this very address at once instead of a flash of the
    // first question.
    const known = this.engine.lastView;
    if (known && known.tree === root.dataset.tree && known.permalink === link) {
      this.render(known, { push: false, focus: false });
    } else {
      this.open(link, { push: false, focus: false });
    }
  }

  destroy() {
    this.engine.listeners.delete(this.onStatus);
    window.removeEventListener("popstate", this.onPopState);
  }

  showStatus(status) {
    this.root.dataset.engine = status.failed ? "failed" : status.ready ? "ready" : "loading";
    const bar = this.part("status");
    bar.hidden = Boolean(status.ready || status.failed);
    bar.querySelector(".dt-status__text").textContent = status.stage;
    bar.querySelector(".dt-status__bar").value = status.value ?? 0;
    if (status.failed) {
      this.part("failure").hidden = false;
      this.part("failure__reason").textContent =
        `This browser could not start the engine that runs it (${status.stage}). ` +
        "That happens when WebAssembly or Web Workers are blocked or unsupported.";
      this.root.querySelectorAll(".dt-step, .dt-controls").forEach((node) => (node.hidden = true));
    }
  }

  onClick(event) {
    const button = event.target.closest("button");
    if (!button || !this.root.contains(button)) return;
    const action = button.dataset.action;
    if (button.dataset.option) this.answer(button.dataset.option, button);
    else if (action === "back" || action === "start") this.send({ op: action });
    else if (action === "copy") this.copyLink(button);
    else if (action === "print") window.print();
    else if (action === "download") this.download();
  }

  answer(option, button) {
    if (!this.engine.status.ready) {
      // Keep the answer and show it as chosen; it is applied as soon as the engine is ready.
      this.queued = option;
      this.step.querySelectorAll("[data-option]").forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
      this.part("status__text").textContent = "Got it. Your answer will be applied as soon as the engine is ready…";
      return;
    }
    const ready = this.choices?.link === this.view?.permalink && this.choices.views[option];
    if (ready) {
      this.latest += 1; // any reply still on its way is now out of date
      this.render(ready, { push: true, focus: true });
    } else {
      this.send({ op: "answer", option });
    }
  }

  open(link, options) {
    this.engine.ready.then(() => {
      const option = this.queued;
      this.queued = null;
      return option
        ? this.send({ op: "answer", option, link: "" }, { push: true, focus: true })
        : this.send({ op: "open", link }, options);
    });
  }

  request(body) {
    return this.engine.request({
      tree: this.root.dataset.tree,
      link: this.view ? this.view.permalink : location.search.slice(1),
      page: location.origin + location.pathname,
      date: today(),
      ...body,
    });
  }

  // Ask the engine now for the step after each option, so choosing one shows it at once.
  async prefetch(view) {
    if (view.kind !== "question") return;
    const response = await this.request({ op: "choices", link: view.permalink });
    if (response.ok && this.view === view) this.choices = { link: view.permalink, views: response.choices };
  }

  // Requests are never dropped, but only the newest one's reply is shown: a late reply
  // (say, to a Back pressed twice quickly) must not overwrite a newer step.
  async send(request, { push = true, focus = true } = {}) {
    if (request.op === "answer" && this.answering) return; // a double click answers once
    const ticket = ++this.latest;
    this.answering = request.op === "answer";
    this.root.setAttribute("aria-busy", "true");
    try {
      const response = await this.request(request);
      if (ticket !== this.latest) return;
      if (response.ok) this.render(response.step, { push, focus });
      else this.showNotice(`Something went wrong in the engine: ${response.error}`);
    } finally {
      if (ticket === this.latest) {
        this.answering = false;
        this.root.removeAttribute("aria-busy");
      }
    }
  }

  showNotice(text) {
    const notice = this.part("notice");
    notice.textContent = text;
    notice.hidden = !text;
  }

  render(view, { push, focus }) {
    if (!this.root.isConnected) return; // this page has been replaced; leave the URL alone
    this.view = view;
    this.engine.lastView = view;
    const url = location.pathname + (view.permalink ? `?${view.permalink}` : "") + location.hash;
    if (push && url !== location.pathname + location.search + location.hash) history.pushState(null, "", url);
    this.showNotice(view.ignored.length ? `Part of the link was ignored: ${view.ignored.join("; ")}.` : "");
    this.step.dataset.kind = view.kind;
    this.step.replaceChildren(...(view.kind === "outcome" ? this.outcome(view) : this.question(view.question)));
    this.part("copy-fallback").hidden = true;
    const prompt = this.step.querySelector(".dt-step__prompt");
    this.part("announce").textContent =
      view.kind === "outcome"
        ? `Answer: ${view.outcome.title}. ${view.outcome.verdict_label}.`
        : `Question ${view.question.number}: ${view.question.prompt}`;
    if (focus) prompt.focus();
    this.prefetch(view);
  }

  question(question) {
    return [
      element("p", { class: "dt-step__number", text: `Question ${question.number}` }),
      element("h3", { class: "dt-step__prompt", tabindex: "-1", elementtiming: "dt-step", text: question.prompt }),
      element("div", { class: "dt-step__help", html: question.help_html }),
      element(
        "div",
        { class: "dt-options", role: "group", "aria-label": question.prompt },
        ...question.options.map((o) =>
          element("button", { type: "button", class: "md-button dt-option", "data-option": o.id, text: o.label }),
        ),
      ),
    ];
  }

  outcome(view) {
    const outcome = view.outcome;
    const link = (url, text) => element("a", { href: new URL(url, this.site).href, text });
    const button = (action, text) =>
      element("button", { type: "button", class: "md-button dt-control", "data-action": action, text });
    return [
      element("p", { class: `dt-verdict dt-verdict--${outcome.verdict}`, text: outcome.verdict_label }),
      element("h3", { class: "dt-step__prompt dt-outcome__title", tabindex: "-1", elementtiming: "dt-step", text: outcome.title }),
      element("p", { class: "dt-outcome__short" }, element("strong", { text: outcome.short })),
      element("p", { class: "dt-first" }, element("strong", { text: "What to do first: " }), outcome.first),
      element("div", { class: "dt-outcome__body", html: outcome.body_html }),
      element("h4", { text: "Why" }),
      element(
        "ol",
        { class: "dt-why" },
        ...view.trail.map((r) =>
          element(
            "li",
            {},
            element("span", { class: "dt-why__question", text: r.prompt }),
            " ",
            element("strong", { text: r.label }),
            r.note ? element("span", { class: "dt-why__note", text: ` ${r.note}` }) : null,
          ),
        ),
      ),
      element("h4", { text: "Ground rules to agree before you speak" }),
      element(
        "ul",
        { class: "dt-rules task-list" },
        ...outcome.ground_rules.map((rule) =>
          element("li", { class: "task-list-item" }, element("label", {}, element("input", { type: "checkbox" }), ` ${rule}`)),
        ),
      ),
      element("h4", { text: "Read more" }),
      element(
        "ul",
        { class: "dt-links" },
        ...outcome.links.map((l) => element("li", {}, link(l.url, l.title))),
        element("li", {}, link(outcome.page_url, "This answer on its own page")),
      ),
      element(
        "div",
        { class: "dt-record" },
        button("print", "Print this answer"),
        outcome.record ? button("download", "Download the decision record") : null,
      ),
    ];
  }

  download() {
    const outcome = this.view.outcome;
    const file = new Blob([outcome.record], { type: "text/markdown" });
    const anchor = element("a", {
      href: URL.createObjectURL(file),
      download: `decision-record-${outcome.id}-${today()}.md`,
    });
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
