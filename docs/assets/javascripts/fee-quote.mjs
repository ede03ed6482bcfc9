// The fee quote widget on the fees page: live quotes from the Python engine (in a worker),
// errors next to their fields, the matching schedule cell highlighted, and the inputs in the
// link so a quote can be bookmarked and shared.
//
// Every text shown comes from the engine's record (finished sentences) or from the form's
// data-messages (ui-text.mjs), and is inserted with textContent: nothing a reader types is ever
// treated as HTML. Numbers go into links as the engine normalised them (`gdp=47404.96`), so a
// link or a language switch gives the same quote; the fields show the reader's own writing.
import { createQuoteClient } from "./quote-client.mjs";
import { attachCountryPicker } from "./country-picker.mjs"; // country lookup
import { fillTemplate, readMessages } from "./ui-text.mjs";
import { buildPrintSheet } from "./quote-print.mjs";
import { clearFieldErrors, showFieldError } from "./field-errors.mjs";
import { latestAnswer } from "./latest-answer.mjs";

const FIELDS = ["population", "country", "gdp", "category", "approval_year"];
// Results follow every keystroke at once (one request in flight, newer input coalesced);
// an error waits until the reader pauses, so half-typed numbers are not shouted about.
const ERROR_DELAY_MS = 400;
// Screen readers hear a short summary (fee and band) once the reader stops typing, not the
// whole result on every keystroke.
const ANNOUNCE_DELAY_MS = 1200;
const NUMBER_FIELDS = ["population", "gdp"];
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

// Megabytes with one decimal in the page's writing (12.2 or 12,2). Not Intl.NumberFormat: its
// first use loads the locale's data, which cost the main thread 20-50 ms during the start.
function megabytes(bytes, separator) {
  return (bytes / 1e6).toFixed(1).replace(".", separator);
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
  const separator = widget.message("progress-decimal-separator");
  box.querySelector("[data-progress-text]").textContent = widget.message("progress", {
    received: megabytes(received, separator),
    total: known ? megabytes(total, separator) : "?",
  });
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
      // A value no radio has (a hand-edited link: ?category=bogus) keeps the default choice.
      const radios = [...control];
      const chosen = radios.find((radio) => radio.value === value) ??
        radios.find((radio) => radio.defaultChecked);
      if (chosen) chosen.checked = true;
    } else if (control) {
      control.value = value;
    }
  }
}

