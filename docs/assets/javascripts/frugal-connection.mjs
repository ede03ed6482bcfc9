// Whether the reader asked to save data (Save-Data) or the browser reports a slow link (2g/3g):
// the calculator's worker then starts by whichever path moves fewer bytes. The page tells the
// worker in its URL (`?frugal=1`), since Chromium leaves Save-Data out of workers;
// overrides/partials/quote-early-start.js, inlined in <head> before any module, makes the same
// test.
export function frugalConnection(connection) {
  return Boolean(connection && (connection.saveData || /2g|3g/.test(connection.effectiveType)));
}

// Whether the snapshot start goes first: always, unless the reader is frugal and the plain
// start (the wheel) moves fewer bytes in this build.
export function snapshotGoesFirst(frugal, snapshotPathBytes, wheelPathBytes) {
  return !frugal || snapshotPathBytes <= wheelPathBytes;
}
