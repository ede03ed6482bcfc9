// Offline reading, the page's side: where the worker lives, which deploy a page shows, when the
// engine is kept at once, and the offer of a new version (shown only for a real update).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  OfflineSupport,
  assetFolder,
  keepEngineNow,
  serviceWorkerUrl,
} from "../../docs/assets/javascripts/offline/register.mjs";
import { UpdateOffer } from "../../docs/assets/javascripts/offline/update-offer.mjs";

const MESSAGES = JSON.stringify({
  "offline.update_available": "A new version of the guide is available.",
  "offline.reload": "Reload",
});

// Just enough of the DOM for the offer: elements with children, text and click listeners.
class FakeElement {
  constructor(tag, ownerDocument) {
    this.tag = tag;
    this.ownerDocument = ownerDocument;
    this.children = [];
    this.listeners = {};
    this.dataset = {};
    this.textContent = "";
  }
  get childElementCount() {
    return this.children.filter((child) => child instanceof FakeElement).length;
  }
  replaceChildren(...children) {
    this.children = children;
  }
  addEventListener(type, listener) {
    this.listeners[type] = listener;
  }
  querySelector() {
    return null;
  }
}

function offerRoot() {
  const document = { createElement: (tag) => new FakeElement(tag, document), querySelector: () => null };
  const root = new FakeElement("div", document);
  root.dataset.messages = MESSAGES;
  return root;
}

class FakeContainer {
  constructor(controller) {
    this.controller = controller;
    this.listeners = {};
    this.posted = [];
    const active = { postMessage: (message) => this.posted.push(message) };
    this.ready = Promise.resolve({ active });
  }
  addEventListener(type, listener) {
    this.listeners[type] = listener;
  }
  async register(url) {
    this.registered = url;
  }
}

test("the worker is at the site root whatever page registers it", () => {
  const page = "https://example.github.io/wego-membership-guide/en/fees/?population=1";
  assert.equal(serviceWorkerUrl("../../", page), "https://example.github.io/wego-membership-guide/service-worker.js");
  assert.equal(
    serviceWorkerUrl("./", "https://example.github.io/wego-membership-guide/"),
    "https://example.github.io/wego-membership-guide/service-worker.js",
  );
});

test("a page names its deploy by the content-addressed folder of its scripts", () => {
  assert.equal(assetFolder("https://h/g/assets/v/9ec274830cdfa6cf/javascripts/offline/register.mjs"), "9ec274830cdfa6cf");
  assert.equal(assetFolder("https://h/g/assets/javascripts/bundle.min.js"), null);
});

test("a reader who saves data keeps the engine only from a page with a calculator", () => {
  assert.equal(keepEngineNow({ saveData: true }, false), false);
  assert.equal(keepEngineNow({ effectiveType: "2g" }, false), false);
  assert.equal(keepEngineNow({ saveData: true }, true), true);
  assert.equal(keepEngineNow({ effectiveType: "4g" }, false), true);
  assert.equal(keepEngineNow(undefined, false), true);
});

test("the page answers the worker with its deploy and asks to keep the engine", async () => {
  const container = new FakeContainer(null);
  const support = new OfflineSupport(offerRoot(), { container, connection: null, folder: "abc123" });
  await support.start("https://h/g/service-worker.js");
  assert.equal(container.registered, "https://h/g/service-worker.js");
  assert.deepEqual(container.posted, [{ type: "wego-offline-keep-engine" }]);
  let answer;
  container.listeners.message({
    data: { type: "wego-offline-which-version" },
    ports: [{ postMessage: (message) => (answer = message) }],
  });
  assert.deepEqual(answer, { assetFolder: "abc123" });
});

// A worker in control that keeps these content-addressed folders.
function workerKeeping(assetFolders) {
  return { postMessage: (message, [port]) => port.postMessage({ assetFolders }) };
}

test("a first visit's worker taking control offers nothing; a new deploy's offers a reload", async () => {
  const first = offerRoot();
  const fresh = new FakeContainer(null);
  await new OfflineSupport(first, { container: fresh, connection: null, folder: "a" }).start("sw.js");
  fresh.controller = workerKeeping(["a"]);
  await fresh.listeners.controllerchange();
  assert.equal(first.childElementCount, 0);

  const current = offerRoot();
  const updated = new FakeContainer(workerKeeping(["a"]));
  await new OfflineSupport(current, { container: updated, connection: null, folder: "b" }).start("sw.js");
  updated.controller = workerKeeping(["b", "vendor"]);
  await updated.listeners.controllerchange();
  assert.equal(current.childElementCount, 0, "the page already shows the new deploy");

  const returning = offerRoot();
  const controlled = new FakeContainer(workerKeeping(["a"]));
  await new OfflineSupport(returning, { container: controlled, connection: null, folder: "a" }).start("sw.js");
  controlled.controller = workerKeeping(["b", "vendor"]);
  await controlled.listeners.controllerchange();
  const [text, , button] = returning.children;
  assert.equal(text.textContent, "A new version of the guide is available.");
  assert.equal(button.tag, "button");
  assert.equal(button.type, "button");
  assert.equal(button.textContent, "Reload");
});

test("the offer's button reloads the page, and the offer is shown once", () => {
  const root = offerRoot();
  let reloads = 0;
  const offer = new UpdateOffer(root, { reload: () => (reloads += 1) });
  offer.show();
  offer.show();
  assert.equal(root.children.length, 3);
  root.children[2].listeners.click();
  assert.equal(reloads, 1);
});
