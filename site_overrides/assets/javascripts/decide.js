// The walkthrough widget on the decide page: DOM, URL and transport only. Every decision
// (which step comes next, what a link means, what was ignored) is made by the Python
// engine in a Web Worker. One engine per browsing session: Material's instant navigation
// keeps this module alive, so coming back to the page reuses the running worker.

const session = (window.__offTheRecordEngine ??= { engine: null });

function startEngine(data) {
  const worker = new Worker(new URL(data.worker, location.href), { type: "module" });
  const engine = {
    worker,
    status: { stage: "Starting the decision engine…", value: 0 },
    listeners: new Set(),
    pending: new Map(),
    nextId: 1,
    request(body) {
      return engine.ready.then(
        () =>
          new Promise((resolve) => {
            const id = engine.nextId++;
            engine.pending.set(id, resolve);
            worker.postMessage({ type: "request", id, request: body });
          }),
      );
    },
  };
  const notify = (status) => {
    engine.status = status;
    engine.listeners.forEach((listener) => listener(status));
  };
  engine.ready = new Promise((resolve, reject) => {
    const fail = (message) => {
      notify({ failed: true, stage: message });
      reject(new Error(message));
    };
    worker.onerror = (event) => fail(event.message || "the engine's worker could not start");
    worker.onmessage = ({ data: message }) => {
      if (message.type === "progress") notify({ stage: message.stage, value: message.value });
      else if (message.type === "failed") fail(message.message);
      else if (message.type === "ready") {
        console.info(`decision engine ready in ${Math.round(message.ms)} ms (worker time)`);
        performance.mark("decision-engine-ready");
        notify({ ready: true, stage: "Ready", value: 3 });
        resolve();
      } else if (message.type === "response") {
        engine.pending.get(message.id)?.(message.response);
        engine.pending.delete(message.id);
      }
    };
  });
  engine.ready.catch(() => {}); // reported through the status; no unhandled rejection
  worker.postMessage({
    type: "boot",
    runtime: new URL(data.runtime, location.href).href,
    engine: new URL(data.engine, location.href).href,
  });
  return engine;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else if (name === "html") node.innerHTML = value; // build-time Markdown only
    else node.setAttribute(name, value);
  }
  node.append(...children.filter(Boolean));
  return node;
}

class Walkthrough {
  constructor(root) {
    this.root = root;
    this.site = new URL(root.dataset.site, location.href);
    this.status = root.querySelector(".dt-status");
    this.notice = root.querySelector(".dt-notice");
    this.step = root.querySelector(".dt-step");
    this.view = null;
    this.queued = null; // an answer given before the engine was ready
    this.engine = session.engine ??= startEngine(root.dataset);
    this.onStatus = (status) => this.showStatus(status);
    this.engine.listeners.add(this.onStatus);
    this.showStatus(this.engine.status);
    root.addEventListener("click", (event) => this.onClick(event));
    this.onPopState = () => this.open(location.search.slice(1), { push: false });
    window.addEventListener("popstate", this.onPopState);
    this.open(location.search.slice(1), { push: false });
  }

  destroy() {
    this.engine.listeners.delete(this.onStatus);
    window.removeEventListener("popstate", this.onPopState);
  }

  showStatus(status) {
    this.root.dataset.engine = status.failed ? "failed" : status.ready ? "ready" : "loading";
    this.status.querySelector(".dt-status__text").textContent = status.failed
      ? `The walkthrough could not start: ${status.stage}`
      : status.ready
        ? "Ready."
        : status.stage;
    this.status.querySelector(".dt-status__bar").value = status.value ?? 0;
    this.status.hidden = Boolean(status.ready);
  }

  onClick(event) {
    const button = event.target.closest("button");
    if (!button || !this.root.contains(button)) return;
    if (button.dataset.option) this.answer(button.dataset.option, button);
    else if (button.dataset.action === "back") this.send({ op: "back" });
    else if (button.dataset.action === "start") this.send({ op: "start" });
    else if (button.dataset.action === "copy") this.copyLink(button);
  }

  answer(option, button) {
    if (this.root.dataset.engine !== "ready") {
      // Keep the answer; apply it as soon as the engine is ready.
      this.queued = option;
      this.step.querySelectorAll("[data-option]").forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
      return;
    }
    this.send({ op: "answer", option });
  }

  open(link, { push }) {
    this.engine.ready.then(() => {
      const option = this.queued;
      this.queued = null;
      return option ? this.send({ op: "answer", option }, { push: true }) : this.send({ op: "open", link }, { push });
    });
  }

  async send(request, { push = true } = {}) {
    const link = this.view ? this.view.permalink : location.search.slice(1);
    const response = await this.engine.request({ tree: this.root.dataset.tree, link, ...request });
    if (!response.ok) {
      this.showNotice(`Something went wrong: ${response.error}`);
      return;
    }
    this.render(response.step, { push });
  }

  showNotice(text) {
    this.notice.textContent = text;
    this.notice.hidden = !text;
  }

  render(view, { push }) {
    this.view = view;
    const url = location.pathname + (view.permalink ? `?${view.permalink}` : "") + location.hash;
    if (push && url !== location.pathname + location.search + location.hash) history.pushState(null, "", url);
    this.showNotice(view.ignored.length ? `Part of the link was ignored: ${view.ignored.join("; ")}.` : "");
    const content = view.kind === "outcome" ? this.outcome(view) : this.question(view.question);
    this.step.dataset.kind = view.kind;
    this.step.replaceChildren(...content);
    this.root.querySelector('[data-action="back"]').disabled = view.trail.length === 0;
    this.step.focus();
  }

  question(question) {
    return [
      element("p", { class: "dt-step__number", text: `Question ${question.number}` }),
      element("h3", { class: "dt-step__prompt", text: question.prompt }),
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
    return [
      element("p", { class: `dt-verdict dt-verdict--${outcome.verdict}`, text: outcome.verdict_label }),
      element("h3", { class: "dt-step__prompt dt-outcome__title", text: outcome.title }),
      element("p", { class: "dt-outcome__short" }, element("strong", { text: outcome.short })),
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
      element("ul", { class: "dt-rules" }, ...outcome.ground_rules.map((rule) => element("li", { text: rule }))),
      element("h4", { text: "Read more" }),
      element(
        "ul",
        { class: "dt-links" },
        ...outcome.links.map((l) => element("li", {}, link(l.url, l.title))),
        element("li", {}, link(outcome.page_url, "This answer on its own page")),
      ),
    ];
  }

  async copyLink(button) {
    try {
      await navigator.clipboard.writeText(location.href);
      button.textContent = "Link copied";
    } catch {
      window.prompt("Copy this link:", location.href);
    }
    setTimeout(() => (button.textContent = "Copy link"), 2000);
  }
}

let current = null;
document$.subscribe(() => {
  current?.destroy();
  current = null;
  const root = document.querySelector(".dt-widget");
  if (root) current = new Walkthrough(root);
});
