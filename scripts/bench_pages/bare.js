const worker = new Worker(new URL("bare-worker.js", location.href), { type: "module" });
worker.onmessage = ({ data }) => {
  performance.mark("bare-ready");
  document.getElementById("status").textContent = `ready: ${data}`;
};
worker.postMessage(new URL(document.documentElement.dataset.runtime || "../assets/RUNTIME/", location.href).href);
