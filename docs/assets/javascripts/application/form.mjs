// The application form on the page: wires the pure modules (values, validation, draft, mail)
// and the small parts (field notes, error summary, set-aside notice, derived view, draft store,
// draft files, text entry)
// to the markup that sitebuild/application_form.py renders from overrides/partials/
// application-form.html. Importing this module does nothing: the page's entry (page.mjs) makes
// an ApplicationForm for the form element and calls init().
//
// Everything it needs comes from the markup: the fields with their kinds, labels and sections
// (data attributes on the controls), the actions (data-action) and every message in the page's
// language (the form's data-messages). Typed text is only ever written with textContent or
// value, never parsed as HTML.
import { fillTemplate, readMessages } from "../ui-text.mjs";
import { currentDraft } from "./draft.mjs";
import { DraftFiles } from "./draft-files.mjs";
import { DraftStore } from "./draft-store.mjs";
import { ErrorSummary } from "./error-summary.mjs";
import { FieldNotes } from "./field-notes.mjs";
import { describeFields, isCheckbox } from "./fields.mjs";
import { FormView } from "./form-view.mjs";
import { SetAsideNotice } from "./set-aside-notice.mjs";
import { TextEntry, isTextField } from "./text-entry.mjs";
import { problemOf } from "./validation.mjs";
import { normaliseMonth } from "./values.mjs";

