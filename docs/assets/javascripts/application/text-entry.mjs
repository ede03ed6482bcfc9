// What the form does with text as it is typed or pasted into a field: control characters are
// stripped (the rule in values.mjs) with a note beside the field, and a paste that the field's
// limit cut is said. The form calls these from its paste and input events; the notes are
// FieldNotes'.
import { isCheckbox } from "./fields.mjs";
import { pasteOverflow, stripControls } from "./values.mjs";

/** Whether `control` is one of the form's text fields (not the checkbox, not a button). */
export const isTextField = (control) => Boolean(control.dataset?.field) && !isCheckbox(control);

/** A text area keeps tabs and line breaks; a one-line field does not. */
const optionsFor = (control) => ({ multiline: control.localName === "textarea" });

/** The caret's position; null for inputs without one (type=email). */
function caretOf(control) {
  try {
    return control.selectionStart;
  } catch {
    return null;
  }
}

/**
 * Drop control characters from the field's value, keeping the caret where it was among the
 * characters that stay. Returns whether anything was dropped.
 */
function stripControlsFrom(control) {
  const options = optionsFor(control);
  const value = control.value;
  const kept = stripControls(value, options);
  if (kept === value) return false;
  const caret = caretOf(control);
  control.value = kept;
  if (caret !== null) {
    const at = stripControls(value.slice(0, caret), options).length;
    control.setSelectionRange(at, at);
  }
  return true;
}

export class TextEntry {
  /** @param {import("./field-notes.mjs").FieldNotes} notes  where each field's notes go */
  constructor(notes) {
    this.notes = notes;
    this.pasteCut = new WeakMap();
  }

  /** Remember what a paste beyond the field's limit loses; the input event then says so. */
  pasted(event) {
    const control = event.target;
    if (!isTextField(control)) return;
    this.pasteCut.set(control, pasteOverflow({
      value: control.value,
      selectionStart: control.selectionStart,
      selectionEnd: control.selectionEnd,
      maxLength: control.maxLength,
      pasted: event.clipboardData?.getData("text/plain") ?? "",
      multiline: optionsFor(control).multiline,
    }));
  }

  /** After each input: strip control characters, and say what was stripped or cut, if anything. */
  typed(control) {
    if (!isTextField(control)) return;
    this.notes.showStripped(control, stripControlsFrom(control));
    this.notes.showCut(control, this.pasteCut.get(control) ?? null);
    this.pasteCut.delete(control);
  }

  /**
   * Strip control characters from a draft just applied (one saved before they were stripped as
   * typed, or a file), with the note beside each field that had any. No caret moves: the reader
   * is not in these fields.
   */
  stripAll(controls) {
    for (const control of controls.filter(isTextField)) {
      const kept = stripControls(control.value, optionsFor(control));
      this.notes.showStripped(control, kept !== control.value);
      control.value = kept;
    }
  }
}
