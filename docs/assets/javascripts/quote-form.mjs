// The controller the fees page's widget and the cities page's form share: it reads the fields,
// fills them from a link, starts the engine, keeps one request in flight (answers already out
// of date are dropped) and puts the engine's errors beside their fields. What a page shows of
// an answer is the page's own: it hands this controller a `page` with
//   request(fields, submitted) -> the JSON request for the engine, or null to ask nothing,
//   show(record, fields, submitted) -> put the engine's record (a result or an error) on screen,
//   clear() -> take the result off the screen.
import { attachCountryPicker } from "./country-picker.mjs";
import { createQuoteClient } from "./quote-client.mjs";
import { EngineProgress } from "./engine-progress.mjs";
import { clearFieldErrors, keepOnlyFieldError, showFieldError } from "./field-errors.mjs";
import { latestAnswer } from "./latest-answer.mjs";
import { fieldsFromSearch, radioChoice } from "./link-query.mjs";
import { PageLink } from "./page-link.mjs";
import { fillTemplate, pluralText, readMessages } from "./ui-text.mjs";

export class QuoteForm {
  /**
   * @param {HTMLFormElement} form  the component's root: data-lang, data-messages
   * @param {{window: Window, fieldNames: string[], createEngine: Function, page: object}} options
   *   `createEngine(onProgress)` returns a quote client (quote-client.mjs)
   */
  constructor(form, { window: win, fieldNames, createEngine, page }) {
    this.form = form;
    this.window = win;
    this.document = form.ownerDocument;
    this.link = new PageLink(win); // the address bar and the language links
    this.lang = form.dataset.lang;
    this.messages = readMessages(form);
    this.fieldNames = fieldNames;
    this.createEngine = createEngine;
    this.page = page;
    this.status = form.querySelector("[data-status]");
    this.result = form.querySelector(".wego-quote__result");
    this.picker = attachCountryPicker(form); // country lookup: name -> ISO3, GDP source note
    this.progress = new EngineProgress(form, (key, values) => this.message(key, values));
    this.client = null;
    this.started = false;
    this.wanted = false; // a request waits for the engine
    this.inFlight = false;
    this.dirty = false; // the inputs changed while a request was computing
    this.submitted = false;
    this.problem = false; // the status line speaks of an error
    this.revealPending = false; // bring the next result into view (after a submit or a link)
    // Typing never scrolls the page: a result the reader types towards stays where it is.
    form.addEventListener("input", () => {
      this.revealPending = false;
    });
  }

  message(key, values) {
    return fillTemplate(this.messages[key] ?? "", values);
  }

  plural(key, count, values) {
    return pluralText(this.messages, key, count, this.lang, values);
  }

  say(text) {
    this.problem = false;
    this.status.hidden = !text;
    this.status.textContent = text || "";
  }

  /** Say `text` about an error: it goes (clearProblem) once no error shows. */
  sayProblem(text) {
    this.say(text);
    this.problem = Boolean(text);
  }

  /** Empty the status line if it speaks of an error; other news (ready, copied) stays. */
  clearProblem() {
    if (this.problem) this.say("");
  }

  /**
   * The next result is brought into view once: after a submit or a link (or a list kept in the
   * tab), where a long form would leave it below the fold. Typing cancels it; focus never
   * moves.
   */
  revealNextResult() {
    this.revealPending = true;
  }

  // After the page showed an answer: a result comes into view if one was due; an error
  // (beside its field, near where the reader is) cancels it.
  revealResult(shown) {
    const pending = this.revealPending;
    this.revealPending = false;
    if (pending && shown && !this.result.hidden) this.result.scrollIntoView({ block: "nearest" });
  }

  /** The fields as typed, every one of `fieldNames` (radio groups by their checked value). */
  typedFields() {
    const data = new FormData(this.form);
    return Object.fromEntries(this.fieldNames.map((name) => [name, String(data.get(name) ?? "")]));
  }

  /** The fields for the engine: the picked country's code instead of its name. */
  fields() {
    return this.picker.fields(this.typedFields());
  }

  /** The fields the page's own link carries. */
  linkedFields() {
    return fieldsFromSearch(this.fieldNames, this.window.location.search);
  }

