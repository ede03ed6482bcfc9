// A list too long for a link survives a reload of the tab; a link's own list wins over it.
import assert from "node:assert/strict";
import { test } from "node:test";

import { KEPT_LIST_KEY, keepList, keptList } from "../../docs/assets/javascripts/kept-list.mjs";

function memoryStorage(entries = {}) {
  const items = new Map(Object.entries(entries));
  return {
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => items.set(key, String(value)),
    removeItem: (key) => items.delete(key),
    items,
  };
}

const cities = (count) => Array.from({ length: count }, (_, n) => `C${n}; ${1000 + n}`).join("\n");

test("a list longer than a link holds is kept with every field as typed", () => {
  const storage = memoryStorage();
  const fields = { cities: cities(51), country: "Россия", gdp: "", category: "associate", approval_year: "2026" };
  assert.equal(keepList(storage, fields, 50), true);
  assert.deepEqual(keptList(storage, {}), fields);
});

test("a list a link can hold is not kept, and replaces a kept one", () => {
  const storage = memoryStorage({ [KEPT_LIST_KEY]: JSON.stringify({ cities: cities(60) }) });
  assert.equal(keepList(storage, { cities: cities(50) }, 50), false);
  assert.equal(storage.items.has(KEPT_LIST_KEY), false);
  assert.equal(keptList(storage, {}), null);
});

test("blank lines do not count towards the link's limit", () => {
  const storage = memoryStorage();
  assert.equal(keepList(storage, { cities: `${cities(50)}\n\n  \n` }, 50), false);
});

test("a link with a list wins over the kept one", () => {
  const storage = memoryStorage({ [KEPT_LIST_KEY]: JSON.stringify({ cities: cities(60) }) });
  assert.equal(keptList(storage, { cities: "Kazan; 1308660" }), null);
  assert.deepEqual(keptList(storage, { country: "RUS" }), { cities: cities(60) });
});

test("storage that refuses or holds something else keeps nothing, without an error", () => {
  const refusing = {
    getItem() { throw new Error("denied"); },
    setItem() { throw new Error("quota"); },
    removeItem() { throw new Error("denied"); },
  };
  assert.equal(keepList(refusing, { cities: cities(51) }, 50), false);
  assert.equal(keptList(refusing, {}), null);
  assert.equal(keptList(memoryStorage({ [KEPT_LIST_KEY]: "not json" }), {}), null);
  assert.equal(keptList(memoryStorage({ [KEPT_LIST_KEY]: "[1]" }), {}), null);
  assert.deepEqual(keptList(memoryStorage({ [KEPT_LIST_KEY]: '{"cities":"A; 1","gdp":5}' }), {}),
    { cities: "A; 1" });
});
