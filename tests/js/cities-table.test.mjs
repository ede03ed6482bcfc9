// The cities table and CSV file follow the engine's columns: every cell in column order with
// its column's key, figures marked numeric, the total row labelled, bad lines in the file.
import assert from "node:assert/strict";
import { test } from "node:test";

import { csvRows, tableModel } from "../../docs/assets/javascripts/cities-table.mjs";

const RECORD = {
  columns: [
    { key: "name", label: "City" },
    { key: "population", label: "Population" },
    { key: "fee", label: "Fee, US$" },
  ],
  cities: [
    {
      name: "Kazan", line: 1, fee_usd: 9000,
      cells: { name: "Kazan", population: "1,308,660", fee: "US$9,000" },
      file_cells: { name: "Kazan", population: 1308660, fee: 9000 },
    },
    {
      name: "=Elabuga", line: 3, fee_usd: 3000,
      cells: { name: "=Elabuga", population: "74,000", fee: "US$3,000" },
      file_cells: { name: "=Elabuga", population: 74000, fee: 3000 },
    },
  ],
  errors: [{ line: 2, name: "Chelny", code: "not_a_number", text: "Line 2: the population is not a number" }],
  total_row: { label: "Total", cells: { fee: "US$12,000" }, file_cells: { fee: 12000 } },
  total_usd: 12000,
  lines: [
    { kind: "total", text: "Total: US$12,000 a year" },
    { kind: "schedule_date", text: "By the fee schedule of 1 August 2017." },
  ],
};

test("the head has one column header per engine column, in order, with its key", () => {
  const { head } = tableModel(RECORD);
  assert.deepEqual(head.map((cell) => [cell.tag, cell.scope, cell.column, cell.text]), [
    ["th", "col", "name", "City"],
    ["th", "col", "population", "Population"],
    ["th", "col", "fee", "Fee, US$"],
  ]);
});

test("each city row: a row header, then the engine's texts, figures marked numeric", () => {
  const [kazan] = tableModel(RECORD).body;
  assert.deepEqual(kazan.cells.map((cell) => [cell.tag, cell.column, cell.text, cell.numeric]), [
    ["th", "name", "Kazan", false],
    ["td", "population", "1,308,660", true],
    ["td", "fee", "US$9,000", true],
  ]);
  assert.equal(kazan.cells[0].scope, "row");
});

test("the total row is labelled in the first column and has every column", () => {
  const { total } = tableModel(RECORD);
  assert.deepEqual(total.map((cell) => [cell.tag, cell.column, cell.text]), [
    ["th", "name", "Total"],
    ["td", "population", ""],
    ["td", "fee", "US$12,000"],
  ]);
});

test("the CSV rows: labels, the cities' file values, the bad line, the total, the schedule's date", () => {
  assert.deepEqual(csvRows(RECORD), [
    ["City", "Population", "Fee, US$"],
    ["Kazan", 1308660, 9000],
    ["=Elabuga", 74000, 3000],
    ["Chelny", "", "Line 2: the population is not a number"],
    ["Total", "", 12000],
    ["By the fee schedule of 1 August 2017.", "", ""],
  ]);
});

test("a bad line with its own file values is written as the engine gives them", () => {
  const record = { ...RECORD, errors: [{ ...RECORD.errors[0], file_cells: { name: "Chelny", fee: "—" } }] };
  assert.deepEqual(csvRows(record)[3], ["Chelny", "", "—"]);
});
