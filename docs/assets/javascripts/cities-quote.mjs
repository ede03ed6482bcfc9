// The several-cities page: a pasted list of cities to one table of fees and a total.
//
// The whole list goes to the Python engine (the fees page's worker) in one request; the engine
// reads the lines, quotes each city, totals them and says what to show. The shared form logic
// is quote-form.mjs; this module adds what is the page's own: the table (cities-table.mjs),
// the bad lines by number, the link (up to the form's data-max-link-cities; a longer list is
// kept in the tab's sessionStorage instead, kept-list.mjs), the CSV file, the example link and
// printing (with the country and the GDP figure the list was quoted for). Texts come from the form's data-messages and the engine's record,
// inserted with textContent only.
import { buildTable, csvRows } from "./cities-table.mjs";
import { csvText, downloadCsv } from "./csv-file.mjs";
import { element } from "./dom.mjs";
import { keepList, keptList } from "./kept-list.mjs";
import { fieldsFromSearch, listLength, queryFor } from "./link-query.mjs";
import { QuoteForm, startAll, startEngine } from "./quote-form.mjs";
import { announcement, renderLines } from "./quote-lines.mjs";
import { definitionList, gdpFigure } from "./quote-print.mjs";

const FIELDS = ["cities", "country", "gdp", "category", "approval_year"];
// After a result (or an error), edits re-quote once the reader pauses.
const REQUOTE_DELAY_MS = 400;

export class CitiesQuote {
  /** @param {HTMLFormElement} root  the `#multi-quote` form  @param {Window} win */
  constructor(root, win, createEngine) {
    this.root = root;
    this.form = new QuoteForm(root, { window: win, fieldNames: FIELDS, createEngine, page: this });
    this.result = this.form.result;
    this.maxLinkCities = Number(root.dataset.maxLinkCities);
    this.example = root.querySelector('[data-action="example"]');
    this.restoredNote = root.querySelector("[data-restored]");
    this.record = null;
    this.fields = null;
    this.timer = null;
  }

  init() {
    this.form.link.listen();
    this.bind();
    const linked = this.form.linkedFields();
    const kept = keptList(this.storage(), linked);
    if ("cities" in linked) this.load(linked, true);
    else if (kept) this.restore(kept);
  }

  // The tab's sessionStorage, or null where the browser refuses it (kept-list.mjs copes).
  storage() {
    try {
      return this.form.window.sessionStorage;
    } catch {
      return null;
    }
  }

  // The form as typed, in the tab's storage while the link cannot hold its list.
  keep() {
    keepList(this.storage(), this.form.typedFields(), this.maxLinkCities);
  }

  // A list too long for the link, back after a reload: in the form, quoted, and said so.
  restore(fields) {
    this.load(fields, true);
    const count = listLength(fields.cities);
    this.restoredNote.textContent = this.form.plural("restored", count, { max: this.maxLinkCities });
    this.restoredNote.hidden = false;
  }

  bind() {
    // Pyodide starts only when the reader turns to the form (or a link brings a list).
    this.root.addEventListener("focusin", () => this.form.start(), { once: true });
    // After a result or an error, an edit re-quotes, so no message outlives the fields it
    // was about.
    // A list too long for the link is kept at every edit, so a reload loses nothing typed.
    const edited = () => {
      this.form.start();
      this.keep();
      clearTimeout(this.timer);
      if (this.record || this.form.problem) this.timer = setTimeout(() => this.ask(), REQUOTE_DELAY_MS);
    };
    this.root.addEventListener("input", edited);
    this.root.addEventListener("change", edited);
    this.root.elements.namedItem("cities").addEventListener("input", () => {
      this.restoredNote.hidden = true; // the list is the reader's again, not the kept one
    });
    this.root.addEventListener("submit", (event) => {
      event.preventDefault();
      this.form.start();
      this.form.revealNextResult();
      this.ask();
    });
    this.example.addEventListener("click", (event) => {
      event.preventDefault();
      this.load(fieldsFromSearch(FIELDS, new URL(this.example.href, this.form.document.baseURI).search));
      this.root.elements.namedItem("cities").focus();
    });
    this.form.bindActions({
      "copy-link": () => this.copyLink(),
      "download-csv": () => this.downloadCsv(),
      print: () => this.form.window.print(),
    });
  }

