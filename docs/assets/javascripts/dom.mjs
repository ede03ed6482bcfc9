// The one small DOM helper every component uses to make an element. Text goes in with
// textContent only, so nothing a reader typed or a link carried is ever read as HTML.

/** A `tag` element of `doc` with `className` (if any) and `text` (if given, as text). */
export function element(doc, tag, className = "", text = undefined) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}
