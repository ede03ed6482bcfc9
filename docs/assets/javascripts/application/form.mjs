// The application form on the page: wires the pure modules (values, validation, draft, mail)
// to the markup that sitebuild/application_form.py renders from overrides/partials/
// application-form.html. Loaded by the form's own <script type="module">, so only on the
// application page; started through Material's document$ (every page load, instant or not).
//
// Everything it needs comes from the markup: the fields with their kinds, labels and sections
// (data attributes on the controls), the actions (data-action) and every message in the page's
// language (the form's data-messages). Typed text is only ever written with textContent or
// value, never parsed as HTML.
import { fillTemplate, readMessages } from "../ui-text.mjs";
import { currentDraft, draftDocument, draftFileName, readDraftText } from "./draft.mjs";
import { buildMail, mailLines } from "./mail.mjs";
import { problemOf } from "./validation.mjs";
import { formatMonth, normaliseMonth, oneLine, pasteOverflow } from "./values.mjs";

const FORM_ID = "wego-application-form";

/** The form's fields as the pure modules see them, read once from the controls. */
function describe(controls) {
  return controls.map((control) => {
    const section = control.closest("fieldset[data-section]");
    return {
      name: control.dataset.field,
      kind: control.dataset.kind,
      label: control.dataset.label,
      required: control.required,
      maxLength: control.maxLength,
      after: control.dataset.after || "",
      section: section?.dataset.mailTitle ?? "",
      sectionShort: section?.dataset.mailShort ?? "",
      mailLabel: control.dataset.mailLabel,
      rank: Number(control.dataset.mailRank || 0),
    };
  });
}

/** The e-mail's strings: the "mail:"-prefixed messages, without the prefix. */
function mailText(messages) {
  return Object.fromEntries(Object.entries(messages)
    .filter(([key]) => key.startsWith("mail:"))
    .map(([key, value]) => [key.slice(5), value]));
}

