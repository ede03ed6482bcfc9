/*
 * The application page's Word buttons: "Download as Word (.docx)" and "Cover letter (.docx)".
 *
 * On a click it reads the form's current values (its named controls, through FormData), then
 * loads what it needs, all from the site's own origin and only now, so the page's first load
 * stays as light as it was: the generator (documents.mjs), the pinned docx library
 * (assets/vendor/docx/, copied from node_modules by hooks/vendor_assets.py) and the page
 * language's texts (written at build time by sitebuild/application_docx.py). The document is
 * made in the browser and saved as a file: nothing is sent anywhere.
 *
 * Importing this module does nothing: the page's entry (application/page.mjs) makes a
 * WordDownloads for the form and calls init().
 */

import { saveFile } from "../save-file.mjs";
import { fillTemplate, readMessages } from "../ui-text.mjs";

const KINDS = { "download-docx": "application", "download-letter": "letter" };
const SELECTOR = Object.keys(KINDS).map((action) => `[data-action=${action}]`).join(", ");
const GENERATOR = new URL("./documents.mjs", import.meta.url);

// The library lives in its own (content-addressed) vendor folder: the page names its URL.
function libraryUrl(status) {
  return new URL(status.dataset.library, document.baseURI);
}

function textsUrl(lang) {
  return new URL(`../../application-docx/texts.${lang}.json`, import.meta.url);
}

/** {field name: typed text} from the form's named controls; files and the like are skipped. */
function formValues(form) {
  const values = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string") values[name] = value;
  }
  return values;
}

async function loadTexts(lang) {
  const response = await fetch(textsUrl(lang), { credentials: "same-origin" });
  if (!response.ok) throw new Error(`texts: HTTP ${response.status}`);
  return response.json();
}

export class WordDownloads {
  /** @param {HTMLFormElement} form  the application form, which holds both Word buttons */
  constructor(form) {
    this.form = form;
    this.status = form.querySelector("[data-docx-status]");
  }

  init() {
    this.form.addEventListener("click", (event) => {
      const button = event.target instanceof Element ? event.target.closest(SELECTOR) : null;
      if (!button) return;
      event.preventDefault();
      this.download(button);
    });
    return this;
  }

  report(key, values = {}) {
    if (this.status) this.status.textContent = fillTemplate(readMessages(this.status)[key], values);
  }

  /** The generator, the library and the texts, fetched now (on the first click) in parallel. */
  async modules(lang) {
    const [generator, docx, texts] = await Promise.all([
      import(GENERATOR.href),
      import(libraryUrl(this.status).href),
      loadTexts(lang.slice(0, 2)),
    ]);
    return { generator, docx, texts };
  }

  async download(button) {
    if (button.getAttribute("aria-busy") === "true") return;
    const values = formValues(this.form);
    const lang = (button.closest("[lang]") || document.documentElement).lang || "en";
    button.setAttribute("aria-busy", "true");
    if (this.status) this.status.textContent = "";
    try {
      const { generator, docx, texts } = await this.modules(lang);
      const { document: wordDocument, fileName } = generator.build(
        KINDS[button.dataset.action], docx, values, texts,
      );
      saveFile(await docx.Packer.toBlob(wordDocument), fileName);
      this.report("done", { file: fileName });
    } catch (error) {
      this.report("failed");
      console.warn("The Word document could not be made:", error);
    } finally {
      button.removeAttribute("aria-busy");
    }
  }
}
