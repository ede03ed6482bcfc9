// The several-cities page: a pasted list of cities to one table of fees and a total.
//
// The whole list goes to the Python engine (the fees page's worker) in one request; the engine
// reads the lines, quotes each city and totals them, and this module only shows its record:
// a table with one row per city, the total, the bad lines by number, the caveats. It also
// keeps the list in the page's link (up to the form's data-max-link-cities), writes the CSV
// file and prints. Texts come from the form's data-messages and the engine's record, and are
// inserted with textContent only: nothing typed or linked is ever read as HTML.
import { createQuoteClient } from "./quote-client.mjs";
import { attachCountryPicker } from "./country-picker.mjs";
import { fillTemplate, readMessages } from "./ui-text.mjs";
import { csvText, downloadCsv } from "./csv-file.mjs";
import { clearFieldErrors, showFieldError } from "./field-errors.mjs";
import { latestAnswer } from "./latest-answer.mjs";

const FIELDS = ["cities", "country", "gdp", "category", "approval_year"];
// After a first result, edits re-quote once the reader pauses.
const REQUOTE_DELAY_MS = 400;
let client = null; // one worker per document, shared across instant-navigation page swaps

function engine() {
  if (!client) client = createQuoteClient(new URL("./quote-worker.mjs", import.meta.url));
  return client;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function formFields(form) {
  const data = new FormData(form);
  return Object.fromEntries(FIELDS.map((name) => [name, String(data.get(name) ?? "")]));
}

function fieldsFrom(search) {
  const params = new URLSearchParams(search);
  return Object.fromEntries(FIELDS.filter((n) => params.has(n)).map((n) => [n, params.get(n)]));
}

function fillForm(form, fields) {
  for (const [name, value] of Object.entries(fields)) {
    const control = form.elements.namedItem(name);
    if (control instanceof RadioNodeList) {
      for (const radio of control) radio.checked = radio.value === value;
    } else if (control) {
      control.value = value;
    }
  }
}

function listLength(text) {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim()).length;
}

