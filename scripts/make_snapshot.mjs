// Make a Pyodide memory snapshot with the decision_tree package imported and its tree
// loaded, so the browser restores a ready engine instead of starting Python and importing.
//   node scripts/make_snapshot.mjs WHEEL OUT_FILE [STDLIB_ZIP]
// With STDLIB_ZIP (the build's trimmed standard library), the snapshot is made against it,
// as the browser will restore it.
// A snapshot only restores into the very runtime build that made it, so it is made from
// the pinned node_modules/pyodide, the same files the site serves.
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [wheel, outFile, stdLib] = process.argv.slice(2);
if (!wheel || !outFile) {
  console.error("usage: node scripts/make_snapshot.mjs WHEEL OUT_FILE");
  process.exit(2);
}
// No stdout/stderr callbacks and no package loading through the lock file: both leave
// JavaScript references behind that a snapshot cannot hold.
const pyodide = await loadPyodide({ _makeSnapshot: true, ...(stdLib ? { stdLibURL: stdLib } : {}) });
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
// Import everything a request touches, and load the tree, so the first answer is instant.
pyodide.runPython("import decision_tree.bridge as bridge; bridge.packaged_tree()");
const snapshot = pyodide.makeMemorySnapshot();
writeFileSync(outFile, snapshot);
console.log(`${outFile}: ${(snapshot.length / 1e6).toFixed(1)} MB`);
