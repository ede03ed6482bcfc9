// The error summary at the top of the form (the GOV.UK Design System pattern): one link per
// failing field, in form order, each naming the field's section and its problem.
import { fillTemplate } from "../ui-text.mjs";

export class ErrorSummary {
  /**
   * @param {HTMLElement} root  the summary ([data-error-summary]) with its [data-error-list] and
   *   the [data-print-anyway] offer
   * @param {Record<string, string>} messages  the form's catalogue strings
   */
  constructor(root, messages) {
    this.root = root;
    this.list = root.querySelector("[data-error-list]");
    this.printAnyway = root.querySelector("[data-print-anyway]");
    this.messages = messages;
  }

  get shown() {
    return !this.root.hidden;
  }

  /**
   * List `failing` ([{control, message}]); `mode` "print" also offers to print anyway, "check"
   * does not, null leaves that offer as it is. Entries that stay are kept as they are (not
   * re-created), so a click on a summary link is never lost while the list updates.
   */
  fill(failing, mode) {
    const wanted = new Set(failing.map(({ control }) => control.id));
    for (const item of [...this.list.children]) {
      if (!wanted.has(item.dataset.for)) item.remove();
    }
    let cursor = this.list.firstElementChild;
    for (const entry of failing) cursor = this.place(this.itemFor(entry.control), cursor, entry);
    if (mode) this.printAnyway.hidden = mode !== "print";
    this.root.hidden = failing.length === 0;
  }

  itemFor(control) {
    const existing = [...this.list.children].find((item) => item.dataset.for === control.id);
    if (existing) return existing;
    const item = this.root.ownerDocument.createElement("li");
    item.dataset.for = control.id;
    const link = this.root.ownerDocument.createElement("a");
    link.href = `#${control.id}`;
    link.dataset.target = control.id;
    item.append(link);
    return item;
  }

  /** Put `item` at `cursor` with its text; returns the position after it. */
  place(item, cursor, { control, message }) {
    const next = item === cursor ? cursor.nextElementSibling : cursor;
    if (item !== cursor) this.list.insertBefore(item, cursor);
    const section = control.closest("fieldset[data-section]");
    const text = fillTemplate(this.messages["summary.item"], {
      section: section?.dataset.sectionShort ?? "",
      message,
    });
    if (item.firstElementChild.textContent !== text) item.firstElementChild.textContent = text;
    return next;
  }

  /**
   * Focus the summary, scrolled so that its heading is at the top of the screen (a long list
   * would otherwise be scrolled to its middle on a phone, with the heading above the screen).
   */
  show() {
    this.root.focus({ preventScroll: true });
    this.root.scrollIntoView({ block: "start" });
  }
}
