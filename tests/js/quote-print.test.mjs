// The GDP figure on paper, as the engine's record gives it: a looked-up figure with its source,
// the reader's own figure marked as typed.
import assert from "node:assert/strict";
import { test } from "node:test";

import { gdpFigure } from "../../docs/assets/javascripts/quote-print.mjs";

test("a World Bank figure prints with its source and year", () => {
  const record = {
    gdp_per_capita_text: "47,404.96",
    gdp_source: { origin: "world_bank", value_text: "47,404.96", text: "World Bank, 2024" },
  };
  assert.equal(gdpFigure(record, "typed in by the reader"), "47,404.96 (World Bank, 2024)");
});

test("a typed figure prints as the engine read it, marked as the reader's", () => {
  assert.equal(gdpFigure({ gdp_per_capita_text: "5,000" }, "typed in by the reader"),
    "5,000 (typed in by the reader)");
  const overridden = { gdp_per_capita_text: "5 000", gdp_source: { origin: "reader", text: "Вы ввели ВВП" } };
  assert.equal(gdpFigure(overridden, "введено вручную"), "5 000 (введено вручную)");
});

test("no figure, nothing to print", () => {
  assert.equal(gdpFigure({}, "typed in by the reader"), "");
});
