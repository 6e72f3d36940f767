import Foundation
import TestSupport
import Testing

/// What Python's own parsers make of a document the scripts wrote: HTML through `html.parser`
/// (tags balanced, tables with their captions and cell texts, no script element, no event
/// handler), the whole file and every chart through `xml.etree` (well-formed XML), CSV through
/// `csv` (byte order mark, cells that Excel would run as formulas).
enum DocumentCheck {
  static let python = "/usr/bin/python3"

  static let program = #"""
    import sys, json, csv, io, re
    from html.parser import HTMLParser
    import xml.etree.ElementTree as ET

    kind, path = sys.argv[1], sys.argv[2]
    if kind == "csv":
        raw = open(path, "rb").read()
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        number = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")
        formulas = [c for r in rows for c in r
                    if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not number.fullmatch(c)]
        print(json.dumps({"bom": raw.startswith(b"\xef\xbb\xbf"), "formulas": formulas,
                          "cells": [c for r in rows for c in r]}))
        sys.exit(0)

    text = open(path, encoding="utf-8").read()

    class Parser(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.stack, self.problems, self.tags, self.handlers = [], [], [], []
            self.tables, self.cell, self.caption = [], None, None
        def attributes(self, tag, attrs):
            self.tags.append(tag)
            self.handlers += [tag + "." + a for a, _ in attrs if a.lower().startswith("on")]
        def handle_starttag(self, tag, attrs):
            self.attributes(tag, attrs)
            self.stack.append(tag)
            if tag == "table":
                self.tables.append({"caption": "", "rows": []})
            elif tag == "caption":
                self.caption = ""
            elif tag == "tr" and self.tables:
                self.tables[-1]["rows"].append([])
            elif tag in ("td", "th"):
                self.cell = ""
        def handle_startendtag(self, tag, attrs):
            self.attributes(tag, attrs)
            if tag == "br" and self.cell is not None:
                self.cell += "\n"
        def handle_endtag(self, tag):
            if not self.stack or self.stack[-1] != tag:
                self.problems.append("</%s> closes <%s>" % (tag, self.stack[-1] if self.stack else ""))
                return
            self.stack.pop()
            if tag == "caption":
                self.tables[-1]["caption"], self.caption = self.caption, None
            elif tag in ("td", "th"):
                self.tables[-1]["rows"][-1].append(self.cell)
                self.cell = None
        def handle_data(self, data):
            if self.cell is not None:
                self.cell += data
            if self.caption is not None:
                self.caption += data

    parser = Parser()
    parser.feed(text)
    parser.close()
    if parser.stack:
        parser.problems.append("never closed: " + ", ".join(parser.stack))
    try:
        ET.fromstring(text)
        xml_error = None
    except ET.ParseError as error:
        xml_error = str(error)
    svg_errors, svgs = [], re.findall(r"<svg[\s\S]*?</svg>", text)
    for svg in svgs:
        try:
            ET.fromstring(svg)
        except ET.ParseError as error:
            svg_errors.append(str(error))
    print(json.dumps({"problems": parser.problems, "tags": sorted(set(parser.tags)),
                      "handlers": parser.handlers, "tables": parser.tables, "xml_error": xml_error,
                      "svgs": len(svgs), "svg_errors": svg_errors}))
    """#

  /// Runs the program on `path` as `kind` (`html` or `csv`) and returns its findings.
  static func check(_ kind: String, _ path: String) throws -> [String: Any] {
    try #require(
      FileManager.default.isExecutableFile(atPath: python),
      "the document checks need Debian's python3 (scripts/test installs it)")
    let result = try run(python, ["-c", program, kind, path])
    try #require(result.status == 0, "python: \(result.stderr)")
    return try #require(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }
}
