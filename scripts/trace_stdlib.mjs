// Which standard-library files the engine needs: boot the pinned Pyodide under Node, load
// the engine by name from the site's lock file (as the browser's cold start does, which
// imports more than restoring the snapshot), exercise every request the bridge serves (and
// an error's traceback), and print the paths, inside Pyodide's python_stdlib.zip, of every
// module then imported, as JSON.
//   node scripts/trace_stdlib.mjs PYODIDE_LOCK_JSON
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
const files = pyodide.runPython(`
import json, sys
import decision_tree.bridge as bridge
tree = bridge.packaged_tree()
first = tree.questions[tree.start].options[0].id
for request in [
    {"op": "open", "link": "", "site": "../"},
    {"op": "open", "link": "?a%2Db=c&" + tree.start + "=" + first, "site": "../"},
    {"op": "choices", "link": "", "site": "../"},
    {"op": "answer", "link": "", "option": "<b>"},
    {"op": "back", "link": first},
    {"op": "start"},
    {"op": "record", "link": first, "page": "https://example.org/decide/", "date": "2026-01-01"},
    {"op": "nonsense"},
]:
    bridge.handle(json.dumps({"tree": tree.slug, **request}))
bridge.handle("not json")
prefix = "/lib/python313.zip/"
json.dumps(sorted(
    m.__file__[len(prefix):] for m in list(sys.modules.values())
    if (getattr(m, "__file__", None) or "").startswith(prefix)
))
`);
process.stdout.write(files);
