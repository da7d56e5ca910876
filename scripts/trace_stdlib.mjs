// Which standard-library files the engine needs: boot the pinned Pyodide under Node, load
// the engine by name from the site's lock file (as the browser's cold start does, which
// imports more than restoring the snapshot), exercise every request the bridge serves (and
// an error's traceback; scripts/exercise_engine.py), and print the paths, inside Pyodide's
// python_stdlib.zip, of every module then imported, as JSON.
//   node scripts/trace_stdlib.mjs PYODIDE_LOCK_JSON
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadPyodide } from "pyodide";

const [lockFile] = process.argv.slice(2);
if (!lockFile) {
  console.error("usage: node scripts/trace_stdlib.mjs PYODIDE_LOCK_JSON");
  process.exit(2);
}
const pyodide = await loadPyodide({
  lockFileURL: resolve(lockFile),
  packages: ["decision-tree"],
  stdout: () => {},
});
try {
  pyodide.runPython("raise ValueError('a traceback, as an unexpected error would format one')");
} catch {
  // expected: formatting it imports what any later error would need
}
pyodide.runPython(readFileSync(new URL("exercise_engine.py", import.meta.url), "utf8"));
const files = pyodide.runPython(`
import json, sys
prefix = "/lib/python313.zip/"
json.dumps(sorted(
    m.__file__[len(prefix):] for m in list(sys.modules.values())
    if (getattr(m, "__file__", None) or "").startswith(prefix)
))
`);
process.stdout.write(files);
