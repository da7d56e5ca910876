// The page's side of the decision worker (decision-worker.js): one Web Worker per browsing
// session running the Python engine, JSON requests and responses. No DOM and no decision
// logic.
//
// Every asynchronous thing ends: a request resolves with the engine's reply or rejects
// (engine failed, worker died, no reply in time); there is one failure path, which rejects
// the ready promise and every pending request, terminates the worker, and lets the next
// request start a fresh one. Nothing starts until something asks: the page starts the
// engine when it is idle, or at once when it needs it.

const BOOT_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 20_000;

// How the worker starts Python. The build's memory snapshot (Python started, the engine
// imported) makes the engine ready in about a quarter of the time, but the decide page then
// sends 5.9 MB instead of a cold start's 2.9 MB (Brotli). Nothing waits for the engine any
// more (every step is pre-rendered), so bytes are what a slow or metered connection pays
// for: there, and when the reader asked to save data, a cold start. The figures behind the
// threshold are in README, "Speed": the snapshot is ready sooner at 30 Mbit/s and above,
// later at 9 and below. Without the Network Information API (Firefox, Safari), the
// snapshot: the site is served on an intranet.
export function startMode(connection = navigator.connection) {
  if (!connection) return "snapshot";
  if (connection.saveData) return "cold";
  // Chromium reports at most 10 Mbit/s (rounded, for privacy) and "4g" for anything fast.
  const fast = (connection.effectiveType ?? "4g") === "4g" && (connection.downlink ?? 10) >= 10;
  return fast ? "snapshot" : "cold";
}

class EngineFailed extends Error {}

class Engine {
  constructor(urls) {
    this.urls = urls; // {worker, runtime, package, snapshot, snapshotManifest, stdlib}, from the page
    this.worker = null;
    this.status = { state: "idle", stage: "" }; // idle | loading | ready | failed
    this.listeners = new Set();
    this.pending = new Map();
    this.nextId = 1;
    this.ready = null;
    this.workersStarted = 0;
  }

  notify(status) {
    this.status = status;
    this.listeners.forEach((listener) => listener(status));
  }

  // Start the worker unless it is running or starting; after a failure, start a new one.
  start() {
    if (this.worker) return this.ready;
    performance.mark("decision-engine-start");
    const worker = new Worker(new URL(this.urls.worker, location.href), { type: "module" });
    this.worker = worker;
    this.workersStarted += 1;
    this.notify({ state: "loading", stage: "starting", value: 0 });
    let settle;
    this.ready = new Promise((resolve, reject) => (settle = { resolve, reject }));
    this.ready.catch(() => {}); // reported through the status and each request
    const bootTimer = setTimeout(() => this.fail(worker, "it did not start in time"), BOOT_TIMEOUT_MS);
    this.settleBoot = (error) => {
      clearTimeout(bootTimer);
      if (error) settle.reject(error);
      else settle.resolve();
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(worker, event.message || "its script could not be loaded");
    };
    worker.onmessage = ({ data: message }) => {
      if (worker !== this.worker) return;
      if (message.type === "progress") this.notify({ state: "loading", stage: message.stage, value: message.value });
      else if (message.type === "failed") this.fail(worker, message.message);
      else if (message.type === "ready") {
        console.info(`decision engine ready (${message.mode}) in ${Math.round(message.ms)} ms of worker time`, message.phases);
        performance.mark("decision-engine-ready");
        this.settleBoot(null);
        this.notify({ state: "ready", stage: "ready", value: 3 });
      } else if (message.type === "response") {
        const request = this.pending.get(message.id);
        if (!request) return;
        this.pending.delete(message.id);
        clearTimeout(request.timer);
        request.resolve(message.response);
      }
    };
    const absolute = (url) => new URL(url, location.href).href;
    worker.postMessage({
      type: "boot",
      mode: startMode(),
      runtime: absolute(this.urls.runtime),
      package: absolute(this.urls.package),
      snapshot: absolute(this.urls.snapshot),
      snapshotManifest: absolute(this.urls.snapshotManifest),
      stdlib: absolute(this.urls.stdlib),
    });
    return this.ready;
  }

  // The one failure path. `worker` names the worker that failed, so a late event from a
  // worker already replaced cannot fail its successor.
  fail(worker, reason) {
    if (!worker || worker !== this.worker) return;
    console.warn(`decision engine stopped: ${reason}`);
    this.worker = null;
    worker.terminate();
    const error = new EngineFailed(reason);
    this.settleBoot(error);
    for (const request of this.pending.values()) {
      clearTimeout(request.timer);
      request.reject(error);
    }
    this.pending.clear();
    this.notify({ state: "failed", stage: reason });
  }

  // One request: starts the engine if it is not running, and always settles.
  async request(body, { timeout = REQUEST_TIMEOUT_MS } = {}) {
    await this.start();
    const worker = this.worker;
    if (!worker) throw new EngineFailed("it stopped");
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const timer = setTimeout(() => this.fail(worker, "it stopped answering"), timeout);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ type: "request", id, request: body });
    });
  }
}

let session = null;

// The session's engine (created on first use, started only when asked).
export function engineFor(urls) {
  return (session ??= new Engine(urls));
}
