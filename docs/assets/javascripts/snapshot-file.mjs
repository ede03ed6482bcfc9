// The engine's snapshot as the site ships it, and back: one module for the build's maker
// (sitebuild/snapshot/make-snapshot.mjs), which proves every file it writes restores, and for
// the page's quote worker, which restores it.
//
// The file is the snapshot's delta against pyodide.asm.wasm (snapshot-delta.mjs), compressed
// with Zstandard at level 19: 2.2 MB where gzip's best (libdeflate, level 12) took 2.9 MB, so
// the snapshot start moves fewer bytes than Pyodide's plain start. No browser decodes Zstandard
// natively (DecompressionStream has gzip and deflate only), so the page decodes it with the
// pinned `zstddec` (Zstandard's own decoder compiled to WebAssembly), as fast as the browser
// inflates gzip; the decoder is passed in, so this module loads nothing itself.
import { dataSegment, xorDataSegment } from "./snapshot-delta.mjs";

// A valid frame yields output at least every few steps (a step reads up to 128 KB of input).
const MAX_EMPTY_CHUNKS = 64;

// Decode the shipped file into `into`, a buffer of the snapshot's known size, chunk by chunk
// (the decoder's own memory stays one window, 8 MB, not the whole 25 MB). The worker decodes as
// soon as the file is in, while pyodide.asm.wasm, which undoing the delta needs, still arrives.
export async function decodeSnapshot(file, into, Decoder) {
  const decoder = new Decoder();
  await decoder.init();
  let at = 0;
  let idle = 0;
  for (const chunk of decoder.decodeStreaming([file])) {
    if (at + chunk.length > into.length) throw new Error("the snapshot is longer than expected");
    into.set(chunk, at);
    at += chunk.length;
    idle = chunk.length ? 0 : idle + 1;
    // The decoder's loop does not stop on a malformed frame; it yields nothing, forever. (The
    // worker checks the file's sha256 first, so only a build defect could get here.)
    if (idle > MAX_EMPTY_CHUNKS) throw new Error("the snapshot is not a Zstandard frame");
  }
  if (at !== into.length) throw new Error("the snapshot is shorter than expected");
  return into;
}

// The decoded snapshot with its delta against the WebAssembly file's data segment undone.
export function undoDelta(decoded, wasmBytes) {
  return xorDataSegment(decoded, dataSegment(wasmBytes));
}

// Both steps, into a new buffer (the build's maker reads its file back with this).
export async function readSnapshot(file, rawBytes, wasmBytes, Decoder) {
  return undoDelta(await decodeSnapshot(file, new Uint8Array(rawBytes), Decoder), wasmBytes);
}