// The link: numbers as the engine normalised them (`inputs`), else as typed.
function queryFor(fields, record) {
  const params = new URLSearchParams();
  const normalised = record.inputs ?? {};
  for (const name of FIELDS) {
    const value = NUMBER_FIELDS.includes(name) && fields[name] ? (normalised[name] ?? fields[name]) : fields[name];
    if (value && !(name === "category" && value === "full")) {
      params.set(name, value);
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

// The address bar and the language links follow the inputs. While the reader types they are
// written once typing pauses: each write (history.replaceState, the links' hrefs) costs the
// main thread a few milliseconds that every keystroke's result would otherwise wait for. A
// click anywhere (a language link, a menu entry, the copy button), printing and leaving the
// page write a pending address at once, and only on the page it was meant for.
const LINK_DELAY_MS = 250;
const pendingLink = { query: null, path: null, timer: 0 };

function writeLink(query) {
  clearTimeout(pendingLink.timer);
  pendingLink.query = null;
  window.history.replaceState(window.history.state, "", `${window.location.pathname}${query}`);
  carryQueryToLanguageLinks(query);
}

function writeLinkSoon(query) {
  clearTimeout(pendingLink.timer);
  pendingLink.query = query;
  pendingLink.path = window.location.pathname;
  pendingLink.timer = setTimeout(writePendingLink, LINK_DELAY_MS);
}

function writePendingLink() {
  const { query, path } = pendingLink;
  if (query === null) return;
  if (path === window.location.pathname) writeLink(query);
  else pendingLink.query = null; // the reader has moved on to another page meanwhile
}

window.addEventListener("click", writePendingLink, true);
window.addEventListener("pagehide", writePendingLink);
window.addEventListener("beforeprint", writePendingLink);
document.addEventListener("visibilitychange", writePendingLink);

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
    this.messages = readMessages(form);
    this.status = form.querySelector("[data-status]");
    this.result = form.querySelector("#fee-quote-result");
    this.announcer = form.querySelector("[data-announce]");
    this.submitButton = form.querySelector('button[type="submit"]');
    this.copyButton = form.querySelector('[data-action="copy-link"]');
    this.printButton = form.querySelector('[data-action="print"]');
    this.picker = attachCountryPicker(form); // country lookup: name -> ISO3, GDP source note
    this.errorTimer = null;
    this.announceTimer = null;
    this.announced = "";
    this.record = null; // the quote on screen, for the printed estimate
    this.linkValues = null; // number fields as a link wrote them, until the engine reformats them
    this.inFlight = false;
    this.dirty = false;
    this.submitted = false;
    this.started = false;
  }

  message(key, values) {
    return fillTemplate(this.messages[key.replaceAll("-", "_")] ?? "", values);
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
      this.fillFromLink(inputs);
    }
    this.start();
  }

  bind() {
    this.form.addEventListener("input", () => {
      this.typing = true;
      this.request(false);
    });
    this.form.addEventListener("change", () => {
      this.typing = false;
      this.request(false);
    });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.typing = false;
      this.start();
      this.request(true);
    });
    this.submitButton.hidden = false;
    this.copyButton.hidden = false;
    this.printButton.hidden = false;
    this.copyButton.addEventListener("click", () => this.copyLink());
    this.printButton.addEventListener("click", () => this.print());
    window.addEventListener("afterprint", () => document.documentElement.classList.remove("wego-print-quote"));
    window.addEventListener("popstate", () => {
      this.typing = false;
      this.fillFromLink({ category: "full", ...fieldsFromUrl() });
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

  // A link's values: into the fields as written, read by the engine as machine numbers.
  fillFromLink(inputs) {
    fillForm(this.form, inputs);
    this.picker.restore(inputs); // country lookup
    this.linkValues = Object.fromEntries(NUMBER_FIELDS.map((n) => [n, this.form.elements.namedItem(n).value]));
  }

  // While the number fields still hold a link's text, the engine reads them as a link writes.
  fromLink(fields) {
    if (!this.linkValues) return false;
    const same = NUMBER_FIELDS.every((n) => fields[n] === this.linkValues[n]);
    if (!same) this.linkValues = null;
    return same;
  }

  // Show the link's numbers as this language writes them (47404.96 -> 47 404,96).
  reformatLinkValues(record) {
    if (!this.linkValues) return;
    for (const name of NUMBER_FIELDS) {
      const control = this.form.elements.namedItem(name);
      const shown = record.input_texts?.[name];
      if (shown && control.value === this.linkValues[name]) control.value = shown;
    }
    this.linkValues = null;
  }

  async quote() {
    if (this.form.dataset.engine !== "ready") return;
    const submitted = this.submitted;
    this.submitted = false;
    this.dirty = false;
    // Country lookup: the picked country's code, and a blank GDP while it holds the lookup.
    const typed = formFields(this.form);
    const fields = this.picker.fields(typed);
    const fromLink = this.fromLink(typed);
    const blank = !fields.population.trim() && !fields.gdp.trim() && !fields.country;
    if (blank && !submitted) {
      this.clearErrors();
      this.clearResult();
      return;
    }
    const request = fromLink ? { ...fields, number_format: "link" } : fields;
    const send = () => engine().quote(this.lang, request);
    const record = await latestAnswer(this, send, this.message("failed"));
    if (!record) return;
    if (fromLink) this.reformatLinkValues(record);
    const query = queryFor(fields, record);
    if (this.typing) writeLinkSoon(query);
    else writeLink(query);
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
    clearTimeout(this.announceTimer);
    if (this.result.hidden) return;
    this.result.dataset.stale = "true";
    this.result.removeAttribute("data-fee-usd");
    this.say(this.message("stale"));
  }

  clearErrors() {
    clearFieldErrors(this.form);
  }

  clearResult() {
    this.record = null;
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
    showFieldError(this.form, error);
    this.say(error.message);
  }

  showResult(record) {
    this.clearErrors();
    this.clearResult();
    const parts = [element("p", "wego-quote__fee", record.summary)];
    for (const warning of record.warnings ?? []) {
      const node = element("p", "wego-quote__warning", warning.message);
      node.dataset.warningCode = warning.code;
      parts.push(node);
    }
    if (record.category !== "full") {
      parts.push(element("p", "wego-quote__due", record.due_now_summary));
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
    this.record = record;
    this.say("");
    this.highlight(record.cell);
    this.announceSoon(record);
  }

  // Once the input settles: the fee, its bands and any warning, said once.
  announceSoon(record) {
    clearTimeout(this.announceTimer);
    const sentence = (text) => (/[.!?…]$/.test(text) ? text : `${text}.`);
    const summary = [
      record.summary,
      ...(record.warnings ?? []).map((w) => w.message),
      record.population_band_text,
      record.gdp_band_text,
    ].map(sentence).join(" ");
    this.announceTimer = setTimeout(() => {
      if (summary === this.announced) return;
      this.announced = summary;
      this.announcer.textContent = summary;
    }, ANNOUNCE_DELAY_MS);
  }

  // "Print this estimate": one dated page (quote-print.mjs), not the whole fees page.
  print() {
    writePendingLink(); // the printed page carries the current link
    document.querySelector(".wego-quote-print")?.remove();
    if (this.record) {
      const sheet = buildPrintSheet({
        record: this.record,
        fields: formFields(this.form),
        country: this.picker.pickedName?.() ?? "",
        lang: this.lang,
        messages: this.messages,
        url: window.location.href,
      });
      document.body.append(sheet);
      document.documentElement.classList.add("wego-print-quote");
    }
    window.print();
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
    writePendingLink();
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
