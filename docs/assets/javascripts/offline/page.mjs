// Every page's entry for offline reading: registers the service worker (register.mjs) once the
// page no longer needs the network for itself. Loaded by overrides/main.html with the offer's
// root element.
import { readerPaused } from "../reader-pause.mjs";
import { OfflineSupport, serviceWorkerUrl } from "./register.mjs";

// The longest a calculator page waits for its engine before the worker starts keeping files.
const CALCULATOR_WAIT_MS = 15_000;
// On a calculator page the worker's keeping (downloading and hashing the whole guide and the
// engine) competes with the reader's re-quotes for the processor: measured, it more than
// doubled their p95 (9 ms to 20 ms). So it starts once the reader has paused this long.
const QUIET_MS = 5_000;

// Resolves once the page has loaded and, on a page with a calculator, once its engine is up (or
// has failed): the worker's first downloads (the whole guide, about 1.5 MB) would otherwise
// share the link with the engine's and delay the reader's first quote.
function pageSettled() {
  const loaded = new Promise((resolve) => {
    if (document.readyState === "complete") resolve();
    else window.addEventListener("load", resolve, { once: true });
  });
  const calculator = document.querySelector("#fee-quote, #multi-quote");
  if (!calculator) return loaded;
  const engineSettled = new Promise((resolve) => {
    const settled = () => ["ready", "failed"].includes(calculator.dataset.engine);
    if (settled()) return resolve();
    const observer = new MutationObserver(() => {
      if (!settled()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(calculator, { attributes: true, attributeFilter: ["data-engine"] });
    setTimeout(() => {
      observer.disconnect();
      resolve();
    }, CALCULATOR_WAIT_MS);
  });
  return Promise.all([loaded, engineSettled]).then(() => readerPaused(calculator, QUIET_MS));
}

function init() {
  const root = document.getElementById("wego-update");
  if (!root || root.dataset.enhanced || !("serviceWorker" in navigator)) return;
  root.dataset.enhanced = "true";
  const support = new OfflineSupport(root);
  support.listen();
  pageSettled()
    .then(() => support.register(serviceWorkerUrl(root.dataset.siteRoot, document.baseURI)))
    .catch((error) => {
      // The guide works online without it; say why offline reading is missing.
      console.warn("offline reading is unavailable:", String(error));
    });
}

init();
