// How a record's lines look: the one map from a line's kind to its class, used by the fee
// widget, the cities page and the printed estimate alike. Which lines there are, their order
// and their words are the engine's (records.mjs); this module only says how each kind looks.

// kind -> the BEM element of its class (`wego-quote__fee`, `wego-quote-print__fee`), whether
// a screen reader hears it once the input settles, and the data attribute carrying its code.
const KINDS = Object.freeze({
  fee: { element: "fee", announce: true },
  total: { element: "fee", announce: true },
  schedule_date: { element: "date" },
  warning: { element: "warning", announce: true, codeAttribute: "warningCode" },
  fee_range: { element: "range" },
  due_now: { element: "due" },
  left_out: { element: "left-out", announce: true },
  population_band: { element: "band", announce: true },
  gdp_figure: { element: "band" },
  gdp_band: { element: "band", announce: true },
  category: { element: "category-note" },
  timeline: { element: "timeline" },
  caveat: { element: "caveat" },
});
const UNKNOWN_KIND = { element: "line" };

/**
 * What one line becomes: a paragraph's class, text and data attributes.
 * @param {import("./records.mjs").RecordLine} line
 * @param {string} block  the class block: "wego-quote" on screen, "wego-quote-print" on paper
 * @returns {{className: string, text: string, dataset: Object<string, string>}}
 */
export function lineSpec(line, block) {
  const kind = KINDS[line.kind] ?? UNKNOWN_KIND;
  const dataset = { kind: line.kind };
  if (line.code) {
    dataset.code = line.code;
    if (kind.codeAttribute) dataset[kind.codeAttribute] = line.code;
  }
  return { className: `${block}__${kind.element}`, text: line.text, dataset };
}

/** The short summary said once the input settles: the lines a screen reader hears, as sentences. */
export function announcement(lines) {
  const sentence = (text) => (/[.!?…]$/.test(text) ? text : `${text}.`);
  return lines.filter((line) => KINDS[line.kind]?.announce).map((line) => sentence(line.text)).join(" ");
}

/** Each line as a `<p>` of `doc`, in the record's order. */
export function renderLines(doc, lines, block) {
  return lines.map((line) => {
    const spec = lineSpec(line, block);
    const paragraph = doc.createElement("p");
    paragraph.className = spec.className;
    paragraph.textContent = spec.text;
    Object.assign(paragraph.dataset, spec.dataset);
    return paragraph;
  });
}