  ask() {
    clearTimeout(this.timer);
    this.form.request();
  }

  // Fill the form from a link's (or the example's, or the tab's kept) fields and quote them;
  // `reveal`: bring the result into view once it comes (a link opened, not the example).
  load(fields, reveal = false) {
    this.form.fill(fields);
    if (reveal) this.form.revealNextResult();
    this.form.start();
    this.ask();
  }

  // QuoteForm's page: the whole list in one request.
  request(fields) {
    const { cities, ...shared } = fields;
    this.form.say(this.form.message("working"));
    return { cities, fields: shared };
  }

  // QuoteForm's page: the engine's answer.
  show(record, fields) {
    this.fields = fields;
    this.form.link.write(this.query(fields) ?? "");
    this.keep();
    if (record.error) this.form.showError(record.error);
    else this.showResult(record);
  }

  // The link's query while a link can hold the list, else null.
  query(fields) {
    if (listLength(fields.cities) > this.maxLinkCities) return null;
    return queryFor(FIELDS, fields, { defaults: this.form.defaults() });
  }

  // QuoteForm's page: no result on screen.
  clear() {
    this.record = null;
    this.result.hidden = true;
    this.result.replaceChildren();
  }

  errorList(errors) {
    const doc = this.form.document;
    const heading = element(doc, "p", "wego-multi__errors-heading", this.form.message("errors_heading"));
    heading.id = "multi-quote-errors-heading";
    const list = element(doc, "ul", "wego-multi__errors");
    list.setAttribute("aria-labelledby", heading.id);
    for (const error of errors) {
      const item = element(doc, "li", "wego-quote__error", error.text);
      Object.assign(item.dataset, { line: String(error.line), errorCode: error.code });
      list.append(item);
    }
    return [heading, list];
  }

  showResult(record) {
    const doc = this.form.document;
    this.form.clearErrors();
    this.clear();
    const dated = new Intl.DateTimeFormat(this.form.lang, { dateStyle: "long" }).format(new Date());
    this.result.replaceChildren(
      buildTable(doc, record, this.form.message("caption")),
      ...renderLines(doc, record.lines, "wego-quote"),
      ...(record.errors.length ? this.errorList(record.errors) : []),
      this.printedInputs(record),
      element(doc, "p", "wego-multi__unofficial", this.form.message("unofficial")),
      element(doc, "p", "wego-multi__dated", this.form.message("printed_on", { date: dated })),
    );
    this.result.dataset.totalUsd = String(record.total_usd);
    this.result.hidden = false;
    this.record = record;
    const done = this.form.plural("done", record.cities.length);
    this.form.say([done, announcement(record.lines)].filter(Boolean).join(" "));
  }

  // On paper only: the country as the picker names it and the GDP figure as the engine read
  // it (marked when the reader typed it), which the form above the table says on screen.
  printedInputs(record) {
    const messages = this.form.messages;
    return definitionList(this.form.document, "wego-multi__inputs", [
      [messages.print_country, this.form.picker.pickedName()],
      [messages.print_gdp, gdpFigure(record, messages.print_gdp_typed)],
    ]);
  }

  async copyLink() {
    if (!this.record) return this.form.say(this.form.message("nothing_to_save"));
    const query = this.query(this.fields);
    if (query === null) {
      const count = listLength(this.fields.cities);
      return this.form.say(this.form.message("link_too_long", { max: this.maxLinkCities, count }));
    }
    const url = new URL(`${this.form.window.location.pathname}${query}`, this.form.window.location.href);
    await this.form.copy(url.href);
  }

  downloadCsv() {
    if (!this.record) return this.form.say(this.form.message("nothing_to_save"));
    const today = new Date().toISOString().slice(0, 10);
    const filename = this.form.message("csv_file", { date: today });
    downloadCsv(filename, csvText(csvRows(this.record), this.form.message("csv_delimiter")));
  }
}

/** Start the cities form on every `form#multi-quote` of `doc` not started yet. */
export function initAll(doc = document, win = window) {
  startAll(doc, "form#multi-quote", (root) => new CitiesQuote(root, win, startEngine).init());
}
