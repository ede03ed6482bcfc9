// Make the engine's memory snapshot in Node, at build time, and prove it answers like CPython.
//
//   node make-snapshot.mjs JOB.json
//
// JOB.json (written by sitebuild/engine_snapshot.py): {pyodide, wheel, wheelSha256, out,
// minimalStdlib, delta, snapshotFile, decoder, trim, checks: [{request, reply}], warmup}. Steps:
//
// 1. Boot the exact Pyodide files the site ships with `_makeSnapshot`. `loadPackage` cannot
//    come before a snapshot (Pyodide refuses: "Unexpected hiwire entry"), so the wheel is
//    written into the in-memory file system, its sha256 checked, unpacked into site-packages
//    with `zipfile`, and imported.
// 2. Answer the first `warmup` checks (one of each kind of request): this loads the schedule,
//    the locales and the GDP data into memory (the file system is not part of a snapshot) and
//    proves the engine works.
// 3. Trim the interpreter (sitebuild/snapshot_trim.py: no docstrings, line numbers without
//    column positions, no caches of the full standard library); zero the free blocks of
//    CPython's small-object allocator, of the heap and the stack's unused part, so the shipped
//    file compresses well (freed memory otherwise keeps old bytes); write the snapshot as a
//    delta against pyodide.asm.wasm's data segment (docs/assets/javascripts/snapshot-delta.mjs),
//    compressed with Zstandard at level 19 by Node's own zstd (snapshot-file.mjs says why).
// 4. Read the written file back as the page does (docs/assets/javascripts/snapshot-file.mjs,
//    with the very decoder the site ships), restore it with only `minimalStdlib` as the
//    standard library (the one the page's snapshot path fetches) and answer every check again:
//    a module imported lazily after restore, or any answer that differs from CPython's, fails
//    the build here instead of in a reader's browser.
//
// Byte-identical output: Python seeds its hash secret and `random` from the OS's entropy and
// importlib caches file times read from the clock. While this script runs, Node's entropy
// source and clocks are replaced by fixed sequences, so two runs write the same bytes. The
// page's worker reseeds `random` after restore; hash randomisation stays fixed per build, which
// only matters against hash-flooding by untrusted input, and the engine caps its input sizes.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));

