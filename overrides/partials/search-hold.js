// Inlined into the fees page right after Material's configuration and before its bundle
// (overrides/main.html; the CSP hook hashes it). Material's search builds its index in a Web
// Worker as the page loads: about 0.3 s of processor time (lunr, both languages' stemmers) that,
// on a two-core machine, ran beside the page's own work and the calculator's engine start and
// delayed the first quote. On this page Material's search worker is held: Material gets a
// stand-in that keeps what Material sends it, and the real worker starts once the page releases
// it (search-hold.mjs: the engine is up or has failed, or the reader turns to the search field)
// or after HOLD_AT_MOST_MS at the latest. Every other worker starts as usual, and without this
// script, or if anything in it fails, Material's own worker starts at once.
(function () {
  var HOLD_AT_MOST_MS = 15000;
  var FORWARDED = ["message", "messageerror", "error"];
  var Native = window.Worker;
  if (typeof Native !== "function" || typeof EventTarget !== "function") return;
  var searchWorker;
  try {
    var config = JSON.parse(document.getElementById("__config").textContent);
    searchWorker = new URL(config.search, document.baseURI).href;
  } catch (error) {
    return;
  }

  // What Material holds instead of its worker: the messages it posts wait, in order, and the
  // worker's events reach Material's listeners once the real worker runs.
  class HeldWorker extends EventTarget {
    constructor(url, options) {
      super();
      this.args = [url, options];
      this.waiting = [];
      this.real = null;
      this.ended = false;
    }
    postMessage(data, transfer) {
      if (this.real) this.real.postMessage(data, transfer);
      else this.waiting.push([data, transfer]);
    }
    terminate() {
      this.ended = true;
      this.waiting = [];
      if (this.real) this.real.terminate();
    }
    start() {
      var held = this;
      if (held.ended) return;
      held.real = new Native(held.args[0], held.args[1]);
      FORWARDED.forEach(function (type) {
        held.real.addEventListener(type, function (event) {
          var copy = type === "error" ? new ErrorEvent(type, event) : new MessageEvent(type, event);
          held.dispatchEvent(copy);
        });
      });
      held.waiting.forEach(function (message) {
        held.real.postMessage(message[0], message[1]);
      });
      held.waiting = [];
    }
  }

  var held = [];
  var timer = null;
  function release() {
    if (window.Worker !== HoldingWorker) return;
    window.Worker = Native;
    clearTimeout(timer);
    held.forEach(function (worker) {
      worker.start();
    });
    held = [];
  }
  function HoldingWorker(url, options) {
    if (new URL(url, document.baseURI).href !== searchWorker) return new Native(url, options);
    var worker = new HeldWorker(url, options);
    held.push(worker);
    if (!timer) timer = setTimeout(release, HOLD_AT_MOST_MS);
    return worker;
  }
  HoldingWorker.prototype = Native.prototype;
  window.Worker = HoldingWorker;
  window.__wegoSearchHold = { release: release };
})();
