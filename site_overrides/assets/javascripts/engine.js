// The engine's transport: one Web Worker per browsing session, running the Python engine
// (decision-worker.js), with JSON requests and responses. No DOM and no decision logic.
// The decide page loads this module from its <head> (async), so the worker starts while
// the page is still being parsed; decide.js then finds it running.

const session = (window.__offTheRecordEngine ??= { engine: null, workersStarted: 0 });

function startEngine(data) {
  performance.mark("decision-engine-start");
  const worker = new Worker(new URL(data.worker, location.href), { type: "module" });
  session.workersStarted += 1;
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
    const fail = (reason) => {
      notify({ failed: true, stage: reason });
      reject(new Error(reason));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail(event.message || "the engine's worker script could not be loaded");
    };
    worker.onmessage = ({ data: message }) => {
      if (message.type === "progress") notify({ stage: message.stage, value: message.value });
      else if (message.type === "failed") fail(message.message);
      else if (message.type === "ready") {
        console.info(`decision engine ready (${message.mode}) in ${Math.round(message.ms)} ms of worker time`, message.phases);
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
  // Last resort for a runtime that neither loads nor fails (it has happened with Pyodide).
  const watchdog = setTimeout(() => {
    if (!engine.status.ready && !engine.status.failed) {
      engine.status = { failed: true, stage: "the engine did not start within 90 seconds" };
      engine.listeners.forEach((listener) => listener(engine.status));
    }
  }, 90_000);
  engine.ready.finally(() => clearTimeout(watchdog)).catch(() => {});
  worker.postMessage({
    type: "boot",
    runtime: new URL(data.runtime, location.href).href,
    engine: new URL(data.engine, location.href).href,
  });
  return engine;
}

export function engineFor(urls) {
  return (session.engine ??= startEngine(urls));
}

// Started early on the decide page, which names the engine's files in a <meta> element.
const early = document.querySelector('meta[name="dt-engine"]');
if (early) engineFor(early.dataset);
