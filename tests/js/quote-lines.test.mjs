// A record's lines as the reader sees them: one paragraph per line, in the record's order, its
// class from its kind, a warning's code kept; the spoken summary from the kinds that say it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { announcement, lineSpec, renderLines } from "../../docs/assets/javascripts/quote-lines.mjs";

const LINES = [
  { kind: "fee", text: "Annual fee: US$5,000" },
  { kind: "warning", text: "No city has so many residents", code: "population_above_largest_city" },
  { kind: "due_now", text: "Due now: US$0" },
  { kind: "population_band", text: "Population band: 500,000 to 1 million" },
  { kind: "gdp_band", text: "GDP band: US$20,000 to 30,000" },
  { kind: "category", text: "Associate Member: pays once approved." },
  { kind: "caveat", text: "This figure is an estimate" },
];

test("each kind has its class on screen and on paper", () => {
  assert.equal(lineSpec(LINES[0], "wego-quote").className, "wego-quote__fee");
  assert.equal(lineSpec(LINES[1], "wego-quote").className, "wego-quote__warning");
  assert.equal(lineSpec(LINES[2], "wego-quote").className, "wego-quote__due");
  assert.equal(lineSpec(LINES[3], "wego-quote").className, "wego-quote__band");
  assert.equal(lineSpec(LINES[5], "wego-quote").className, "wego-quote__category-note");
  assert.equal(lineSpec(LINES[6], "wego-quote-print").className, "wego-quote-print__caveat");
  assert.equal(lineSpec({ kind: "total", text: "" }, "wego-quote").className, "wego-quote__fee");
});

test("a warning keeps its code; every line says its kind", () => {
  const spec = lineSpec(LINES[1], "wego-quote");
  assert.equal(spec.dataset.warningCode, "population_above_largest_city");
  assert.equal(spec.dataset.code, "population_above_largest_city");
  assert.equal(lineSpec(LINES[4], "wego-quote").dataset.kind, "gdp_band");
  assert.equal(lineSpec(LINES[4], "wego-quote").dataset.code, undefined);
});

test("every kind the engine's record schema names has its own class", () => {
  const schemaUrl = new URL("../../calculator/schema/records.schema.json", import.meta.url);
  const schema = JSON.parse(readFileSync(schemaUrl, "utf8"));
  const kinds = schema.$defs.Line.properties.kind.enum;
  assert.ok(kinds.length > 10);
  for (const kind of kinds) {
    assert.notEqual(lineSpec({ kind, text: "" }, "wego-quote").className, "wego-quote__line", kind);
  }
});

test("a kind this script does not know yet is still shown, with a neutral class", () => {
  const spec = lineSpec({ kind: "something_new", text: "A new sentence" }, "wego-quote");
  assert.equal(spec.className, "wego-quote__line");
  assert.equal(spec.text, "A new sentence");
});

// Just enough of a document for renderLines: elements with a class, text and dataset.
const fakeDocument = { createElement: (tag) => ({ tag, className: "", textContent: "", dataset: {} }) };

test("renderLines gives one paragraph per line, in the record's order, as text", () => {
  const nodes = renderLines(fakeDocument, [...LINES, { kind: "caveat", text: "<b>not HTML</b>" }], "wego-quote");
  assert.deepEqual(nodes.map((node) => node.tag), Array(LINES.length + 1).fill("p"));
  assert.deepEqual(nodes.map((node) => node.textContent).slice(0, LINES.length), LINES.map((l) => l.text));
  assert.equal(nodes.at(-1).textContent, "<b>not HTML</b>");
});

test("the spoken summary: fee, warnings and bands, each a sentence", () => {
  assert.equal(announcement(LINES),
    "Annual fee: US$5,000. No city has so many residents. Population band: 500,000 to 1 million. " +
    "GDP band: US$20,000 to 30,000.");
});