/** The page's localStorage, or null where the browser refuses it (then nothing is saved). */
function browserStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export class ApplicationForm {
  /** @param {HTMLFormElement} form  the application form (#wego-application-form) */
  constructor(form) {
    this.form = form;
    this.messages = readMessages(form);
    this.meta = { format: form.dataset.draftFormat, version: Number(form.dataset.draftVersion) };
    this.controls = [...form.querySelectorAll("[data-field]")];
    this.schema = describeFields(this.controls);
    this.notes = new FieldNotes(form.ownerDocument, this.messages);
    this.summary = new ErrorSummary(form.querySelector("[data-error-summary]"), this.messages);
    this.view = new FormView(form, {
      controls: this.controls, schema: this.schema, messages: this.messages, notes: this.notes,
    });
    this.setAsideNotice = new SetAsideNotice(form.querySelector("[data-set-aside]"), this.messages);
    this.store = new DraftStore(browserStorage(), {
      key: form.dataset.storageKey, schema: this.schema, meta: this.meta,
    });
    this.files = new DraftFiles(form, {
      schema: this.schema, meta: this.meta, messages: this.messages, say: this.say.bind(this),
    });
    this.entry = new TextEntry(this.notes);
    this.notice = form.querySelector("[data-notice]");
    this.checkStatus = form.querySelector("[data-check-status]");
    this.touched = new Set();
    this.storageWarned = false;
  }

  /** Start the form once: events, the script-only parts, the stored draft. */
  init() {
    if (this.form.dataset.enhanced === "true") return this;
    this.bindFormEvents();
    this.bindWindowEvents();
    for (const element of this.form.querySelectorAll("[data-js-only]")) {
      element.hidden = false;
      if (element.type === "submit") element.disabled = false;
    }
    this.restore();
    this.form.dataset.enhanced = "true";
    return this;
  }

  bindFormEvents() {
    const on = (type, handler) => this.form.addEventListener(type, handler.bind(this));
    this.form.addEventListener("paste", (event) => this.entry.pasted(event));
    on("input", this.typed);
    on("change", this.changedValue);
    on("focusout", this.left);
    on("submit", this.submitted);
    on("click", this.clicked);
    const fileInput = this.form.querySelector("input[type=file][data-action=load]");
    fileInput?.addEventListener("change", () => this.loadChosen(fileInput));
  }

  bindWindowEvents() {
    // Another tab (or the other language's page) changed the draft: show its version.
    window.addEventListener("storage", (event) => {
      if (event.key === this.store.key || event.key === this.store.asideKey) this.restore();
    });
    // Back/forward cache: the draft may have changed on another page meanwhile.
    window.addEventListener("pageshow", (event) => {
      if (event.persisted) this.restore();
    });
    window.addEventListener("beforeprint", () => this.view.refresh());
  }

  // ---------------------------------------------------------------- values and storage

  defaults() {
    return Object.fromEntries(this.controls.map((control) => [
      control.dataset.field, isCheckbox(control) ? control.defaultChecked : control.defaultValue,
    ]));
  }

  hasData() {
    const now = currentDraft(this.form);
    return Object.entries(this.defaults()).some(([name, initial]) => now[name] !== initial);
  }

  apply(fields) {
    for (const control of this.controls) {
      const value = fields[control.dataset.field];
      if (isCheckbox(control)) control.checked = value === true;
      else control.value = typeof value === "string" ? value : "";
    }
    this.view.syncMirrors();
  }

  say(text, kind) {
    this.notice.textContent = text;
    if (kind) this.notice.dataset.kind = kind;
    else delete this.notice.dataset.kind;
  }

  save() {
    if (this.store.save(currentDraft(this.form)) || this.storageWarned) return;
    this.storageWarned = true;
    // Held: the stored draft could not be set aside, so saving waits rather than overwrite it.
    const key = this.store.held === null ? "notice.storage_failed" : "notice.saving_held";
    this.say(this.messages[key], "error");
  }

  /** Put the stored draft back: what fits is applied, what does not is set aside and named. */
  restore() {
    const { fields, aside } = this.store.load();
    if (fields) {
      this.apply(fields);
      this.entry.stripAll(this.controls);
    }
    this.setAsideNotice.show(aside);
    this.view.refresh();
  }

  // ---------------------------------------------------------------- checks

  /** The catalogue key of the field's problem, or "" when it is fine. */
  problem(control) {
    if (isCheckbox(control) || control.readOnly) return "";
    if (control.dataset.kind === "month" && control.validity.badInput) return "error.month";
    const field = this.schema[this.controls.indexOf(control)];
    return problemOf(field, control.value, currentDraft(this.form));
  }

  checkOne(control) {
    const key = this.problem(control);
    if (key) this.notes.showError(control, key);
    else this.notes.clearError(control);
    return key;
  }

  /** The summary's entries for the fields that show an error now. */
  failingEntries(failing) {
    return failing.map((control) => ({
      control,
      message: control.validationMessage || this.notes.message(control, this.problem(control)),
    }));
  }

  /** Check every field; show the summary, focused, when something is wrong. */
  checkAll(mode) {
    const failing = this.controls.filter((control) => this.checkOne(control) !== "");
    this.summary.fill(this.failingEntries(failing), mode);
    this.checkStatus.textContent = "";
    if (!failing.length) return true;
    this.summary.show();
    return false;
  }

  /** Check a field when leaving it (once typed in or showing an error), and the fields after it. */
  left(event) {
    const control = event.target;
    if (!isTextField(control)) return;
    const name = control.dataset.field;
    const watched = (other) => this.touched.has(other.dataset.field) || this.notes.hasError(other);
    if (!watched(control)) return;
    this.checkOne(control);
    for (const other of this.controls) {
      if (other.dataset.after === name && watched(other)) this.checkOne(other);
    }
    if (this.summary.shown) {
      const shown = this.controls.filter((other) => this.notes.hasError(other));
      this.summary.fill(this.failingEntries(shown), null);
    }
  }

  submitted(event) {
    event.preventDefault();
    if (this.checkAll("check")) this.checkStatus.textContent = this.messages["check.ok"];
  }

  // ---------------------------------------------------------------- typing

  typed(event) {
    this.entry.typed(event.target);
    this.changed(event.target);
  }

  changedValue(event) {
    const control = event.target;
    if (control.dataset?.kind === "month" && control.type !== "month") {
      const normal = normaliseMonth(control.value);
      if (normal !== control.value) control.value = normal;
    }
    this.changed(control);
  }

  changed(control) {
    if (!control.dataset?.field) return;
    this.touched.add(control.dataset.field);
    this.save();
    this.view.refresh();
  }

  // ---------------------------------------------------------------- clicks

  clicked(event) {
    const target = event.target.closest("[data-action], [data-target]");
    if (!target) return;
    if (target.dataset.target) {
      event.preventDefault();
      this.focusField(target.dataset.target);
      return;
    }
    this.actions()[target.dataset.action]?.();
  }

  /** What a click on each data-action does; actions not listed here are left to their markup. */
  actions() {
    return {
      print: () => {
        if (this.checkAll("print")) this.print();
      },
      "print-anyway": () => this.print(),
      download: () => this.files.download(currentDraft(this.form)),
      reset: () => this.startAgain(),
      mail: () => this.view.syncMail(),
      "set-aside-download": () => this.downloadSetAside(),
      "set-aside-discard": () => this.discardSetAside(),
    };
  }

  /** An error summary link: focus the field and bring its label into view. */
  focusField(id) {
    const control = this.form.ownerDocument.getElementById(id);
    if (!control) return;
    control.focus({ preventScroll: true });
    (control.closest(".wego-app__field") ?? control).scrollIntoView({ block: "center" });
  }

  print() {
    this.view.refresh();
    window.print();
  }

  resetMessages() {
    for (const control of this.controls) {
      this.notes.clearError(control);
      this.notes.clearNotes(control);
    }
    this.summary.fill([], null);
    this.touched.clear();
  }

  startAgain() {
    if (!window.confirm(this.messages["confirm.reset"])) return;
    this.form.reset();
    this.store.clear();
    this.resetMessages();
    this.checkStatus.textContent = "";
    this.view.refresh();
    this.say(this.messages["notice.cleared"]);
  }

  // ---------------------------------------------------------------- draft files, set-aside draft

  downloadSetAside() {
    const aside = this.store.aside();
    if (aside) this.files.downloadSetAside(aside.text);
  }

  discardSetAside() {
    if (!window.confirm(this.messages["confirm.discard_set_aside"])) return;
    this.store.discardAside();
    this.setAsideNotice.show(this.store.aside());
    this.storageWarned = false;
    this.save();
    this.say(this.messages["notice.set_aside_discarded"]);
  }

  loadChosen(fileInput) {
    const file = fileInput.files?.[0];
    if (!file) return;
    this.load(file).finally(() => {
      fileInput.value = "";
    });
  }

  async load(file) {
    const fields = await this.files.read(file);
    if (!fields) return;
    const question = fillTemplate(this.messages["confirm.replace"], { file: file.name });
    if (this.hasData() && !window.confirm(question)) {
      this.say(this.messages["notice.not_replaced"]);
      return;
    }
    this.apply(fields);
    this.resetMessages();
    this.entry.stripAll(this.controls);
    this.save();
    this.view.refresh();
    this.say(fillTemplate(this.messages["notice.loaded"], { file: file.name }));
  }
}
