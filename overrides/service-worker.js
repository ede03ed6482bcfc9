// The guide's service worker: after a first visit, every page of both languages, the
// calculator, the cities page and the application form work without a network.
//
// The build (hooks/service_worker.py, sitebuild/offline_manifest.py) writes OFFLINE_MANIFEST in
// front of this script: every file of the deploy with its SHA-256. A deploy changes this
// script's bytes, so the browser installs the new worker in the background.
//
// What it keeps: one cache per deploy, "wego-offline-<version>", filled at install with the
// deploy's files, each downloaded with its hash as `integrity` (a copy left in the HTTP cache by
// another deploy is refused, never kept). A file whose kept copy in an older cache has the same
// hash is copied from there, so an update downloads only what changed. The engine's files are
// kept at install once the reader has wanted them (see keepEngine): a page whose reader saves
// data does not ask, and its calculator's files are then kept as the worker fetches them.
//
// How it answers, so that a page never mixes two deploys:
// * pages (navigations): the network first, so a reader online always gets the current deploy;
//   offline, this worker's own kept copy. Each deploy's pages name only content-addressed
//   scripts and styles (assets/v/<hash>/), so a page brings its own version of everything;
// * every other file: this version's copy, else a content-addressed copy from any kept version
//   (its address names its bytes: an open page of the previous deploy keeps working after the
//   update), else the network.
// Old caches are deleted once no open page uses them: each page answers with the folder its
// scripts come from (offline/register.mjs). A page asks which folders this worker's deploy has,
// to tell whether it shows an older deploy (then it offers a reload).
"use strict";

