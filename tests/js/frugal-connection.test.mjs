// When the calculator's engine starts by the path that moves fewer bytes: the reader asked to
// save data, or the browser rates the link 2g or 3g. The browser test
// (tests/e2e/test_engine_start.py) proves the page and its worker act on the answer, with
// Save-Data on; which connections count is proved here, once.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  frugalConnection,
  snapshotGoesFirst,
} from "../../docs/assets/javascripts/frugal-connection.mjs";

test("Save-Data on is frugal, whatever the link", () => {
  assert.equal(frugalConnection({ saveData: true, effectiveType: "4g" }), true);
  assert.equal(frugalConnection({ saveData: true }), true);
});

test("a link the browser rates 3g, 2g or slow-2g is frugal", () => {
  for (const effectiveType of ["3g", "2g", "slow-2g"]) {
    assert.equal(frugalConnection({ saveData: false, effectiveType }), true, effectiveType);
  }
});

test("a 4g link without Save-Data is not", () => {
  assert.equal(frugalConnection({ saveData: false, effectiveType: "4g" }), false);
});

test("a browser without the Network Information API is not (Firefox, Safari)", () => {
  assert.equal(frugalConnection(undefined), false);
  assert.equal(frugalConnection(null), false);
  assert.equal(frugalConnection({}), false);
});

test("a frugal reader gets the start that moves fewer bytes; others the snapshot start", () => {
  assert.equal(snapshotGoesFirst(true, 5_400_000, 5_700_000), true, "the snapshot moves fewer");
  assert.equal(snapshotGoesFirst(true, 5_700_000, 5_400_000), false, "the wheel moves fewer");
  assert.equal(snapshotGoesFirst(true, 5_500_000, 5_500_000), true, "a tie: the faster one");
  assert.equal(snapshotGoesFirst(false, 5_700_000, 5_400_000), true, "not frugal: the faster one");
});
