// The fee quote widget on the fees page: live quotes from the Python engine (in a worker),
// errors next to their fields, the matching schedule cell highlighted, and the inputs in the
// link so a quote can be bookmarked and shared.
//
// Every text shown comes from the engine's record or from the form's data-msg-* attributes,
// and is inserted with textContent: nothing a reader types is ever treated as HTML.
import { createQuoteClient } from "./quote-client.mjs";
import { attachCountryPicker } from "./country-picker.mjs"; // country lookup

const FIELDS = ["population", "country", "gdp", "category", "approval_year"];
// Results follow every keystroke at once (one request in flight, newer input coalesced);
// an error waits until the reader pauses, so half-typed numbers are not shouted about.
const ERROR_DELAY_MS = 400;
let client = null; // one worker per document, shared across instant-navigation page swaps
let progressListener = () => {}; // the widget on screen follows the engine's downloads

function engine() {
  if (!client) {
    client = createQuoteClient(new URL("./quote-worker.mjs", import.meta.url), {
      onProgress: (progress) => progressListener(progress),
    });
  }
  return client;
}

// --- Engine start: progress while the files download, which path started, retry ----------
// (the engine's start only; the quote logic is below in QuoteWidget)

function megabytes(bytes, lang) {
  return (bytes / 1e6).toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

function showProgress(widget, { received, total }) {
  const box = widget.form.querySelector("[data-progress]");
  if (!box || widget.form.dataset.engine) return;
  const bar = box.querySelector("progress");
  const known = total > 0 && received <= total;
  if (known) {
    bar.max = total;
    bar.value = received;
  } else {
    bar.removeAttribute("value");
  }
  box.querySelector("[data-progress-text]").textContent = widget
    .message("progress")
    .replace("{received}", megabytes(received, widget.lang))
    .replace("{total}", known ? megabytes(total, widget.lang) : "?");
  box.hidden = false;
}

function engineUp(widget, info) {
  widget.form.querySelector("[data-progress]").hidden = true;
  widget.form.dataset.enginePath = info.path;
}

function engineDown(widget, error) {
  widget.form.querySelector("[data-progress]").hidden = true;
  const retry = widget.form.querySelector("[data-retry]");
  if (!error?.network) return widget.message("failed");
  retry.hidden = false;
  retry.querySelector("button").onclick = () => {
    retry.hidden = true;
    client?.close();
    client = null;
    delete widget.form.dataset.engine;
    widget.started = false;
    widget.start();
  };
  return widget.message("network-failed");
}

function formFields(form) {
  const data = new FormData(form);
  return Object.fromEntries(FIELDS.map((name) => [name, String(data.get(name) ?? "")]));
}

function fieldsFromUrl() {
  const params = new URLSearchParams(window.location.search);
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

function languageLinks() {
  return document.querySelectorAll("a.md-select__link[hreflang]");
}

// The language selector keeps the reader on this page; carry the inputs over too.
function carryQueryToLanguageLinks(query) {
  for (const link of languageLinks()) {
    const url = new URL(link.href, document.baseURI);
    url.search = query;
    link.href = url.href;
  }
}

// Material's selector handler rebuilds the target from its sitemap lookup and drops the query
// string; on this page the link itself is exact, so let the browser follow it as written.
function followLanguageLinksAsWritten() {
  for (const link of languageLinks()) {
    link.addEventListener("click", (event) => event.stopPropagation());
  }
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

class QuoteWidget {
  constructor(form) {
    this.form = form;
    this.lang = form.dataset.lang;
    this.status = form.querySelector("[data-status]");
    this.result = form.querySelector("#fee-quote-result");
    this.copyButton = form.querySelector('[data-action="copy-link"]');
    this.printButton = form.querySelector('[data-action="print"]');
    this.picker = attachCountryPicker(form); // country lookup: name -> ISO3, GDP source note
    this.errorTimer = null;
    this.inFlight = false;
    this.dirty = false;
    this.submitted = false;
    this.started = false;
  }

  message(key) {
    return this.form.dataset[`msg${key.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())}`];
  }

  say(text) {
    this.status.hidden = !text;
    this.status.textContent = text || "";
  }

  start() {
    if (this.started) return;
    this.started = true;
    this.say(this.message("loading"));
    this.form.setAttribute("aria-busy", "true");
    progressListener = (progress) => showProgress(this, progress);
    engine().ready.then(
      (info) => {
        this.form.removeAttribute("aria-busy");
        this.form.dataset.engine = "ready";
        engineUp(this, info);
        this.say(this.message("ready"));
        this.request(false);
      },
      (error) => {
        this.form.removeAttribute("aria-busy");
        this.form.dataset.engine = "failed";
        this.say(engineDown(this, error));
      },
    );
  }

  // The fees page starts the engine at once (its worker may already be running, started from
  // <head>); inputs typed meanwhile are answered as soon as it is up.
  startWhenNeeded() {
    const inputs = fieldsFromUrl();
    if (Object.keys(inputs).length) {
      fillForm(this.form, inputs);
      this.picker.restore(inputs); // country lookup
    }
    this.start();
  }

  bind() {
    this.form.addEventListener("input", () => this.request(false));
    this.form.addEventListener("change", () => this.request(false));
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.start();
      this.request(true);
    });
    this.copyButton.hidden = false;
    this.printButton.hidden = false;
    this.copyButton.addEventListener("click", () => this.copyLink());
    this.printButton.addEventListener("click", () => window.print());
    window.addEventListener("popstate", () => {
      fillForm(this.form, { category: "full", ...fieldsFromUrl() });
      this.picker.restore(fieldsFromUrl()); // country lookup
      this.request(false);
    });
  }

  // Ask for a quote of the current inputs; while one is computing, remember to ask again.
  request(submitted) {
    clearTimeout(this.errorTimer);
    this.submitted ||= submitted;
    if (this.inFlight) {
      this.dirty = true;
      return;
    }
    this.quote();
  }

  async quote() {
    if (this.form.dataset.engine !== "ready") return;
    const submitted = this.submitted;
    this.submitted = false;
    this.dirty = false;
    // Country lookup: the picked country's code, and a blank GDP while it holds the lookup.
    const fields = this.picker.fields(formFields(this.form), submitted);
    const blank = !fields.population.trim() && !fields.gdp.trim() && !fields.country;
    if (blank && !submitted) {
      this.clearErrors();
      this.clearResult();
      return;
    }
    this.inFlight = true;
    this.result.setAttribute("aria-busy", "true");
    let record;
    try {
      record = await engine().quote(this.lang, fields);
    } catch {
      this.form.dataset.engine = "failed";
      this.say(this.message("failed"));
      return;
    } finally {
      this.inFlight = false;
      this.result.removeAttribute("aria-busy");
    }
    if (this.dirty) {
      this.quote(); // the inputs changed meanwhile: this answer is already out of date
      return;
    }
    const query = queryFor(fields);
    window.history.replaceState(window.history.state, "", `${window.location.pathname}${query}`);
    carryQueryToLanguageLinks(query);
    this.picker.showSource(record); // country lookup: fill the GDP field, show its source
    if (!record.error) {
      this.showResult(record);
    } else if (submitted) {
      this.showError(record.error);
    } else {
      // While typing: the old result is no longer current; the error waits for a pause,
      // and an empty field is not an error until the reader submits.
      this.markStale();
      if (record.error.code !== "empty") {
        this.errorTimer = setTimeout(() => this.showError(record.error), ERROR_DELAY_MS);
      }
    }
  }

  markStale() {
    if (this.result.hidden) return;
    this.result.dataset.stale = "true";
    this.result.removeAttribute("data-fee-usd");
    this.say(this.message("stale"));
  }

  clearErrors() {
    for (const node of this.form.querySelectorAll("[data-error-for]")) {
      node.hidden = true;
      node.textContent = "";
      node.removeAttribute("data-error-code");
    }
    for (const input of this.form.querySelectorAll("[aria-invalid]")) {
      input.removeAttribute("aria-invalid");
    }
  }

  clearResult() {
    this.result.hidden = true;
    this.result.replaceChildren();
    this.result.removeAttribute("data-fee-usd");
    this.result.removeAttribute("data-stale");
    for (const cell of document.querySelectorAll(".wego-schedule__match")) {
      cell.classList.remove("wego-schedule__match");
      cell.querySelector(".wego-schedule__match-label")?.remove();
    }
  }

  showError(error) {
    this.clearErrors();
    this.clearResult();
    if (!error) return;
    const slot = this.form.querySelector(`[data-error-for="${error.field}"]`);
    if (slot) {
      slot.textContent = error.message;
      slot.dataset.errorCode = error.code;
      slot.hidden = false;
      const control = this.form.elements.namedItem(error.field);
      if (control && !(control instanceof RadioNodeList)) control.setAttribute("aria-invalid", "true");
    }
    this.say(error.message);
  }

  showResult(record) {
    this.clearErrors();
    this.clearResult();
    const parts = [element("p", "wego-quote__fee", record.summary)];
    if (record.category !== "full") {
      const dueNow = this.message("due-now").replace("{amount}", record.due_now_text);
      parts.push(element("p", "wego-quote__due", dueNow));
    }
    parts.push(
      element("p", "wego-quote__band", record.population_band_text),
      element("p", "wego-quote__band", record.gdp_band_text),
      element("p", "wego-quote__category-note", `${record.category_text}: ${record.category_note}`),
    );
    if (record.timeline) parts.push(element("p", "wego-quote__timeline", record.timeline));
    for (const caveat of record.caveats) parts.push(element("p", "wego-quote__caveat", caveat));
    this.result.replaceChildren(...parts);
    this.result.dataset.feeUsd = String(record.fee_usd);
    this.result.dataset.provenance = record.provenance;
    this.result.hidden = false;
    this.say("");
    this.highlight(record.cell);
  }

  highlight(cell) {
    const selector =
      `.wego-schedule td[data-gdp-band="${cell.gdp_band}"]` +
      `[data-population-band="${cell.population_bands[0]}"]`;
    const td = document.querySelector(selector);
    if (!td) return;
    td.classList.add("wego-schedule__match");
    const label = element("span", "wego-schedule__match-label wego-visually-hidden",
      ` (${this.message("cell-marker")})`);
    td.append(label);
  }

  async copyLink() {
    try {
      await navigator.clipboard.writeText(window.location.href);
      this.say(this.message("link-copied"));
    } catch {
      this.say(this.message("copy-failed"));
    }
  }
}

function init() {
  const form = document.getElementById("fee-quote");
  if (!form || form.dataset.enhanced) return;
  form.dataset.enhanced = "true";
  const widget = new QuoteWidget(form);
  followLanguageLinksAsWritten();
  carryQueryToLanguageLinks(window.location.search);
  widget.bind();
  widget.startWhenNeeded();
}

// Material emits document$ on every page load, including instant-navigation swaps.
if (window.document$) window.document$.subscribe(init);
else init();
