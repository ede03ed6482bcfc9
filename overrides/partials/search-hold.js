// Inlined into the fees page right after Material's configuration and before its bundle
// (overrides/main.html; the CSP hook hashes it). Points Material at the search worker that holds
// the search index until the calculator's engine is settled (search-hold-worker.js), with
// Material's own worker's address after the "#" (a fragment, not a query: the request stays the
// file's own address, which the service worker keeps for offline use). Without this script, or
// if anything in it fails, Material's own worker starts as usual.
(function () {
  try {
    var config = document.getElementById("__config");
    var app = JSON.parse(config.textContent);
    var holder = new URL(document.currentScript.dataset.searchWorker, document.baseURI);
    holder.hash = encodeURIComponent(new URL(app.search, document.baseURI).href);
    app.search = holder.href;
    config.textContent = JSON.stringify(app);
  } catch (error) {
    // Material's configuration stays as the build wrote it.
  }
})();