function setup(form) {
  const messages = readMessages(form);
  const app = form.closest(".wego-app") ?? form.parentNode;
  const meta = { format: form.dataset.draftFormat, version: Number(form.dataset.draftVersion) };
  const storageKey = form.dataset.storageKey;
  const controls = [...form.querySelectorAll("[data-field]")];
  const schema = describe(controls);
  const byName = Object.fromEntries(controls.map((control) => [control.dataset.field, control]));
  const sameAs = form.querySelector("input[type=checkbox][data-field]");
  const mirrors = controls.filter((control) => control.dataset.mirrorOf);
  const summary = form.querySelector("[data-error-summary]");
  const summaryList = form.querySelector("[data-error-list]");
  const printAnyway = form.querySelector("[data-print-anyway]");
  const notice = form.querySelector("[data-notice]");
  const checkStatus = form.querySelector("[data-check-status]");
  const mailLink = form.querySelector("[data-action=mail]");
  const shortenedNote = form.querySelector("[data-mail-shortened]");
  const fileInput = form.querySelector("input[type=file][data-action=load]");
  const mail = mailText(messages);
  const touched = new Set();
  const pasteCut = new WeakMap();
  let storageWarned = false;

  const isCheckbox = (control) => control.type === "checkbox";

  // ------------------------------------------------------------------ values

  function defaults() {
    return Object.fromEntries(controls.map((control) => [
      control.dataset.field, isCheckbox(control) ? control.defaultChecked : control.defaultValue,
    ]));
  }

  function hasData() {
    const now = currentDraft(form);
    const initial = defaults();
    return Object.keys(initial).some((name) => now[name] !== initial[name]);
  }

  function apply(fields) {
    for (const control of controls) {
      const value = fields[control.dataset.field];
      if (isCheckbox(control)) control.checked = value === true;
      else control.value = typeof value === "string" ? value : "";
    }
    syncMirrors();
  }

  // ------------------------------------------------------------------ storage

  function say(text, kind) {
    notice.textContent = text;
    if (kind) notice.dataset.kind = kind;
    else delete notice.dataset.kind;
  }

  function save() {
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(draftDocument(currentDraft(form), meta)));
    } catch {
      if (!storageWarned) {
        storageWarned = true;
        say(messages["notice.storage_failed"], "error");
      }
    }
  }

  function stored() {
    try {
      const raw = window.localStorage.getItem(storageKey);
      return raw === null ? null : readDraftText(raw, schema, meta).fields ?? null;
    } catch {
      return null;
    }
  }

  function restore() {
    const fields = stored();
    if (fields) apply(fields);
    refresh();
  }

  // ------------------------------------------------------------------ mirrors, print view, link

  function syncMirrors() {
    const on = Boolean(sameAs?.checked);
    for (const control of mirrors) {
      const source = byName[control.dataset.mirrorOf];
      control.readOnly = on;
      if (on && source) {
        control.value = source.value;
        clearError(control);
      }
    }
  }

  function shown(control, monthFormat) {
    const value = control.value;
    return control.dataset.kind === "month" ? formatMonth(value, monthFormat) : value;
  }

  function syncFills() {
    for (const target of app.querySelectorAll("[data-fill]")) {
      const control = byName[target.dataset.fill];
      if (control) target.textContent = shown(control, messages["format.month"]).trim();
    }
  }

  function currentMail() {
    const values = Object.fromEntries(controls.filter((c) => !isCheckbox(c)).map((control) => [
      control.dataset.field, oneLine(shown(control, mail["format.month"])),
    ]));
    const fields = schema.filter((field) => field.kind !== "checkbox")
      .map((field) => ({ ...field, label: field.mailLabel }));
    return buildMail({
      mailTo: form.dataset.mailTo,
      limit: Number(form.dataset.mailLimit),
      text: mail,
      city: byName.city_official_name?.value.trim() ?? "",
      signer: byName.secretariat_name?.value.trim() ?? "",
      lines: mailLines(fields, values),
    });
  }

  function syncMail() {
    if (!mailLink) return;
    const result = currentMail();
    mailLink.setAttribute("href", result.href);
    if (shortenedNote) shortenedNote.hidden = !result.shortened;
  }

  function refresh() {
    syncMirrors();
    syncFills();
    syncMail();
  }

  // ------------------------------------------------------------------ checks

  const errorElement = (control) => document.getElementById(`${control.id}-error`);

  /** The catalogue key of the field's problem, or "" when it is fine. */
  function problem(control) {
    if (isCheckbox(control) || control.readOnly) return "";
    if (control.dataset.kind === "month" && control.validity.badInput) return "error.month";
    const field = schema[controls.indexOf(control)];
    return problemOf(field, control.value, currentDraft(form));
  }

  const message = (control, key) => fillTemplate(messages[key], { label: control.dataset.label });

  function showError(control, key) {
    const text = message(control, key);
    control.setCustomValidity(text);
    control.setAttribute("aria-invalid", "true");
    control.closest(".wego-app__field").classList.add("wego-app__field--error");
    const element = errorElement(control);
    if (!element) return;
    const prefix = document.createElement("span");
    prefix.className = "wego-visually-hidden";
    prefix.textContent = `${messages["error.prefix"]} `;
    element.replaceChildren(prefix, document.createTextNode(text));
    element.hidden = false;
  }

  function clearError(control) {
    if (isCheckbox(control)) return;
    control.setCustomValidity("");
    control.removeAttribute("aria-invalid");
    control.closest(".wego-app__field")?.classList.remove("wego-app__field--error");
    const element = errorElement(control);
    if (element) {
      element.replaceChildren();
      element.hidden = true;
    }
  }

  function checkOne(control) {
    const key = problem(control);
    if (key) showError(control, key);
    else clearError(control);
    return key;
  }

  const errorsShown = () => controls.filter((c) => c.getAttribute("aria-invalid") === "true");

  /**
   * Show the failing fields in the summary. Entries that stay are kept as they are (not
   * re-created), so a click on a summary link is never lost while the list updates.
   */
  function fillSummary(failing, mode) {
    const wanted = new Set(failing.map((control) => control.id));
    for (const item of [...summaryList.children]) {
      if (!wanted.has(item.dataset.for)) item.remove();
    }
    let cursor = summaryList.firstElementChild;
    for (const control of failing) {
      let item = [...summaryList.children].find((candidate) => candidate.dataset.for === control.id);
      if (!item) {
        item = document.createElement("li");
        item.dataset.for = control.id;
        const link = document.createElement("a");
        link.href = `#${control.id}`;
        link.dataset.target = control.id;
        item.append(link);
      }
      if (item === cursor) cursor = cursor.nextElementSibling;
      else summaryList.insertBefore(item, cursor);
      const section = control.closest("fieldset[data-section]");
      const text = fillTemplate(messages["summary.item"], {
        section: section?.dataset.sectionShort ?? "",
        message: control.validationMessage || message(control, problem(control)),
      });
      if (item.firstElementChild.textContent !== text) item.firstElementChild.textContent = text;
    }
    if (mode) printAnyway.hidden = mode !== "print";
    summary.hidden = failing.length === 0;
  }

  /**
   * Check every field; show the summary when something is wrong, focused and scrolled so that
   * its heading is at the top of the screen (a long list would otherwise be scrolled to its
   * middle on a phone, with the heading above the screen).
   */
  function checkAll(mode) {
    const failing = controls.filter((control) => checkOne(control) !== "");
    fillSummary(failing, mode);
    checkStatus.textContent = "";
    if (!failing.length) return true;
    summary.focus({ preventScroll: true });
    summary.scrollIntoView({ block: "start" });
    return false;
  }

  // ------------------------------------------------------------------ pasted text that is cut

  function showCut(control, cut) {
    const note = document.getElementById(`${control.id}-cut`);
    if (!note) return;
    note.textContent = cut ? fillTemplate(messages["cut.note"], cut) : "";
    note.hidden = !cut;
  }

  // ------------------------------------------------------------------ draft files

  function download() {
    const text = `${JSON.stringify(draftDocument(currentDraft(form), meta), null, 2)}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = draftFileName(form.dataset.filePrefix);
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function refuse(key, file, label = "") {
    say(fillTemplate(messages[`file.${key}`], { file: file.name, label }), "error");
  }

  function resetMessages() {
    controls.forEach(clearError);
    controls.forEach((control) => showCut(control, null));
    fillSummary([], null);
    touched.clear();
  }

  async function load(file) {
    if (file.size > Number(form.dataset.draftMaxBytes)) {
      refuse("too_large", file);
      return;
    }
    let text;
    try {
      text = await file.text();
    } catch {
      refuse("not_json", file);
      return;
    }
    const result = readDraftText(text, schema, meta);
    if (!result.fields) {
      refuse(result.error, file, result.label);
      return;
    }
    const question = fillTemplate(messages["confirm.replace"], { file: file.name });
    if (hasData() && !window.confirm(question)) {
      say(messages["notice.not_replaced"]);
      return;
    }
    apply(result.fields);
    resetMessages();
    save();
    refresh();
    say(fillTemplate(messages["notice.loaded"], { file: file.name }));
  }

  function startAgain() {
    if (!window.confirm(messages["confirm.reset"])) return;
    form.reset();
    try {
      window.localStorage.removeItem(storageKey);
    } catch {
      // nothing stored, nothing to delete
    }
    resetMessages();
    checkStatus.textContent = "";
    refresh();
    say(messages["notice.cleared"]);
  }

  function print() {
    refresh();
    window.print();
  }

  /** What a click on each data-action does; actions not listed here are left to their markup. */
  const actions = {
    print: () => {
      if (checkAll("print")) print();
    },
    "print-anyway": print,
    download,
    reset: startAgain,
    mail: syncMail,
  };

  // ------------------------------------------------------------------ events

  function changed(event) {
    const control = event.target;
    if (!control.dataset?.field) return;
    touched.add(control.dataset.field);
    save();
    refresh();
  }

  form.addEventListener("paste", (event) => {
    const control = event.target;
    if (!control.dataset?.field || isCheckbox(control)) return;
    const pasted = event.clipboardData?.getData("text/plain") ?? "";
    pasteCut.set(control, pasteOverflow({
      value: control.value,
      selectionStart: control.selectionStart,
      selectionEnd: control.selectionEnd,
      maxLength: control.maxLength,
      pasted,
      multiline: control.localName === "textarea",
    }));
  });

  form.addEventListener("input", (event) => {
    const control = event.target;
    if (control.dataset?.field && !isCheckbox(control)) {
      showCut(control, pasteCut.get(control) ?? null);
      pasteCut.delete(control);
    }
    changed(event);
  });
  form.addEventListener("change", (event) => {
    const control = event.target;
    if (control.dataset?.kind === "month" && control.type !== "month") {
      const normal = normaliseMonth(control.value);
      if (normal !== control.value) control.value = normal;
    }
    changed(event);
  });

  // Check a field when leaving it (once it has been typed in or shows an error).
  form.addEventListener("focusout", (event) => {
    const control = event.target;
    if (!control.dataset?.field || isCheckbox(control)) return;
    const name = control.dataset.field;
    if (!touched.has(name) && control.getAttribute("aria-invalid") !== "true") return;
    checkOne(control);
    for (const other of controls) {
      if (other.dataset.after === name && (touched.has(other.dataset.field) ||
          other.getAttribute("aria-invalid") === "true")) {
        checkOne(other);
      }
    }
    if (!summary.hidden) fillSummary(errorsShown(), null);
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (checkAll("check")) checkStatus.textContent = messages["check.ok"];
  });

  form.addEventListener("click", (event) => {
    const target = event.target.closest("[data-action], [data-target]");
    if (!target) return;
    if (target.dataset.target) {
      // Error summary link: focus the field and bring its label into view.
      event.preventDefault();
      const control = document.getElementById(target.dataset.target);
      if (!control) return;
      control.focus({ preventScroll: true });
      (control.closest(".wego-app__field") ?? control).scrollIntoView({ block: "center" });
      return;
    }
    actions[target.dataset.action]?.();
  });

  fileInput?.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    load(file).finally(() => {
      fileInput.value = "";
    });
  });

  for (const element of form.querySelectorAll("[data-js-only]")) {
    element.hidden = false;
    if (element.type === "submit") element.disabled = false;
  }

  restore();
  return { restore, refresh, storageKey };
}

// ------------------------------------------------------------------ start, once per page

const enhanced = new WeakMap();
let globalsBound = false;

function current() {
  const form = document.getElementById(FORM_ID);
  return form ? enhanced.get(form) ?? null : null;
}

function bindGlobals() {
  if (globalsBound) return;
  globalsBound = true;
  // Another tab (or the other language's page) changed the draft: show its version.
  window.addEventListener("storage", (event) => {
    const app = current();
    if (app && event.key === app.storageKey) app.restore();
  });
  // Back/forward cache: the draft may have changed on another page meanwhile.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) current()?.restore();
  });
  window.addEventListener("beforeprint", () => current()?.refresh());
}

function init() {
  const form = document.getElementById(FORM_ID);
  if (!form || enhanced.has(form)) return;
  enhanced.set(form, setup(form));
  form.dataset.enhanced = "true";
  bindGlobals();
}

if (window.document$?.subscribe) window.document$.subscribe(init);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
