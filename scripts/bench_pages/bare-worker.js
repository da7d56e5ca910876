self.onmessage = async ({ data: runtime }) => {
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtime).href);
  const pyodide = await loadPyodide({
    indexURL: runtime,
    lockFileURL: new URL("../engine/pyodide-lock.json", runtime).href,
  });
  postMessage(pyodide.version);
};
