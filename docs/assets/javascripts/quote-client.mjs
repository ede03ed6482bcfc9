// A tiny API over the quote worker: `ready` settles once the engine is up (or has failed),
// and `quote(lang, fields)` resolves with the engine's record, pairing replies to requests by id.

const START_TIMEOUT_MS = 90_000;

function unavailable(reason) {
  const failure = Promise.reject(new Error(reason));
  failure.catch(() => {});
  const refuse = () => Promise.reject(new Error(reason));
  return { ready: failure, ask: refuse, quote: refuse };
}

// The worker quote-early-start.js may already have started for this page, else a new one.
function adoptOrStart(workerUrl) {
  const early = window.__wegoQuoteWorker;
  delete window.__wegoQuoteWorker;
  return early || new Worker(workerUrl, { type: "module" });
}

export function createQuoteClient(workerUrl) {
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
  const fail = (reason) => {
    broken = reason;
    for (const { reject } of pending.values()) reject(new Error(reason));
    pending.clear();
  };
  const call = (message) => {
    if (broken) return Promise.reject(new Error(broken));
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });
  };

  worker.addEventListener("message", ({ data }) => {
    const waiting = pending.get(data.id);
    if (!waiting) return;
    pending.delete(data.id);
    if (data.failure) waiting.reject(new Error(data.failure));
    else waiting.resolve(data.ready ? undefined : JSON.parse(data.reply));
  });
  worker.addEventListener("error", (event) => fail(event.message || "the calculator failed"));
  if (worker.startError) fail(worker.startError);

  // Nothing hangs forever: a start that takes longer than this is reported as a failure.
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("the calculator did not start in time")),
      START_TIMEOUT_MS);
  });
  const ready = Promise.race([call({ ping: true }), timeout]);
  ready.then(() => clearTimeout(timer), () => clearTimeout(timer));

  // `ask` sends any JSON request the engine's `answer_json` understands; `quote` is one city.
  const ask = (payload) => call({ request: JSON.stringify(payload) });
  return {
    ready,
    ask,
    quote: (lang, fields) => ask({ lang, fields }),
  };
}
