import Messages

/// Why a chart cannot be built from the data it was given.
///
///     do { _ = try Chart.bar(title: "x", categories: ["a"], values: [1, 2]) }
///     catch { print(error) }  // chuỗi số liệu 'x' có 2 giá trị, cần 1 (mỗi nhóm một giá trị)
public enum ChartError: LocalizedFailure, Equatable {
  /// A series has not one value per category.
  case seriesLength(series: String, count: Int, expected: Int)
  /// A bar chart was given several series.
  case oneSeriesExpected(count: Int)
  /// A chart that needs series has none.
  case noSeries(title: String)
  /// A stacked bar chart was given a negative value.
  case negativeInStack(series: String, category: String, value: Double)
  /// A value is infinite or NaN.
  case nonFinite(series: String, value: Double)
  /// A histogram bin width is zero, negative or not finite.
  case binWidth(Double)
  /// A histogram would have more bins than can be drawn.
  case tooManyBins(count: Int, limit: Int)

  /// The message in `language`.
  ///
  ///     ChartError.binWidth(0).message(in: .en)
  ///     // "the bin width of a histogram must be a positive number, got 0"
  ///
  /// - Parameter language: Vietnamese or English.
  public func message(in language: Language) -> String {
    let format = DocumentFormatter(language: language)
    func number(_ value: Double) -> String { format.number(value, maximumFractionDigits: 6) }
    switch self {
    case .seriesLength(let series, let count, let expected):
      return Message.renderChartSeriesLength(
        ["series": series, "count": count, "expected": expected], in: language)
    case .oneSeriesExpected(let count):
      return Message.renderChartOneSeries(["count": count], in: language)
    case .noSeries(let title):
      return Message.renderChartNoSeries(["title": title], in: language)
    case .negativeInStack(let series, let category, let value):
      return Message.renderChartNegativeStack(
        ["series": series, "category": category, "value": number(value)], in: language)
    case .nonFinite(let series, let value):
      return Message.renderChartNonFinite(["series": series, "value": number(value)], in: language)
    case .binWidth(let width):
      return Message.renderChartBinWidth(["width": number(width)], in: language)
    case .tooManyBins(let count, let limit):
      return Message.renderChartTooManyBins(["count": count, "limit": limit], in: language)
    }
  }
}
