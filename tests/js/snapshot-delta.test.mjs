// The snapshot delta: the data segment found in a small hand-made WebAssembly binary, and XOR
// with it undone by XOR again (the build and the worker call the same function).
import assert from "node:assert/strict";
import { test } from "node:test";

import { dataSegment, xorDataSegment } from "../../docs/assets/javascripts/snapshot-delta.mjs";

const SEGMENT = [0xde, 0xad, 0xbe, 0xef, 0x01];

// magic and version, a custom section to skip, then one active data segment at
// `global.get 0` holding SEGMENT.
function wasm(segment = SEGMENT, { flags = 0, count = 1 } = {}) {
  const body = [count, flags, 0x23, 0x00, 0x0b, segment.length, ...segment];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x00, 0x03, 0x01, 0x78, 0x00,
    0x0b, body.length, ...body,
  ]);
}

test("dataSegment finds the single active segment after other sections", () => {
  assert.deepEqual([...dataSegment(wasm())], SEGMENT);
});

test("dataSegment refuses a binary of another shape", () => {
  assert.throws(() => dataSegment(wasm(SEGMENT, { count: 2 })), /unexpected WebAssembly/);
  assert.throws(() => dataSegment(wasm(SEGMENT, { flags: 1 })), /unexpected WebAssembly/);
});

// A snapshot: 8 header bytes whose second word is the heap's offset, then the heap.
function snapshot(heapOffset, length) {
  const bytes = new Uint8Array(length);
  new DataView(bytes.buffer).setUint32(4, heapOffset, true);
  for (let i = 8; i < length; i++) bytes[i] = (i * 7) & 0xff;
  return bytes;
}

test("XOR with the segment zeroes an unchanged copy and a second XOR restores it", () => {
  const original = snapshot(16, 1024 + 16 + 32);
  const start = 16 + 1024;
  original.set(SEGMENT, start);
  const delta = xorDataSegment(original.slice(), Uint8Array.from(SEGMENT));
  assert.deepEqual([...delta.subarray(start, start + SEGMENT.length)], [0, 0, 0, 0, 0]);
  assert.deepEqual([...delta.subarray(0, start)], [...original.subarray(0, start)]);
  assert.deepEqual(xorDataSegment(delta, Uint8Array.from(SEGMENT)), original);
});

test("xorDataSegment refuses a snapshot too short to hold the segment", () => {
  assert.throws(() => xorDataSegment(snapshot(16, 1024), Uint8Array.from(SEGMENT)), /too short/);
});
