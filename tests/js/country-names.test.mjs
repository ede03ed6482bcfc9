// The browser's country-name key against the fixture the build's match_key is tested on
// (tests/sitebuild/test_country_names.py): both sides must give every key.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { countryKey } from "../../docs/assets/javascripts/country-names.mjs";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/country-names.json", import.meta.url), "utf8"));

for (const { why, typed, key } of fixture.cases) {
  test(`countryKey: ${why}`, () => {
    assert.equal(countryKey(typed), key);
  });
}
