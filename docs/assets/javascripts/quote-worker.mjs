// The fee engine in a module Web Worker: one Pyodide, started once, answering requests by id.
//
// The page never blocks while Pyodide starts. The engine is the `calculator` wheel registered
// in this site's pyodide-lock.json (sha256-checked by loadPackage); no Python source lives here.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const indexURL = new URL("../pyodide/", import.meta.url).href;

const engine = (async () => {
  const pyodide = await loadPyodide({ indexURL, packages: ["wego-fee-calculator"] });
  return pyodide.pyimport("calculator").answer_json;
})();

engine.then(
  () => self.postMessage({ type: "ready" }),
  (error) => self.postMessage({ type: "failed", detail: String(error) }),
);

self.addEventListener("message", async (event) => {
  const { id, request } = event.data;
  try {
    const answer = await engine;
    self.postMessage({ type: "reply", id, reply: answer(request) });
  } catch (error) {
    self.postMessage({ type: "reply", id, failure: String(error) });
  }
});
