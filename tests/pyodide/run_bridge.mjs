// Runs the built decision_tree wheel in real Pyodide under Node: loads the package by name
// from the site's pyodide-lock.json (as the browser's worker does), then answers each JSON
// request read from stdin with decision_tree.bridge.handle, printing a JSON array.
//   node tests/pyodide/run_bridge.mjs site/assets/browser-package/pyodide-lock.json [snapshot.bin] < requests.json
// With a snapshot, the engine is restored from it instead (as a fast connection does).
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { loadPyodide } from "pyodide";

const [lockFile, snapshot] = process.argv.slice(2).map((path) => resolve(path));
const requests = JSON.parse(readFileSync(0, "utf8"));
// The standard library as the browser gives it: the site's trimmed one for a cold start, and
// for a restored snapshot the one its manifest names (empty: the modules are in memory).
const folder = dirname(lockFile);
const options = snapshot
  ? {
      stdLibURL: join(folder, JSON.parse(readFileSync(join(folder, "snapshot.json"), "utf8")).stdlib),
      _loadSnapshot: new Uint8Array(readFileSync(snapshot)),
    }
  : { stdLibURL: join(folder, "python_stdlib.zip"), packages: ["decision-tree"], stdout: () => {} };
const started = performance.now();
const pyodide = await loadPyodide({ lockFileURL: lockFile, ...options });
const handle = pyodide.pyimport("decision_tree.bridge").handle;
const version = pyodide.runPython("import sys; '%d.%d.%d' % sys.version_info[:3]");
const compiled = pyodide.runPython(
  "import decision_tree.engine as e; e.__spec__.origin.endswith('.pyc')",
);
const responses = requests.map((request) => JSON.parse(handle(JSON.stringify(request))));
process.stdout.write(
  JSON.stringify({ python: version, compiled, bootMs: performance.now() - started, responses }),
);
