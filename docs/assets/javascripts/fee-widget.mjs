// The fee quote widget on the fees page: live quotes from the Python engine (in a worker),
// errors next to their fields, the matching schedule cell highlighted, and the inputs in the
// link so a quote can be bookmarked and shared. The shared form logic is quote-form.mjs; this
// module adds what is the widget's own: typing-paced errors, the result's lines, the cell
// highlight, the spoken summary, the printed estimate and the link's machine numbers.
//
// Every text shown comes from the engine's record (finished sentences, in the engine's order)
// or the form's data-messages. Numbers go into links as the engine normalised them
// (`gdp=47404.96`), so a link or a language switch gives the same quote; the fields show the
// reader's own writing.
import { element } from "./dom.mjs";
import { queryFor } from "./link-query.mjs";
import { buildPrintSheet } from "./quote-print.mjs";
import { QuoteForm, startAll, startEngine } from "./quote-form.mjs";
import { announcement, renderLines } from "./quote-lines.mjs";
import { readerPaused } from "./reader-pause.mjs";
import { SearchRelease } from "./search-hold.mjs";

const FIELDS = ["population", "country", "gdp", "category", "approval_year"];
const NUMBER_FIELDS = ["population", "gdp"];
// Results follow every keystroke at once; an error waits until the reader pauses, so
// half-typed numbers are not shouted about.
const ERROR_DELAY_MS = 400;
// Screen readers hear a short summary once the reader stops typing, not every keystroke's.
const ANNOUNCE_DELAY_MS = 1200;
const MATCH = "wego-schedule__match";
// Material's search builds its index (about 0.3 s of processor time) once the engine is settled
// and the reader has paused this long: measured, building it during the first re-quotes
// lengthened their slow tail.
const SEARCH_QUIET_MS = 1_000;

export class FeeWidget {
  /** @param {HTMLFormElement} root  the `#fee-quote` form  @param {Window} win */
  constructor(root, win, createEngine) {
    this.root = root;
    this.form = new QuoteForm(root, { window: win, fieldNames: FIELDS, createEngine, page: this });
    this.result = this.form.result;
    this.announcer = root.querySelector("[data-announce]");
    this.quietCodes = (root.dataset.quietWhileTyping ?? "").split(" ");
    this.errorTimer = null;
    this.announceTimer = null;
    this.announced = "";
    this.record = null; // the quote on screen, for the printed estimate
    this.linkValues = null; // number fields as a link wrote them, until the engine reformats them
    this.typing = false;
  }

  init() {
    this.form.link.listen();
    this.bind();
    const linked = this.form.linkedFields();
    if (Object.keys(linked).length) {
      this.fillFromLink(linked);
      this.form.revealNextResult();
    }
    // The engine starts at once (its worker may already run, started from <head>); inputs
    // typed meanwhile are answered as soon as it is up.
    this.form.start();
    this.ask(false);
  }

  bind() {
    const edited = (typing) => () => {
      this.typing = typing;
      this.ask(false);
    };
    this.root.addEventListener("input", edited(true));
    this.root.addEventListener("change", edited(false));
    this.root.addEventListener("submit", (event) => {
      event.preventDefault();
      this.typing = false;
      this.form.start();
      this.form.revealNextResult();
      this.ask(true);
    });
    this.form.bindActions({ "copy-link": () => this.copyLink(), print: () => this.print() });
    this.root.querySelector('button[type="submit"]').hidden = false;
    this.form.window.addEventListener("afterprint", () =>
      this.form.document.documentElement.classList.remove("wego-print-quote"));
    this.form.window.addEventListener("popstate", () => {
      this.typing = false;
      this.fillFromLink(this.form.linkedFields());
      this.ask(false);
    });
  }

  ask(submitted) {
    clearTimeout(this.errorTimer);
    this.form.request(submitted);
  }

  // A link's values: into the fields as written, read by the engine as machine numbers.
  fillFromLink(fields) {
    this.form.fill(fields);
    this.linkValues = Object.fromEntries(NUMBER_FIELDS.map((n) => [n, this.control(n).value]));
  }

