// A tiny API over the quote worker: `ready` settles once the engine is up (or has failed),
// and `quote(lang, fields)` resolves with the engine's record, pairing replies to requests by id.
//
// createQuoteClient(workerUrl, {onProgress}) returns {ready, ask, quote, path, close}:
// * `ready` resolves with {path} ("snapshot" or "wheel": how the engine started) or rejects
//   with an Error whose `network` is true when a download failed or stalled;
// * `onProgress({received, total})` follows the engine's downloads (bytes; total where known);
// * there is no fixed start timeout: a start fails when the worker reports a failure, or when
//   no byte has arrived for STALL_MS while a download is under way (Python's own start after
//   the downloads may take as long as the machine needs);
// * `close()` ends the worker (a retry is a new client).

import { frugalConnection } from "./frugal-connection.mjs";

const STALL_MS = 30_000;

function failure(reason, network = false) {
  const error = new Error(reason);
  error.network = network;
  return error;
}

function unavailable(reason) {
  const refused = Promise.reject(failure(reason));
  refused.catch(() => {});
  const refuse = () => Promise.reject(failure(reason));
  return { ready: refused, ask: refuse, quote: refuse, path: null, close() {} };
}

// The worker quote-early-start.js may already have started for this page, else a new one.
function adoptOrStart(workerUrl) {
  const early = window.__wegoQuoteWorker;
  delete window.__wegoQuoteWorker;
  if (early) return early;
  const url = new URL(workerUrl, document.baseURI);
  if (frugalConnection(navigator.connection)) url.searchParams.set("frugal", "1"); // see the worker
  return new Worker(url, { type: "module" });
}

// Requests paired with their replies by id; once broken, every call and waiting request fails.
function requestChannel(worker) {
  const pending = new Map();
  let nextId = 0;
  const channel = {
    broken: null,
    fail(error) {
      channel.broken ||= error;
      for (const { reject } of pending.values()) reject(channel.broken);
      pending.clear();
    },
    call(message) {
      if (channel.broken) return Promise.reject(channel.broken);
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, ...message });
      });
    },
    settle(data) {
      const waiting = pending.get(data.id);
      if (!waiting) return;
      pending.delete(data.id);
      if (data.failure) waiting.reject(failure(data.failure, Boolean(data.network)));
      else waiting.resolve(data.ready ? { path: data.path } : JSON.parse(data.reply));
    },
  };
  return channel;
}

// A download that stops sending bytes is reported, never waited for forever.
function stallWatch(channel, worker, stallMs) {
  let timer;
  let started = false;
  return {
    watch(downloading = true) {
      clearTimeout(timer);
      if (started || channel.broken || !downloading) return;
      timer = setTimeout(() => {
        channel.fail(failure("the calculator's files stopped arriving", true));
        worker.terminate();
      }, stallMs);
    },
    stop(engineStarted = false) {
      started ||= engineStarted;
      clearTimeout(timer);
    },
  };
}

export function createQuoteClient(workerUrl, { onProgress = () => {}, stallMs = STALL_MS } = {}) {
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    return unavailable("WebAssembly or Web Workers are not available");
  }
  let worker;
  try {
    worker = adoptOrStart(workerUrl);
  } catch (error) {
    return unavailable(String(error));
  }
  const channel = requestChannel(worker);
  const stall = stallWatch(channel, worker, stallMs);
  worker.addEventListener("message", ({ data }) => {
    if (!data.progress) return channel.settle(data);
    stall.watch(data.progress.active > 0);
    onProgress(data.progress);
  });
  worker.addEventListener("error", (event) => channel.fail(failure(event.message || "the calculator failed")));
  if (worker.startError) channel.fail(failure(worker.startError));

  const client = { path: null };
  const ready = channel.call({ ping: true });
  stall.watch();
  ready.then(
    (info) => {
      stall.stop(true);
      client.path = info.path;
    },
    () => stall.stop(),
  );

  // `ask` sends any JSON request the engine's `answer_json` understands; `quote` is one city.
  const ask = (payload) => channel.call({ request: JSON.stringify(payload) });
  return Object.assign(client, {
    ready,
    ask,
    quote: (lang, fields) => ask({ lang, fields }),
    close() {
      stall.stop();
      channel.fail(failure("closed"));
      worker.terminate();
    },
  });
}
