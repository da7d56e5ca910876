// Make a Pyodide memory snapshot with the decision_tree package imported, its tree loaded and
// every kind of request served once (scripts/exercise_engine.py), so the browser restores a
// ready engine with every module it will use already in memory.
//   node scripts/make_snapshot.mjs WHEEL OUT_FILE STDLIB_ZIP EMPTY_ZIP
// The snapshot is made against STDLIB_ZIP, the build's trimmed standard library. It is then
// restored with EMPTY_ZIP as the standard library, as the browser restores it, and every
// request is served again: the build fails if the restored engine needs any library file.
// A snapshot only restores into the very runtime build that made it, so it is made from
// the pinned node_modules/pyodide, the same files the site serves.
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [wheel, outFile, stdLib, emptyStdLib] = process.argv.slice(2);
if (!wheel || !outFile || !stdLib || !emptyStdLib) {
  console.error("usage: node scripts/make_snapshot.mjs WHEEL OUT_FILE STDLIB_ZIP EMPTY_ZIP");
  process.exit(2);
}
const exercise = readFileSync(new URL("exercise_engine.py", import.meta.url), "utf8");
const formatAnError = (pyodide) => {
  try {
    pyodide.runPython("raise ValueError('a traceback, as an unexpected error would format one')");
  } catch {
    // expected: formatting it imports what any later error would need
  }
};

// No stdout/stderr callbacks and no package loading through the lock file: both leave
// JavaScript references behind that a snapshot cannot hold.
const pyodide = await loadPyodide({ _makeSnapshot: true, stdLibURL: stdLib });
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
formatAnError(pyodide);
pyodide.runPython(exercise);
// The library's zip off the import path: were a later import to need a file, it fails as
// "No module named …" rather than reading a stale zip directory against another file.
pyodide.runPython(`
import sys
for entry in [p for p in sys.path if p.endswith(".zip")]:
    sys.path.remove(entry)
    sys.path_importer_cache.pop(entry, None)
`);
const snapshot = pyodide.makeMemorySnapshot();

const restored = await loadPyodide({ stdLibURL: emptyStdLib, _loadSnapshot: snapshot });
try {
  formatAnError(restored);
  restored.runPython(exercise);
} catch (error) {
  console.error(`the restored engine needs a file of the standard library:\n${error.message}`);
  process.exit(1);
}
writeFileSync(outFile, snapshot);
console.log(`${outFile}: ${(snapshot.length / 1e6).toFixed(1)} MB`);