  control(name) {
    return this.root.elements.namedItem(name);
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
      const shown = record.input_texts?.[name];
      if (shown && this.control(name).value === this.linkValues[name]) this.control(name).value = shown;
    }
    this.linkValues = null;
  }

  // QuoteForm's page: what to ask. A blank form asks nothing until it is submitted.
  request(fields, submitted) {
    const blank = !fields.population.trim() && !fields.gdp.trim() && !fields.country;
    if (blank && !submitted) {
      this.form.clearErrors();
      this.form.clearProblem();
      this.clear();
      return null;
    }
    this.requestFromLink = this.fromLink(this.form.typedFields());
    return { fields: this.requestFromLink ? { ...fields, number_format: "link" } : fields };
  }

  // QuoteForm's page: the engine's answer.
  show(record, fields, submitted) {
    if (this.requestFromLink) this.reformatLinkValues(record);
    const query = queryFor(FIELDS, fields, {
      normalised: record.inputs, numberFields: NUMBER_FIELDS, defaults: this.form.defaults(),
    });
    if (this.typing) this.form.link.writeSoon(query);
    else this.form.link.write(query);
    if (!record.error) this.showResult(record);
    else if (submitted) this.form.showError(record.error);
    else this.errorWhileTyping(record.error);
  }

  // While typing the old result is no longer current; the error waits for a pause, and an
  // error the form lists in data-quiet-while-typing (an empty field) waits for a submit.
  // Errors the new answer no longer has go at once, and so does a status line about them:
  // every message describes the fields as they are now.
  errorWhileTyping(error) {
    const shown = this.form.keepOnlyError(error);
    const quiet = this.quietCodes.includes(error.code);
    if (!shown.any) this.form.clearProblem();
    this.markStale(!shown.any && !quiet);
    if (quiet) return;
    this.errorTimer = setTimeout(() => this.form.showError(error), ERROR_DELAY_MS);
  }

  // `explain`: say why the result is dimmed (an error is about to show beside its field).
  markStale(explain) {
    clearTimeout(this.announceTimer);
    if (this.result.hidden) return;
    this.result.dataset.stale = "true";
    this.result.removeAttribute("data-fee-usd");
    if (explain) this.form.sayProblem(this.form.message("stale"));
  }

  // QuoteForm's page: no result on screen, no cell highlighted.
  clear() {
    this.record = null;
    this.result.hidden = true;
    this.result.replaceChildren();
    for (const name of ["data-fee-usd", "data-stale"]) this.result.removeAttribute(name);
    for (const cell of this.form.document.querySelectorAll(`.${MATCH}`)) {
      cell.classList.remove(MATCH);
      cell.querySelector(`.${MATCH}-label`)?.remove();
    }
  }

  showResult(record) {
    this.form.clearErrors();
    this.clear();
    this.result.replaceChildren(...renderLines(this.form.document, record.lines, "wego-quote"));
    this.result.dataset.feeUsd = String(record.fee_usd);
    this.result.dataset.provenance = record.provenance;
    this.result.hidden = false;
    this.record = record;
    this.form.say("");
    this.highlight(record.cell);
    this.announceSoon(announcement(record.lines));
  }

  // Once the input settles: the fee, its bands and any warning, said once.
  announceSoon(summary) {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      if (summary === this.announced) return;
      this.announced = summary;
      this.announcer.textContent = summary;
    }, ANNOUNCE_DELAY_MS);
  }

  highlight(cell) {
    const selector = `.wego-schedule td[data-gdp-band="${cell.gdp_band}"]` +
      `[data-population-band="${cell.population_bands[0]}"]`;
    const td = this.form.document.querySelector(selector);
    if (!td) return;
    td.classList.add(MATCH);
    const marker = ` (${this.form.message("cell_marker")})`;
    td.append(element(this.form.document, "span", `${MATCH}-label wego-visually-hidden`, marker));
  }

  // "Print this estimate": one dated page (quote-print.mjs), not the whole fees page.
  print() {
    this.form.link.flush(); // the printed page carries the current link
    this.form.document.querySelector(".wego-quote-print")?.remove();
    if (this.record) {
      this.form.document.body.append(buildPrintSheet(this.form.document, {
        record: this.record,
        fields: this.form.typedFields(),
        country: this.form.picker.pickedName(),
        lang: this.form.lang,
        messages: this.form.messages,
        url: this.form.window.location.href,
      }));
      this.form.document.documentElement.classList.add("wego-print-quote");
    }
    this.form.window.print();
  }

  async copyLink() {
    this.form.link.flush();
    await this.form.copy(this.form.window.location.href);
  }
}

/**
 * Start the widget on every `form#fee-quote` of `doc` not started yet. Material's search worker,
 * held on this page while the engine starts (search-hold.mjs), is released once it is settled
 * and the reader has paused.
 */
export function initAll(doc = document, win = window) {
  const search = new SearchRelease(win);
  startAll(doc, "form#fee-quote", (root) => {
    const startAndRelease = (onProgress) => {
      const client = startEngine(onProgress);
      const settled = () => readerPaused(root, SEARCH_QUIET_MS, win).then(() => search.release());
      client.ready.then(settled, settled);
      return client;
    };
    new FeeWidget(root, win, startAndRelease).init();
  });
}
