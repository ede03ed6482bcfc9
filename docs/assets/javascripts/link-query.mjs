// A form's inputs in a page's link and back: the query a link carries, the fields a link
// gives, and which radio a linked value picks. Pure functions, so the fees page and the cities
// page read and write links by the same rules (tested in tests/js/link-query.test.mjs).

/**
 * The query string (with its "?", or "") for `fields`, in `names` order. A field left at the
 * form's default (`defaults`, e.g. the category checked in the markup) or empty stays out, so
 * the plain page's link stays plain. `normalised` holds numbers as the engine wrote them for a
 * link (`47404.96`), used for the `numberFields` the reader filled in.
 */
export function queryFor(names, fields, options = {}) {
  const params = new URLSearchParams();
  for (const name of names) {
    const value = linkValue(name, fields[name], options);
    if (value && value !== options.defaults?.[name]) params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

// A number the reader filled in goes into the link as the engine normalised it, if it did.
function linkValue(name, typed, { normalised = {}, numberFields = [] }) {
  if (!typed || !numberFields.includes(name)) return typed;
  return normalised?.[name] ?? typed;
}

/** The fields among `names` that the query string `search` carries, as written. */
export function fieldsFromSearch(names, search) {
  const params = new URLSearchParams(search);
  return Object.fromEntries(names.filter((name) => params.has(name)).map((name) => [name, params.get(name)]));
}

/**
 * Which radio value a linked value picks: itself when a radio has it, else the default (a
 * hand-edited link's `?category=bogus`, or no value at all, keeps the markup's choice).
 */
export function radioChoice(values, wanted, fallback) {
  return values.includes(wanted) ? wanted : fallback;
}

/** How many cities a list holds: its non-blank lines. */
export function listLength(text) {
  return String(text ?? "").split(/\r\n|\r|\n/).filter((line) => line.trim()).length;
}
