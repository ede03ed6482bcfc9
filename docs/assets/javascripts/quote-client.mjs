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

  const pending = new Map();
  let nextId = 0;
  let broken = null;
  const fail = (error) => {
    broken ||= error;
    for (const { reject } of pending.values()) reject(broken);
    pending.clear();
  };
  const call = (message) => {
    if (broken) return Promise.reject(broken);
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });
  };

  // A download that stops sending bytes is reported, never waited for forever.
  let stallTimer;
  let started = false;
  const watchStall = (downloading = true) => {
    clearTimeout(stallTimer);
    if (started || broken || !downloading) return;
    stallTimer = setTimeout(() => {
      fail(failure("the calculator's files stopped arriving", true));
      worker.terminate();
    }, stallMs);
  };

  worker.addEventListener("message", ({ data }) => {
    if (data.progress) {
      watchStall(data.progress.active > 0);
      onProgress(data.progress);
      return;
    }
    const waiting = pending.get(data.id);
    if (!waiting) return;
    pending.delete(data.id);
    if (data.failure) waiting.reject(failure(data.failure, Boolean(data.network)));
    else waiting.resolve(data.ready ? { path: data.path } : JSON.parse(data.reply));
  });
  worker.addEventListener("error", (event) => fail(failure(event.message || "the calculator failed")));
  if (worker.startError) fail(failure(worker.startError));

  const client = { path: null };
  const ready = call({ ping: true });
  watchStall();
  ready.then(
    (info) => {
      started = true;
      clearTimeout(stallTimer);
      client.path = info.path;
    },
    () => clearTimeout(stallTimer),
  );

  // `ask` sends any JSON request the engine's `answer_json` understands; `quote` is one city.
  const ask = (payload) => call({ request: JSON.stringify(payload) });
  return Object.assign(client, {
    ready,
    ask,
    quote: (lang, fields) => ask({ lang, fields }),
    close() {
      clearTimeout(stallTimer);
      fail(failure("closed"));
      worker.terminate();
    },
  });
}
