// Every page's entry for offline reading: registers the service worker (register.mjs) once
// the page has loaded. Loaded by overrides/main.html with the offer's root element.
import { OfflineSupport, serviceWorkerUrl } from "./register.mjs";

function init() {
  const root = document.getElementById("wego-update");
  if (!root || root.dataset.enhanced || !("serviceWorker" in navigator)) return;
  root.dataset.enhanced = "true";
  const support = new OfflineSupport(root);
  const start = () =>
    support.start(serviceWorkerUrl(root.dataset.siteRoot, document.baseURI)).catch((error) => {
      // The guide works online without it; say why offline reading is missing.
      console.warn("offline reading is unavailable:", String(error));
    });
  // After the page's own loads, so the worker's first downloads do not compete with them.
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start, { once: true });
}

init();
