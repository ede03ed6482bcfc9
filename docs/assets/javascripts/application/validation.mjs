// Checks of the form's fields: which catalogue message, if any, a value calls for. Pure
// functions (no DOM), tested by tests/js/application/validation.test.mjs. The DOM module adds
// what only the browser knows (a month picker's unparseable input).
import { MONTH } from "./values.mjs";

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
// + and the country code, then digits with the usual separators; an extension may follow as
// "ext. 123", "x123" or the Russian «доб. 123» (доп. too), which does not count as digits.
const TEL = /^\+[0-9][0-9 ()./-]*[0-9]$/;
const EXTENSION = /[\s,;]*(?:ext\.?|x|доб\.?|доп\.?)\s*(\d{1,6})$/iu;

export function emailOk(value) {
  return EMAIL.test(value);
}

/** An international number: +, 7 to 15 digits, an optional extension. */
export function telOk(value) {
  const number = value.replace(EXTENSION, "");
  const digits = number.replace(/\D/g, "").length;
  return TEL.test(number) && digits >= 7 && digits <= 15;
}

/** A web address with or without its scheme: www.example.org, https://example.org/x. */
export function websiteOk(value) {
  if (/\s/.test(value)) return false;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(candidate);
    return (url.protocol === "https:" || url.protocol === "http:") &&
      /^[^.]+(\.[^.]+)+$/.test(url.hostname);
  } catch {
    return false;
  }
}

/** A month, and a term's end after its start. */
function monthProblem(text, field, values) {
  if (!MONTH.test(text)) return "error.month";
  const start = field.after ? String(values[field.after] ?? "") : "";
  return MONTH.test(start) && text <= start ? "error.term_order" : "";
}

/** The format check of each kind that has one: (text, field, values) -> catalogue key or "". */
const FORMAT_CHECKS = new Map([
  ["email", (text) => (emailOk(text) ? "" : "error.email")],
  ["tel", (text) => (telOk(text) ? "" : "error.tel")],
  ["url", (text) => (websiteOk(text) ? "" : "error.url")],
  ["month", monthProblem],
]);

/**
 * The catalogue key of the problem with `value` in `field` ({kind, required, after, readOnly}),
 * or "" when it is fine. `values` holds the other fields' values (a term end is checked against
 * its start).
 */
export function problemOf(field, value, values = {}) {
  if (field.kind === "checkbox" || field.readOnly) return "";
  const text = String(value ?? "").trim();
  if (!text) return field.required ? "error.required" : "";
  return FORMAT_CHECKS.get(field.kind)?.(text, field, values) ?? "";
}
