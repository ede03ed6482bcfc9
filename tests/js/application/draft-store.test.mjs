// The draft in the browser's storage: saved as typed, and a stored draft that does not fit
// whole set aside untouched, never overwritten, until the reader discards it.
import assert from "node:assert/strict";
import { test } from "node:test";

import { DraftStore, setAsideKey } from "../../../docs/assets/javascripts/application/draft-store.mjs";

const KEY = "wego-application-draft-v1";
const ASIDE = "wego-application-draft-v1-set-aside";
const META = { format: "wego-membership-application-draft", version: 1 };
const SCHEMA = [
  { name: "city", kind: "text", label: "City", maxLength: 200 },
  { name: "postcode", kind: "text", label: "Postcode", maxLength: 20 },
];
const NOW = new Date("2026-12-06T10:00:00Z");

/** localStorage as a Map; `refuse` makes every write throw, as a full or blocked storage does. */
class FakeStorage {
  constructor(items = {}, { refuse = false } = {}) {
    this.items = new Map(Object.entries(items));
    this.refuse = refuse;
  }

  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }

  setItem(key, value) {
    if (this.refuse) throw new Error("QuotaExceededError");
    this.items.set(key, String(value));
  }

  removeItem(key) {
    this.items.delete(key);
  }
}

const draftText = (fields) => JSON.stringify({ ...META, saved_at: "x", fields });
const open = (storage) => new DraftStore(storage, { key: KEY, schema: SCHEMA, meta: META });

test("the set-aside copy has its own key beside the draft's", () => {
  assert.equal(setAsideKey(KEY), ASIDE);
});

test("a draft that fits loads whole and nothing is set aside", () => {
  const storage = new FakeStorage({ [KEY]: draftText({ city: "Казань" }) });
  assert.deepEqual(open(storage).load(), { fields: { city: "Казань", postcode: "" }, aside: null });
  assert.equal(storage.getItem(ASIDE), null);
});

test("nothing stored: nothing to apply, nothing set aside", () => {
  assert.deepEqual(open(new FakeStorage()).load(), { fields: null, aside: null });
  assert.deepEqual(open(null).load(), { fields: null, aside: null });
});

test("a draft with a bad field: the rest applies, the original text is set aside untouched", () => {
  const original = draftText({ city: "Казань", postcode: "1".repeat(21) });
  const storage = new FakeStorage({ [KEY]: original });
  const store = open(storage);
  const { fields, aside } = store.load();
  assert.deepEqual(fields, { city: "Казань", postcode: "" });
  assert.equal(aside.text, original);
  assert.deepEqual(aside.setAside.map((item) => item.name), ["postcode"]);
  assert.equal(storage.getItem(ASIDE), original);

  assert.equal(store.save({ city: "Казань!", postcode: "" }, NOW), true);
  assert.equal(storage.getItem(ASIDE), original);
  assert.deepEqual(JSON.parse(storage.getItem(KEY)).fields, { city: "Казань!", postcode: "" });
  assert.equal(open(storage).load().aside.text, original, "still offered after a reload");
});

test("an unreadable draft is set aside whole", () => {
  const storage = new FakeStorage({ [KEY]: "{broken" });
  const { fields, aside } = open(storage).load();
  assert.equal(fields, null);
  assert.deepEqual(aside, { text: "{broken", whole: "not_json", fields: null, setAside: [] });
  assert.equal(storage.getItem(ASIDE), "{broken");
});

test("discarding removes the set-aside copy only", () => {
  const storage = new FakeStorage({ [KEY]: "{broken" });
  const store = open(storage);
  store.load();
  store.save({ city: "Казань", postcode: "" }, NOW);
  store.discardAside();
  assert.equal(storage.getItem(ASIDE), null);
  assert.equal(open(storage).load().aside, null);
  assert.deepEqual(open(storage).load().fields, { city: "Казань", postcode: "" });
});

test("'Start again' deletes the draft and keeps the set-aside copy", () => {
  const storage = new FakeStorage({ [KEY]: "{broken" });
  const store = open(storage);
  store.load();
  store.clear();
  assert.equal(storage.getItem(KEY), null);
  assert.equal(storage.getItem(ASIDE), "{broken");
});

test("a draft that cannot be set aside is held: saving waits rather than overwrite it", () => {
  const storage = new FakeStorage({ [KEY]: "{broken" }, { refuse: true });
  const store = open(storage);
  assert.equal(store.load().aside.text, "{broken");
  assert.equal(store.save({ city: "x", postcode: "" }, NOW), false);
  store.clear();
  assert.equal(storage.getItem(KEY), "{broken");
  store.discardAside();
  assert.equal(store.aside(), null);
});

test("a second bad draft never replaces an earlier set-aside copy; each is shown in turn", () => {
  const first = draftText({ city: "A", extra: 1 });
  const second = draftText({ city: "B", other: 2 });
  const storage = new FakeStorage({ [KEY]: second, [ASIDE]: first });
  const store = open(storage);
  assert.equal(store.load().aside.text, second);
  assert.equal(store.save({ city: "B", postcode: "" }, NOW), false);
  store.discardAside();
  assert.equal(store.aside().text, first);
  assert.equal(store.save({ city: "B", postcode: "" }, NOW), true);
  assert.equal(storage.getItem(ASIDE), first);
});
