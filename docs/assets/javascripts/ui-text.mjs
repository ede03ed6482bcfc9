// Interface text handed from the build to page scripts, and the one way to fill it in.
//
// The build writes a component's strings, in the page's language, as one JSON object in the
// component's `data-messages` attribute. A template's `{name}` placeholders are filled from a
// plain object; every placeholder is replaced, not only the first. A message about a count
// comes in one key per plural category (`done_one`, `done_few`, `done_many`, `done_other`), so
// Russian says «21 город», «22 города», «25 городов». Scripts put the result on the page with
// textContent only, so nothing a reader typed is ever read as HTML.

/** The strings of one component: the JSON object in `element.dataset.messages`. */
export function readMessages(element) {
  const raw = element?.dataset?.messages;
  if (!raw) throw new Error("no data-messages on the component");
  return Object.freeze(JSON.parse(raw));
}

/** `template` with each `{name}` replaced by `values[name]`; unknown names stay as written. */
export function fillTemplate(template, values = {}) {
  return String(template).replace(/\{(\w+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole);
}

/**
 * The message `key` for `count` in `lang`: `<key>_<plural category>` (Intl.PluralRules), else
 * `<key>_other`, with `{count}` and the other `values` filled in.
 */
export function pluralText(messages, key, count, lang, values = {}) {
  const category = new Intl.PluralRules(lang).select(count);
  const template = messages[`${key}_${category}`] ?? messages[`${key}_other`] ?? "";
  return fillTemplate(template, { ...values, count });
}
