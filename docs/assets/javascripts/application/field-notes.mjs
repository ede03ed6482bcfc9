// What the form says beside one field: its error (with the invalid state the browser and
// assistive technology read), a paste that was cut, characters that were stripped. Each note is
// the element `<control id>-<kind>` the markup puts under the field; text goes in with
// textContent only.
import { fillTemplate } from "../ui-text.mjs";
import { isCheckbox } from "./fields.mjs";

export class FieldNotes {
  /**
   * @param {Document} document  the page (notes are found by id)
   * @param {Record<string, string>} messages  the form's catalogue strings
   */
  constructor(document, messages) {
    this.document = document;
    this.messages = messages;
  }

  note(control, kind) {
    return this.document.getElementById(`${control.id}-${kind}`);
  }

  /** The catalogue message `key` about `control`, its label filled in. */
  message(control, key) {
    return fillTemplate(this.messages[key], { label: control.dataset.label });
  }

  showError(control, key) {
    const text = this.message(control, key);
    control.setCustomValidity(text);
    control.setAttribute("aria-invalid", "true");
    control.closest(".wego-app__field").classList.add("wego-app__field--error");
    const element = this.note(control, "error");
    if (!element) return;
    const prefix = this.document.createElement("span");
    prefix.className = "wego-visually-hidden";
    prefix.textContent = `${this.messages["error.prefix"]} `;
    element.replaceChildren(prefix, this.document.createTextNode(text));
    element.hidden = false;
  }

  clearError(control) {
    if (isCheckbox(control)) return;
    control.setCustomValidity("");
    control.removeAttribute("aria-invalid");
    control.closest(".wego-app__field")?.classList.remove("wego-app__field--error");
    const element = this.note(control, "error");
    if (element) {
      element.replaceChildren();
      element.hidden = true;
    }
  }

  hasError(control) {
    return control.getAttribute("aria-invalid") === "true";
  }

  /** Show `text` in the note `kind` of `control`, or hide the note when `text` is "". */
  say(control, kind, text) {
    const note = this.note(control, kind);
    if (!note) return;
    note.textContent = text;
    note.hidden = !text;
  }

  /** A paste the field's limit cut ({max, length}), or null to hide the note. */
  showCut(control, cut) {
    this.say(control, "cut", cut ? fillTemplate(this.messages["cut.note"], cut) : "");
  }

  /** Whether control characters were just stripped from what was typed or pasted. */
  showStripped(control, stripped) {
    this.say(control, "stripped", stripped ? this.messages["stripped.note"] : "");
  }

  /** Hide every note but the errors (a loaded draft or "Start again" begins afresh). */
  clearNotes(control) {
    this.showCut(control, null);
    this.showStripped(control, false);
  }
}
