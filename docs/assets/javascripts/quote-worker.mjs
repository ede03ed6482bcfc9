// The fee engine in a module Web Worker: one Pyodide, started once, answering requests by id.
//
// Two ways to start, the same engine either way:
// * "snapshot": restore a memory snapshot made at build time with the engine already imported
//   (sitebuild/engine_snapshot.py), then check it with a known quote;
// * "wheel": Pyodide's plain boot with `loadPackage` and the sha256-checked engine wheel.
// The snapshot path is tried first unless the reader asked to save data (then the path that
// moves fewer bytes wins); any failure of it (a failed fetch, a bad checksum, another Pyodide
// build, a restore error, a wrong self-check) falls back to the wheel.
//
// Messages in: {id, ping: true} (answered once the engine is up) or {id, request} (a JSON
// request for the engine's answer_json). Messages out: {id, ready: true, path},
// {id, reply}, {id, failure, network} and, while files download, {progress: {received, total}}.
// Every message is answered, so a page that attaches late (the worker may be started from the
// page's <head>, see quote-early-start.js) misses nothing but progress.
import { loadPyodide, engine as files } from "../engine/engine.mjs";
import { frugalConnection, snapshotGoesFirst } from "./frugal-connection.mjs";
import { decodeSnapshot, undoDelta } from "./snapshot-file.mjs";

class NetworkError extends Error {}

// Bytes received so far and downloads under way, reported at most every 100 ms.
const progress = { received: 0, total: 0, active: 0, sentAt: 0 };
function report(force = false) {
  const now = Date.now();
  if (!force && now - progress.sentAt < 100) return;
  progress.sentAt = now;
  const { received, total, active } = progress;
  self.postMessage({ progress: { received, total, active } });
}

// A download that fails (or stops with an error mid-body) rejects this promise, which every
// start races against: Pyodide reports some fetch failures only as unhandled rejections.
let failDownload;
const downloadFailed = new Promise((_, reject) => {
  failDownload = reject;
});
downloadFailed.catch(() => {});

// The snapshot path decodes the snapshot with pyodide.asm.wasm's bytes (snapshot-delta.mjs),
// kept from Pyodide's own download of it. `snapshotFilled`: while the snapshot start runs, the
// promise that its buffer holds the whole snapshot (see bootFromSnapshot).
const wasm = { wanted: false, download: null, kept: null, snapshotFilled: null };
wasm.started = new Promise((resolve) => {
  wasm.start = resolve;
});

// Every fetch of this worker (ours and Pyodide's) is counted as its bytes arrive, on a clone
// of the response: the caller gets the response itself (WebAssembly's compiled-code cache is
// keyed by its URL), and the clone is read to the end whatever the caller does.
const plainFetch = self.fetch.bind(self);

// Reads the clone to its end; `arrived` is called once every byte is in: at Content-Length,
// which can come long before the stream's end when the other reader is slower (WebAssembly's
// streaming compile on a busy machine), or at the end.
async function count(clone, arrived, keep) {
  const length = Number(clone.headers.get("content-length")) || Infinity;
  let seen = 0;
  const reader = clone.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      arrived();
      return keep ? new Uint8Array(await new Blob(keep).arrayBuffer()) : null;
    }
    keep?.push(value);
    progress.received += value.byteLength;
    seen += value.byteLength;
    if (seen >= length) arrived();
    else report();
  }
}

// The plain start after a failed snapshot start: the WebAssembly's bytes are here already.
function keptWasm(url) {
  if (!wasm.kept || !url.endsWith("/pyodide.asm.wasm")) return null;
  return new Response(wasm.kept, { status: 200, headers: { "Content-Type": "application/wasm" } });
}

// Count a response's bytes as they arrive (and keep the WebAssembly's for a second start).
function watchArrival(response, arrived) {
  if (!response.body) {
    arrived();
    return;
  }
  const isWasm = response.url.endsWith("/pyodide.asm.wasm");
  const counting = count(response.clone(), arrived, isWasm && wasm.wanted ? [] : null);
  counting.catch((e) => failDownload(new NetworkError(String(e))));
  if (isWasm) {
    wasm.download = counting;
    wasm.start(counting);
  }
}

// Pyodide restores the snapshot right after its WebAssembly is instantiated, so on the snapshot
// path the instance is handed over only once the snapshot's buffer is full.
const nativeInstantiateStreaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (source, imports) => {
  const result = await nativeInstantiateStreaming(source, imports);
  await wasm.snapshotFilled;
  return result;
};

self.fetch = async (input, init) => {
  const kept = keptWasm(String(input?.url ?? input));
  if (kept) return kept;
  progress.active += 1;
  report(true);
  let settled = false;
  const arrived = () => {
    if (settled) return;
    settled = true;
    progress.active -= 1;
    report(true);
  };
  try {
    const response = await plainFetch(input, init);
    if (!response.ok) throw new NetworkError(`HTTP ${response.status} for ${response.url}`);
    watchArrival(response, arrived);
    return response;
  } catch (error) {
    arrived();
    const failure = error instanceof NetworkError ? error : new NetworkError(String(error));
    failDownload(failure);
    throw failure;
  }
};

// Pyodide leaves some failed downloads as unhandled rejections (loadPyodide then never
// settles); the start has already reported those through `downloadFailed`. Only they are
// silenced here: every other error stays visible.
self.addEventListener("unhandledrejection", (event) => {
  if (event.reason instanceof NetworkError) event.preventDefault();
});