(() => {
  const MANIFEST = OFFLINE_MANIFEST; // eslint-disable-line no-undef -- written by the build
  const PREFIX = "wego-offline-";
  const CACHE = `${PREFIX}${MANIFEST.version}`;
  const SETTINGS = `${PREFIX}settings`;
  const SCOPE = self.registration.scope;
  const ENGINE_WANTED = new URL("__offline__/keep-engine", SCOPE).href;
  const VERSION_ENTRY = new URL("__offline__/version", SCOPE).href;
  const NOT_FOUND_PAGE = new URL("404.html", SCOPE).href;
  // Content-addressed folders: the address changes whenever the bytes do.
  const IMMUTABLE = [new URL("assets/v/", SCOPE).href, new URL("assets/pyodide/", SCOPE).href];
  const ENGINE = [new URL("assets/pyodide/", SCOPE).href, /\/assets\/v\/[0-9a-f]+\/engine\//];
  const PARALLEL_DOWNLOADS = 4;
  const CLIENT_ANSWER_MS = 3000;

  const absolute = (path) => new URL(path, SCOPE).href;
  const hashes = new Map(
    Object.entries({ ...MANIFEST.shell, ...MANIFEST.engine }).map(([path, hash]) => [absolute(path), hash]),
  );
  const isImmutable = (url) => IMMUTABLE.some((prefix) => url.startsWith(prefix));
  const isEngine = (url) =>
    ENGINE.some((rule) => (typeof rule === "string" ? url.startsWith(rule) : rule.test(url)));

  async function sri(response) {
    const digest = await crypto.subtle.digest("SHA-256", await response.arrayBuffer());
    return `sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`;
  }

  // A kept copy of `url` with exactly these bytes, from any version's cache.
  async function keptCopy(url, expected) {
    for (const name of await caches.keys()) {
      if (!name.startsWith(PREFIX) || name === CACHE || name === SETTINGS) continue;
      const response = await (await caches.open(name)).match(url);
      if (response && (await sri(response.clone())) === expected) return response;
    }
    return null;
  }

  async function keepOne(cache, url, expected) {
    if (await cache.match(url)) return;
    let response = await keptCopy(url, expected);
    if (!response) {
      // Pages and other addresses that outlive a deploy skip the HTTP cache's copy, which may be
      // another deploy's; `integrity` refuses anything but this deploy's bytes either way.
      const mode = isImmutable(url) ? "default" : "no-cache";
      response = await fetch(url, { integrity: expected, cache: mode, credentials: "same-origin" });
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
    }
    await cache.put(url, response);
  }

  async function keepAll(files) {
    const cache = await caches.open(CACHE);
    const queue = Object.entries(files).map(([path, expected]) => [absolute(path), expected]);
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await keepOne(cache, ...next);
    };
    await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, worker));
  }

  async function engineWanted() {
    return Boolean(await (await caches.open(SETTINGS)).match(ENGINE_WANTED));
  }

  // The reader wants the engine kept: at once (a page whose reader does not save data asks),
  // or from the first time a calculator starts. Remembered for the versions that follow.
  async function keepEngine(now) {
    await (await caches.open(SETTINGS)).put(ENGINE_WANTED, new Response("1"));
    if (now) await keepAll(MANIFEST.engine);
  }

  self.addEventListener("install", (event) => {
    event.waitUntil(
      (async () => {
        await keepAll(MANIFEST.shell);
        if (await engineWanted()) await keepAll(MANIFEST.engine);
        const stamp = JSON.stringify({ assetFolders: MANIFEST.assetFolders });
        await (await caches.open(CACHE)).put(VERSION_ENTRY, new Response(stamp));
        // Installed complete: take over at once. Open pages keep their own deploy's files
        // (content-addressed, kept until they close) and are offered a reload.
        await self.skipWaiting();
      })(),
    );
  });

  // The folder of scripts each open page uses, or null if it does not answer in time.
  function pageFolders() {
    return self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) =>
      Promise.all(
        windows.map(
          (client) =>
            new Promise((resolve) => {
              const channel = new MessageChannel();
              const timer = setTimeout(() => resolve(null), CLIENT_ANSWER_MS);
              channel.port1.onmessage = ({ data }) => {
                clearTimeout(timer);
                resolve(data?.assetFolder ?? null);
              };
              client.postMessage({ type: "wego-offline-which-version" }, [channel.port2]);
            }),
        ),
      ),
    );
  }

  // A newer worker (installing, or installed and waiting to take over) has its own cache, which
  // this worker must never delete: it cleans up itself once it takes over. (Seen: an old worker
  // whose clean-up waited on closing pages listed the caches after the new one had filled its
  // own, and deleted it.)
  const newerWorker = () => Boolean(self.registration.installing || self.registration.waiting);

  let cleaning = null;
  async function removeUnusedVersions() {
    const inUse = new Set(await pageFolders());
    for (const name of await caches.keys()) {
      if (!name.startsWith(PREFIX) || name === CACHE || name === SETTINGS) continue;
      const stamp = await (await caches.open(name)).match(VERSION_ENTRY);
      const folders = stamp ? (await stamp.json()).assetFolders : [];
      const used = folders.some((folder) => inUse.has(folder) && !MANIFEST.assetFolders.includes(folder));
      if (newerWorker()) return;
      if (!used) await caches.delete(name);
    }
  }
  function cleanUp() {
    cleaning ||= removeUnusedVersions().finally(() => {
      cleaning = null;
    });
    return cleaning;
  }

  self.addEventListener("activate", (event) => {
    event.waitUntil(self.clients.claim().then(cleanUp));
  });

  self.addEventListener("message", (event) => {
    const { type } = event.data || {};
    if (type === "wego-offline-keep-engine") event.waitUntil(keepEngine(true));
    else if (type === "wego-offline-version") event.ports[0]?.postMessage({ assetFolders: MANIFEST.assetFolders });
    else if (type === "wego-offline-page-closed") event.waitUntil(cleanUp());
  });

  async function keptPage(request) {
    const cache = await caches.open(CACHE);
    const url = new URL(request.url);
    url.search = "";
    url.hash = "";
    if (url.pathname.endsWith("/index.html")) url.pathname = url.pathname.slice(0, -"index.html".length);
    return (await cache.match(url.href)) || (await cache.match(`${url.href}/`));
  }

  async function page(event) {
    try {
      return await fetch(event.request);
    } catch (offline) {
      const kept = await keptPage(event.request);
      if (kept) return kept;
      const notFound = await (await caches.open(CACHE)).match(NOT_FOUND_PAGE);
      if (notFound) return new Response(notFound.body, { status: 404, headers: notFound.headers });
      throw offline;
    }
  }

  async function file(event) {
    const { request } = event;
    const url = request.url.split("#")[0];
    const cache = await caches.open(CACHE);
    const own = await cache.match(url);
    if (own) return own;
    if (isImmutable(url)) {
      const anyVersion = await caches.match(url);
      if (anyVersion) return anyVersion;
    }
    const response = await fetch(request);
    const keep = response.ok && response.status === 200 && response.type === "basic";
    if (keep && (isImmutable(url) || hashes.has(url))) {
      // Kept as it arrives: the files of a start that was not kept at install (a reader who
      // saves data opening a calculator, or the plain start after a failed snapshot start).
      event.waitUntil(cache.put(url, response.clone()));
      if (isEngine(url)) event.waitUntil(keepEngine(false));
    }
    return response;
  }

  self.addEventListener("fetch", (event) => {
    const { request } = event;
    if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
    if (request.headers.has("range")) return;
    if (request.mode === "navigate") {
      event.respondWith(page(event));
      event.waitUntil(cleanUp());
    } else {
      event.respondWith(file(event));
    }
  });
})();
