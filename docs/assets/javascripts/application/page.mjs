// The application page's one script entry, loaded by the form's own markup (so on this page
// only): it starts the components the page has. The component modules do nothing when
// imported; this is the page's explicit start (the pattern of GOV.UK Frontend's initAll), run
// once per page load.
import { WordDownloads } from "../application-docx/download.mjs";
import { ApplicationForm } from "./form.mjs";

/** Start the application form and its Word buttons inside `scope`. */
export function initAll(scope = document) {
  const form = scope.querySelector("#wego-application-form");
  if (!form) return;
  new ApplicationForm(form).init();
  new WordDownloads(form).init();
}

initAll();
