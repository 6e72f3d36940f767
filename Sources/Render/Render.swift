// Render: tables measured in display width, their renderers, documents and SVG charts.
//
// Provides `DisplayWidth` (terminal columns of text), the `Table` model every renderer reads,
// terminal renderers for the console's `.mode` (`TableMode`: box, markdown, csv, excel, json,
// line, and a card for one record), `DocumentFormatter` for Vietnamese numbers and dates,
// `ReportDocument` with its HTML, Markdown, CSV and JSON renderers (`ReportFormat`), `Chart`
// drawn as SVG, and `Escape` for each output format.
//
// Everything here is pure: values in, text out, deterministic, no I/O. Foundation is not imported
// (start-up time: DESIGN.md §9), so numbers and dates are formatted by hand (`DecimalDigits`).
//
// Conventions shared by the renderers:
// - NULL reads `NULL` in box, line and card modes (dim when colored), so it differs from empty
//   text; it is an empty cell in Markdown, CSV and documents, and `null` in JSON.
// - Floats: terminals show the decimals their column needs, at most 2, at least 1 (`2.0`,
//   `82.33`); documents the same without the minimum (`82,33`, `90,00`); CSV and JSON the full
//   shortest round-trip form (`82.33333333333333`). Rounding is half away from zero on the
//   decimal digits people read.
// - Squeezing a box table: the widest column loses a column at a time until the table fits;
//   text columns go down to 4, other columns never below their widest value (numbers are never
//   cut), then the table is drawn wider and the terminal wraps it.
// - Text from the data never reaches a terminal with its control characters, nor a document
//   unescaped.
//
// Must not import: Lua, LuaBridge, Registry, RegistryLua, Console, Foundation.