  /** Show each `[data-action]` button of `actions` (hidden without JavaScript) and bind it. */
  bindActions(actions) {
    for (const [action, run] of Object.entries(actions)) {
      const button = this.form.querySelector(`[data-action="${action}"]`);
      button.hidden = false;
      button.addEventListener("click", run);
    }
  }

  /** Each radio group's value as the markup checks it: what a link leaves out. */
  defaults() {
    const groups = this.radioGroups();
    return Object.fromEntries(groups.map(([name, radios]) => [name, radios.find((r) => r.defaultChecked)?.value]));
  }

  radioGroups() {
    return this.fieldNames
      .map((name) => [name, this.form.elements.namedItem(name)])
      .filter(([, control]) => control instanceof RadioNodeList)
      .map(([name, control]) => [name, [...control]]);
  }

  /**
   * Fill the form from a link's fields. A radio group always ends with one choice: the linked
   * value when a radio has it, else the markup's default (`?category=bogus` is Full Member).
   */
  fill(fields) {
    const defaults = this.defaults();
    for (const [name, radios] of this.radioGroups()) {
      const value = radioChoice(radios.map((radio) => radio.value), fields[name], defaults[name]);
      for (const radio of radios) radio.checked = radio.value === value;
    }
    for (const name of this.fieldNames) {
      const control = this.form.elements.namedItem(name);
      if (name in fields && control && !(control instanceof RadioNodeList)) control.value = fields[name];
    }
    this.picker.restore(fields);
  }

  start() {
    if (this.started) return;
    this.started = true;
    this.say(this.message("loading"));
    this.form.setAttribute("aria-busy", "true");
    this.client = this.createEngine((progress) => this.progress.show(progress));
    this.client.ready.then((info) => this.engineUp(info), (error) => this.engineDown(error));
  }

  engineUp(info) {
    this.form.removeAttribute("aria-busy");
    this.form.dataset.engine = "ready";
    this.form.dataset.enginePath = info.path;
    this.progress.hide();
    this.say(this.message("ready"));
    if (this.wanted) this.request();
  }

  engineDown(error) {
    this.form.removeAttribute("aria-busy");
    this.form.dataset.engine = "failed";
    this.progress.hide();
    const retrying = error?.network && this.progress.offerRetry(() => this.restart());
    this.say(this.message(retrying ? "network_failed" : "failed"));
  }

  restart() {
    this.client?.close();
    delete this.form.dataset.engine;
    this.started = false;
    this.start();
  }

  /** Ask for an answer to the current inputs: now, once the engine is up, or after the one in flight. */
  request(submitted = false) {
    this.submitted ||= submitted;
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
    const submitted = this.submitted;
    this.submitted = false;
    this.dirty = false;
    this.wanted = false;
    const fields = this.fields();
    const request = this.page.request(fields, submitted);
    if (!request) return;
    const send = () => this.client.ask({ lang: this.lang, ...request });
    const record = await latestAnswer(this, send, this.message("failed"));
    if (!record) return;
    this.picker.showSource(record); // country lookup: fill the GDP field, show its source
    this.page.show(record, fields, submitted);
    this.revealResult(!record.error);
  }

  clearErrors() {
    clearFieldErrors(this.form);
  }

  /** Clear the errors that no longer describe the fields (field-errors.mjs). */
  keepOnlyError(error) {
    return keepOnlyFieldError(this.form, error);
  }

  /** Copy `text` (a link) to the clipboard and say whether it worked. */
  async copy(text) {
    try {
      await this.window.navigator.clipboard.writeText(text);
      this.say(this.message("link_copied"));
    } catch {
      this.say(this.message("copy_failed"));
    }
  }

  /** The engine's error beside its field and in the status line, instead of any result. */
  showError(error) {
    this.clearErrors();
    this.page.clear();
    showFieldError(this.form, error);
    this.sayProblem(error.message);
  }
}

/** A quote client for the page's worker (quote-worker.mjs, next to this module). */
export function startEngine(onProgress) {
  return createQuoteClient(new URL("./quote-worker.mjs", import.meta.url), { onProgress });
}

/**
 * Start a component on every root of `doc` matching `selector` that is not started yet:
 * `start(root)` once per root, marked `data-enhanced`.
 */
export function startAll(doc, selector, start) {
  for (const root of doc.querySelectorAll(`${selector}:not([data-enhanced])`)) {
    root.dataset.enhanced = "true";
    start(root);
  }
}
