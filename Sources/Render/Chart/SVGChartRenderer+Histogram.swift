import Messages

extension SVGChartRenderer {
  /// The height of the plot area of vertical charts.
  static let plotHeight = 220.0

  /// Draws a histogram; returns the y below it.
  func histogram(_ chart: Chart, top: Double, into svg: inout SVGWriter) -> Double {
    let margin = Self.margin
    let counts = chart.series[0].values.map { $0 ?? 0 }
    let edges = chart.binEdges
    let scale = AxisScale(minimum: 0, maximum: counts.max() ?? 1, integers: true)
    let tickTexts = scale.ticks.map { label($0, decimals: 0) }
    let plotLeft = margin + 20 + (tickTexts.map { Self.estimate($0) }.max() ?? 0) + 8
    let plotRight = Double(width) - margin
    let plotTop = top + 16
    let plotBottom = plotTop + Self.plotHeight
    func y(_ value: Double) -> Double { scale.position(value, from: plotBottom, to: plotTop) }

    valueGrid(
      scale, texts: tickTexts, left: plotLeft, right: plotRight, bottom: plotBottom,
      axisLabel: Message.renderChartCount(in: language), into: &svg)

    let binWidth = (plotRight - plotLeft) / Double(counts.count)
    for (index, count) in counts.enumerated() {
      let left = plotLeft + Double(index) * binWidth
      if count > 0 {
        svg.empty(
          "rect",
          [
            ("x", number(left)), ("y", number(y(count))), ("width", number(binWidth)),
            ("height", number(plotBottom - y(count))), ("fill", "#a6a6a6"), ("stroke", "#000"),
            ("stroke-width", "0.5"),
          ])
        let text = label(count, decimals: 0)
        if binWidth >= Self.estimate(text) + 2 {
          svg.text(
            "text",
            [
              ("x", number(left + binWidth / 2)), ("y", number(y(count) - 4)),
              ("text-anchor", "middle"),
            ], text)
        }
      }
    }
    svg.empty(
      "line",
      [
        ("x1", number(plotLeft)), ("y1", number(plotBottom)), ("x2", number(plotRight)),
        ("y2", number(plotBottom)), ("stroke", "#000"),
      ])

    // Edge labels, every k-th so they do not overlap.
    let decimals = AxisScale.decimals(forStep: edges.count > 1 ? edges[1] - edges[0] : 1)
    let edgeTexts = edges.map { label($0, decimals: decimals) }
    let widest = (edgeTexts.map { Self.estimate($0) }.max() ?? 0) + 8
    let every = max(1, Int((widest / binWidth).rounded(.up)))
    for (index, text) in edgeTexts.enumerated() where index % every == 0 {
      let x = plotLeft + Double(index) * binWidth
      svg.empty(
        "line",
        [
          ("x1", number(x)), ("y1", number(plotBottom)), ("x2", number(x)),
          ("y2", number(plotBottom + 4)), ("stroke", "#000"),
        ])
      svg.text(
        "text", [("x", number(x)), ("y", number(plotBottom + 17)), ("text-anchor", "middle")],
        text)
    }
    var bottom = plotBottom + 17
    if let valueLabel = chart.valueLabel {
      bottom += 18
      svg.text(
        "text",
        [
          ("x", number((plotLeft + plotRight) / 2)), ("y", number(bottom)),
          ("text-anchor", "middle"), ("font-weight", "bold"),
        ], Self.fit(valueLabel, in: centeredSpace((plotLeft + plotRight) / 2)))
    }
    return bottom
  }

  /// Horizontal grid lines with their tick labels, and the value axis name turned upright.
  func valueGrid(
    _ scale: AxisScale, texts: [String], left: Double, right: Double, bottom: Double,
    axisLabel: String?, into svg: inout SVGWriter
  ) {
    let top = bottom - Self.plotHeight
    for (tick, text) in zip(scale.ticks, texts) {
      let y = scale.position(tick, from: bottom, to: top)
      if tick != scale.lower {
        svg.empty(
          "line",
          [
            ("x1", number(left)), ("y1", number(y)), ("x2", number(right)), ("y2", number(y)),
            ("stroke", tick == 0 ? "#000" : "#bfbfbf"),
            ("stroke-dasharray", tick == 0 ? "none" : "3 3"),
          ])
      }
      svg.text(
        "text", [("x", number(left - 6)), ("y", number(y + 4)), ("text-anchor", "end")], text)
    }
    svg.empty(
      "line",
      [
        ("x1", number(left)), ("y1", number(top)), ("x2", number(left)), ("y2", number(bottom)),
        ("stroke", "#000"),
      ])
    if let axisLabel, !axisLabel.isEmpty {
      let x = Self.margin + 8
      let y = (top + bottom) / 2
      svg.text(
        "text",
        [
          ("x", number(x)), ("y", number(y)), ("text-anchor", "middle"),
          ("transform", "rotate(-90 \(number(x)) \(number(y)))"), ("font-weight", "bold"),
        ], Self.fit(axisLabel, in: Self.plotHeight))
    }
  }
}
