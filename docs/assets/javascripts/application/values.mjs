// How the form's values are written and shown: months, clipped values, pasted text that did
// not fit. Pure functions on strings (no DOM), tested by tests/js/application/values.test.mjs.
import { fillTemplate } from "../ui-text.mjs";

/** A month as the form stores it: "2017-08". */
export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2017-08" -> "08/2017", in the order and with the separator of `template` ({month}, {year}). */
export function formatMonth(value, template) {
  const match = MONTH.exec(value);
  return match ? fillTemplate(template, { year: match[1], month: match[2] }) : value;
}

/** Lenient month input for browsers without a month picker: "8/2017", "08.2017", "2017-8". */
export function normaliseMonth(value) {
  const text = String(value).trim();
  let match = /^(\d{4})[-./ ](\d{1,2})$/.exec(text);
  if (match) return `${match[1]}-${match[2].padStart(2, "0")}`;
  match = /^(\d{1,2})[-./ ](\d{4})$/.exec(text);
  if (match) return `${match[2]}-${match[1].padStart(2, "0")}`;
  return text;
}

/** At most `limit` characters (not UTF-16 units), with "…" when cut. */
export function clip(text, limit) {
  const chars = Array.from(text);
  return chars.length > limit ? `${chars.slice(0, limit - 1).join("")}…` : text;
}

/** A multi-line value (the postal address) on one line, its lines joined by commas. */
export function oneLine(text) {
  return String(text).trim().replace(/\s*\n\s*/g, ", ");
}

/**
 * What a paste into a field with `maxLength` loses. The browser silently keeps only what fits
 * (the field's maxlength); this says how long the pasted text was, so the reader can be told.
 * Lengths are in UTF-16 units, as maxlength counts them, after the browser's own clean-up of
 * line breaks (a text area keeps one "\n" each, a one-line field drops them). Returns null when
 * everything fits.
 */
export function pasteOverflow({ value, selectionStart, selectionEnd, maxLength, pasted, multiline }) {
  if (!(maxLength > 0)) return null;
  const text = multiline ? pasted.replace(/\r\n?/g, "\n") : pasted.replace(/[\r\n]/g, "");
  const start = selectionStart ?? value.length;
  const end = selectionEnd ?? start;
  const room = maxLength - (value.length - (end - start));
  return text.length > room ? { max: maxLength, length: text.length } : null;
}
