self.onmessage = async ({ data: { runtime, lockFile } }) => {
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtime).href);
  const pyodide = await loadPyodide({ indexURL: runtime, lockFileURL: lockFile });
  postMessage(pyodide.version);
};
