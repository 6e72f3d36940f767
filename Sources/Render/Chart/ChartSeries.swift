/// One named series of a chart: a value per category (nil where there is none).
///
///     ChartSeries("Đúng hạn", values: [12, 9, nil])
public struct ChartSeries: Sendable, Hashable {
  /// The name shown in the legend, e.g. `Đúng hạn`.
  public var name: String
  /// A value per category; nil draws nothing (a gap in a line, no bar).
  public var values: [Double?]

  /// A series.
  ///
  ///     ChartSeries("Trễ hạn", values: [1, 0, 3])
  ///
  /// - Parameters:
  ///   - name: the legend name.
  ///   - values: a value per category, nil for none.
  public init(_ name: String, values: [Double?]) {
    self.name = name
    self.values = values
  }
}
