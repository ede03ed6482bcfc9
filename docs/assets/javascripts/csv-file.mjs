// A table as a CSV file a spreadsheet opens correctly, and the download of such a file.
//
// Excel reads a CSV file as UTF-8 only when it starts with a byte order mark; without one,
// Cyrillic names come out garbled. Russian Excel splits columns on semicolons, English on
// commas, so the caller passes the delimiter of the page's language. A text cell that a
// spreadsheet would run as a formula (=, +, -, @ first) is kept as text with a leading
// apostrophe: a shared link can carry a list someone else wrote.

import { saveFile } from "./save-file.mjs";

const BOM = "\ufeff";
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as written, text quoted when it holds a delimiter, quote or line break. */
export function csvCell(value, delimiter) {
  if (typeof value === "number") return String(value);
  let text = String(value ?? "");
  if (FORMULA_START.test(text)) text = `'${text}`;
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text) || text.trim() !== text;
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows (arrays of cells) as CSV text with CRLF line ends, without the byte order mark. */
export function csvText(rows, delimiter) {
  return rows.map((row) => row.map((cell) => csvCell(cell, delimiter)).join(delimiter))
    .map((line) => `${line}\r\n`).join("");
}

/** Offer `text` as a UTF-8 file with a byte order mark, named `filename`. */
export function downloadCsv(filename, text) {
  saveFile(new Blob([BOM, text], { type: "text/csv;charset=utf-8" }), filename);
}
