// Material's search index held on the fees page until the engine is settled: the holding worker
// (a classic script, run here in its own global scope) and the page's side.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

import { SEARCH_HOLD, SearchRelease } from "../../docs/assets/javascripts/search-hold.mjs";

const WORKER = readFileSync(new URL("../../docs/assets/javascripts/search-hold-worker.js", import.meta.url), "utf8");
const SITE = "https://example.org/guide/";
const MATERIAL = `${SITE}assets/javascripts/workers/search.1234.min.js`;
const HOLDER = `${SITE}assets/v/abcd/javascripts/search-hold-worker.js`;

// A BroadcastChannel that records what it is told and lets a test speak on it.
class FakeChannel {
  static opened = [];
  constructor(name) {
    this.name = name;
    this.posted = [];
    this.closed = false;
    this.onmessage = null;
    FakeChannel.opened.push(this);
  }
  postMessage(data) {
    this.posted.push(data);
  }
  close() {
    this.closed = true;
  }
  hear(data) {
    this.onmessage?.({ data });
  }
}

// The holding worker in a scope of its own, with Material's worker played by `importScripts`:
// it listens for messages and loads a lunr language relative to its own address.
function startHolder({ material = MATERIAL, channel = true } = {}) {
  const scope = new EventTarget();
  const seen = { imported: [], material: [], timers: [] };
  Object.assign(scope, {
    self: scope,
    location: new URL(`${HOLDER}#${encodeURIComponent(material)}`),
    URL,
    MessageEvent,
    setTimeout: (callback, ms) => seen.timers.push({ callback, ms }),
    clearTimeout: () => {},
    importScripts: (...urls) => {
      seen.imported.push(...urls);
      if (urls[0] !== material) return;
      scope.addEventListener("message", (event) => seen.material.push(event.data));
      scope.importScripts("../lunr/min/lunr.ru.min.js");
    },
  });
  FakeChannel.opened = [];
  if (channel) scope.BroadcastChannel = FakeChannel;
  vm.runInNewContext(WORKER, scope);
  const send = (data) => scope.dispatchEvent(new MessageEvent("message", { data }));
  return { scope, seen, send, page: FakeChannel.opened[0] };
}

test("the index waits until the page says its engine is settled, then reaches Material's worker", () => {
  const { seen, send, page } = startHolder();
  assert.equal(page.name, SEARCH_HOLD.channel, "the page's channel");
  assert.deepEqual(page.posted, [SEARCH_HOLD.ask], "asks whether the page is settled already");
  send({ type: 0, data: "the index" });
  assert.deepEqual(seen.imported, [], "Material's worker is not even loaded while held");
  page.hear("something else");
  assert.deepEqual(seen.imported, [], "only the page's release releases");
  page.hear(SEARCH_HOLD.release);
  assert.deepEqual(seen.imported, [MATERIAL, `${SITE}assets/javascripts/lunr/min/lunr.ru.min.js`],
    "Material's worker, then its lunr language from beside Material's worker");
  assert.deepEqual(seen.material, [{ type: 0, data: "the index" }]);
  assert.ok(page.closed);
  send({ type: 2, data: "query" });
  assert.deepEqual(seen.material.at(-1), { type: 2, data: "query" }, "later messages go straight through");
  assert.equal(seen.material.length, 2);
});

test("a second message from Material (the reader searching) releases at once, the index first", () => {
  const { seen, send } = startHolder();
  send({ type: 0, data: "the index" });
  send({ type: 2, data: "fee" });
  assert.deepEqual(seen.material, [{ type: 0, data: "the index" }, { type: 2, data: "fee" }]);
});

test("search never waits longer than its limit for an engine that neither starts nor fails", () => {
  const { seen, send } = startHolder();
  send({ type: 0, data: "the index" });
  assert.equal(seen.timers.length, 1);
  assert.ok(seen.timers[0].ms >= 5000 && seen.timers[0].ms <= 30_000, "a limit of seconds");
  seen.timers[0].callback();
  assert.deepEqual(seen.material, [{ type: 0, data: "the index" }]);
});

test("without BroadcastChannel nothing is held", () => {
  const { seen, send } = startHolder({ channel: false });
  send({ type: 0, data: "the index" });
  assert.deepEqual(seen.material, [{ type: 0, data: "the index" }]);
});

test("a worker address on another host is never loaded", () => {
  const { seen, page } = startHolder({ material: "https://elsewhere.example/search.js" });
  page.hear(SEARCH_HOLD.release);
  assert.deepEqual(seen.imported, []);
});

// The page: Material's search form (or none) and a BroadcastChannel (or none).
function fakeWindow({ channel = true, searchForm = true } = {}) {
  const form = searchForm ? new EventTarget() : null;
  FakeChannel.opened = [];
  return {
    form,
    win: {
      document: { forms: { namedItem: (name) => (name === "search" ? form : null) } },
      ...(channel ? { BroadcastChannel: FakeChannel } : {}),
    },
  };
}

test("the page releases once, and answers a holding worker that asks after it did", () => {
  const release = new SearchRelease(fakeWindow().win);
  const channel = FakeChannel.opened[0];
  assert.equal(channel.name, SEARCH_HOLD.channel);
  channel.hear(SEARCH_HOLD.ask);
  assert.deepEqual(channel.posted, [], "not settled yet: no answer");
  release.release();
  release.release();
  assert.deepEqual(channel.posted, [SEARCH_HOLD.release], "said once");
  channel.hear(SEARCH_HOLD.ask);
  assert.deepEqual(channel.posted, [SEARCH_HOLD.release, SEARCH_HOLD.release], "a late worker is answered");
});

test("turning to the search field releases at once: Material sends no query before its index", () => {
  const { win, form } = fakeWindow();
  new SearchRelease(win);
  form.dispatchEvent(new Event("focusin"));
  assert.deepEqual(FakeChannel.opened[0].posted, [SEARCH_HOLD.release]);
});

test("a page without BroadcastChannel or a search form releases without error", () => {
  assert.doesNotThrow(() => new SearchRelease(fakeWindow({ channel: false, searchForm: false }).win).release());
});
