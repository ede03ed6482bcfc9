// The cities page's table and CSV file, laid out from the engine's batch record exactly as it
// comes: its `columns` (keys and labels, in order), each city's `cells` (the table's text) and
// `file_cells` (the file's values), and its `total_row`. Which columns there are and what they
// hold is the engine's decision. Every cell carries `data-column` with its column's key.
import { element } from "./dom.mjs";

// The first column names the row: a row header in the body and the total row.
function cellSpec(column, index, text, fileValue) {
  return {
    tag: index === 0 ? "th" : "td",
    scope: index === 0 ? "row" : "",
    column,
    text: text ?? "",
    numeric: typeof fileValue === "number", // figures line up on the right
  };
}

/**
 * The table as plain data: head cells, one row per city, the total row.
 * @param {import("./records.mjs").BatchRecord} record
 */
export function tableModel(record) {
  const keys = record.columns.map((column) => column.key);
  const head = record.columns.map((column) =>
    ({ tag: "th", scope: "col", column: column.key, text: column.label, numeric: false }));
  const body = record.cities.map((city) => ({
    city,
    cells: keys.map((key, index) => cellSpec(key, index, city.cells[key], city.file_cells[key])),
  }));
  const { label, cells, file_cells: fileCells } = record.total_row;
  const total = keys.map((key, index) =>
    cellSpec(key, index, index === 0 ? label : cells[key], fileCells[key]));
  return { head, body, total };
}

/**
 * The CSV file's rows: the column labels, each city's file values, each line left out (its
 * own file values, else its name first and the engine's reason last), the total row, and last
 * the engine's `schedule_date` line (which fee schedule the fees are from: a file outlives
 * the page that made it).
 */
export function csvRows(record) {
  const keys = record.columns.map((column) => column.key);
  const values = (cells) => keys.map((key) => cells[key] ?? "");
  const rows = [record.columns.map((column) => column.label), ...record.cities.map((c) => values(c.file_cells))];
  for (const error of record.errors) {
    rows.push(error.file_cells ? values(error.file_cells)
      : keys.map((key, index) => (index === 0 ? error.name : index === keys.length - 1 ? error.text : "")));
  }
  const { label, file_cells: totals } = record.total_row;
  rows.push(keys.map((key, index) => (index === 0 ? label : (totals[key] ?? ""))));
  for (const line of record.lines ?? []) {
    if (line.kind === "schedule_date") rows.push(keys.map((key, index) => (index === 0 ? line.text : "")));
  }
  return rows;
}

function cellNode(doc, spec) {
  const node = element(doc, spec.tag, spec.numeric ? "wego-multi__number" : "", spec.text);
  if (spec.scope) node.scope = spec.scope;
  node.dataset.column = spec.column;
  return node;
}

function rowNode(doc, cells) {
  const row = element(doc, "tr");
  row.append(...cells.map((spec) => cellNode(doc, spec)));
  return row;
}

/** The `<table>` of a batch record, with `caption`. */
export function buildTable(doc, record, caption) {
  const model = tableModel(record);
  const table = element(doc, "table", "wego-multi__table");
  const [head, body, foot] = ["thead", "tbody", "tfoot"].map((tag) => element(doc, tag));
  head.append(rowNode(doc, model.head));
  for (const { city, cells } of model.body) {
    const row = rowNode(doc, cells);
    Object.assign(row.dataset, { city: city.name, line: String(city.line), feeUsd: String(city.fee_usd) });
    body.append(row);
  }
  const total = rowNode(doc, model.total);
  total.dataset.totalUsd = String(record.total_usd);
  foot.append(total);
  table.append(element(doc, "caption", "", caption), head, body, foot);
  return table;
}
