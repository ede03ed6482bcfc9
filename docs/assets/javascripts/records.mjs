// The records the engine answers with (calculator/records.py, through the quote worker), as
// the browser scripts read them. Types only: nothing here runs. What a quote shows, in which
// order and in which words is the engine's decision; the scripts render `lines`, `columns`,
// `cells` and `total_row` as they come.

/**
 * One sentence of a result, in the engine's order.
 * @typedef {object} RecordLine
 * @property {string} kind  what the sentence is: fee, schedule_date, warning, fee_range,
 *   due_now, population_band, gdp_figure, gdp_band, category, timeline, caveat; for a list
 *   also total and left_out (quote-lines.mjs maps each kind to its class)
 * @property {string} text  the finished sentence, in the request's language
 * @property {string} [code]  a warning's code (stable across languages)
 */

/**
 * An input problem, reported beside its field.
 * @typedef {object} RecordError
 * @property {string} code
 * @property {string} field
 * @property {string} message
 */

/**
 * Where the GDP figure comes from (the country picker and the printed estimate read it).
 * @typedef {object} GdpSource
 * @property {string} origin
 * @property {string} iso3
 * @property {string} text
 * @property {string} [value_text]
 * @property {string} [credit]
 */

/**
 * One city's quote: `answer()` for the fees page.
 * @typedef {object} QuoteRecord
 * @property {RecordLine[]} lines  the result, sentence by sentence
 * @property {string[]} [notes]  general notes (the printed estimate adds them)
 * @property {number} fee_usd
 * @property {string} provenance
 * @property {{gdp_band: number, population_bands: number[]}} cell  the schedule cell
 * @property {string} population_text
 * @property {string} gdp_per_capita_text
 * @property {string} category_text
 * @property {number} approval_year
 * @property {Object<string, string>} [inputs]  the numbers as a link writes them
 * @property {Object<string, string>} [input_texts]  the numbers as this language writes them
 * @property {GdpSource} [gdp_source]
 * @property {RecordError} [error]  instead of all the above when the input has a problem
 */

/**
 * A column of the cities table and CSV file, in order.
 * @typedef {object} BatchColumn
 * @property {string} key
 * @property {string} label
 */

/**
 * One city of a list.
 * @typedef {object} BatchCity
 * @property {string} name
 * @property {number} line
 * @property {number} fee_usd
 * @property {Object<string, string>} cells  column key -> the table's text
 * @property {Object<string, (string|number)>} file_cells  column key -> the CSV file's value
 */

/**
 * A line of the list that could not be quoted.
 * @typedef {object} BatchError
 * @property {number} line  its number in the list as the reader sees it
 * @property {string} name
 * @property {string} code
 * @property {string} field
 * @property {string} message
 * @property {string} text  the message with the line's number, as the page shows it
 * @property {Object<string, (string|number)>} [file_cells]  the CSV row, if the engine gives one
 */

/**
 * A list of cities: `answer()` with `cities`, for the cities page.
 * @typedef {object} BatchRecord
 * @property {RecordLine[]} lines
 * @property {BatchColumn[]} columns
 * @property {BatchCity[]} cities
 * @property {BatchError[]} errors
 * @property {{label: string, cells: Object<string, string>,
 *             file_cells: Object<string, (string|number)>}} total_row
 * @property {number} total_usd
 * @property {GdpSource} [gdp_source]
 * @property {RecordError} [error]
 */

export {};
