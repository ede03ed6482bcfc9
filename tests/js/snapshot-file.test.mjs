// The shipped snapshot file read back as the worker reads it: Zstandard (compressed here by
// Node's own zstd, as the build's maker does) decoded with the pinned decoder the site ships,
// then the delta against the WebAssembly file undone.
import assert from "node:assert/strict";
import { test } from "node:test";
import zlib from "node:zlib";

import { ZSTDDecoder } from "zstddec/stream";

import { xorDataSegment } from "../../docs/assets/javascripts/snapshot-delta.mjs";
import { readSnapshot } from "../../docs/assets/javascripts/snapshot-file.mjs";

const SEGMENT = [0xde, 0xad, 0xbe, 0xef, 0x01];

// A WebAssembly binary whose one data segment is SEGMENT (as in snapshot-delta.test.mjs).
function wasm() {
  const body = [1, 0, 0x23, 0x00, 0x0b, SEGMENT.length, ...SEGMENT];
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x0b, body.length, ...body]);
}

// A snapshot of a few megabytes (more than one decoder chunk), heap at offset 16, holding the
// data segment where Emscripten puts it.
function snapshot(length = 3_000_000) {
  const bytes = new Uint8Array(length);
  new DataView(bytes.buffer).setUint32(4, 16, true);
  for (let i = 8; i < length; i += 1) bytes[i] = (i % 251) ^ (i >> 12);
  bytes.set(SEGMENT, 16 + 1024);
  return bytes;
}

function shipped(original) {
  const delta = xorDataSegment(original.slice(), Uint8Array.from(SEGMENT));
  return new Uint8Array(zlib.zstdCompressSync(delta));
}

test("the file decodes to the snapshot, the delta undone", async () => {
  const original = snapshot();
  const restored = await readSnapshot(shipped(original), original.length, wasm(), ZSTDDecoder);
  assert.equal(restored.length, original.length);
  assert.ok(Buffer.from(restored).equals(Buffer.from(original)));
});

test("a size other than the build's is refused, longer or shorter", async () => {
  const original = snapshot(200_000);
  const file = shipped(original);
  await assert.rejects(readSnapshot(file, original.length - 1, wasm(), ZSTDDecoder), /longer/);
  await assert.rejects(readSnapshot(file, original.length + 1, wasm(), ZSTDDecoder), /shorter/);
});

test("bytes that are not a Zstandard frame end in an error, not an endless loop", async () => {
  const garbage = new Uint8Array(4096).fill(7);
  await assert.rejects(readSnapshot(garbage, 10_000, wasm(), ZSTDDecoder), /not a Zstandard frame/);
});
