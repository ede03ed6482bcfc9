// The offer of a new version of the guide: "A new version of the guide is available — reload",
// in the page's language, announced politely (aria-live) with a real button.
//
// The offer's root element is written by the build (overrides/main.html) in every page, empty,
// with its texts in `data-messages`. `show()` fills it; the button reloads the page, which the
// network (or the new kept version, offline) then serves as one deploy.
import { readMessages } from "../ui-text.mjs";

export class UpdateOffer {
  constructor(root, { reload = () => window.location.reload() } = {}) {
    this.root = root;
    this.reload = reload;
    this.messages = readMessages(root);
  }

  show() {
    if (this.root.childElementCount) return;
    const text = this.root.ownerDocument.createElement("span");
    text.textContent = this.messages["offline.update_available"];
    const button = this.root.ownerDocument.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary";
    button.textContent = this.messages["offline.reload"];
    button.addEventListener("click", () => this.reload());
    // The root is an empty live region from the start, so that filling it is announced.
    this.root.replaceChildren(text, " ", button);
  }
}
