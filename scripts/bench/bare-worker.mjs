// Pyodide's plain boot in a module worker, the engine from its wheel, one quote posted back.
// __PYODIDE__ and __ENGINE__ are replaced by scripts/benchmark.py with the built site's URLs.
import { loadPyodide } from "__PYODIDE__pyodide.mjs";

const pyodide = await loadPyodide({
  indexURL: new URL("__PYODIDE__", self.location.href).href,
  lockFileURL: new URL("__ENGINE__pyodide-lock.json", self.location.href).href,
  packages: ["wego-fee-calculator"],
});
const request = JSON.stringify({ lang: "en", fields: { population: "624518", gdp: "47404.96" } });
self.postMessage(pyodide.pyimport("calculator").answer_json(request));