function queryFor(fields) {
  const params = new URLSearchParams();
  for (const name of FIELDS) {
    if (fields[name] && !(name === "category" && fields[name] === "full")) {
      params.set(name, fields[name]);
    }
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

class MultiQuote {
  constructor(form) {
    this.form = form;
    this.lang = form.dataset.lang;
    this.messages = readMessages(form);
    this.maxLinkCities = Number(form.dataset.maxLinkCities);
    this.list = form.elements.namedItem("cities");
    this.status = form.querySelector("[data-status]");
    this.result = form.querySelector("#multi-quote-result");
    this.example = form.querySelector('[data-action="example"]');
    this.picker = attachCountryPicker(form);
    this.record = null;
    this.fields = null;
    this.started = false;
    this.wanted = false;
    this.inFlight = false;
    this.dirty = false;
    this.timer = null;
  }

  say(text) {
    this.status.hidden = !text;
    this.status.textContent = text || "";
  }

  button(action) {
    return this.form.querySelector(`[data-action="${action}"]`);
  }

  // Pyodide starts only when the reader turns to the form (or a link brings a list).
  start() {
    if (this.started) return;
    this.started = true;
    this.say(this.messages.loading);
    this.form.setAttribute("aria-busy", "true");
    engine().ready.then(
      () => {
        this.form.removeAttribute("aria-busy");
        this.form.dataset.engine = "ready";
        this.say(this.messages.ready);
        if (this.wanted) this.request();
      },
      () => {
        this.form.removeAttribute("aria-busy");
        this.form.dataset.engine = "failed";
        this.say(this.messages.failed);
      },
    );
  }

  bind() {
    this.form.addEventListener("focusin", () => this.start(), { once: true });
    const edited = () => {
      this.start();
      clearTimeout(this.timer);
      if (this.record) this.timer = setTimeout(() => this.request(), REQUOTE_DELAY_MS);
    };
    this.form.addEventListener("input", edited);
    this.form.addEventListener("change", edited);
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.start();
      this.request();
    });
    this.example.addEventListener("click", (event) => {
      event.preventDefault();
      this.load(fieldsFrom(new URL(this.example.href, document.baseURI).search));
      this.list.focus();
    });
    for (const action of ["copy-link", "download-csv", "print"]) this.button(action).hidden = false;
    this.button("copy-link").addEventListener("click", () => this.copyLink());
    this.button("download-csv").addEventListener("click", () => this.downloadCsv());
    this.button("print").addEventListener("click", () => window.print());
  }

  // Fill the form from a link's (or the example's) fields and quote them.
  load(fields) {
    fillForm(this.form, { category: "full", ...fields });
    this.picker.restore(fields);
    this.start();
    this.request();
  }

  startFromLink() {
    const fields = fieldsFrom(window.location.search);
    if ("cities" in fields) this.load(fields);
  }

  request() {
    clearTimeout(this.timer);
    if (this.form.dataset.engine !== "ready") {
      this.wanted = true;
      return;
    }
    if (this.inFlight) {
      this.dirty = true;
      return;
    }
    this.quote();
  }

  async quote() {
    this.dirty = false;
    const fields = this.picker.fields(formFields(this.form), true);
    const { cities, ...shared } = fields;
    this.say(this.messages.working);
    const send = () => engine().ask({ lang: this.lang, cities, fields: shared });
    const record = await latestAnswer(this, send, this.messages.failed);
    if (!record) return;
    this.fields = fields;
    this.keepInLink(fields);
    this.picker.showSource(record);
    if (record.error) this.showError(record.error);
    else this.showResult(record);
  }

  // The address bar carries the list while a link can hold it.
  keepInLink(fields) {
    const fits = listLength(fields.cities) <= this.maxLinkCities;
    const query = fits ? queryFor(fields) : "";
    window.history.replaceState(window.history.state, "", `${window.location.pathname}${query}`);
  }

  clearErrors() {
    clearFieldErrors(this.form);
  }

  clearResult() {
    this.record = null;
    this.result.hidden = true;
    this.result.replaceChildren();
  }

  showError(error) {
    this.clearErrors();
    this.clearResult();
    showFieldError(this.form, error);
    this.say(error.message);
  }

  table(record) {
    const { columns } = record;
    const table = element("table", "wego-multi__table");
    table.append(element("caption", "", this.messages.caption));
    // The caveat column only when a city has one (an estimated or off-step cell).
    const withCaveats = record.cities.some((city) => city.needs_confirmation);
    const keys = ["name", "population", "band", "fee", ...(withCaveats ? ["caveat"] : [])];
    const head = element("tr");
    for (const key of keys) {
      const th = element("th", `wego-multi__col-${key}`, columns[key]);
      th.scope = "col";
      head.append(th);
    }
    table.append(element("thead"));
    table.tHead.append(head);
    const body = element("tbody");
    for (const city of record.cities) {
      const row = element("tr");
      row.dataset.city = city.name;
      row.dataset.line = String(city.line);
      row.dataset.feeUsd = String(city.fee_usd);
      const name = element("th", "", city.name);
      name.scope = "row";
      row.append(
        name,
        element("td", "wego-multi__number", city.population_text),
        element("td", "", city.population_band.label),
        element("td", "wego-multi__number", city.fee_text),
      );
      if (withCaveats) row.append(element("td", "", city.needs_confirmation ? city.provenance_text : ""));
      body.append(row);
    }
    table.append(body);
    const total = element("tr");
    total.dataset.totalUsd = String(record.total_usd);
    const label = element("th", "", this.messages.total_label);
    label.scope = "row";
    label.colSpan = 3;
    total.append(label, element("td", "wego-multi__number", record.total_text));
    if (withCaveats) total.append(element("td"));
    table.append(element("tfoot"));
    table.tFoot.append(total);
    return table;
  }

  showResult(record) {
    this.clearErrors();
    this.clearResult();
    const parts = [element("p", "wego-quote__fee", record.total_summary), this.table(record)];
    if (record.category && record.category !== "full") {
      parts.push(element("p", "wego-quote__due",
        fillTemplate(this.messages.due_now, { amount: record.total_due_now_text })));
    }
    if (record.errors.length) {
      parts.push(element("p", "wego-multi__left-out", record.left_out_text));
      const heading = element("p", "wego-multi__errors-heading", this.messages.errors_heading);
      heading.id = "multi-quote-errors-heading";
      const list = element("ul", "wego-multi__errors");
      list.setAttribute("aria-labelledby", heading.id);
      for (const error of record.errors) {
        const item = element("li", "wego-quote__error", error.text);
        item.dataset.line = String(error.line);
        item.dataset.errorCode = error.code;
        list.append(item);
      }
      parts.push(heading, list);
    }
    if (record.cities.length) {
      const source = record.gdp_source;
      if (source && source.origin === "world_bank") {
        parts.push(element("p", "wego-quote__band", source.figure_text));
      }
      parts.push(
        element("p", "wego-quote__band", record.gdp_band_text),
        element("p", "wego-quote__category-note", `${record.category_text}: ${record.category_note}`),
      );
      if (record.timeline) parts.push(element("p", "wego-quote__timeline", record.timeline));
    }
    for (const caveat of record.caveats) parts.push(element("p", "wego-quote__caveat", caveat));
    const dated = new Intl.DateTimeFormat(this.lang, { dateStyle: "long" }).format(new Date());
    parts.push(
      element("p", "wego-multi__unofficial", this.messages.unofficial),
      element("p", "wego-multi__dated", fillTemplate(this.messages.printed_on, { date: dated })),
    );
    this.result.replaceChildren(...parts);
    this.result.dataset.totalUsd = String(record.total_usd);
    this.result.hidden = false;
    this.record = record;
    const done = fillTemplate(this.messages.done, { count: record.cities.length });
    this.say([done, record.total_summary, record.left_out_text].filter(Boolean).join(" "));
  }

  async copyLink() {
    if (!this.record || !this.fields) {
      this.say(this.messages.nothing_to_save);
      return;
    }
    const count = listLength(this.fields.cities);
    if (count > this.maxLinkCities) {
      this.say(fillTemplate(this.messages.link_too_long, { max: this.maxLinkCities, count }));
      return;
    }
    const url = new URL(`${window.location.pathname}${queryFor(this.fields)}`, window.location.href);
    try {
      await navigator.clipboard.writeText(url.href);
      this.say(this.messages.link_copied);
    } catch {
      this.say(this.messages.copy_failed);
    }
  }

  downloadCsv() {
    const record = this.record;
    if (!record) {
      this.say(this.messages.nothing_to_save);
      return;
    }
    const keys = ["name", "population", "band", "fee", "caveat"];
    const rows = [keys.map((key) => record.columns[key])];
    for (const city of record.cities) {
      rows.push([
        city.name,
        city.population,
        city.population_band.label,
        city.fee_usd,
        city.needs_confirmation ? city.provenance_text : "",
      ]);
    }
    for (const error of record.errors) rows.push([error.name, "", "", "", error.text]);
    rows.push([this.messages.total_label, "", "", record.total_usd, record.left_out_text || ""]);
    const filename = fillTemplate(this.messages.csv_file, { date: today() });
    downloadCsv(filename, csvText(rows, this.messages.csv_delimiter));
  }
}

function init() {
  const form = document.getElementById("multi-quote");
  if (!form || form.dataset.enhanced) return;
  form.dataset.enhanced = "true";
  const widget = new MultiQuote(form);
  widget.bind();
  widget.startFromLink();
}

// Material emits document$ on every page load, including instant-navigation swaps.
if (window.document$) window.document$.subscribe(init);
else init();
