import Messages

extension Chart {
  /// The most bins a histogram may have.
  public static let maximumBinCount = 200

  /// A histogram: the values counted in bins of equal width, drawn as vertical bars with the
  /// count above each.
  ///
  /// Bins start at a multiple of the width (`70–75`, `75–80`…); each holds values from its lower
  /// edge up to, not including, its upper edge, except the last, which also holds its upper edge
  /// (so a score of 100 falls in `90–100`). Without a width, the bins follow Sturges' rule
  /// (⌈log₂ n⌉ + 1 bins) with the width rounded up to 1, 2, 2.5 or 5 times a power of ten.
  ///
  ///     try Chart.histogram(title: "Phân bố điểm", values: [72, 81.5, 88, 90], binWidth: 5,
  ///                         valueLabel: "Điểm")
  ///
  /// - Parameters:
  ///   - title: the title.
  ///   - values: the measured values (scores…).
  ///   - binWidth: the width of a bin; automatic when nil.
  ///   - valueLabel: what was measured, the horizontal axis name (`Điểm`).
  /// - Throws: `ChartError` when the width is not positive, a value is not finite, or there
  ///   would be more than `maximumBinCount` bins.
  public static func histogram(
    title: String, values: [Double], binWidth: Double? = nil, valueLabel: String? = nil
  ) throws(ChartError) -> Chart {
    if let binWidth, !(binWidth > 0 && binWidth.isFinite) { throw .binWidth(binWidth) }
    for value in values where !value.isFinite {
      throw .nonFinite(series: valueLabel ?? title, value: value)
    }
    guard let low = values.min(), let high = values.max() else {
      return Chart(
        kind: .histogram, title: title, categories: [], series: [], valueLabel: valueLabel,
        categoryLabel: nil)
    }
    let width = binWidth ?? automaticBinWidth(count: values.count, low: low, high: high)
    let startIndex = (low / width).rounded(.down)
    let start = startIndex * width
    let span = ((high - start) / width).rounded(.up)
    guard span < Double(maximumBinCount) else {
      throw .tooManyBins(count: span < 1e9 ? Int(span) : Int.max, limit: maximumBinCount)
    }
    let binCount = max(1, Int(span))
    var counts = [Double](repeating: 0, count: binCount)
    for value in values {
      let index = Int(((value - start) / width).rounded(.down))
      counts[min(max(index, 0), binCount - 1)] += 1
    }
    let edges = (0...binCount).map { (startIndex + Double($0)) * width }
    return Chart(
      kind: .histogram, title: title, categories: [],
      series: [ChartSeries(valueLabel ?? title, values: counts)], valueLabel: valueLabel,
      categoryLabel: nil, binEdges: edges)
  }

  /// Sturges' number of bins over the range, its width rounded up to 1, 2, 2.5 or 5 × 10ᵏ.
  static func automaticBinWidth(count: Int, low: Double, high: Double) -> Double {
    guard high > low else { return 1 }
    var bins = 1
    var power = 1
    while power < count {
      power *= 2
      bins += 1
    }
    return AxisScale.niceStep(atLeast: (high - low) / Double(bins), multiples: [1, 2, 2.5, 5])
  }

  /// The label of each bin, e.g. `70–75`, with the decimals the width needs.
  ///
  ///     chart.binLabels(language: .vi)  // ["70–75", "75–80"]
  ///
  /// - Parameter language: how numbers are written.
  public func binLabels(language: Language) -> [String] {
    guard binEdges.count > 1 else { return [] }
    let width = binEdges[1] - binEdges[0]
    let decimals = AxisScale.decimals(forStep: width)
    let format = DocumentFormatter(language: language)
    return binEdges.indices.dropLast().map { index in
      format.number(binEdges[index], maximumFractionDigits: decimals) + "–"
        + format.number(binEdges[index + 1], maximumFractionDigits: decimals)
    }
  }
}
