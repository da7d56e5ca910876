// Runs the built decision_tree wheel in real Pyodide under Node: loads the package by name
// from the site's pyodide-lock.json (as the browser's worker does), then answers each JSON
// request read from stdin with decision_tree.bridge.handle, printing a JSON array.
//   node tests/pyodide/run_bridge.mjs site/assets/browser-package/pyodide-lock.json [snapshot.bin] < requests.json
// With a snapshot, the engine is restored from it instead (as the browser does first).
import { readFileSync } from "node:fs";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { loadPyodide } from "pyodide";

const [lockFile, snapshot] = process.argv.slice(2).map((path) => resolve(path));
const requests = JSON.parse(readFileSync(0, "utf8"));
// The site's trimmed standard library beside the lock file, as the browser loads it.
const stdLib = join(dirname(lockFile), "python_stdlib.zip");
const trimmed = existsSync(stdLib) ? { stdLibURL: stdLib } : {};
const started = performance.now();
const pyodide = await loadPyodide(
  snapshot
    ? { ...trimmed, lockFileURL: lockFile, _loadSnapshot: new Uint8Array(readFileSync(snapshot)) }
    : { ...trimmed, lockFileURL: lockFile, packages: ["decision-tree"], stdout: () => {} },
);
const handle = pyodide.pyimport("decision_tree.bridge").handle;
const version = pyodide.runPython("import sys; '%d.%d.%d' % sys.version_info[:3]");
const compiled = pyodide.runPython(
  "import decision_tree.engine as e; e.__spec__.origin.endswith('.pyc')",
);
const responses = requests.map((request) => JSON.parse(handle(JSON.stringify(request))));
process.stdout.write(
  JSON.stringify({ python: version, compiled, bootMs: performance.now() - started, responses }),
);
