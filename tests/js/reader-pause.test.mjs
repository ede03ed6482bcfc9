// Waiting for the reader to pause: any typing, key or click in the element starts the wait again.
import assert from "node:assert/strict";
import { test } from "node:test";

import { readerPaused } from "../../docs/assets/javascripts/reader-pause.mjs";

// Timers the test moves by hand.
function manualTimers() {
  let now = 0;
  let next = 1;
  const pending = new Map();
  return {
    setTimeout: (callback, ms) => {
      pending.set(next, { callback, at: now + ms });
      return next++;
    },
    clearTimeout: (id) => pending.delete(id),
    advance(ms) {
      now += ms;
      for (const [id, { callback, at }] of [...pending]) {
        if (at <= now) {
          pending.delete(id);
          callback();
        }
      }
    },
    get pending() {
      return pending.size;
    },
  };
}

test("resolves once the element has been quiet for the whole pause, each event restarting it", async () => {
  const timers = manualTimers();
  const element = new EventTarget();
  let paused = false;
  const done = readerPaused(element, 1000, timers).then(() => {
    paused = true;
  });
  timers.advance(900);
  element.dispatchEvent(new Event("input"));
  timers.advance(900);
  element.dispatchEvent(new Event("keydown"));
  timers.advance(900);
  element.dispatchEvent(new Event("pointerdown"));
  timers.advance(999);
  await Promise.resolve();
  assert.equal(paused, false, "the reader kept going");
  timers.advance(1);
  await done;
  assert.equal(paused, true);
  element.dispatchEvent(new Event("input"));
  assert.equal(timers.pending, 0, "no longer listening once resolved");
});
