// The engine's memory snapshot ships as a delta against Pyodide's own WebAssembly file.
//
// A snapshot is Pyodide's header followed by the whole linear memory, whose first 3.5 MB
// start as the module's data segment: bytes the page downloads anyway inside
// pyodide.asm.wasm. XOR-ing that region with the segment turns every unchanged byte into a
// zero, which gzip all but removes (about 1.3 MB less to download). XOR is its own inverse:
// the build (sitebuild/snapshot/make-snapshot.mjs) and the worker call the same function.

// Emscripten places the data of a MAIN_MODULE build at __memory_base, its GLOBAL_BASE.
const MEMORY_BASE = 1024;

function leb128(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(byte & 0x80)) return [value, at];
  }
}

// The single active data segment of a WebAssembly binary (offset `global.get __memory_base`).
export function dataSegment(wasm) {
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    let size;
    [size, at] = leb128(wasm, at + 1);
    if (id === 11) {
      const [count, start] = leb128(wasm, at);
      let cursor = start;
      const flags = wasm[cursor];
      if (count !== 1 || flags !== 0 || wasm[cursor + 1] !== 0x23) break;
      [, cursor] = leb128(wasm, cursor + 2); // the global's index
      if (wasm[cursor] !== 0x0b) break;
      const [length, from] = leb128(wasm, cursor + 1);
      return wasm.subarray(from, from + length);
    }
    at += size;
  }
  throw new Error("unexpected WebAssembly data section: not the Pyodide build of this snapshot");
}

// XOR the snapshot's copy of the data segment with the segment, in place; returns the snapshot.
export function xorDataSegment(snapshot, segment) {
  const heapOffset = new DataView(snapshot.buffer, snapshot.byteOffset).getUint32(4, true);
  const start = heapOffset + MEMORY_BASE;
  if (start + segment.length > snapshot.length) throw new Error("the snapshot is too short");
  for (let i = 0; i < segment.length; i++) snapshot[start + i] ^= segment[i];
  return snapshot;
}
