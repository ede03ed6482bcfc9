// The draft: the form's values as one plain object, its file (download and load) and the copy
// kept in the browser's storage. Only `currentDraft` touches the page; the rest is pure and
// tested by tests/js/application/draft.test.mjs.
//
// A draft is {format, version, saved_at, fields: {fieldName: value}}. A file the reader picks
// is taken whole or not at all (`checkDraft` says what is wrong before anything is applied):
// refusing it loses nothing. The copy in the browser's storage is the reader's only copy, so it
// is salvaged field by field instead (`salvageDraft`): what fits is applied, the rest is named.
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

const checkboxValue = (value) => (typeof value === "boolean" ? { value } : { reason: "type" });

/**
 * One field's stored value as the form takes it: {value}, or {reason} when it does not fit:
 * "type" (not text, or not true/false for the checkbox), "too_long" (over the field's
 * maxlength) or "month" (not a month). Absent fields are empty. Months are read leniently
 * ("8/2017" is taken as "2017-08").
 */
function fieldValue(field, given) {
  if (field.kind === "checkbox") return checkboxValue(own(given, field.name) ? given[field.name] : false);
  const value = own(given, field.name) ? given[field.name] : "";
  if (typeof value !== "string") return { reason: "type" };
  if (field.maxLength > 0 && value.length > field.maxLength) return { reason: "too_long" };
  return field.kind === "month" ? monthValue(value) : { value };
}

function monthValue(value) {
  if (value === "") return { value };
  const month = normaliseMonth(value);
  return MONTH.test(month) ? { value: month } : { reason: "month" };
}

/**
 * What of a parsed draft the form can take, field by field (`schema`: [{name, kind, label,
 * maxLength}]). Returns {whole, fields, setAside}:
 * - whole: null, or why nothing can be taken: "foreign" (not a draft of this form) or
 *   "version" (a draft of another version of the form, whose fields may mean other things);
 * - fields: a value for every field of the form (a set-aside or absent one empty), or null;
 * - setAside: [{name, label, reason, max}] in form order, then names the form does not know
 *   (reason "unknown", their label the stored name), so the reader can be told what was left.
 */
export function salvageDraft(data, schema, { format, version }) {
  if (!isRecord(data) || data.format !== format || !isRecord(data.fields)) {
    return { whole: "foreign", fields: null, setAside: [] };
  }
  if (data.version !== version) return { whole: "version", fields: null, setAside: [] };
  const fields = {};
  const setAside = [];
  for (const field of schema) {
    const { value, reason } = fieldValue(field, data.fields);
    fields[field.name] = reason ? fieldValue(field, {}).value : value;
    if (reason) setAside.push({ name: field.name, label: field.label, reason, max: field.maxLength });
  }
  const known = new Set(schema.map((field) => field.name));
  for (const name of Object.keys(data.fields).filter((key) => !known.has(key))) {
    setAside.push({ name, label: name, reason: "unknown", max: 0 });
  }
  return { whole: null, fields, setAside };
}

/** A stored draft's text, salvaged as `salvageDraft` does; unreadable text is whole "not_json". */
export function salvageDraftText(text, schema, meta) {
  try {
    return salvageDraft(JSON.parse(text), schema, meta);
  } catch {
    return { whole: "not_json", fields: null, setAside: [] };
  }
}

/**
 * Check a parsed draft file: it is taken whole or not at all. Returns {fields} with a value for
 * every field, or {error, label} with error "foreign" (not a draft of this form or this
 * version, or a field the form does not know) or "bad_value" (the field `label` does not fit).
 */
export function checkDraft(data, schema, meta) {
  const { whole, fields, setAside } = salvageDraft(data, schema, meta);
  if (whole || setAside.some((item) => item.reason === "unknown")) return { error: "foreign" };
  if (setAside.length) return { error: "bad_value", label: setAside[0].label };
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
