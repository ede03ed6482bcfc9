// Interface text from the build: data-messages read once, templates filled, counts in words.
import assert from "node:assert/strict";
import { test } from "node:test";

import { fillTemplate, pluralText, readMessages } from "../../docs/assets/javascripts/ui-text.mjs";

test("readMessages reads the component's data-messages and freezes them", () => {
  const messages = readMessages({ dataset: { messages: '{"ready":"Готово"}' } });
  assert.deepEqual(messages, { ready: "Готово" });
  assert.ok(Object.isFrozen(messages));
});

test("readMessages refuses a component without data-messages", () => {
  assert.throws(() => readMessages({ dataset: {} }), /data-messages/);
  assert.throws(() => readMessages(null), /data-messages/);
});

test("fillTemplate replaces every placeholder, each time it occurs", () => {
  assert.equal(fillTemplate("{a} and {b}, {a}", { a: 1, b: "two" }), "1 and two, 1");
});

test("fillTemplate leaves an unknown placeholder as written and inserts values as plain text", () => {
  assert.equal(fillTemplate("{known} {unknown}", { known: "<b>x</b>" }), "<b>x</b> {unknown}");
  assert.equal(fillTemplate("{toString}", {}), "{toString}");
});

const RU = {
  done_one: "{count} город",
  done_few: "{count} города",
  done_many: "{count} городов",
  done_other: "{count} города",
};

test("pluralText picks the Russian form for each count, 21 to 24 included", () => {
  const said = (count) => pluralText(RU, "done", count, "ru");
  assert.equal(said(1), "1 город");
  assert.equal(said(21), "21 город");
  assert.equal(said(22), "22 города");
  assert.equal(said(24), "24 города");
  assert.equal(said(25), "25 городов");
  assert.equal(said(11), "11 городов");
  assert.equal(said(111), "111 городов");
  // Just past the 50 cities a link holds, where the cities page says the count.
  assert.equal(said(51), "51 город");
  assert.equal(said(60), "60 городов");
});

test("pluralText picks the English form and falls back to _other", () => {
  const en = { done_one: "{count} city", done_other: "{count} cities" };
  assert.equal(pluralText(en, "done", 1, "en"), "1 city");
  assert.equal(pluralText(en, "done", 21, "en"), "21 cities");
  assert.equal(pluralText(en, "done", 51, "en"), "51 cities");
  assert.equal(pluralText({ done_other: "{count} of {max}" }, "done", 3, "ru", { max: 9 }), "3 of 9");
});
