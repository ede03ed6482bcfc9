// The page's link follows the inputs: the address bar and the language links, written at once
// or once typing pauses, and any pending link written before a click, print or leaving.
import assert from "node:assert/strict";
import { test } from "node:test";

import { megabytes } from "../../docs/assets/javascripts/engine-progress.mjs";
import { PageLink } from "../../docs/assets/javascripts/page-link.mjs";

// A window with just what PageLink touches: history, location, listeners, language links.
function fakeWindow(search = "") {
  const listeners = {};
  const links = [{ href: "https://example.org/wego-membership-guide/en/fees/", addEventListener() {} }];
  const win = {
    location: { pathname: "/wego-membership-guide/fees/", search },
    history: {
      state: null,
      replaceState(state, title, url) {
        win.written.push(url);
      },
    },
    written: [],
    addEventListener: (type, listener) => {
      listeners[type] = listener;
    },
    dispatch: (type) => listeners[type](),
    document: {
      baseURI: "https://example.org/wego-membership-guide/fees/",
      addEventListener: (type, listener) => {
        listeners[type] = listener;
      },
      querySelectorAll: () => links,
    },
    links,
  };
  return win;
}

test("write puts the query in the address bar and the language links at once", () => {
  const win = fakeWindow();
  new PageLink(win).write("?population=613786");
  assert.deepEqual(win.written, ["/wego-membership-guide/fees/?population=613786"]);
  assert.equal(win.links[0].href, "https://example.org/wego-membership-guide/en/fees/?population=613786");
});

test("writeSoon waits for the pause; only the last query is written", async () => {
  const win = fakeWindow();
  const link = new PageLink(win, { delayMs: 5 });
  link.writeSoon("?population=6");
  link.writeSoon("?population=61");
  assert.deepEqual(win.written, []);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(win.written, ["/wego-membership-guide/fees/?population=61"]);
});

test("a click, printing or leaving writes a pending link at once, and only once", () => {
  const win = fakeWindow();
  const link = new PageLink(win, { delayMs: 60_000 });
  link.listen();
  link.writeSoon("?gdp=9000");
  win.dispatch("click");
  win.dispatch("beforeprint");
  win.dispatch("pagehide");
  assert.deepEqual(win.written, ["/wego-membership-guide/fees/?gdp=9000"]);
});

test("listen carries the page's own query to the language links", () => {
  const win = fakeWindow("?category=associate");
  new PageLink(win).listen();
  assert.equal(win.links[0].href, "https://example.org/wego-membership-guide/en/fees/?category=associate");
  assert.deepEqual(win.written, []);
});

test("megabytes: one decimal, in the page's decimal separator", () => {
  assert.equal(megabytes(12_250_000, ","), "12,3");
  assert.equal(megabytes(960_000, "."), "1.0");
});
