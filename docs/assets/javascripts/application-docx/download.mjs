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
 * One listener on the document serves every page Material's instant navigation brings in.
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

async function download(button) {
  const form = button.closest("form");
  const status = form && form.querySelector("[data-docx-status]");
  if (!form || button.getAttribute("aria-busy") === "true") return;
  const values = formValues(form);
  const lang = (button.closest("[lang]") || document.documentElement).lang || "en";
  button.setAttribute("aria-busy", "true");
  if (status) status.textContent = "";
  try {
    const [generator, docx, texts] = await Promise.all([
      import(GENERATOR.href),
      import(libraryUrl(status).href),
      loadTexts(lang.slice(0, 2)),
    ]);
    const { document: wordDocument, fileName } = generator.build(
      KINDS[button.dataset.action], docx, values, texts,
    );
    saveFile(await docx.Packer.toBlob(wordDocument), fileName);
    if (status) status.textContent = fillTemplate(readMessages(status).done, { file: fileName });
  } catch (error) {
    if (status) status.textContent = readMessages(status).failed;
    console.warn("The Word document could not be made:", error);
  } finally {
    button.removeAttribute("aria-busy");
  }
}

document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest(SELECTOR) : null;
  if (!button) return;
  event.preventDefault();
  download(button);
});
