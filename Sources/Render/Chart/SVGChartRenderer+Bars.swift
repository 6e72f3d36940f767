extension SVGChartRenderer {
  /// Draws a bar or stacked bar chart with horizontal bars; returns the y below it.
  func horizontalBars(_ chart: Chart, top: Double, into svg: inout SVGWriter) -> Double {
    let margin = Self.margin
    let n = chart.categories.count
    let isStacked = chart.kind == .stacked
    // What each bar adds up to, and the text written at its end.
    let totals: [Double?] = (0..<n).map { index in
      let values = chart.series.compactMap { $0.values[index] }
      if values.isEmpty { return nil }
      return isStacked ? values.reduce(0, +) : values[0]
    }
    let totalTexts = totals.map { $0.map { label($0) } ?? "" }
    let present = totals.compactMap { $0 }
    let scale = AxisScale(minimum: present.min() ?? 0, maximum: present.max() ?? 1)

    // Category names on the left, wrapped to two lines at most.
    let labelLimit = Double(width) * 0.38
    let labelColumns = max(6, Int(labelLimit / Self.characterWidth(Self.fontSize)))
    let names = chart.categories.map { name -> [String] in
      let lines = DisplayWidth.wrap(TerminalText.singleLine(name), width: labelColumns)
      guard lines.count > 2 else { return lines }
      return [
        lines[0], DisplayWidth.truncate(lines[1...].joined(separator: " "), to: labelColumns),
      ]
    }
    let labelWidth = min(labelLimit, names.joined().map { Self.estimate($0) }.max() ?? 0)
    let valueSpace = (totalTexts.map { Self.estimate($0) }.max() ?? 0) + 8
    let hasNegative = (present.min() ?? 0) < 0
    let plotLeft = margin + labelWidth + 10 + (hasNegative ? valueSpace : 0)
    let plotRight = Double(width) - margin - valueSpace
    let labelRight = plotLeft - 10 - (hasNegative ? valueSpace : 0)
    func x(_ value: Double) -> Double { scale.position(value, from: plotLeft, to: plotRight) }

    var y = top
    if let categoryLabel = chart.categoryLabel {
      y += 14
      svg.text(
        "text",
        [
          ("x", number(labelRight)), ("y", number(y)), ("text-anchor", "end"),
          ("font-weight", "bold"),
        ], Self.fit(categoryLabel, in: labelRight - margin))
    }
    let plotTop = y + 6
    let rowHeights = names.map { max(26, Double($0.count) * 14 + 10) }
    let plotBottom = plotTop + rowHeights.reduce(0, +)

    for tick in scale.ticks where tick != 0 {
      svg.empty(
        "line",
        [
          ("x1", number(x(tick))), ("y1", number(plotTop)), ("x2", number(x(tick))),
          ("y2", number(plotBottom)), ("stroke", "#bfbfbf"), ("stroke-dasharray", "3 3"),
        ])
    }

    var rowTop = plotTop
    for index in 0..<n {
      let center = rowTop + rowHeights[index] / 2
      let lines = names[index]
      svg.raw(
        Self.multilineText(
          lines, x: number(labelRight),
          firstBaseline: center - Double(lines.count - 1) * 7 + 4, lineHeight: 14,
          attributes: [("text-anchor", "end")]))
      let barHeight = 16.0
      let barTop = center - barHeight / 2
      var start = 0.0
      for (seriesIndex, series) in chart.series.enumerated() {
        guard let value = series.values[index] else { continue }
        let end = isStacked ? start + value : value
        let left = x(min(start, end))
        let length = abs(x(end) - x(start))
        let fill = isStacked ? ChartFill.series(seriesIndex, prefix: idPrefix) : Self.barFill
        if length > 0 {
          svg.empty(
            "rect",
            [
              ("x", number(left)), ("y", number(barTop)), ("width", number(length)),
              ("height", number(barHeight)), ("fill", fill.paint), ("stroke", "#000"),
              ("stroke-width", "0.5"),
            ])
        }
        if isStacked && chart.series.count > 1 && value > 0 {
          let text = label(value)
          if length >= Self.estimate(text) + 6 {
            svg.text(
              "text", segmentLabelAttributes(x: left + length / 2, y: center + 4, fill: fill),
              text)
          }
        }
        start = end
      }
      if let total = totals[index] {
        let end = x(total)
        svg.text(
          "text",
          total < 0
            ? [("x", number(end - 5)), ("y", number(center + 4)), ("text-anchor", "end")]
            : [("x", number(end + 5)), ("y", number(center + 4))],
          totalTexts[index])
      }
      rowTop += rowHeights[index]
    }

    // The zero line and the axis with its ticks.
    svg.empty(
      "line",
      [
        ("x1", number(x(0))), ("y1", number(plotTop)), ("x2", number(x(0))),
        ("y2", number(plotBottom)), ("stroke", "#000"),
      ])
    svg.empty(
      "line",
      [
        ("x1", number(plotLeft)), ("y1", number(plotBottom)), ("x2", number(plotRight)),
        ("y2", number(plotBottom)), ("stroke", "#000"),
      ])
    for tick in scale.ticks {
      svg.text(
        "text",
        [("x", number(x(tick))), ("y", number(plotBottom + 16)), ("text-anchor", "middle")],
        label(tick, decimals: scale.decimals))
    }
    y = plotBottom + 16
    if let valueLabel = chart.valueLabel {
      y += 18
      svg.text(
        "text",
        [
          ("x", number((plotLeft + plotRight) / 2)), ("y", number(y)),
          ("text-anchor", "middle"), ("font-weight", "bold"),
        ], Self.fit(valueLabel, in: centeredSpace((plotLeft + plotRight) / 2)))
    }
    if isStacked {
      y = legend(chart.series.map(\.name), top: y + 6, into: &svg) { index, x, y, svg in
        let fill = ChartFill.series(index, prefix: idPrefix)
        svg.empty(
          "rect",
          [
            ("x", SVGWriter.number(x + 6)), ("y", SVGWriter.number(y - 6)), ("width", "14"),
            ("height", "12"), ("fill", fill.paint), ("stroke", "#000"), ("stroke-width", "0.5"),
          ])
      }
    }
    return y
  }

  /// The fill of single-series bars.
  static let barFill = ChartFill(paint: "#7f7f7f", isDark: false)

  /// A value inside a bar segment: white on dark fills, black with a white halo elsewhere (so it
  /// reads over hatching).
  func segmentLabelAttributes(x: Double, y: Double, fill: ChartFill) -> [(String, String)] {
    var attributes = [("x", number(x)), ("y", number(y)), ("text-anchor", "middle")]
    if fill.isDark {
      attributes.append(("fill", "#fff"))
    } else {
      attributes += [("stroke", "#fff"), ("stroke-width", "3"), ("paint-order", "stroke")]
    }
    return attributes
  }
}
