// The printed estimate: one dated A4 page built from the quote on screen, instead of the whole
// fees page. It holds what was entered (with the country and where its GDP figure comes from),
// the fee and its bands, warnings, the category note, the timeline and caveats, the date of
// printing, the estimate's address, and the line saying it is unofficial.
//
// Every sentence is the engine's (the quote record) or the form's data-messages; the date is
// written by the browser in the page's language. Text goes in with textContent only. The
// stylesheet shows this sheet, and nothing else, while <html> has the class wego-print-quote.
import { fillTemplate } from "./ui-text.mjs";

function node(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text) element.textContent = text;
  return element;
}

function row(list, term, value) {
  if (!value) return;
  list.append(node("dt", "", term), node("dd", "", value));
}

// The GDP figure and where it comes from: the World Bank's (as the field shows it) or the
// reader's own.
function gdpFigure(record, messages) {
  const source = record.gdp_source;
  if (source?.origin === "world_bank") return `${source.value_text} (${source.text})`;
  return `${record.gdp_per_capita_text} (${messages.print_gdp_typed})`;
}

/**
 * The print sheet for one quote record.
 * @param {{record: object, fields: object, country: string, lang: string,
 *          messages: object, url: string}} quote
 */
export function buildPrintSheet({ record, fields, country, lang, messages, url }) {
  const sheet = node("section", "wego-quote-print");
  sheet.lang = lang;
  sheet.append(node("h1", "", messages.print_title));
  const printed = new Intl.DateTimeFormat(lang, { dateStyle: "long" }).format(new Date());
  sheet.append(node("p", "wego-quote-print__date", fillTemplate(messages.print_date, { date: printed })));

  sheet.append(node("h2", "", messages.print_inputs));
  const inputs = node("dl", "wego-quote-print__inputs");
  row(inputs, messages.population, record.population_text);
  row(inputs, messages.print_country, country);
  row(inputs, messages.gdp, gdpFigure(record, messages));
  row(inputs, messages.category, record.category_text);
  row(inputs, messages.print_approval_year, fields.approval_year ? String(record.approval_year) : "");
  sheet.append(inputs);
  if (record.gdp_source?.origin === "world_bank") {
    sheet.append(node("p", "wego-quote-print__note", record.gdp_source.credit));
  }

  sheet.append(node("h2", "", messages.print_result));
  sheet.append(node("p", "wego-quote-print__fee", record.summary));
  for (const warning of record.warnings ?? []) {
    const paragraph = node("p", "wego-quote-print__warning", warning.message);
    paragraph.dataset.warningCode = warning.code;
    sheet.append(paragraph);
  }
  if (record.category !== "full") sheet.append(node("p", "", record.due_now_summary));
  sheet.append(node("p", "", record.population_band_text), node("p", "", record.gdp_band_text));
  sheet.append(node("p", "", `${record.category_text}: ${record.category_note}`));
  if (record.timeline) sheet.append(node("p", "", record.timeline));
  for (const caveat of record.caveats) sheet.append(node("p", "wego-quote-print__caveat", caveat));
  for (const note of record.notes ?? []) sheet.append(node("p", "wego-quote-print__note", note));

  const footer = node("footer", "wego-quote-print__footer");
  footer.append(
    node("p", "wego-quote-print__unofficial", messages.print_unofficial),
    node("p", "wego-quote-print__address", fillTemplate(messages.print_address, { url })),
  );
  sheet.append(footer);
  return sheet;
}
