// When the reader has paused: work that competes with a calculator's answers for the processor
// (the offline copy's downloads, Material's search index) waits for it.

const READER_EVENTS = ["input", "keydown", "pointerdown"];
// Heard before the page's own handlers can stop them.
const CAPTURE = { capture: true };

/**
 * Resolves once nobody has typed, pressed or clicked in `element` for `quietMs`.
 * @param {EventTarget} element
 * @param {number} quietMs
 * @param {{setTimeout: Function, clearTimeout: Function}} [timers]  the window's, by default
 */
export function readerPaused(element, quietMs, timers = globalThis) {
  return new Promise((resolve) => {
    let timer;
    const restart = () => {
      timers.clearTimeout(timer);
      timer = timers.setTimeout(done, quietMs);
    };
    function done() {
      for (const name of READER_EVENTS) element.removeEventListener(name, restart, CAPTURE);
      resolve();
    }
    for (const name of READER_EVENTS) element.addEventListener(name, restart, CAPTURE);
    restart();
  });
}
