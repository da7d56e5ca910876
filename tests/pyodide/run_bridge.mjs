// Runs the built decision_tree wheel in real Pyodide under Node: loads the package by name
// from the site's pyodide-lock.json (as the browser's worker does), then answers each JSON
// request read from stdin with decision_tree.bridge.handle, printing a JSON array.
//   node tests/pyodide/run_bridge.mjs PYODIDE_LOCK_JSON STDLIB_ZIP < requests.json
//   node tests/pyodide/run_bridge.mjs PYODIDE_LOCK_JSON --snapshot SNAPSHOT_MANIFEST < requests.json
// The first loads the wheel with the site's trimmed standard library (a cold start); the
// second restores the engine from the build's memory snapshot with the standard library its
// manifest names (empty: the modules are in memory), as a fast connection does.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { loadPyodide } from "pyodide";

const [lockFile, ...rest] = process.argv.slice(2);
const requests = JSON.parse(readFileSync(0, "utf8"));
let options;
if (rest[0] === "--snapshot") {
  const manifestFile = resolve(rest[1]);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
  const beside = (name) => join(dirname(manifestFile), name);
  options = {
    stdLibURL: beside(manifest.stdlib),
    _loadSnapshot: new Uint8Array(readFileSync(beside(manifest.file))),
  };
} else {
  options = { stdLibURL: resolve(rest[0]), packages: ["decision-tree"], stdout: () => {} };
}
const started = performance.now();
const pyodide = await loadPyodide({ lockFileURL: resolve(lockFile), ...options });
const handle = pyodide.pyimport("decision_tree.bridge").handle;
const version = pyodide.runPython("import sys; '%d.%d.%d' % sys.version_info[:3]");
const compiled = pyodide.runPython(
  "import decision_tree.engine as e; e.__spec__.origin.endswith('.pyc')",
);
const responses = requests.map((request) => JSON.parse(handle(JSON.stringify(request))));
process.stdout.write(
  JSON.stringify({ python: version, compiled, bootMs: performance.now() - started, responses }),
);
