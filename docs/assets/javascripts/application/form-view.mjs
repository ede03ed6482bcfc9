// What the form's values show elsewhere on the page: the mirrored fields ("same as" ticked),
// the print view's values and the e-mail link to the Secretariat. All of it is derived from the
// fields each time, so it can never disagree with them.
import { isCheckbox, mailText } from "./fields.mjs";
import { buildMail, mailLines } from "./mail.mjs";
import { formatMonth, oneLine } from "./values.mjs";

export class FormView {
  /**
   * @param {HTMLFormElement} form  the application form
   * @param {object} parts
   * @param {HTMLElement[]} parts.controls  the fields' controls, in form order
   * @param {ReturnType<import("./fields.mjs").describeFields>} parts.schema  the same fields
   * @param {Record<string, string>} parts.messages  the form's catalogue strings
   * @param {import("./field-notes.mjs").FieldNotes} parts.notes  a mirrored field has no error
   */
  constructor(form, { controls, schema, messages, notes }) {
    this.form = form;
    this.page = form.closest(".wego-app") ?? form.parentNode;
    this.controls = controls;
    this.byName = Object.fromEntries(controls.map((control) => [control.dataset.field, control]));
    this.schema = schema;
    this.monthFormat = messages["format.month"];
    this.mail = mailText(messages);
    this.notes = notes;
    this.sameAs = form.querySelector("input[type=checkbox][data-field]");
    this.mirrors = controls.filter((control) => control.dataset.mirrorOf);
    this.mailLink = form.querySelector("[data-action=mail]");
    this.shortenedNote = form.querySelector("[data-mail-shortened]");
  }

  refresh() {
    this.syncMirrors();
    this.syncFills();
    this.syncMail();
  }

  /** "Same as" ticked: the mirrored fields copy their source and cannot be edited. */
  syncMirrors() {
    const on = Boolean(this.sameAs?.checked);
    for (const control of this.mirrors) {
      const source = this.byName[control.dataset.mirrorOf];
      control.readOnly = on;
      if (on && source) {
        control.value = source.value;
        this.notes.clearError(control);
      }
    }
  }

  /** A field's value as shown: a month in the given format ("08/2017"), the rest as typed. */
  static shown(control, monthFormat) {
    const value = control.value;
    return control.dataset.kind === "month" ? formatMonth(value, monthFormat) : value;
  }

  syncFills() {
    for (const target of this.page.querySelectorAll("[data-fill]")) {
      const control = this.byName[target.dataset.fill];
      if (control) target.textContent = FormView.shown(control, this.monthFormat).trim();
    }
  }

  /** The mailto: link for the fields as they are now: {href, shortened, omitted}. */
  currentMail() {
    const values = Object.fromEntries(this.controls.filter((c) => !isCheckbox(c)).map((control) => [
      control.dataset.field, oneLine(FormView.shown(control, this.mail["format.month"])),
    ]));
    const fields = this.schema.filter((field) => field.kind !== "checkbox")
      .map((field) => ({ ...field, label: field.mailLabel }));
    return buildMail({
      mailTo: this.form.dataset.mailTo,
      limit: Number(this.form.dataset.mailLimit),
      text: this.mail,
      city: this.byName.city_official_name?.value.trim() ?? "",
      signer: this.byName.secretariat_name?.value.trim() ?? "",
      lines: mailLines(fields, values),
    });
  }

  syncMail() {
    if (!this.mailLink) return;
    const result = this.currentMail();
    this.mailLink.setAttribute("href", result.href);
    if (this.shortenedNote) this.shortenedNote.hidden = !result.shortened;
  }
}
