// The quote client: replies paired to requests, failures reported with their kind, and a
// download that stays open but stops sending bytes reported as a network failure (no fixed
// start timeout otherwise). A scripted stand-in for the worker plays the worker's side.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import { frugalConnection } from "../../docs/assets/javascripts/frugal-connection.mjs";
import { createQuoteClient } from "../../docs/assets/javascripts/quote-client.mjs";

class ScriptedWorker {
  constructor(url) {
    this.url = String(url);
    this.listeners = { message: [], error: [] };
    this.posted = [];
    this.terminated = false;
    ScriptedWorker.last = this;
  }

  addEventListener(type, listener) {
    this.listeners[type].push(listener);
  }

  postMessage(message) {
    this.posted.push(message);
  }

  terminate() {
    this.terminated = true;
  }

  // What the worker sends the page.
  send(data) {
    for (const listener of this.listeners.message) listener({ data });
  }
}

globalThis.window = {};
globalThis.document = { baseURI: "https://example.org/guide/en/fees/" };
Object.defineProperty(globalThis, "navigator", { value: {}, writable: true, configurable: true });
globalThis.Worker = ScriptedWorker;

const clients = [];
function client(options) {
  const made = createQuoteClient("quote-worker.mjs", options);
  made.ready.catch(() => {});
  clients.push(made);
  return made;
}

afterEach(() => {
  while (clients.length) clients.pop().close();
});

const settled = (promise) => promise.then((value) => ({ value }), (error) => ({ error }));

test("ready resolves with the start path; replies go to the request with their id", async () => {
  const quotes = client();
  const worker = ScriptedWorker.last;
  const [ping] = worker.posted;
  assert.equal(ping.ping, true);
  worker.send({ id: ping.id, ready: true, path: "snapshot" });
  assert.deepEqual(await quotes.ready, { path: "snapshot" });
  assert.equal(quotes.path, "snapshot");

  const first = quotes.quote("ru", { population: "1000" });
  const second = quotes.quote("en", { population: "2000" });
  const [, a, b] = worker.posted;
  assert.deepEqual(JSON.parse(a.request), { lang: "ru", fields: { population: "1000" } });
  worker.send({ id: b.id, reply: JSON.stringify({ fee_usd: 2 }) });
  worker.send({ id: a.id, reply: JSON.stringify({ fee_usd: 1 }) });
  assert.deepEqual(await first, { fee_usd: 1 });
  assert.deepEqual(await second, { fee_usd: 2 });
});

test("a failed start is reported with whether the network was to blame", async () => {
  const quotes = client();
  const worker = ScriptedWorker.last;
  worker.send({ id: worker.posted[0].id, failure: "HTTP 404 for engine.snapshot.gz", network: true });
  const { error } = await settled(quotes.ready);
  assert.equal(error.network, true);
  assert.match(error.message, /404/);

  const other = client();
  const second = ScriptedWorker.last;
  second.send({ id: second.posted[0].id, failure: "the snapshot failed its self-check", network: false });
  assert.equal((await settled(other.ready)).error.network, false);
});

test("a download that stops sending bytes fails the start as a network failure", async () => {
  const quotes = client({ stallMs: 30 });
  const worker = ScriptedWorker.last;
  worker.send({ progress: { received: 1000, total: 9000, active: 1 } });
  const { error } = await settled(quotes.ready);
  assert.equal(error.network, true);
  assert.match(error.message, /stopped arriving/);
  assert.equal(worker.terminated, true);
});

test("bytes that keep arriving are waited for, however long the start takes", async () => {
  const progress = [];
  const quotes = client({ stallMs: 40, onProgress: (p) => progress.push(p.received) });
  const worker = ScriptedWorker.last;
  for (let received = 1; received <= 5; received++) {
    worker.send({ progress: { received, total: 5, active: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 25)); // each gap under stallMs, 125 ms in all
  }
  // The downloads are done; Python's own start may take as long as the machine needs.
  worker.send({ progress: { received: 5, total: 5, active: 0 } });
  await new Promise((resolve) => setTimeout(resolve, 60));
  worker.send({ id: worker.posted[0].id, ready: true, path: "wheel" });
  assert.deepEqual(await quotes.ready, { path: "wheel" });
  assert.deepEqual(progress, [1, 2, 3, 4, 5, 5]);
  assert.equal(worker.terminated, false);
});

test("without WebAssembly or workers the client refuses at once, with a reason", async () => {
  const saved = globalThis.Worker;
  delete globalThis.Worker;
  try {
    const quotes = createQuoteClient("quote-worker.mjs");
    const { error } = await settled(quotes.ready);
    assert.match(error.message, /not available/);
    assert.match((await settled(quotes.quote("en", {}))).error.message, /not available/);
  } finally {
    globalThis.Worker = saved;
  }
});

test("Save-Data or a slow link, as the page sees it, goes to the worker in its URL", () => {
  client();
  assert.equal(new URL(ScriptedWorker.last.url).searchParams.get("frugal"), null);
  for (const connection of [{ saveData: true, effectiveType: "4g" }, { effectiveType: "3g" }]) {
    globalThis.navigator = { connection };
    try {
      client();
    } finally {
      globalThis.navigator = {};
    }
    const url = new URL(ScriptedWorker.last.url);
    assert.equal(url.searchParams.get("frugal"), "1");
    assert.equal(url.pathname, "/guide/en/fees/quote-worker.mjs");
  }
});

test("frugalConnection: Save-Data, 2g and 3g are frugal; 4g, unknown and absent are not", () => {
  assert.equal(frugalConnection({ saveData: true }), true);
  assert.equal(frugalConnection({ effectiveType: "slow-2g" }), true);
  assert.equal(frugalConnection({ effectiveType: "2g" }), true);
  assert.equal(frugalConnection({ effectiveType: "3g" }), true);
  assert.equal(frugalConnection({ saveData: false, effectiveType: "4g" }), false);
  assert.equal(frugalConnection({}), false);
  assert.equal(frugalConnection(undefined), false);
});
