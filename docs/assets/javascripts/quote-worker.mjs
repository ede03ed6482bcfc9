// The fee engine in a module Web Worker: one Pyodide, started once, answering requests by id.
//
// The page never blocks while Pyodide starts. The engine is the `calculator` wheel registered
// in this site's pyodide-lock.json (sha256-checked by loadPackage); no Python source lives here.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const indexURL = new URL("../pyodide/", import.meta.url).href;

// Pyodide reports some start-up failures (a file that cannot be fetched, WebAssembly that
// cannot compile) only as an unhandled rejection, leaving loadPyodide() pending forever;
// turn those into a prompt "failed" message so the page can tell the reader.
let started = false;
const reportFailure = (reason) => {
  if (!started) self.postMessage({ type: "failed", detail: String(reason) });
};
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  reportFailure(event.reason);
});
self.addEventListener("error", (event) => {
  event.preventDefault();
  reportFailure(event.message);
});

const engine = (async () => {
  const pyodide = await loadPyodide({ indexURL, packages: ["wego-fee-calculator"] });
  return pyodide.pyimport("calculator").answer_json;
})();

engine.then(
  () => {
    started = true;
    self.postMessage({ type: "ready" });
  },
  (error) => reportFailure(error),
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
