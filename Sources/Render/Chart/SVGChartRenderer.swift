import Messages

/// Draws a `Chart` as SVG: one self-contained `<svg>` element, well-formed XML, every text
/// escaped, no scripts, the same bytes for the same chart on every machine.
///
/// Charts are meant for print in black and white: series differ by gray shade, hatch pattern,
/// dash and marker shape, and are named in a legend; bars carry their values. Numbers are
/// written the Vietnamese way (`1.234,5`) or the English way. Pattern and title ids start with
/// `idPrefix`, so several charts can live in one HTML page; give each a different prefix.
///
///     let svg = SVGChartRenderer(language: .vi, idPrefix: "chart-1").render(chart)
public struct SVGChartRenderer: Sendable {
  /// How numbers and built-in labels are written.
  public var language: Language
  /// The width of the drawing in pixels (its height follows from the content).
  public var width: Int
  /// The start of every id in the SVG.
  public var idPrefix: String

  /// The outer margin.
  static let margin = 16.0
  /// The size of ordinary text.
  static let fontSize = 12.0
  /// The size of the title.
  static let titleSize = 15.0
  /// The fonts, from what a Windows or Debian machine has.
  static let fontFamily = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"

  /// A renderer.
  ///
  ///     SVGChartRenderer(language: .en, width: 800, idPrefix: "c2")
  ///
  /// - Parameters:
  ///   - language: numbers and labels; the current language by default.
  ///   - width: the drawing width in pixels, 680 by default (an A4 page's text width).
  ///   - idPrefix: the start of the ids in the SVG, `chart` by default.
  public init(language: Language = .current, width: Int = 680, idPrefix: String = "chart") {
    self.language = language
    self.width = max(240, width)
    self.idPrefix = idPrefix
  }

  /// The chart as an `<svg>` element, ending with a line break.
  ///
  ///     SVGChartRenderer(language: .vi).render(try Chart.bar(title: "x", categories: ["a"], values: [1]))
  ///
  /// - Parameter chart: the chart.
  public func render(_ chart: Chart) -> String {
    var body = SVGWriter(depth: 1)
    var y = title(chart.title, into: &body)
    let hasData: Bool
    switch chart.kind {
    case .bar, .stacked, .line:
      hasData =
        !chart.categories.isEmpty && chart.series.contains { $0.values.contains { $0 != nil } }
    case .histogram:
      hasData = !chart.binEdges.isEmpty
    }
    if !hasData {
      y += 30
      body.text(
        "text", [("x", number(Double(width) / 2)), ("y", number(y)), ("text-anchor", "middle")],
        Message.renderChartNoData(in: language))
      y += 20
    } else {
      switch chart.kind {
      case .bar, .stacked: y = horizontalBars(chart, top: y, into: &body)
      case .histogram: y = histogram(chart, top: y, into: &body)
      case .line: y = lines(chart, top: y, into: &body)
      }
    }
    let height = (y + Self.margin).rounded(.up)
    var svg = SVGWriter()
    svg.open(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("width", String(width)),
        ("height", number(height)), ("viewBox", "0 0 \(width) \(number(height))"),
        ("role", "img"), ("aria-labelledby", "\(idPrefix)-title"),
        ("font-family", Self.fontFamily), ("font-size", number(Self.fontSize)),
      ])
    svg.text("title", [("id", "\(idPrefix)-title")], chart.title)
    if chart.kind == .stacked { ChartFill.definitions(prefix: idPrefix, into: &svg) }
    svg.empty("rect", [("width", "100%"), ("height", "100%"), ("fill", "#fff")])
    return svg.text + body.text + "</svg>\n"
  }

  /// Writes the title, wrapped to the width; returns the y below it.
  func title(_ text: String, into svg: inout SVGWriter) -> Double {
    let columns = Int((Double(width) - 2 * Self.margin) / Self.characterWidth(Self.titleSize))
    var y = Self.margin + 10
    guard !text.isEmpty else { return y }
    for line in DisplayWidth.wrap(text, width: columns) {
      svg.text(
        "text",
        [
          ("x", number(Self.margin)), ("y", number(y)), ("font-size", number(Self.titleSize)),
          ("font-weight", "bold"),
        ], line)
      y += 19
    }
    return y - 19 + 10
  }

  /// Writes a legend row by row; returns the y below it.
  func legend(
    _ names: [String], top: Double, into svg: inout SVGWriter,
    swatch: (Int, Double, Double, inout SVGWriter) -> Void
  ) -> Double {
    var x = Self.margin
    var y = top + 14
    for (index, fullName) in names.enumerated() {
      let name = Self.fit(fullName, in: Double(width) - 2 * Self.margin - 30)
      let itemWidth = 30 + Self.estimate(name)
      if x > Self.margin && x + itemWidth > Double(width) - Self.margin {
        x = Self.margin
        y += 20
      }
      swatch(index, x, y, &svg)
      svg.text("text", [("x", number(x + 30)), ("y", number(y + 4))], name)
      x += itemWidth + 16
    }
    return y + 10
  }

  /// A number for a label, the document way: `1.234,5`.
  func label(_ value: Double, decimals: Int = 2) -> String {
    DocumentFormatter(language: language).number(value, maximumFractionDigits: decimals)
  }

  /// A coordinate.
  func number(_ value: Double) -> String {
    SVGWriter.number(value)
  }

  /// `text` on one line, cut with `…` to fit `space` pixels at `size`.
  static func fit(_ text: String, in space: Double, size: Double = fontSize) -> String {
    let columns = max(1, Int(space / characterWidth(size)))
    return DisplayWidth.truncate(TerminalText.singleLine(text), to: columns)
  }

  /// The room for text centered on `center`, within the margins.
  func centeredSpace(_ center: Double) -> Double {
    2 * min(center - Self.margin, Double(width) - Self.margin - center)
  }

  /// The width of one column of text at `size`, an average over Latin and Vietnamese letters.
  static func characterWidth(_ size: Double) -> Double {
    size * 0.58
  }

  /// The estimated width of `text` at `size` (no font metrics are at hand).
  static func estimate(_ text: String, size: Double = fontSize) -> Double {
    Double(DisplayWidth.of(text)) * characterWidth(size)
  }

  /// A `<text>` element of several lines (`<tspan>`s), written on one line so no whitespace
  /// sneaks between them.
  static func multilineText(
    _ lines: [String], x: String, firstBaseline: Double, lineHeight: Double,
    attributes: [(String, String)]
  ) -> String {
    var markup = "<text" + SVGWriter.attributes([("x", x)] + attributes) + ">"
    for (index, line) in lines.enumerated() {
      let y = SVGWriter.number(firstBaseline + Double(index) * lineHeight)
      markup += "<tspan x=\"\(x)\" y=\"\(y)\">" + Escape.xml(line) + "</tspan>"
    }
    return markup + "</text>"
  }
}
