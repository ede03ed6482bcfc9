// The form's value formatting: months, clipping, pasted text that does not fit.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  clip, formatMonth, normaliseMonth, oneLine, pasteOverflow,
} from "../../../docs/assets/javascripts/application/values.mjs";

test("a month is shown in the catalogue's order; anything else as typed", () => {
  assert.equal(formatMonth("2017-08", "{month}/{year}"), "08/2017");
  assert.equal(formatMonth("2017-08", "{month}.{year}"), "08.2017");
  assert.equal(formatMonth("2017-13", "{month}/{year}"), "2017-13");
  assert.equal(formatMonth("", "{month}/{year}"), "");
});

test("months typed by hand are read leniently", () => {
  assert.equal(normaliseMonth(" 8/2017 "), "2017-08");
  assert.equal(normaliseMonth("08.2017"), "2017-08");
  assert.equal(normaliseMonth("2017-8"), "2017-08");
  assert.equal(normaliseMonth("soon"), "soon");
});

test("clipping counts characters, not UTF-16 units, and marks the cut", () => {
  assert.equal(clip("Ульяновск", 20), "Ульяновск");
  assert.equal(clip("Ульяновск", 5), "Улья…");
  assert.equal(clip("😀😀😀", 2), "😀…");
});

test("a multi-line address goes on one line", () => {
  assert.equal(oneLine(" ул. Кузнецова, 7 \n  Ульяновск \n"), "ул. Кузнецова, 7, Ульяновск");
});

test("a paste longer than the room left is reported with both lengths", () => {
  const base = { value: "", selectionStart: 0, selectionEnd: 0, maxLength: 40 };
  assert.deepEqual(pasteOverflow({ ...base, pasted: "9".repeat(48) }), { max: 40, length: 48 });
  assert.equal(pasteOverflow({ ...base, pasted: "9".repeat(40) }), null);
});

test("a paste replacing a selection counts the room the selection frees", () => {
  const value = "x".repeat(40);
  const whole = { value, selectionStart: 0, selectionEnd: 40, maxLength: 40 };
  assert.equal(pasteOverflow({ ...whole, pasted: "y".repeat(40) }), null);
  const caret = { value, selectionStart: 40, selectionEnd: 40, maxLength: 40 };
  assert.deepEqual(pasteOverflow({ ...caret, pasted: "y" }), { max: 40, length: 1 });
});

test("a field without a limit never cuts", () => {
  const paste = { value: "", selectionStart: 0, selectionEnd: 0, pasted: "y".repeat(9999) };
  assert.equal(pasteOverflow({ ...paste, maxLength: -1 }), null);
});

test("line breaks count as the field will keep them", () => {
  const base = { value: "", selectionStart: 0, selectionEnd: 0, maxLength: 10 };
  const pasted = "12345\r\n6789";
  assert.equal(pasteOverflow({ ...base, pasted, multiline: true }), null);
  assert.equal(pasteOverflow({ ...base, pasted: `${pasted}\r\n`, multiline: true }).length, 11);
  assert.equal(pasteOverflow({ ...base, pasted: "12345\n\n\n67890", multiline: false }), null);
});