// CPython's Emscripten port picks, at start-up, how it counts a function's parameters: with a
// tiny module using WasmGC's `ref.test` (0xFB 0x14) where the engine has WasmGC, else in plain
// JavaScript. Its choice is a function pointer into the WebAssembly table, kept in the
// interpreter's memory, so it is baked into the snapshot and not chosen again on restore. Node 22
// and newer have WasmGC, and a snapshot made there points at a table entry that a browser without
// WasmGC (WebKitGTK's, older Safari) never creates: restoring it there fails with "call_indirect
// to a signature that does not match". The maker refuses that probe module, so every snapshot
// records the plain-JavaScript path, which every browser has.
function withoutWasmGcProbe() {
  const NativeModule = WebAssembly.Module;
  const usesRefTest = (bytes) => {
    const view = ArrayBuffer.isView(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
    if (view.length > 512) return false; // the probe is a few dozen bytes; Pyodide is megabytes
    return view.some((byte, index) => byte === 0xfb && view[index + 1] === 0x14);
  };
  WebAssembly.Module = new Proxy(NativeModule, {
    construct(target, args) {
      if (usesRefTest(args[0])) throw new WebAssembly.CompileError("WasmGC left out of the snapshot");
      return Reflect.construct(target, args);
    },
  });
}

// Pyodide frees a Python object when JavaScript's garbage collector finalizes its proxy, and the
// collector runs when it likes: two makes would free objects at different moments and write
// different bytes. In the maker no proxy is ever finalized (they live until it exits).
function withoutFinalization() {
  globalThis.FinalizationRegistry = class {
    register() {}
    unregister() {
      return false;
    }
  };
}

function pinEntropyAndClocks() {
  let state = 0x2545f491;
  crypto.randomFillSync = (view) => {
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    for (let i = 0; i < bytes.length; i++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      bytes[i] = state >>> 24;
    }
    return view;
  };
  let wallClock = 1_000_000_000_000;
  Date.now = () => wallClock++;
  let monotonic = 0;
  performance.now = () => (monotonic += 1);
}

const ENGINE = `
import gc, hashlib, json, site, sys, zipfile

def _unpack(path, sha256):
    data = open(path, "rb").read()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise RuntimeError("the calculator wheel does not match its sha256")
    with zipfile.ZipFile(path) as wheel:
        wheel.extractall(site.getsitepackages()[0])

def _answers(checks):
    import calculator
    return [calculator.answer_json(check["request"]) for check in checks]
`;

function compare(answers, checks, when) {
  const wrong = checks.filter((check, i) => answers[i] !== check.reply);
  if (wrong.length) {
    throw new Error(`${when}: ${wrong.length} answers differ from CPython, first: ${wrong[0].request}`);
  }
}

// Fill every free block an allocator can hand out with zeros, without growing the heap: take
// blocks of each size in turn until the allocator has none left, zero them, give them back.
function zeroFreeBlocks(module, allocate, release, sizes) {
  module._malloc_set_footprint_limit(module._malloc_footprint());
  const held = [];
  for (const size of sizes) {
    for (;;) {
      const pointer = allocate(size);
      if (!pointer) break;
      module.HEAP8.fill(0, pointer, pointer + size);
      held.push(pointer);
    }
  }
  for (const pointer of held) release(pointer);
  module._malloc_set_footprint_limit(0xffffffff);
}

// The free memory of CPython's small-object allocator (pymalloc: pools of 16- to 512-byte
// blocks, in arenas taken from the C heap; trimming frees thousands of code objects there, 48 KB
// of the compressed snapshot), then the C heap's. The heap's limit also stops pymalloc from
// taking new arenas, so the first pass only fills what it already has.
function zeroFreeMemory(module) {
  const smallSizes = Array.from({ length: 32 }, (_, i) => 512 - 16 * i);
  zeroFreeBlocks(module, module._PyObject_Malloc, module._PyObject_Free, smallSizes);
  const heapSizes = [1 << 20, 1 << 16, 1 << 12, 1 << 10, 256, 64];
  zeroFreeBlocks(module, module._PyMem_RawMalloc, module._PyMem_RawFree, heapSizes);
}

// Zero the unused part of the C stack (below the current stack pointer: dead by definition),
// which otherwise keeps the frames of the start's deepest calls.
function zeroFreeStack(module) {
  const end = module._emscripten_stack_get_end();
  module.HEAP8.fill(0, end, module.stackSave());
}

pinEntropyAndClocks();
withoutFinalization();
withoutWasmGcProbe();
const { loadPyodide } = await import(path.join(job.pyodide, "pyodide.mjs"));
const indexURL = job.pyodide.endsWith("/") ? job.pyodide : `${job.pyodide}/`;
const quiet = { stdout: () => {}, stderr: (line) => console.error(line) };

const maker = await loadPyodide({ indexURL, _makeSnapshot: true, ...quiet });
maker.FS.writeFile("/tmp/engine.whl", fs.readFileSync(job.wheel));
maker.runPython(ENGINE);
maker.globals.get("_unpack")("/tmp/engine.whl", job.wheelSha256);
maker.FS.unlink("/tmp/engine.whl");
const warmup = job.checks.slice(0, job.warmup);
maker.globals.set("warmup_json", JSON.stringify(warmup));
compare(maker.runPython("_answers(json.loads(warmup_json))").toJs(), warmup, "before the snapshot");
maker.globals.set("trim_source", fs.readFileSync(job.trim, "utf8"));
const trimmed = maker.runPython(`
del _unpack, _answers, warmup_json
sys.modules.pop("zipfile", None)
_trim = {}
exec(compile(trim_source, "snapshot_trim.py", "exec"), _trim)
_functions = _trim["trim_interpreter"]()
del _trim, trim_source
_functions
`);
zeroFreeMemory(maker._module);
zeroFreeStack(maker._module);
const { dataSegment, xorDataSegment } = await import(job.delta);
const wasmBytes = fs.readFileSync(path.join(job.pyodide, "pyodide.asm.wasm"));
const segment = dataSegment(wasmBytes);
const shipped = xorDataSegment(Uint8Array.from(maker.makeMemorySnapshot()), segment);
const heapStart = new DataView(shipped.buffer).getUint32(4, true);
const region = shipped.subarray(heapStart, heapStart + 1024 + segment.length);
const unchanged = region.reduce((zeros, byte) => zeros + (byte === 0), 0) / region.length;
if (unchanged < 0.5) throw new Error(`the data segment is not where expected (${unchanged})`);
// Level 19 with its 8 MB window (the decoder's memory in the page); no checksum: the page
// checks the file's sha256 before it decodes. One thread, so equal input gives equal bytes.
const { ZSTD_c_compressionLevel, ZSTD_c_checksumFlag } = zlib.constants;
const compressed = zlib.zstdCompressSync(shipped, {
  params: { [ZSTD_c_compressionLevel]: 19, [ZSTD_c_checksumFlag]: 0 },
});
fs.writeFileSync(job.out, compressed);

const { readSnapshot } = await import(job.snapshotFile);
const { ZSTDDecoder } = await import(job.decoder);
const decoded = await readSnapshot(fs.readFileSync(job.out), shipped.length, wasmBytes, ZSTDDecoder);
const restored = await loadPyodide({
  indexURL,
  _loadSnapshot: decoded,
  stdLibURL: job.minimalStdlib,
  ...quiet,
});
restored.globals.set("checks_json", JSON.stringify(job.checks));
const after = restored.runPython(`
import json, sys
before = set(sys.modules)
import calculator
answers = [calculator.answer_json(c["request"]) for c in json.loads(checks_json)]
try:
    json.loads("{")
except ValueError:
    import traceback
    trace = traceback.format_exc()
late = sorted(set(sys.modules) - before)
json.dumps({"answers": answers, "late": late, "trace": trace})
`);
const { answers, late, trace } = JSON.parse(after);
if (late.length) throw new Error(`modules imported after restore: ${late.join(", ")}`);
// Trimmed code must still say where an error happened: every frame with its line number.
const frames = trace.split("\n").filter((line) => line.trim().startsWith("File "));
if (frames.length < 2 || !frames.every((line) => /, line [1-9][0-9]*/.test(line))) {
  throw new Error(`a traceback after restore lacks line numbers:\n${trace}`);
}
compare(answers, job.checks, "after restore");
console.log(JSON.stringify({ bytes: shipped.length, checks: job.checks.length, trimmed }));
