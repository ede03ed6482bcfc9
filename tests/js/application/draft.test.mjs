// The draft: values as a plain object, the file's exact round trip, refusal of bad files.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  checkDraft, currentDraft, draftDocument, draftFileName, readDraftText,
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
