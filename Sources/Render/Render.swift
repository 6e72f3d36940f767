// Render: tables measured in display width, their renderers, documents and SVG charts.
//
// Provides `DisplayWidth` (terminal columns of text), the `Table` model every renderer reads,
// terminal renderers for the console's `.mode` (box, markdown, csv, json, line, and a card for one
// record), `DocumentFormatter` for Vietnamese numbers and dates, `ReportDocument` with its HTML,
// Markdown, CSV and JSON renderers, and `Chart` rendered as SVG.
//
// Everything here is pure: values in, text out, deterministic, no I/O. Foundation is not imported
// (start-up time: DESIGN.md §9), so numbers and dates are formatted by hand.
//
// Must not import: Lua, LuaBridge, Registry, RegistryLua, Console, Foundation.
