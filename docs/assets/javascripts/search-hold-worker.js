// Material's search worker, started by Material as usual, but on the fees page only: the search
// index it is sent as the page loads is built once the calculator's engine is up (or has
// failed), not while it starts. Building the index (lunr, both languages' stemmers) takes about
// 0.3 s of processor time; on a two-core machine it ran beside the page's own work and the
// engine's start and delayed the first quote (measured in scripts/benchmark.py).
//
// How: overrides/partials/search-hold.js points Material's configuration at this script, with
// Material's own worker's address after the "#". This script holds every message Material
// sends, and on release loads Material's worker and hands it the held messages in order.
// Released by whichever comes first:
// * the page saying so (search-hold.mjs), on a BroadcastChannel: once its engine is settled, or
//   as soon as the reader turns to the search field; a page that said so before this worker
//   listened answers its "ask";
// * a second message from Material (it sends the index once as the page loads; any further
//   message means the reader is searching);
// * HOLD_AT_MOST_MS, so that search never waits for an engine that neither starts nor fails.
(function () {
  "use strict";

  // The words of search-hold.mjs (the page's side); tests/js/search-hold.test.mjs holds both
  // files to them.
  var CHANNEL = "wego-search-hold";
  var RELEASE = "release";
  var ASK = "ask";
  var HOLD_AT_MOST_MS = 15000;

  var material = new URL(decodeURIComponent(self.location.hash.slice(1)), self.location.href);
  var held = [];
  var released = false;
  var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL) : null;
  var timer = null;

  // Material's worker loads its lunr languages relative to its own address, not this script's.
  function importFromMaterial(native) {
    return function () {
      var urls = Array.prototype.map.call(arguments, function (url) {
        return new URL(url, material).href;
      });
      return native.apply(self, urls);
    };
  }

  function release() {
    if (released) return;
    released = true;
    clearTimeout(timer);
    if (channel) channel.close();
    if (material.origin !== self.location.origin) return; // only the site's own worker
    var native = self.importScripts;
    self.importScripts = importFromMaterial(native);
    native.call(self, material.href);
    held.forEach(function (data) {
      self.dispatchEvent(new MessageEvent("message", { data: data }));
    });
    held = [];
  }

  self.addEventListener("message", function (event) {
    if (released) return;
    event.stopImmediatePropagation();
    held.push(event.data);
    if (held.length > 1) release();
  });

  if (!channel) {
    release();
    return;
  }
  channel.onmessage = function (event) {
    if (event.data === RELEASE) release();
  };
  channel.postMessage(ASK);
  timer = setTimeout(release, HOLD_AT_MOST_MS);
})();
