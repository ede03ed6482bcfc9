// The form's value formatting: months, clipping, pasted text that does not fit, control characters.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  clip, formatMonth, normaliseMonth, oneLine, pasteOverflow, stripControls,
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

test("control characters are stripped: C0 but tab and line breaks, DEL, C1", () => {
  assert.equal(stripControls("Ka\u0000zan"), "Kazan");
  const c0 = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join("");
  assert.equal(stripControls(`a${c0}b`), "a\t\n\rb");
  assert.equal(stripControls("a\u007Fb\u0080c\u009Fd\u00A0e"), "abcd\u00A0e");
});

test("a one-line value loses tabs and line breaks too", () => {
  assert.equal(stripControls("Ivan\tIvanov\r\n", { multiline: false }), "IvanIvanov");
  assert.equal(stripControls("ул. Кузнецова, 7\nУльяновск"), "ул. Кузнецова, 7\nУльяновск");
});

test("non-characters and unpaired surrogates go; letters, emoji and other scripts stay", () => {
  assert.equal(stripControls("a\uFFFEb\uFFFFc"), "abc");
  assert.equal(stripControls("x\uD83Dy\uDE00z"), "xyz");
  assert.equal(stripControls("\uDE00\uD83D\uD83D\uDE00\uD83D"), "😀");
  const kept = "Ульяновск 😀 서울 «ё» — №\u00A01";
  assert.equal(stripControls(kept), kept);
});

test("stripping twice changes nothing more, and works for any value", () => {
  assert.equal(stripControls(stripControls("a\u0001\u0002b")), "ab");
  assert.equal(stripControls(undefined), "");
  assert.equal(stripControls(42), "42");
});
