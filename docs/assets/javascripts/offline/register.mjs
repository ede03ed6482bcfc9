// How a page works with the guide's service worker (/service-worker.js, written by the build:
// overrides/service-worker.js), which keeps the whole guide for reading offline.
//
// The page also:
// * tells the worker whether to keep the calculator's engine now: yes, unless the reader saves
//   data or has a slow link (frugal-connection.mjs) and this page has no calculator; such a
//   reader's engine is kept once a calculator is opened;
// * answers the worker's question of which deploy it shows (the content-addressed folder its
//   scripts come from), so that the worker deletes an old deploy's files only once no open page
//   uses them;
// * offers a reload when a new deploy's worker takes over while the page shows an older deploy
//   (update-offer.mjs). A first visit's worker taking control is not an update, and neither is
//   a new worker taking over a page the network already served from its deploy.
import { frugalConnection } from "../frugal-connection.mjs";
import { UpdateOffer } from "./update-offer.mjs";

/** The worker's script, at the site root (its scope is the whole guide); written by the build
 * from overrides/service-worker.js. Its address stays the same from deploy to deploy: browsers
 * check it for a new version past the HTTP cache. */
export const SERVICE_WORKER = "service-worker.js";

/** The worker's absolute URL, from the site root the page names (relative to the page). */
export function serviceWorkerUrl(siteRoot, pageUrl) {
  return new URL(SERVICE_WORKER, new URL(siteRoot, pageUrl)).href;
}

/** The content-addressed folder (assets/v/<hash>/) a script URL comes from, or null. */
export function assetFolder(scriptUrl) {
  return /\/assets\/v\/([0-9a-f]+)\//.exec(String(scriptUrl))?.[1] ?? null;
}

/** Whether the worker should keep the engine's files at once. */
export function keepEngineNow(connection, pageHasCalculator) {
  return pageHasCalculator || !frugalConnection(connection);
}

export class OfflineSupport {
  constructor(
    root,
    {
      container = navigator.serviceWorker,
      connection = navigator.connection,
      folder = assetFolder(import.meta.url),
    } = {},
  ) {
    this.root = root;
    this.container = container;
    this.connection = connection;
    this.folder = folder;
    this.hadController = Boolean(container.controller);
  }

  // Whether the worker now in control keeps this page's deploy: a page that the network
  // already served from the new deploy has nothing to reload.
  controllerHasThisDeploy() {
    const controller = this.container.controller;
    if (!controller) return Promise.resolve(false);
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = ({ data }) => {
        channel.port1.close();
        resolve(Boolean(data?.assetFolders?.includes(this.folder)));
      };
      controller.postMessage({ type: "wego-offline-version" }, [channel.port2]);
    });
  }

  // Answer the worker's questions and offer a newer deploy: from the page's start, so that an
  // update the browser finds on its own (on a returning reader's navigation) is never missed.
  listen() {
    this.container.addEventListener("message", (event) => {
      if (event.data?.type === "wego-offline-which-version") {
        event.ports[0]?.postMessage({ assetFolder: this.folder });
      }
    });
    this.container.startMessages?.();
    this.container.addEventListener("controllerchange", async () => {
      const update = this.hadController;
      this.hadController = true;
      if (update && !(await this.controllerHasThisDeploy())) new UpdateOffer(this.root).show();
    });
  }

  /** Both at once: listen, then register (for a page with nothing to wait for first). */
  start(workerUrl) {
    this.listen();
    return this.register(workerUrl);
  }

  // Register the worker (which then keeps the guide), and say whether to keep the engine now.
  async register(workerUrl) {
    const document = this.root.ownerDocument;
    await this.container.register(workerUrl);
    const registration = await this.container.ready;
    const calculator = Boolean(document.querySelector("#fee-quote, #multi-quote"));
    if (keepEngineNow(this.connection, calculator)) {
      registration.active?.postMessage({ type: "wego-offline-keep-engine" });
    }
  }
}
