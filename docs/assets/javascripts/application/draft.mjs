// The draft: the form's values as one plain object, its file (download and load) and the copy
// kept in the browser's storage. Only `currentDraft` touches the page; the rest is pure and
// tested by tests/js/application/draft.test.mjs.
//
// A draft file is {format, version, saved_at, fields: {fieldName: value}}. A file is taken
// whole or not at all: `checkDraft` says what is wrong before anything is applied.
import { MONTH, normaliseMonth } from "./values.mjs";

/**
 * The form's current values as a plain object {fieldName: value}, in form order: text fields
 * as typed (strings; months as "YYYY-MM"), the "same as" checkbox as a boolean. Field names are
 * the `data-field` names declared in sitebuild/application_form.py (city_official_name,
 * mayor_email, …). For other modules that read the form (e.g. a document export): they get the
 * values without knowing the markup.
 *
 * @param {HTMLFormElement} form  the application form (#wego-application-form)
 * @returns {Record<string, string | boolean>}
 */
export function currentDraft(form) {
  const fields = {};
  for (const control of form.querySelectorAll("[data-field]")) {
    fields[control.dataset.field] = control.type === "checkbox" ? control.checked : control.value;
  }
  return fields;
}

/** The document written to a file and to storage. */
export function draftDocument(fields, { format, version }, now = new Date()) {
  return { format, version, saved_at: now.toISOString(), fields: { ...fields } };
}

/** The downloaded file's name: prefix and today's date, "wego-application-draft-2026-11-29.json". */
export function draftFileName(prefix, now = new Date()) {
  return `${prefix}-${now.toISOString().slice(0, 10)}.json`;
}

const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Check a parsed draft against the form's fields (`schema`: [{name, kind, label, maxLength}]).
 * Returns {fields} with a value for every field (absent ones empty), or {error, label} with
 * error "foreign" (not a draft of this form) or "bad_value" (the field `label` does not fit).
 * Months are read leniently ("8/2017" is taken as "2017-08").
 */
export function checkDraft(data, schema, { format, version }) {
  if (!isRecord(data) || data.format !== format || data.version !== version) {
    return { error: "foreign" };
  }
  const given = data.fields;
  if (!isRecord(given)) return { error: "foreign" };
  const known = new Set(schema.map((field) => field.name));
  if (Object.keys(given).some((name) => !known.has(name))) return { error: "foreign" };

  const fields = {};
  for (const field of schema) {
    const present = own(given, field.name);
    const bad = { error: "bad_value", label: field.label };
    if (field.kind === "checkbox") {
      if (present && typeof given[field.name] !== "boolean") return bad;
      fields[field.name] = present ? given[field.name] : false;
      continue;
    }
    let value = present ? given[field.name] : "";
    if (typeof value !== "string") return bad;
    if (field.maxLength > 0 && value.length > field.maxLength) return bad;
    if (field.kind === "month" && value !== "") {
      value = normaliseMonth(value);
      if (!MONTH.test(value)) return bad;
    }
    fields[field.name] = value;
  }
  return { fields };
}

/** A draft file's text, parsed and checked: {fields} or {error} ("not_json" when unreadable). */
export function readDraftText(text, schema, meta) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: "not_json" };
  }
  return checkDraft(data, schema, meta);
}
