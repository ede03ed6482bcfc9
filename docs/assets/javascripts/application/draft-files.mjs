// The draft as a file: what the form holds, downloaded; a file the reader picks, read and
// checked (taken whole or refused, with the reason in the page's language: refusing a file
// loses nothing); and the set-aside draft's stored text, downloaded exactly as it was stored.
import { saveFile } from "../save-file.mjs";
import { fillTemplate } from "../ui-text.mjs";
import { draftDocument, draftFileName, readDraftText } from "./draft.mjs";

export class DraftFiles {
  /**
   * @param {HTMLFormElement} form  the application form (data-file-prefix, data-draft-max-bytes)
   * @param {object} options
   * @param {object[]} options.schema  the form's fields (see fields.mjs)
   * @param {{format: string, version: number}} options.meta  what a draft of this form carries
   * @param {Record<string, string>} options.messages  the form's catalogue strings
   * @param {(text: string, kind?: string) => void} options.say  the form's notice
   */
  constructor(form, { schema, meta, messages, say }) {
    this.prefix = form.dataset.filePrefix;
    this.maxBytes = Number(form.dataset.draftMaxBytes);
    this.schema = schema;
    this.meta = meta;
    this.messages = messages;
    this.say = say;
  }

  /** The form's fields as a draft file, "wego-application-draft-<date>.json". */
  download(fields) {
    const text = `${JSON.stringify(draftDocument(fields, this.meta), null, 2)}\n`;
    saveFile(new Blob([text], { type: "application/json" }), draftFileName(this.prefix));
  }

  /** A set-aside draft's stored text, unchanged, "wego-application-draft-set-aside-<date>.json". */
  downloadSetAside(text) {
    const name = draftFileName(`${this.prefix}-set-aside`);
    saveFile(new Blob([text], { type: "application/json" }), name);
  }

  refuse(key, file, label = "") {
    this.say(fillTemplate(this.messages[`file.${key}`], { file: file.name, label }), "error");
  }

  /** The picked file's fields, or null when it was refused (the reader is told why). */
  async read(file) {
    if (file.size > this.maxBytes) {
      this.refuse("too_large", file);
      return null;
    }
    let text;
    try {
      text = await file.text();
    } catch {
      this.refuse("not_json", file);
      return null;
    }
    const result = readDraftText(text, this.schema, this.meta);
    if (!result.fields) this.refuse(result.error, file, result.label);
    return result.fields ?? null;
  }
}
