// The notice that part or all of the draft stored in this browser could not be put back into
// the form: which fields were set aside and why, that the stored text is kept as it was, and the
// two things the reader can do with it (download it, discard it; the form handles the buttons'
// data-action). Shown near the top of the form, in a polite live region.
import { fillTemplate } from "../ui-text.mjs";

export class SetAsideNotice {
  /**
   * @param {HTMLElement} root  [data-set-aside]: the live region, with the panel
   *   [data-set-aside-panel], its sentence [data-set-aside-text] and list [data-set-aside-list]
   * @param {Record<string, string>} messages  the form's catalogue strings
   */
  constructor(root, messages) {
    this.root = root;
    this.panel = root.querySelector("[data-set-aside-panel]");
    this.text = root.querySelector("[data-set-aside-text]");
    this.list = root.querySelector("[data-set-aside-list]");
    this.messages = messages;
  }

  /**
   * Show what of `aside` ({whole, setAside}: see salvageDraft in draft.mjs) was set aside, or
   * hide the notice when `aside` is null.
   */
  show(aside) {
    this.panel.hidden = aside === null;
    if (aside === null) {
      this.text.textContent = "";
      this.list.replaceChildren();
      return;
    }
    const key = aside.whole ? `set_aside.whole.${aside.whole}` : "set_aside.partial";
    this.text.textContent = this.messages[key];
    this.list.replaceChildren(...aside.setAside.map((item) => this.item(item)));
    this.list.hidden = aside.setAside.length === 0;
  }

  /** "“Postcode”: longer than 20 characters". */
  item({ label, reason, max }) {
    const element = this.root.ownerDocument.createElement("li");
    const why = fillTemplate(this.messages[`set_aside.reason.${reason}`], { max });
    element.textContent = fillTemplate(this.messages["set_aside.item"], { label, reason: why });
    return element;
  }
}
