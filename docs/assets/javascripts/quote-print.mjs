// The printed estimate: one dated A4 page built from the quote on screen, instead of the whole
// fees page. It holds what was entered (with the country and where its GDP figure comes from),
// the engine's result lines in the engine's order, its notes, the date of printing, the
// estimate's address, and the line saying it is unofficial.
//
// Every sentence is the engine's (the quote record) or the form's data-messages; the date is
// written by the browser in the page's language. Text goes in with textContent only. The
// stylesheet shows this sheet, and nothing else, while <html> has the class wego-print-quote.
import { element } from "./dom.mjs";
import { renderLines } from "./quote-lines.mjs";
import { fillTemplate } from "./ui-text.mjs";

const BLOCK = "wego-quote-print";

/** A `<dl>` of `[term, value]` pairs; a pair without a value is left out. */
export function definitionList(doc, className, pairs) {
  const list = element(doc, "dl", className);
  for (const [term, value] of pairs) {
    if (value) list.append(element(doc, "dt", "", term), element(doc, "dd", "", value));
  }
  return list;
}

/**
 * The GDP figure and where it comes from, as the engine's record gives it: a looked-up figure
 * with its source, else the reader's own figure marked `typedLabel` ("typed in by the reader").
 */
export function gdpFigure(record, typedLabel) {
  const source = record.gdp_source;
  if (source?.value_text) return `${source.value_text} (${source.text})`;
  return record.gdp_per_capita_text ? `${record.gdp_per_capita_text} (${typedLabel})` : "";
}

function inputs(doc, { record, fields, country, messages }) {
  return definitionList(doc, `${BLOCK}__inputs`, [
    [messages.population, record.population_text],
    [messages.print_country, country],
    [messages.gdp, gdpFigure(record, messages.print_gdp_typed)],
    [messages.category, record.category_text],
    [messages.print_approval_year, fields.approval_year ? String(record.approval_year) : ""],
  ]);
}

/**
 * The print sheet for one quote record.
 * @param {Document} doc
 * @param {{record: import("./records.mjs").QuoteRecord, fields: object, country: string,
 *          lang: string, messages: object, url: string}} quote
 */
export function buildPrintSheet(doc, quote) {
  const { record, lang, messages, url } = quote;
  const sheet = element(doc, "section", BLOCK);
  sheet.lang = lang;
  const printed = new Intl.DateTimeFormat(lang, { dateStyle: "long" }).format(new Date());
  sheet.append(
    element(doc, "h1", "", messages.print_title),
    element(doc, "p", `${BLOCK}__date`, fillTemplate(messages.print_date, { date: printed })),
    element(doc, "h2", "", messages.print_inputs),
    inputs(doc, quote),
  );
  // The record's contract: its lines in order, then its notes, then the data's credit.
  sheet.append(element(doc, "h2", "", messages.print_result), ...renderLines(doc, record.lines, BLOCK));
  for (const note of record.notes ?? []) sheet.append(element(doc, "p", `${BLOCK}__note`, note));
  if (record.gdp_source?.credit) sheet.append(element(doc, "p", `${BLOCK}__note`, record.gdp_source.credit));
  const footer = element(doc, "footer", `${BLOCK}__footer`);
  footer.append(
    element(doc, "p", `${BLOCK}__unofficial`, messages.print_unofficial),
    element(doc, "p", `${BLOCK}__address`, fillTemplate(messages.print_address, { url })),
  );
  sheet.append(footer);
  return sheet;
}
