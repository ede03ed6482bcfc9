// The fee engine in a module Web Worker: one Pyodide, started once, answering requests by id.
//
// The page never blocks while Pyodide starts. The engine is the `calculator` wheel registered
// in this site's pyodide-lock.json (sha256-checked by loadPackage); no Python source lives here.
//
// Messages in: {id, ping: true} (answered once the engine is up) or {id, request} (a JSON
// quote request). Messages out: {id, ready: true}, {id, reply} or {id, failure}. Every message
// is answered, so a page that attaches late (the worker may be started before the page's
// script runs, see quote-early-start.js) misses nothing.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const indexURL = new URL("../pyodide/", import.meta.url).href;

// Pyodide reports some start-up failures (a file that cannot be fetched, WebAssembly that
// cannot compile) only as an unhandled rejection, leaving loadPyodide() pending forever;
// such a failure settles the start at once.
let failStart;
const startFailed = new Promise((_, reject) => {
  failStart = reject;
});
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  failStart(event.reason);
});
self.addEventListener("error", (event) => {
  event.preventDefault();
  failStart(event.message);
});

const engine = Promise.race([
  (async () => {
    const pyodide = await loadPyodide({ indexURL, packages: ["wego-fee-calculator"] });
    return pyodide.pyimport("calculator").answer_json;
  })(),
  startFailed,
]);

self.addEventListener("message", async (event) => {
  const { id, ping, request } = event.data;
  try {
    const answer = await engine;
    self.postMessage(ping ? { id, ready: true } : { id, reply: answer(request) });
  } catch (error) {
    self.postMessage({ id, failure: String(error) });
  }
});
