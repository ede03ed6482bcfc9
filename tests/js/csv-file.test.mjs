// The CSV file a spreadsheet opens: a text cell a spreadsheet would run as a formula stays text,
// cells holding a delimiter, quote, line break or edge spaces are quoted, numbers as written.
import assert from "node:assert/strict";
import { test } from "node:test";

import { csvCell, csvText } from "../../docs/assets/javascripts/csv-file.mjs";

for (const lead of ["=", "+", "-", "@", "\t", "\r"]) {
  test(`a text cell starting with ${JSON.stringify(lead)} is kept as text`, () => {
    const cell = csvCell(`${lead}SUM(A1:A9)`, ",");
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1) : cell;
    assert.equal(unquoted, `'${lead}SUM(A1:A9)`);
  });
}

test("a number is written as it is, even a negative one", () => {
  assert.equal(csvCell(-12, ","), "-12");
  assert.equal(csvCell(1500.5, ";"), "1500.5");
});

test("a cell holding the delimiter is quoted, another delimiter is not", () => {
  assert.equal(csvCell("Naberezhnye Chelny, Tatarstan", ","), '"Naberezhnye Chelny, Tatarstan"');
  assert.equal(csvCell("Naberezhnye Chelny, Tatarstan", ";"), "Naberezhnye Chelny, Tatarstan");
  assert.equal(csvCell("Казань; Татарстан", ";"), '"Казань; Татарстан"');
});

test("quotes are doubled inside a quoted cell; line breaks and edge spaces are quoted", () => {
  assert.equal(csvCell('The "Kazan" office', ","), '"The ""Kazan"" office"');
  assert.equal(csvCell("two\nlines", ","), '"two\nlines"');
  assert.equal(csvCell(" padded ", ","), '" padded "');
});

test("an empty or missing cell is empty", () => {
  assert.equal(csvCell("", ","), "");
  assert.equal(csvCell(undefined, ","), "");
});

test("rows end with CRLF and join cells with the delimiter", () => {
  assert.equal(csvText([["name", "fee"], ["Казань", 4000]], ";"), "name;fee\r\nКазань;4000\r\n");
});
