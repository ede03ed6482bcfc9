// The draft: values as a plain object, the file's exact round trip, refusal of bad files, and
// what of a stored draft is kept and what set aside.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  checkDraft, currentDraft, draftDocument, draftFileName, readDraftText, salvageDraft,
  salvageDraftText,
} from "../../../docs/assets/javascripts/application/draft.mjs";

const META = { format: "wego-membership-application-draft", version: 1 };
const SCHEMA = [
  { name: "same", kind: "checkbox", label: "Same as", maxLength: -1 },
  { name: "city", kind: "text", label: "City", maxLength: 200 },
  { name: "postcode", kind: "text", label: "Postcode", maxLength: 20 },
  { name: "start", kind: "month", label: "Start", maxLength: 7 },
];

test("currentDraft reads every control of the form as {name: value}", () => {
  const control = (field, props) => ({ dataset: { field }, type: "text", value: "", ...props });
  const form = {
    querySelectorAll: (selector) => {
      assert.equal(selector, "[data-field]");
      return [
        control("city", { value: "Ульяновск <b>" }),
        control("same", { type: "checkbox", checked: true, value: "on" }),
        control("start", { type: "month", value: "2018-09" }),
      ];
    },
  };
  assert.deepEqual(currentDraft(form), { city: "Ульяновск <b>", same: true, start: "2018-09" });
});

test("a written draft reads back exactly, whatever the text", () => {
  const fields = { same: true, city: 'Иванов "И." \\ Иван\tИванович\n<img>', postcode: "", start: "2018-09" };
  const text = JSON.stringify(draftDocument(fields, META, new Date("2026-11-29T10:00:00Z")), null, 2);
  assert.deepEqual(readDraftText(text, SCHEMA, META), { fields });
  assert.equal(JSON.parse(text).saved_at, "2026-11-29T10:00:00.000Z");
});

test("missing fields are empty; lenient months are tidied", () => {
  const result = checkDraft({ ...META, fields: { start: "9/2018" } }, SCHEMA, META);
  assert.deepEqual(result, { fields: { same: false, city: "", postcode: "", start: "2018-09" } });
});

test("files that are not drafts of this form are refused, saying why", () => {
  const cases = [
    ["{broken", { error: "not_json" }],
    ["[1, 2, 3]", { error: "foreign" }],
    ["null", { error: "foreign" }],
    [JSON.stringify({ name: "something else" }), { error: "foreign" }],
    [JSON.stringify({ ...META, version: 2, fields: {} }), { error: "foreign" }],
    [JSON.stringify({ ...META, fields: [] }), { error: "foreign" }],
    [JSON.stringify({ ...META, fields: { city: "X", password: "y" } }), { error: "foreign" }],
    [JSON.stringify({ ...META, fields: { start: "soon" } }), { error: "bad_value", label: "Start" }],
    [JSON.stringify({ ...META, fields: { city: 7 } }), { error: "bad_value", label: "City" }],
    [JSON.stringify({ ...META, fields: { same: "yes" } }), { error: "bad_value", label: "Same as" }],
    [JSON.stringify({ ...META, fields: { postcode: "1".repeat(21) } }),
      { error: "bad_value", label: "Postcode" }],
  ];
  for (const [text, expected] of cases) assert.deepEqual(readDraftText(text, SCHEMA, META), expected, text);
});

test("an inherited key is not taken for a field", () => {
  const fields = Object.create({ city: "inherited" });
  assert.deepEqual(checkDraft({ ...META, fields }, SCHEMA, META).fields.city, "");
});

test("the file is named after the prefix and the day", () => {
  assert.equal(
    draftFileName("wego-application-draft", new Date("2026-11-29T23:59:00Z")),
    "wego-application-draft-2026-11-29.json",
  );
});

const EMPTY = { same: false, city: "", postcode: "", start: "" };

test("a stored draft that fits is applied whole, nothing set aside", () => {
  const fields = { same: true, city: "Казань", postcode: "420000", start: "2018-09" };
  assert.deepEqual(salvageDraft({ ...META, fields }, SCHEMA, META), { whole: null, fields, setAside: [] });
});

test("a stored draft keeps every field that fits and names the others, in form order", () => {
  const stored = {
    ...META,
    fields: { password: "y", start: "soon", postcode: "1".repeat(21), city: "Казань", same: "yes" },
  };
  const result = salvageDraft(stored, SCHEMA, META);
  assert.equal(result.whole, null);
  assert.deepEqual(result.fields, { ...EMPTY, city: "Казань" });
  assert.deepEqual(result.setAside, [
    { name: "same", label: "Same as", reason: "type", max: -1 },
    { name: "postcode", label: "Postcode", reason: "too_long", max: 20 },
    { name: "start", label: "Start", reason: "month", max: 7 },
    { name: "password", label: "password", reason: "unknown", max: 0 },
  ]);
});

test("a value at its field's limit is kept; one character more is set aside", () => {
  const at = salvageDraft({ ...META, fields: { postcode: "1".repeat(20) } }, SCHEMA, META);
  assert.deepEqual(at.setAside, []);
  const over = salvageDraft({ ...META, fields: { postcode: "1".repeat(21), city: 7 } }, SCHEMA, META);
  assert.deepEqual(over.setAside.map((item) => [item.name, item.reason]),
    [["city", "type"], ["postcode", "too_long"]]);
});

test("a stored draft nothing can be taken from says why, as a whole", () => {
  const cases = [
    ["{broken", "not_json"],
    ["null", "foreign"],
    [JSON.stringify({ name: "something else" }), "foreign"],
    [JSON.stringify({ ...META, fields: [] }), "foreign"],
    [JSON.stringify({ ...META, version: 2, fields: { city: "X" } }), "version"],
  ];
  for (const [text, whole] of cases) {
    assert.deepEqual(salvageDraftText(text, SCHEMA, META), { whole, fields: null, setAside: [] }, text);
  }
});
