// A list of cities too long for a link, kept in the tab's sessionStorage so that a reload does
// not lose it. A link holds at most the form's data-max-link-cities; past that the address
// carries nothing, and without this a reload would empty the form the reader filled.
// Pure functions over a Storage-like object (getItem, setItem, removeItem), so the rules are
// tested with `node --test` (tests/js/kept-list.test.mjs).
import { listLength } from "./link-query.mjs";

/** The sessionStorage key of the cities page's kept list. */
export const KEPT_LIST_KEY = "wego-cities-list";

/**
 * Keep `fields` (the form as typed) when their list is longer than `maxLinkCities`; forget any
 * kept list when the link can hold this one (the address has it then). Returns whether the
 * list is kept. Storage that refuses (private mode, full) keeps nothing and says so (false).
 */
export function keepList(storage, fields, maxLinkCities) {
  try {
    if (listLength(fields.cities) <= maxLinkCities) {
      storage.removeItem(KEPT_LIST_KEY);
      return false;
    }
    storage.setItem(KEPT_LIST_KEY, JSON.stringify(fields));
    return true;
  } catch {
    return false;
  }
}

/**
 * The kept fields, or null: when there are none, when they cannot be read, or when the page's
 * link carries a list of its own (a link with a list wins over storage).
 */
export function keptList(storage, linkedFields) {
  if ("cities" in linkedFields) return null;
  try {
    const fields = JSON.parse(storage.getItem(KEPT_LIST_KEY) ?? "null");
    const valid = fields && typeof fields === "object" && typeof fields.cities === "string";
    if (!valid) return null;
    return Object.fromEntries(Object.entries(fields).filter(([, value]) => typeof value === "string"));
  } catch {
    return null;
  }
}
