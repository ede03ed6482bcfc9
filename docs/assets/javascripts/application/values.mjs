// How the form's values are written and shown: months, clipped values, pasted text that did
// not fit, characters no value keeps. Pure functions on strings (no DOM), tested by
// tests/js/application/values.test.mjs.
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

/**
 * Characters no typed value keeps, wherever it goes: the C0 controls but tab and the line
 * breaks, DEL, the C1 controls, the non-characters U+FFFE and U+FFFF, and unpaired surrogates.
 * They print as boxes, put "%00" and the like into the e-mail link, and XML 1.0 (a Word file)
 * cannot hold most of them. The form strips them as they are typed or pasted; the Word export
 * (application-docx/documents.mjs) strips them again from whatever it is given.
 */
const CONTROL_CHARACTERS =
  // A surrogate pair is matched first and kept whole; a surrogate left over is unpaired. (No
  // look-behind: Safari before 16.4 cannot parse it, and this module loads with the form.)
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\uD800-\uDFFF]/g;
const keepPairs = (match) => (match.length === 2 ? match : "");
/** Tab and line breaks: kept where a text area allows them, control characters elsewhere. */
const LINE_CONTROLS = /[\t\n\r]/g;

/**
 * `text` without the control characters above; a one-line value (`multiline: false`) loses its
 * tabs and line breaks too.
 */
export function stripControls(text, { multiline = true } = {}) {
  const kept = String(text ?? "").replace(CONTROL_CHARACTERS, keepPairs);
  return multiline ? kept : kept.replace(LINE_CONTROLS, "");
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
