/// How a series is painted so that black-and-white print keeps series apart: gray shades far
/// apart and hatch patterns, every shape outlined in black; the legend names each fill.
struct ChartFill {
  /// The `fill` attribute: a gray or a pattern reference.
  let paint: String
  /// Whether text on this fill should be white.
  let isDark: Bool

  /// The fill of series `index` in a chart whose pattern ids start with `prefix`.
  static func series(_ index: Int, prefix: String) -> ChartFill {
    switch index % 8 {
    case 0: return ChartFill(paint: "#404040", isDark: true)
    case 1: return ChartFill(paint: "#b3b3b3", isDark: false)
    case 2: return ChartFill(paint: "url(#\(prefix)-diagonal)", isDark: false)
    case 3: return ChartFill(paint: "#000000", isDark: true)
    case 4: return ChartFill(paint: "url(#\(prefix)-cross)", isDark: false)
    case 5: return ChartFill(paint: "#e6e6e6", isDark: false)
    case 6: return ChartFill(paint: "url(#\(prefix)-dots)", isDark: false)
    default: return ChartFill(paint: "url(#\(prefix)-horizontal)", isDark: false)
    }
  }

  /// The pattern definitions the fills refer to.
  static func definitions(prefix: String, into svg: inout SVGWriter) {
    svg.open("defs")
    let patterns: [(String, String)] = [
      ("diagonal", "<path d=\"M0,6 L6,0\" stroke=\"#000\" stroke-width=\"1\"/>"),
      (
        "cross",
        "<path d=\"M0,6 L6,0 M0,0 L6,6\" stroke=\"#000\" stroke-width=\"0.8\"/>"
      ),
      ("dots", "<circle cx=\"3\" cy=\"3\" r=\"1.2\" fill=\"#000\"/>"),
      ("horizontal", "<path d=\"M0,3 L6,3\" stroke=\"#000\" stroke-width=\"1\"/>"),
    ]
    for (name, shape) in patterns {
      svg.open(
        "pattern",
        [
          ("id", "\(prefix)-\(name)"), ("width", "6"), ("height", "6"),
          ("patternUnits", "userSpaceOnUse"),
        ])
      svg.raw("<rect width=\"6\" height=\"6\" fill=\"#fff\"/>")
      svg.raw(shape)
      svg.close("pattern")
    }
    svg.close("defs")
  }
}
