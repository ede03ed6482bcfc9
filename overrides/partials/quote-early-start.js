// Inlined into the <head> of the fees page only (overrides/main.html; the CSP hook hashes it).
// Start the calculator's worker now, while the rest of the page loads, instead of after the
// page's modules have run: the engine's start is most of the wait for the first quote.
// fee-quote.mjs adopts this worker (quote-client.mjs); without it nothing changes.
(function () {
  if (typeof Worker !== "function" || window.__wegoQuoteWorker) return;
  try {
    var url = new URL(document.currentScript.dataset.worker, document.baseURI);
    // The reader's Save-Data preference or a slow link, as the page sees it: a worker may not
    // (Chromium leaves Save-Data out of workers). The test of frugal-connection.mjs.
    var connection = navigator.connection;
    if (connection && (connection.saveData || /2g|3g/.test(connection.effectiveType))) {
      url.searchParams.set("frugal", "1");
    }
    var worker = new Worker(url, { type: "module" });
    worker.addEventListener("error", function (event) {
      worker.startError = event.message || "the calculator failed to start";
    });
    window.__wegoQuoteWorker = worker;
  } catch (error) {
    // The page's own script starts the worker (and reports a failure) as usual.
  }
})();
