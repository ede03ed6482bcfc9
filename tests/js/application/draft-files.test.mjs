// A draft file the reader picks: taken whole, or refused with the reason in the page's language,
// the file named and the field's label given where one value does not fit.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { DraftFiles } from "../../../docs/assets/javascripts/application/draft-files.mjs";

const CATALOGUE = JSON.parse(readFileSync(
  new URL("../../../sitebuild/locales/form.en.json", import.meta.url), "utf8",
));
const MESSAGES = Object.fromEntries(Object.entries(CATALOGUE)
  .map(([key, value]) => [key.slice("form.".length), value]));
const META = { format: "wego-membership-application-draft", version: 1 };
const SCHEMA = [
  { name: "city", kind: "text", label: "Official name", maxLength: 200 },
  { name: "phone", kind: "tel", label: "Telephone", maxLength: 40 },
  { name: "start", kind: "month", label: "Start of the term of office", maxLength: 7 },
];
const MAX_BYTES = 200;

/** DraftFiles over a form's data attributes, with every notice it gives recorded. */
function draftFiles() {
  const said = [];
  const form = { dataset: { filePrefix: "wego-application-draft", draftMaxBytes: String(MAX_BYTES) } };
  const files = new DraftFiles(form, {
    schema: SCHEMA, meta: META, messages: MESSAGES, say: (text, kind) => said.push([text, kind]),
  });
  return { files, said };
}

const draft = (fields, top = {}) => JSON.stringify({ ...META, fields, ...top });
const refused = (key, file, label = "") => [
  MESSAGES[`file.${key}`].replace("{file}", file).replace("{label}", label), "error",
];

test("a draft of this form is taken whole and nothing is said", async () => {
  const { files, said } = draftFiles();
  const fields = await files.read(new File([draft({ city: "Ульяновск" })], "draft.json"));
  assert.deepEqual(fields, { city: "Ульяновск", phone: "", start: "" });
  assert.deepEqual(said, []);
});

test("each bad file is refused with its own reason, naming the file (and the field)", async () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  const cases = [
    ["broken.json", '{"format": "wego-membership-application-draft", "fields": {', ["not_json"]],
    ["photo.json", png, ["not_json"]],
    ["list.json", "[1, 2, 3]", ["foreign"]],
    ["future.json", draft({ city: "X" }, { version: 2 }), ["foreign"]],
    ["extra.json", draft({ city: "X", password: "y" }), ["foreign"]],
    ["month.json", draft({ start: "soon" }), ["bad_value", "Start of the term of office"]],
    ["type.json", draft({ phone: 78422 }), ["bad_value", "Telephone"]],
    ["big.json", draft({ city: "X".repeat(MAX_BYTES) }), ["too_large"]],
  ];
  for (const [name, content, [key, label]] of cases) {
    const { files, said } = draftFiles();
    assert.equal(await files.read(new File([content], name)), null, name);
    assert.deepEqual(said, [refused(key, name, label)], name);
  }
});

test("a file name with markup is said as it is, for the page to show as text", async () => {
  const name = "<img src=x onerror=alert(1)>.json";
  const { files, said } = draftFiles();
  await files.read(new File(["{"], name));
  assert.ok(said[0][0].startsWith(`“${name}” was not loaded`), said[0][0]);
});
