/// Builds SVG text one element per line, with attribute values escaped and numbers written the
/// same way on every machine (at most two decimals, no trailing zeros), so output can be
/// compared byte for byte.
struct SVGWriter {
  /// The text so far.
  private(set) var text = ""
  private var depth: Int

  /// A writer whose lines start indented `depth` levels (to be placed inside an element).
  init(depth: Int = 0) {
    self.depth = depth
  }

  /// Opens an element that will hold others.
  mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
    line("<" + name + Self.attributes(attributes) + ">")
    depth += 1
  }

  /// Closes the element last opened.
  mutating func close(_ name: String) {
    depth -= 1
    line("</" + name + ">")
  }

  /// An element without content.
  mutating func empty(_ name: String, _ attributes: [(String, String)]) {
    line("<" + name + Self.attributes(attributes) + "/>")
  }

  /// An element holding text, escaped.
  mutating func text(_ name: String, _ attributes: [(String, String)], _ content: String) {
    line("<" + name + Self.attributes(attributes) + ">" + Escape.xml(content) + "</" + name + ">")
  }

  /// Markup written as is (already escaped).
  mutating func raw(_ markup: String) {
    line(markup)
  }

  private mutating func line(_ markup: String) {
    text += String(repeating: "  ", count: depth) + markup + "\n"
  }

  static func attributes(_ attributes: [(String, String)]) -> String {
    attributes.map { " " + $0.0 + "=\"" + Escape.xml($0.1) + "\"" }.joined()
  }

  /// A coordinate or length: rounded to two decimals, trailing zeros dropped, `-0` as `0`.
  ///
  ///     SVGWriter.number(12.5)    // "12.5"
  ///     SVGWriter.number(1/3)     // "0.33"
  static func number(_ value: Double) -> String {
    guard let digits = DecimalDigits(value) else { return "0" }
    return digits.formatted(maximumFractionDigits: 2)
  }
}
