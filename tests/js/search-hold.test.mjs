// Material's search worker held on the fees page while the engine starts: the inline script
// (run here against a stand-in window whose Worker records what it is given) and the page's
// release.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

import { SearchRelease } from "../../docs/assets/javascripts/search-hold.mjs";

const HOLD = readFileSync(new URL("../../overrides/partials/search-hold.js", import.meta.url), "utf8");
const PAGE = "https://example.org/guide/fees/";
const MATERIAL = "../assets/javascripts/workers/search.1234.min.js";

// A browser Worker as far as the hold uses it: it records what is posted and can answer.
class FakeWorker extends EventTarget {
  static started = [];
  constructor(url, options) {
    super();
    this.url = String(url);
    this.options = options;
    this.posted = [];
    this.terminated = false;
    FakeWorker.started.push(this);
  }
  postMessage(data) {
    this.posted.push(data);
  }
  terminate() {
    this.terminated = true;
  }
}

// The fees page: Material's configuration, and the window the inline script runs in.
function fakePage({ config = JSON.stringify({ search: MATERIAL }) } = {}) {
  FakeWorker.started = [];
  const timers = [];
  const window = {
    Worker: FakeWorker,
    document: { baseURI: PAGE, getElementById: (id) => (id === "__config" ? { textContent: config } : null) },
    setTimeout: (callback, ms) => timers.push({ callback, ms }) && timers.length,
    clearTimeout: () => {},
    URL,
    EventTarget,
    MessageEvent,
    ErrorEvent: class extends Event {},
  };
  window.window = window;
  vm.runInNewContext(HOLD, window);
  return { window, timers };
}

test("Material's search worker waits, keeping its messages in order, until the page releases it", () => {
  const { window } = fakePage();
  const worker = new window.Worker(MATERIAL);
  const heard = [];
  worker.addEventListener("message", (event) => heard.push(event.data));
  worker.postMessage({ type: 0, data: "the index" });
  worker.postMessage({ type: 2, data: "fee" });
  assert.deepEqual(FakeWorker.started, [], "no worker while held");
  window.__wegoSearchHold.release();
  assert.equal(FakeWorker.started.length, 1);
  const real = FakeWorker.started[0];
  assert.equal(real.url, MATERIAL, "Material's own worker, as Material named it");
  assert.deepEqual(real.posted, [{ type: 0, data: "the index" }, { type: 2, data: "fee" }]);
  real.dispatchEvent(new MessageEvent("message", { data: { type: 1 } }));
  assert.deepEqual(heard, [{ type: 1 }], "the worker's answers reach Material's listener");
  worker.postMessage({ type: 2, data: "fees" });
  assert.deepEqual(real.posted.at(-1), { type: 2, data: "fees" }, "later messages go straight through");
  assert.equal(window.Worker, FakeWorker, "the page's Worker is the browser's again");
  window.__wegoSearchHold.release();
  assert.equal(FakeWorker.started.length, 1, "released once");
});

test("every other worker, the calculator's among them, starts at once", () => {
  const { window } = fakePage();
  const quote = new window.Worker("../assets/v/abcd/javascripts/quote-worker.mjs", { type: "module" });
  assert.ok(quote instanceof FakeWorker);
  assert.deepEqual(quote.options, { type: "module" });
});

test("search never waits longer than its limit for an engine that neither starts nor fails", () => {
  const { window, timers } = fakePage();
  new window.Worker(`${PAGE}${MATERIAL}`);
  assert.equal(timers.length, 1);
  assert.ok(timers[0].ms >= 5000 && timers[0].ms <= 30_000, "a limit of seconds");
  timers[0].callback();
  assert.equal(FakeWorker.started.length, 1);
});

test("a worker Material ends while held never starts", () => {
  const { window } = fakePage();
  const worker = new window.Worker(MATERIAL);
  worker.postMessage("the index");
  worker.terminate();
  window.__wegoSearchHold.release();
  assert.deepEqual(FakeWorker.started, []);
});

test("a configuration the script cannot read leaves Material's worker alone", () => {
  const { window } = fakePage({ config: "not json" });
  assert.equal(window.Worker, FakeWorker);
  assert.equal(window.__wegoSearchHold, undefined);
});

// The page: Material's search form (or none) and the hold (or none).
function fakeWindow({ hold = true, searchForm = true } = {}) {
  const form = searchForm ? new EventTarget() : null;
  const released = [];
  const win = {
    document: { forms: { namedItem: (name) => (name === "search" ? form : null) } },
    ...(hold ? { __wegoSearchHold: { release: () => released.push(true) } } : {}),
  };
  return { win, form, released };
}

test("the page releases the hold when told, and when the reader turns to the search field", () => {
  const told = fakeWindow();
  new SearchRelease(told.win).release();
  assert.equal(told.released.length, 1);
  const searching = fakeWindow();
  new SearchRelease(searching.win);
  searching.form.dispatchEvent(new Event("focusin"));
  assert.equal(searching.released.length, 1, "Material sends no query before its index is built");
});

test("a page without the hold or a search form releases without error", () => {
  assert.doesNotThrow(() => new SearchRelease(fakeWindow({ hold: false, searchForm: false }).win).release());
});
