// The comparison key of a country name as a reader types it: case, accents and other combining
// marks (so "ё" and "е"), apostrophe and dash forms, dots and runs of any kind of space do not
// matter. The same rule as match_key() in sitebuild/country_names.py, which builds the names
// the page offers; both run against tests/fixtures/country-names.json so they cannot drift.

const APOSTROPHES = /[\u2018\u2019\u02bc\u02b9\u0060\u00b4\u2032]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
// JavaScript's \s, spelled out as in the Python twin (whose own idea of a space differs).
const SPACES = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;

/** The key two names share when a reader means the same country by them. */
export function countryKey(text) {
  return String(text ?? "")
    .normalize("NFD")
    .toLowerCase()
    .replace(/\p{M}/gu, "")
    .replace(APOSTROPHES, "'")
    .replace(DASHES, "-")
    .replaceAll(".", "")
    .replace(SPACES, " ")
    .replace(/^ | $/g, "");
}