async function fetchChecked(url, sha256) {
  const response = await self.fetch(url);
  if (!response.ok) throw new NetworkError(`HTTP ${response.status} for ${url}`);
  let bytes;
  try {
    bytes = await response.arrayBuffer();
  } catch (error) {
    failDownload(new NetworkError(String(error)));
    throw new NetworkError(String(error));
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  if (hex !== sha256) throw new Error(`${url}: sha256 mismatch`);
  return new Uint8Array(bytes);
}

function selfCheck(answer) {
  const reply = answer(files.selfCheck.request);
  if (reply !== files.selfCheck.reply) throw new Error("the snapshot failed its self-check");
  return answer;
}

// Fill `buffer` with the snapshot: decoded as soon as its file is in, the delta undone once
// pyodide.asm.wasm is in too. The decoder is loaded only here: the wheel start never needs it.
async function fillSnapshot(buffer) {
  const decoded = Promise.all([
    fetchChecked(files.snapshot.url, files.snapshot.sha256),
    import(files.snapshot.decoder),
  ]).then(([file, { ZSTDDecoder }]) => decodeSnapshot(file, buffer, ZSTDDecoder));
  const [, wasmBytes] = await Promise.all([decoded, wasm.started.then((download) => download)]);
  undoDelta(buffer, wasmBytes);
}

// Pyodide needs only the snapshot's length to set up its memory, and reads its bytes after it
// has loaded its script, made its module and instantiated its WebAssembly: so it gets the empty
// buffer at once and all of that runs while the buffer fills, not after (the instantiation waits
// for it, above). A failure to fill ends this start (Pyodide would wait for ever).
async function bootFromSnapshot() {
  wasm.wanted = true;
  const buffer = new Uint8Array(files.snapshot.rawBytes);
  wasm.snapshotFilled = fillSnapshot(buffer);
  const forever = new Promise(() => {});
  const pyodide = await Promise.race([
    loadPyodide({
      indexURL: files.pyodide,
      lockFileURL: files.lock,
      stdLibURL: files.stdlibAfterRestore,
      _loadSnapshot: buffer,
    }),
    wasm.snapshotFilled.then(() => forever),
  ]);
  // The snapshot's `random` state is the same for everyone; give this page its own.
  pyodide.runPython("import sys\nif 'random' in sys.modules: sys.modules['random'].seed()");
  return selfCheck(pyodide.pyimport("calculator").answer_json);
}

async function bootFromWheel() {
  const pyodide = await loadPyodide({
    indexURL: files.pyodide,
    lockFileURL: files.lock,
    packages: [files.packageName],
  });
  return pyodide.pyimport("calculator").answer_json;
}

// With Save-Data on or a slow link reported (by the page, in this worker's URL, or to the
// worker itself), the path that moves fewer bytes goes first.
function snapshotFirst() {
  const frugal =
    new URL(self.location.href).searchParams.get("frugal") === "1" ||
    frugalConnection(self.navigator.connection);
  return snapshotGoesFirst(frugal, files.snapshot.pathBytes, files.wheelPathBytes);
}

async function start() {
  if (snapshotFirst()) {
    progress.total = files.snapshot.pathBytes;
    try {
      return { path: "snapshot", answer: await Promise.race([bootFromSnapshot(), downloadFailed]) };
    } catch (error) {
      if (error instanceof NetworkError) throw error;
      console.warn("calculator: snapshot start failed, plain start instead:", String(error));
      wasm.snapshotFilled = null;
      // Let a WebAssembly download under way finish, and give its bytes to the plain start
      // instead of downloading them a second time.
      wasm.kept = await wasm.download?.catch(() => null);
      progress.total += files.wheelPathBytes - files.wasmBytes;
    }
  } else {
    progress.total = files.wheelPathBytes;
  }
  const answer = await Promise.race([bootFromWheel(), downloadFailed]);
  wasm.kept = null; // Pyodide has its own copy now
  return { path: "wheel", answer };
}

// Once up, the engine answers a few made-up requests in idle moments, one per timer tick: the
// browser compiles the WebAssembly the engine runs to optimised code only after it has run a
// while, and until then a reader's re-quote now and then waits several milliseconds longer.
// Few: measured in Chromium, 50 trimmed the re-quote's slow tail, while 150 or more were still
// running when the reader typed and made it worse. A request waits for one warm-up answer at
// most (about a millisecond).
const WARMUP_ANSWERS = 50;
const WARMUP_COUNTRIES = ["RUS", "KOR", "KAZ", "BRA", "ZZZ"];

function warmUpFields(i) {
  const population = String(1_000 + ((i * 7_919) % 12_000_000));
  if (i % 10 === 9) return { population, country: WARMUP_COUNTRIES[Math.floor(i / 10) % WARMUP_COUNTRIES.length] };
  if (i % 10 === 8) return { population, gdp: "x" };
  return { population, gdp: String(300 + ((i * 104_729) % 60_000)) };
}

function warmUp(answer) {
  let i = 0;
  const step = () => {
    answer(JSON.stringify({ lang: i % 2 ? "en" : "ru", fields: warmUpFields(i) }));
    i += 1;
    if (i < WARMUP_ANSWERS) setTimeout(step, 0);
  };
  setTimeout(step, 0);
}

let engine;
try {
  engine = start();
} catch (error) {
  engine = Promise.reject(error);
}
engine.then(({ answer }) => warmUp(answer), () => {});

self.addEventListener("message", async (event) => {
  const { id, ping, request } = event.data;
  if (ping) report(true); // a page that attaches late learns at once whether bytes are due
  try {
    const { path, answer } = await engine;
    self.postMessage(ping ? { id, ready: true, path } : { id, reply: answer(request) });
  } catch (error) {
    self.postMessage({ id, failure: String(error), network: error instanceof NetworkError });
  }
});
