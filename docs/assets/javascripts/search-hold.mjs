// The page's side of holding Material's search index until the calculator's engine is settled
// (search-hold-worker.js says why and how): the page releases the index on a BroadcastChannel
// once the engine is up or has failed, or at once when the reader turns to the search field
// (Material sends no query before its index is built), and answers a holding worker that
// starts listening later.

/** The channel and its words, the same in search-hold-worker.js. */
export const SEARCH_HOLD = Object.freeze({ channel: "wego-search-hold", release: "release", ask: "ask" });

export class SearchRelease {
  /** @param {{document: Document, BroadcastChannel?: typeof BroadcastChannel}} win  the page's window */
  constructor(win) {
    this.released = false;
    const search = win.document.forms.namedItem("search");
    for (const type of ["focusin", "input"]) search?.addEventListener(type, () => this.release(), { once: true });
    this.channel = typeof win.BroadcastChannel === "function" ? new win.BroadcastChannel(SEARCH_HOLD.channel) : null;
    if (this.channel) {
      this.channel.onmessage = ({ data }) => {
        if (data === SEARCH_HOLD.ask && this.released) this.channel.postMessage(SEARCH_HOLD.release);
      };
    }
  }

  /** The engine is settled (up or failed), or the reader searches: build the index now. */
  release() {
    if (this.released) return;
    this.released = true;
    this.channel?.postMessage(SEARCH_HOLD.release);
  }
}
