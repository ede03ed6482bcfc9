// The page's side of holding Material's search worker while the calculator's engine starts
// (overrides/partials/search-hold.js, inlined before Material's bundle, says why and how): the
// page releases it once the engine is up or has failed, or at once when the reader turns to the
// search field.

export class SearchRelease {
  /** @param {Window} win  the page's window: its document and the hold the inline script left */
  constructor(win) {
    this.hold = win.__wegoSearchHold ?? null;
    const search = win.document.forms.namedItem("search");
    for (const type of ["focusin", "input"]) {
      search?.addEventListener(type, () => this.release(), { once: true });
    }
  }

  /** The engine is settled (up or failed), or the reader searches: start the search worker. */
  release() {
    this.hold?.release();
  }
}
