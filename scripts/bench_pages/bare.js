// The site's runtime folder and browser package, filled in by scripts/bench.py when it copies
// this page into the site.
const worker = new Worker(new URL("bare-worker.js", location.href), { type: "module" });
worker.onmessage = ({ data }) => {
  performance.mark("bare-ready");
  document.getElementById("status").textContent = `ready: ${data}`;
};
worker.postMessage({
  runtime: new URL("../assets/RUNTIME/", location.href).href,
  lockFile: new URL("../PACKAGEpyodide-lock.json", location.href).href,
});
