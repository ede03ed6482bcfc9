// The page's link follows a form's inputs: the address bar (history.replaceState) and the
// language selector's links, so a bookmark, a shared link or a switch of language keeps them.
//
// While the reader types, the link is written once typing pauses: each write costs the main
// thread a few milliseconds that every keystroke's result would otherwise wait for. A click
// anywhere (a language link, a menu entry, the copy button), printing and leaving the page
// write a pending link at once. Nothing happens until `listen()`: the component calls it.

const LINK_DELAY_MS = 250;
const LANGUAGE_LINKS = "a.md-select__link[hreflang]";

export class PageLink {
  /** @param {Window} win  the page's window (its document, history and location) */
  constructor(win, { delayMs = LINK_DELAY_MS } = {}) {
    this.window = win;
    this.delayMs = delayMs;
    this.pending = null;
    this.timer = 0;
  }

  /** Flush a pending link on the moments it must be current, and let language links keep it. */
  listen() {
    const flush = () => this.flush();
    this.window.addEventListener("click", flush, true);
    this.window.addEventListener("pagehide", flush);
    this.window.addEventListener("beforeprint", flush);
    this.window.document.addEventListener("visibilitychange", flush);
    for (const link of this.languageLinks()) {
      // Material's selector handler rebuilds the target from its sitemap and drops the query;
      // here the link itself is exact, so the browser follows it as written.
      link.addEventListener("click", (event) => event.stopPropagation());
    }
    this.carryToLanguageLinks(this.window.location.search);
  }

  languageLinks() {
    return this.window.document.querySelectorAll(LANGUAGE_LINKS);
  }

  /** Write `query` ("?a=1" or "") into the address bar and the language links now. */
  write(query) {
    clearTimeout(this.timer);
    this.pending = null;
    const { history, location } = this.window;
    history.replaceState(history.state, "", `${location.pathname}${query}`);
    this.carryToLanguageLinks(query);
  }

  /** Write `query` once the reader pauses (or at the next flush). */
  writeSoon(query) {
    clearTimeout(this.timer);
    this.pending = query;
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  flush() {
    if (this.pending !== null) this.write(this.pending);
  }

  carryToLanguageLinks(query) {
    for (const link of this.languageLinks()) {
      const url = new URL(link.href, this.window.document.baseURI);
      url.search = query;
      link.href = url.href;
    }
  }
}
