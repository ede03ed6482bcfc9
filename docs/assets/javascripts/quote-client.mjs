// A tiny API over the quote worker: `ready` settles once the engine is up (or has failed),
// and `quote(lang, fields)` resolves with the engine's record, pairing replies to requests by id.

const START_TIMEOUT_MS = 90_000;

export function createQuoteClient(workerUrl) {
  const pending = new Map();
  let nextId = 0;
  let settleReady;
  const ready = new Promise((resolve, reject) => {
    settleReady = { resolve, reject };
  });

  const fail = (reason) => {
    settleReady.reject(new Error(reason));
    for (const { reject } of pending.values()) reject(new Error(reason));
    pending.clear();
  };

  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    fail("WebAssembly or Web Workers are not available");
    return { ready, quote: () => Promise.reject(new Error("calculator unavailable")) };
  }

  let worker;
  try {
    worker = new Worker(workerUrl, { type: "module" });
  } catch (error) {
    fail(String(error));
    return { ready, quote: () => Promise.reject(new Error("calculator unavailable")) };
  }

  // Nothing hangs forever: a start that takes longer than this is reported as a failure.
  const timer = setTimeout(() => fail("the calculator did not start in time"), START_TIMEOUT_MS);
  ready.then(() => clearTimeout(timer), () => clearTimeout(timer));

  worker.addEventListener("message", ({ data }) => {
    if (data.type === "ready") settleReady.resolve();
    else if (data.type === "failed") fail(data.detail);
    else if (data.type === "reply" && pending.has(data.id)) {
      const { resolve, reject } = pending.get(data.id);
      pending.delete(data.id);
      if (data.failure) reject(new Error(data.failure));
      else resolve(JSON.parse(data.reply));
    }
  });
  worker.addEventListener("error", (event) => fail(event.message || "the calculator failed"));

  return {
    ready,
    quote(lang, fields) {
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, request: JSON.stringify({ lang, fields }) });
      });
    },
  };
}
