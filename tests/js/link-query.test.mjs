// The link's rules, shared by the fees page and the cities page: what a link carries, what a
// link gives back, and which category a hand-edited link picks.
import assert from "node:assert/strict";
import { test } from "node:test";

import { fieldsFromSearch, listLength, queryFor, radioChoice } from "../../docs/assets/javascripts/link-query.mjs";

const NAMES = ["population", "country", "gdp", "category", "approval_year"];

test("queryFor writes the filled fields in form order and leaves out empty ones", () => {
  const fields = { gdp: "28 000", population: "613786", country: "", category: "associate", approval_year: "" };
  assert.equal(queryFor(NAMES, fields), "?population=613786&gdp=28+000&category=associate");
});

test("queryFor leaves out a field at the form's default, so the plain page's link stays plain", () => {
  const fields = { population: "", country: "", gdp: "", category: "full", approval_year: "" };
  assert.equal(queryFor(NAMES, fields, { defaults: { category: "full" } }), "");
});

test("queryFor writes the reader's numbers as the engine normalised them", () => {
  const fields = { population: "613 786", gdp: "47 404,96", category: "full" };
  const options = { normalised: { population: "613786", gdp: "47404.96" }, numberFields: ["population", "gdp"] };
  assert.equal(queryFor(NAMES, fields, { ...options, defaults: { category: "full" } }),
    "?population=613786&gdp=47404.96");
});

test("queryFor keeps a number as typed when the engine did not normalise it (an error)", () => {
  const fields = { population: "12abc", gdp: "" };
  assert.equal(queryFor(NAMES, fields, { normalised: undefined, numberFields: ["population", "gdp"] }),
    "?population=12abc");
});

test("queryFor encodes a list of cities with its line breaks and separators", () => {
  const query = queryFor(["cities"], { cities: "Казань; 1 308 660\nЕлабуга; 74 000" });
  assert.equal(new URLSearchParams(query).get("cities"), "Казань; 1 308 660\nЕлабуга; 74 000");
});

test("fieldsFromSearch reads only the form's fields, as written, and only those present", () => {
  const fields = fieldsFromSearch(NAMES, "?population=613786&gdp=47404.96&utm_source=mail&category=bogus");
  assert.deepEqual(fields, { population: "613786", gdp: "47404.96", category: "bogus" });
  assert.deepEqual(fieldsFromSearch(NAMES, ""), {});
});

test("fieldsFromSearch and queryFor round-trip a link", () => {
  const query = "?population=613786&country=RUS&category=associate&approval_year=2025";
  assert.equal(queryFor(NAMES, fieldsFromSearch(NAMES, query)), query);
});

test("radioChoice takes a linked value a radio has, else the default", () => {
  const values = ["full", "associate"];
  assert.equal(radioChoice(values, "associate", "full"), "associate");
  assert.equal(radioChoice(values, "bogus", "full"), "full");
  assert.equal(radioChoice(values, undefined, "full"), "full");
  assert.equal(radioChoice(values, "Associate", "full"), "full");
});

test("listLength counts the non-blank lines, whatever their line ends", () => {
  assert.equal(listLength("a; 1\r\nb; 2\r\n\n   \rc; 3\n"), 3);
  assert.equal(listLength(""), 0);
});
