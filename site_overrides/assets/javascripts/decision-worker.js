// The engine's Web Worker: restores the self-hosted Pyodide runtime from the build's memory
// snapshot on a fast connection, or starts it cold and loads the decision_tree wheel by name
// from the site's pyodide-lock.json (a slow or metered connection, or no usable snapshot),
// then answers JSON requests. All the decision logic is
// Python's (decision_tree.bridge); this file is transport only.

let handle = null;

// The smallest valid WebAssembly module: compiling it fails at once where WebAssembly is
// missing or a Content-Security-Policy forbids it ('wasm-unsafe-eval' not allowed).
const EMPTY_MODULE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);

function checkWebAssembly() {
  try {
    new WebAssembly.Module(EMPTY_MODULE);
  } catch (error) {
    throw new Error(`WebAssembly is unavailable or blocked by the site's security policy (${error.message})`);
  }
}

// Pyodide waits forever when its .wasm cannot be fetched; a cheap HEAD request turns that
// into a clear failure.
async function checkReachable(url) {
  let response;
  try {
    response = await fetch(url, { method: "HEAD" });
  } catch (error) {
    throw new Error(`could not download ${url.split("/").pop()} (${error.message})`);
  }
  if (!response.ok) throw new Error(`could not download ${url.split("/").pop()} (HTTP ${response.status})`);
}

// The build's memory snapshot: Python already started, the package imported, the tree
// loaded and every module a request uses in memory. Both files are fetched first thing; the
// snapshot is checked against the build's manifest (size, SHA-256) before use: restoring
// wrong bytes never fails, it hangs. Returns two promises: the manifest, which arrives
// first, and the checked bytes, which Pyodide awaits itself (loadPyodide takes a promise), so
// the runtime's own files download and compile while the snapshot is still arriving.
function fetchSnapshot({ snapshot, snapshotManifest }, onChecked) {
  const name = (url) => url.split("/").pop();
  const response = fetch(snapshot);
  const manifest = fetch(snapshotManifest).then((reply) => {
    if (!reply.ok) throw new Error(`${name(snapshotManifest)}: HTTP ${reply.status}`);
    return reply.json();
  });
  const bytes = Promise.all([response, manifest]).then(async ([reply, expected]) => {
    if (!reply.ok) throw new Error(`${name(snapshot)}: HTTP ${reply.status}`);
    const data = new Uint8Array(await reply.arrayBuffer());
    if (data.byteLength !== expected.size) {
      throw new Error(`${name(snapshot)} has ${data.byteLength} bytes, the build made ${expected.size}`);
    }
    // crypto.subtle exists only in secure contexts (https, localhost); elsewhere the size
    // check above is what there is.
    if (self.crypto?.subtle) {
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
      const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
      if (hex !== expected.sha256) throw new Error(`${name(snapshot)} does not match the build's checksum`);
    }
    onChecked();
    return data;
  });
  // A bad or missing snapshot means a cold start, handled where they are awaited.
  manifest.catch(() => {});
  bytes.catch(() => {});
  return { manifest, bytes };
}

// A restored snapshot has every module it uses in memory: the manifest names the empty
// standard library it is given.
async function restoreSnapshot(loadPyodide, { runtime, package: browserPackage }, snapshot) {
  const manifest = await snapshot.manifest;
  return loadPyodide({
    indexURL: runtime,
    stdLibURL: new URL(manifest.stdlib, browserPackage).href,
    lockFileURL: new URL("pyodide-lock.json", browserPackage).href,
    _loadSnapshot: snapshot.bytes,
  });
}

// A cold start: Python starts, then the wheel is loaded by name from the site's lock file.
// Its standard library, named by the page, holds only what the engine imports
// (scripts/trim_stdlib.py): about an eighth of Pyodide's own, in bytes sent.
function coldStart(loadPyodide, { runtime, package: browserPackage, stdlib }) {
  return loadPyodide({
    indexURL: runtime,
    stdLibURL: stdlib,
    lockFileURL: new URL("pyodide-lock.json", browserPackage).href,
    packages: ["decision-tree"],
  });
}

async function boot(urls) {
  const started = performance.now();
  const phases = {};
  const phase = (name) => (phases[name] = Math.round(performance.now() - started));
  const progress = (stage, value) =>
    postMessage({ type: "progress", stage, value, ms: performance.now() - started });
  progress("Loading the Python runtime…", 1);
  checkWebAssembly();
  // The page chooses (decision-client.js, startMode): on a slow or metered connection, no snapshot.
  const snapshot = urls.mode === "cold" ? null : fetchSnapshot(urls, () => phase("snapshot checked"));
  const reachable = Promise.all([
    checkReachable(new URL("pyodide.asm.wasm", urls.runtime).href),
    checkReachable(new URL("pyodide-lock.json", urls.package).href),
  ]);
  reachable.catch(() => {}); // handled below; no "unhandled rejection" noise
  const { loadPyodide } = await import(new URL("pyodide.mjs", urls.runtime).href);
  phase("imported");
  // Pyodide fails with unhandled rejections of its own when its lock file cannot be fetched:
  // fail before starting it instead (the checks ran alongside the import).
  await reachable;
  // Whichever settles first: a failed check rejects; otherwise wait for Pyodide.
  const settle = (loading) => Promise.race([loading, reachable.then(() => loading)]);
  let pyodide = null;
  let mode = "cold start";
  if (snapshot) {
    try {
      pyodide = await settle(restoreSnapshot(loadPyodide, urls, snapshot));
      mode = "snapshot";
    } catch (error) {
      // The snapshot option is experimental: never let it cost the user the walkthrough.
      console.warn(`Pyodide snapshot could not be used (${error.message}); starting normally.`);
    }
  }
  pyodide ??= await settle(coldStart(loadPyodide, urls));
  phase("runtime ready");
  progress("Loading the decision tree…", 2);
  handle = pyodide.pyimport("decision_tree.bridge").handle;
  phase("engine imported");
  postMessage({ type: "ready", mode, phases, ms: performance.now() - started });
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
