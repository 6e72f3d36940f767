import Messages

/// A chart for a report, drawn by `SVGChartRenderer`: horizontal bars, stacked bars, a
/// histogram or lines. Built by the throwing factories, which check the data, so a `Chart`
/// value can always be drawn.
///
///     let chart = try Chart.bar(
///       title: "Số đăng ký theo đơn vị", categories: ["Đảng bộ xã Đạ Sar", "Đảng bộ xã Lát"],
///       values: [12, 9], valueLabel: "Số đăng ký")
public struct Chart: Sendable, Hashable {
  /// The kinds of chart.
  public enum Kind: String, Sendable, CaseIterable {
    /// Horizontal bars, one per category (long unit names fit on the left).
    case bar
    /// Horizontal bars split into a segment per series.
    case stacked
    /// Vertical bars counting values per bin.
    case histogram
    /// One line per series across the categories.
    case line
  }

  /// The kind of chart.
  public let kind: Kind
  /// The title drawn above the chart.
  public let title: String
  /// The category names (bars or points), in order; empty for a histogram.
  public let categories: [String]
  /// The series; a bar chart and a histogram (the counts) have one.
  public let series: [ChartSeries]
  /// The name of the value axis, e.g. `Số đăng ký`; for a histogram, what was measured.
  public let valueLabel: String?
  /// The name of the category axis, e.g. `Đơn vị`.
  public let categoryLabel: String?
  /// A histogram's bin edges (one more than bins); empty for other kinds.
  public let binEdges: [Double]

  init(
    kind: Kind, title: String, categories: [String], series: [ChartSeries],
    valueLabel: String?, categoryLabel: String?, binEdges: [Double] = []
  ) {
    self.kind = kind
    self.title = title
    self.categories = categories
    self.series = series
    self.valueLabel = valueLabel
    self.categoryLabel = categoryLabel
    self.binEdges = binEdges
  }

  /// Horizontal bars, one per category, the value written at the end of each bar. Negative
  /// values draw to the left of zero.
  ///
  ///     try Chart.bar(title: "Đăng ký", categories: ["Lát", "Đạ Sar"], values: [9, 12])
  ///
  /// - Parameters:
  ///   - title: the title.
  ///   - categories: the bar names.
  ///   - values: a value per category; nil for no bar.
  ///   - valueLabel: the value axis name.
  ///   - categoryLabel: the category axis name.
  /// - Throws: `ChartError` when the counts differ or a value is not finite.
  public static func bar(
    title: String, categories: [String], values: [Double?], valueLabel: String? = nil,
    categoryLabel: String? = nil
  ) throws(ChartError) -> Chart {
    let series = ChartSeries(valueLabel ?? title, values: values)
    try check([series], categories: categories)
    return Chart(
      kind: .bar, title: title, categories: categories, series: [series],
      valueLabel: valueLabel, categoryLabel: categoryLabel)
  }

  /// A bar chart from series, as the Lua layer passes them: exactly one series.
  ///
  ///     try Chart.bar(title: "Đăng ký", categories: ["Lát"], series: [ChartSeries("n", values: [9])])
  ///
  /// - Parameters:
  ///   - title: the title.
  ///   - categories: the bar names.
  ///   - series: one series.
  ///   - valueLabel: the value axis name.
  ///   - categoryLabel: the category axis name.
  /// - Throws: `ChartError.oneSeriesExpected` for more or fewer, and as `bar(title:categories:values:)`.
  public static func bar(
    title: String, categories: [String], series: [ChartSeries], valueLabel: String? = nil,
    categoryLabel: String? = nil
  ) throws(ChartError) -> Chart {
    guard series.count == 1 else { throw .oneSeriesExpected(count: series.count) }
    try check(series, categories: categories)
    return Chart(
      kind: .bar, title: title, categories: categories, series: series,
      valueLabel: valueLabel ?? (series[0].name.isEmpty ? nil : series[0].name),
      categoryLabel: categoryLabel)
  }

  /// Horizontal bars split into one segment per series (on time / late, by field…), with the
  /// segment values inside when they fit and the total at the end.
  ///
  ///     try Chart.stacked(
  ///       title: "Đúng hạn và trễ hạn", categories: ["Lát", "Đạ Sar"],
  ///       series: [ChartSeries("Đúng hạn", values: [8, 11]), ChartSeries("Trễ hạn", values: [1, 1])])
  ///
  /// - Parameters:
  ///   - title: the title.
  ///   - categories: the bar names.
  ///   - series: the segments, each with a value per category (nil counts as 0).
  ///   - valueLabel: the value axis name.
  ///   - categoryLabel: the category axis name.
  /// - Throws: `ChartError` when there is no series, counts differ, or a value is negative or
  ///   not finite.
  public static func stacked(
    title: String, categories: [String], series: [ChartSeries], valueLabel: String? = nil,
    categoryLabel: String? = nil
  ) throws(ChartError) -> Chart {
    guard !series.isEmpty else { throw .noSeries(title: title) }
    try check(series, categories: categories)
    for item in series {
      for (index, value) in item.values.enumerated() {
        if let value, value < 0 {
          throw .negativeInStack(series: item.name, category: categories[index], value: value)
        }
      }
    }
    return Chart(
      kind: .stacked, title: title, categories: categories, series: series,
      valueLabel: valueLabel, categoryLabel: categoryLabel)
  }

  /// One line per series across the categories (years, months), with a distinct dash pattern
  /// and marker per series; nil leaves a gap.
  ///
  ///     try Chart.line(
  ///       title: "Điểm trung bình", categories: ["2021", "2022", "2023"],
  ///       series: [ChartSeries("Điểm", values: [76.5, 79, 81.2])])
  ///
  /// - Parameters:
  ///   - title: the title.
  ///   - categories: the points along the horizontal axis.
  ///   - series: the lines.
  ///   - valueLabel: the value axis name.
  ///   - categoryLabel: the category axis name.
  /// - Throws: `ChartError` when there is no series, counts differ, or a value is not finite.
  public static func line(
    title: String, categories: [String], series: [ChartSeries], valueLabel: String? = nil,
    categoryLabel: String? = nil
  ) throws(ChartError) -> Chart {
    guard !series.isEmpty else { throw .noSeries(title: title) }
    try check(series, categories: categories)
    return Chart(
      kind: .line, title: title, categories: categories, series: series,
      valueLabel: valueLabel, categoryLabel: categoryLabel)
  }

  /// Checks one value per category and finite values.
  static func check(_ series: [ChartSeries], categories: [String]) throws(ChartError) {
    for item in series {
      guard item.values.count == categories.count else {
        throw .seriesLength(
          series: item.name, count: item.values.count, expected: categories.count)
      }
      for case let value? in item.values where !value.isFinite {
        throw .nonFinite(series: item.name, value: value)
      }
    }
  }
}
