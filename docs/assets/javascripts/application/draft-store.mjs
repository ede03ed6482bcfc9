// The draft's copies in the browser's storage: the one the form saves as the reader types, and
// a stored draft the form could not take whole, kept untouched under its own key ("set aside")
// until the reader discards it. The stored text is the reader's only copy of what they typed,
// so it is never overwritten before it is safe somewhere else.
//
// No DOM: the storage is given (the page's localStorage, or null where the browser refuses it;
// a Map-backed fake in tests/js/application/draft-store.test.mjs).
import { draftDocument, salvageDraftText } from "./draft.mjs";

/** The key of the set-aside copy of the draft stored under `key`. */
export const setAsideKey = (key) => `${key}-set-aside`;

export class DraftStore {
  /**
   * @param {Storage | null} storage  where drafts are kept (null: nowhere)
   * @param {{key: string, schema: object[], meta: {format: string, version: number}}} options
   */
  constructor(storage, { key, schema, meta }) {
    this.storage = storage;
    this.key = key;
    this.asideKey = setAsideKey(key);
    this.schema = schema;
    this.meta = meta;
    // A stored draft that could not be set aside (storage refused, or another set-aside copy
    // holds the key): while it is held, saving would overwrite its only copy, so saving waits.
    this.held = null;
  }

  get(key) {
    try {
      return this.storage.getItem(key);
    } catch {
      return null;
    }
  }

  set(key, text) {
    try {
      this.storage.setItem(key, text);
      return true;
    } catch {
      return false;
    }
  }

  remove(key) {
    try {
      this.storage.removeItem(key);
    } catch {
      // nothing stored, nothing to delete
    }
  }

  /**
   * The stored draft as the form takes it: {fields} (null when there is none to apply) and
   * {aside}: null, or the set-aside draft ({text, whole, setAside}: its text and what of it did
   * not fit, as `salvageDraft` says). A stored draft that does not fit whole is set aside first.
   */
  load() {
    const raw = this.get(this.key);
    const result = raw === null ? null : salvageDraftText(raw, this.schema, this.meta);
    if (result && (result.whole || result.setAside.length)) this.keepAside(raw);
    return { fields: result?.fields ?? null, aside: this.aside() };
  }

  keepAside(raw) {
    const existing = this.get(this.asideKey);
    if (existing === raw) return;
    if (existing === null && this.set(this.asideKey, raw)) return;
    this.held = raw;
  }

  /** The set-aside draft the reader has not discarded yet, with its report; null for none. */
  aside() {
    const text = this.held ?? this.get(this.asideKey);
    return text === null ? null : { text, ...salvageDraftText(text, this.schema, this.meta) };
  }

  /** Save the form's fields; false when they could not be saved (the reader must be told). */
  save(fields, now = new Date()) {
    if (this.held !== null) return false;
    return this.set(this.key, JSON.stringify(draftDocument(fields, this.meta, now)));
  }

  /** The reader discards the set-aside draft they were shown; saving goes on as usual. */
  discardAside() {
    if (this.held !== null) this.held = null;
    else this.remove(this.asideKey);
  }

  /** Delete the saved draft ("Start again"); a set-aside draft stays until it is discarded. */
  clear() {
    if (this.held === null) this.remove(this.key);
  }
}
