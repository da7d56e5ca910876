// The engine's Web Worker: boots the self-hosted Pyodide runtime, loads the decision_tree
// wheel by name from the site's pyodide-lock.json, then answers JSON requests. All the
// decision logic is Python's (decision_tree.bridge); this file is transport only.

let handle = null;

async function boot({ runtime, engine }) {
  const started = performance.now();
  const progress = (stage, value) =>
    postMessage({ type: "progress", stage, value, ms: performance.now() - started });
  progress("Loading the Python runtime…", 1);
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtime).href);
  const pyodide = await loadPyodide({
    indexURL: runtime,
    lockFileURL: new URL("pyodide-lock.json", engine).href,
    packages: ["decision-tree"],
    // The runtime's own chatter belongs in the console, not in the page.
    stdout: () => {},
    stderr: (text) => console.warn("[pyodide]", text),
  });
  progress("Loading the decision tree…", 2);
  handle = pyodide.pyimport("decision_tree.bridge").handle;
  postMessage({ type: "ready", ms: performance.now() - started });
}

self.onmessage = ({ data }) => {
  if (data.type === "boot") {
    boot(data).catch((error) =>
      postMessage({ type: "failed", message: String(error && error.message ? error.message : error) }),
    );
  } else if (data.type === "request") {
    let response;
    try {
      response = handle
        ? JSON.parse(handle(JSON.stringify(data.request)))
        : { ok: false, error: "the engine is not ready" };
    } catch (error) {
      response = { ok: false, error: String(error) };
    }
    postMessage({ type: "response", id: data.id, response });
  }
};
