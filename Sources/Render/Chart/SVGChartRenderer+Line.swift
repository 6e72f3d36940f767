extension SVGChartRenderer {
  /// How the line of series `index` looks: stroke, dash pattern and marker.
  struct LineStyle {
    let stroke: String
    let dash: String?
    let marker: Marker
    let markerFill: String
  }

  /// Marker shapes, told apart without color.
  enum Marker {
    case circle, square, triangle, diamond
  }

  /// The style of series `index`.
  static func lineStyle(_ index: Int) -> LineStyle {
    switch index % 6 {
    case 0: return LineStyle(stroke: "#000", dash: nil, marker: .circle, markerFill: "#000")
    case 1: return LineStyle(stroke: "#000", dash: "6 4", marker: .square, markerFill: "#fff")
    case 2: return LineStyle(stroke: "#666", dash: nil, marker: .triangle, markerFill: "#666")
    case 3: return LineStyle(stroke: "#666", dash: "2 3", marker: .diamond, markerFill: "#fff")
    case 4: return LineStyle(stroke: "#000", dash: "8 3 2 3", marker: .triangle, markerFill: "#fff")
    default: return LineStyle(stroke: "#666", dash: "6 4", marker: .circle, markerFill: "#fff")
    }
  }

  /// Draws a line chart; returns the y below it.
  func lines(_ chart: Chart, top: Double, into svg: inout SVGWriter) -> Double {
    let margin = Self.margin
    let values = chart.series.flatMap { $0.values.compactMap { $0 } }
    let scale = AxisScale(minimum: values.min() ?? 0, maximum: values.max() ?? 1)
    let tickTexts = scale.ticks.map { label($0, decimals: scale.decimals) }
    let plotLeft = margin + 20 + (tickTexts.map { Self.estimate($0) }.max() ?? 0) + 8
    let plotRight = Double(width) - margin - 8
    let plotTop = top + 16
    let plotBottom = plotTop + Self.plotHeight
    func y(_ value: Double) -> Double { scale.position(value, from: plotBottom, to: plotTop) }
    let slot = (plotRight - plotLeft) / Double(chart.categories.count)
    func x(_ index: Int) -> Double { plotLeft + (Double(index) + 0.5) * slot }

    valueGrid(
      scale, texts: tickTexts, left: plotLeft, right: plotRight, bottom: plotBottom,
      axisLabel: chart.valueLabel, into: &svg)
    svg.empty(
      "line",
      [
        ("x1", number(plotLeft)), ("y1", number(plotBottom)), ("x2", number(plotRight)),
        ("y2", number(plotBottom)), ("stroke", "#000"),
      ])
    let columns = max(1, Int((slot - 4) / Self.characterWidth(Self.fontSize)))
    for (index, name) in chart.categories.enumerated() {
      svg.text(
        "text",
        [("x", number(x(index))), ("y", number(plotBottom + 17)), ("text-anchor", "middle")],
        DisplayWidth.truncate(TerminalText.singleLine(name), to: columns))
    }

    for (seriesIndex, series) in chart.series.enumerated() {
      let style = Self.lineStyle(seriesIndex)
      var path = ""
      var penDown = false
      for (index, value) in series.values.enumerated() {
        guard let value else {
          penDown = false
          continue
        }
        path +=
          (path.isEmpty ? "" : " ") + (penDown ? "L" : "M") + number(x(index)) + ","
          + number(y(value))
        penDown = true
      }
      var attributes = [
        ("d", path), ("fill", "none"), ("stroke", style.stroke), ("stroke-width", "2"),
      ]
      if let dash = style.dash { attributes.append(("stroke-dasharray", dash)) }
      svg.empty("path", attributes)
      for (index, value) in series.values.enumerated() {
        guard let value else { continue }
        marker(style, x: x(index), y: y(value), into: &svg)
        if chart.series.count == 1 {
          svg.text(
            "text",
            [
              ("x", number(x(index))), ("y", number(y(value) - 8)), ("text-anchor", "middle"),
              ("stroke", "#fff"), ("stroke-width", "3"), ("paint-order", "stroke"),
            ], label(value))
        }
      }
    }

    var bottom = plotBottom + 17
    if let categoryLabel = chart.categoryLabel {
      bottom += 18
      svg.text(
        "text",
        [
          ("x", number((plotLeft + plotRight) / 2)), ("y", number(bottom)),
          ("text-anchor", "middle"), ("font-weight", "bold"),
        ], Self.fit(categoryLabel, in: centeredSpace((plotLeft + plotRight) / 2)))
    }
    if chart.series.count > 1 {
      bottom = legend(chart.series.map(\.name), top: bottom + 6, into: &svg) {
        index, x, y, svg in
        let style = Self.lineStyle(index)
        var attributes = [
          ("x1", SVGWriter.number(x)), ("y1", SVGWriter.number(y)),
          ("x2", SVGWriter.number(x + 24)), ("y2", SVGWriter.number(y)),
          ("stroke", style.stroke), ("stroke-width", "2"),
        ]
        if let dash = style.dash { attributes.append(("stroke-dasharray", dash)) }
        svg.empty("line", attributes)
        marker(style, x: x + 12, y: y, into: &svg)
      }
    }
    return bottom
  }

  /// One marker centered on `x`, `y`.
  func marker(_ style: LineStyle, x: Double, y: Double, into svg: inout SVGWriter) {
    let paint = [("fill", style.markerFill), ("stroke", style.stroke), ("stroke-width", "1.5")]
    switch style.marker {
    case .circle:
      svg.empty("circle", [("cx", number(x)), ("cy", number(y)), ("r", "3.5")] + paint)
    case .square:
      svg.empty(
        "rect",
        [("x", number(x - 3.5)), ("y", number(y - 3.5)), ("width", "7"), ("height", "7")] + paint)
    case .triangle:
      let points =
        "\(number(x)),\(number(y - 4.5)) \(number(x + 4)),\(number(y + 3)) "
        + "\(number(x - 4)),\(number(y + 3))"
      svg.empty("polygon", [("points", points)] + paint)
    case .diamond:
      let points =
        "\(number(x)),\(number(y - 4.5)) \(number(x + 4.5)),\(number(y)) "
        + "\(number(x)),\(number(y + 4.5)) \(number(x - 4.5)),\(number(y))"
      svg.empty("polygon", [("points", points)] + paint)
    }
  }
}
